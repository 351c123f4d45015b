/**
 * IPTC ninjs (news in JSON), as AP and modern agency APIs deliver it: 1.x (`headline`,
 * `body_html`, `located`, renditions and associations as objects) and 2.x/3.0
 * (`headlines`, `bodies`, arrays with `name`, camelCase in 3.0). Property names are read
 * without regard to case, so `versioncreated` and `versionCreated` are one field.
 */
import { htmlFragment, paragraphsOf } from './body.ts';
import { agencyName, datelinePlace, readStatus, readUrgency, readVersion, required, textParagraphs } from './common.ts';
import { agencyTime } from './time.ts';
import { keepStories } from './nitf.ts';
import {
  AgencyParseError,
  NotAStory,
  type AgencyFormat,
  type Paragraph,
  type WireItem,
  type WirePhoto,
} from './types.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A property by name, whatever its case (`versionCreated` or `versioncreated`). */
function get(object: Json | undefined, name: string): unknown {
  if (!object) return undefined;
  if (name in object) return object[name];
  const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : object[key];
}

function text(object: Json | undefined, name: string, field = name): string | undefined {
  let value = get(object, name);
  if (value === undefined || value === null) return undefined;
  // AP's ninjs 2 gives some texts (usageterms) as a list of strings.
  if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) value = value.join(' ');
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new AgencyParseError(field, `expected text, not ${Array.isArray(value) ? 'a list' : typeof value}`);
  }
  return String(value).trim() || undefined;
}

/** A 2.x list of `{ name|role, value }` objects, or a 1.x object keyed by name, as [name, object] pairs. */
function named(value: unknown): [string, Json][] {
  if (Array.isArray(value)) {
    return value
      .filter(isObject)
      .map((entry, index) => [String(get(entry, 'name') ?? get(entry, 'role') ?? index), entry]);
  }
  return isObject(value) ? Object.entries(value).filter((entry): entry is [string, Json] => isObject(entry[1])) : [];
}

function firstValue(list: unknown, roles: readonly string[]): string | undefined {
  const entries = named(list).map(([, entry]) => entry);
  const chosen = entries.find((entry) => roles.includes(String(get(entry, 'role') ?? '').toLowerCase())) ?? entries[0];
  return chosen ? text(chosen, 'value') : undefined;
}

function bodyParagraphs(item: Json): Paragraph[] {
  const html = text(item, 'body_html');
  if (html) return paragraphsOf(htmlFragment(html));
  const bodies = named(get(item, 'bodies')).map(([, entry]) => entry);
  const htmlBody = bodies.find((entry) => /html/.test(String(get(entry, 'contenttype') ?? '')));
  if (htmlBody) return paragraphsOf(htmlFragment(String(get(htmlBody, 'value') ?? '')));
  const plain = text(item, 'body_text') ?? (bodies[0] ? text(bodies[0], 'value', 'bodies[0].value') : undefined);
  return plain ? textParagraphs(plain).map((line) => [{ kind: 'text', text: line }]) : [];
}

function photos(item: Json): WirePhoto[] {
  const found: WirePhoto[] = [];
  for (const [name, association] of named(get(item, 'associations'))) {
    if (String(get(association, 'type') ?? 'picture') !== 'picture') continue;
    const renditions = named(get(association, 'renditions')).map(([key, rendition]) => ({ key, rendition }));
    const href = (rendition: Json) => text(rendition, 'href');
    const local = renditions.find(({ rendition }) => {
      const value = href(rendition);
      return value !== undefined && !/^[a-z][a-z\d+.-]*:/i.test(value);
    });
    const best =
      local ??
      renditions.find(({ key }) => /original|hires|high/i.test(key)) ??
      [...renditions].sort(
        (a, b) => Number(get(b.rendition, 'width') ?? 0) - Number(get(a.rendition, 'width') ?? 0),
      )[0];
    const where = `associations.${name}.renditions.${best?.key ?? '?'}.href`;
    const chosen = best ? href(best.rendition) : text(association, 'uri');
    if (!chosen) continue;
    found.push({
      href: chosen,
      caption:
        text(association, 'description_text') ??
        text(association, 'body_text') ??
        firstValue(get(association, 'descriptions'), ['caption', 'text']),
      credit: text(association, 'byline') ?? text(association, 'by') ?? text(association, 'copyrightholder'),
      alt: firstValue(get(association, 'descriptions'), ['alternative', 'alt']),
      field: best ? where : `associations.${name}.uri`,
    });
  }
  return found;
}

/** A name given as text or as an object with a `name` (ninjs 2.x). */
function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (isObject(value)) return nameOf(get(value, 'name'));
  return undefined;
}

function located(item: Json): string | undefined {
  const given = text(item, 'located');
  if (given) return datelinePlace(given);
  const places = named(get(item, 'places')).map(([, place]) => place);
  const place = places.find((entry) => /located/i.test(String(get(entry, 'rel') ?? '')));
  return place ? text(place, 'name') : undefined;
}

/**
 * Maps one ninjs object to a wire item.
 *
 * @example
 * ninjsItem({ uri: 'x', headline: 'Hi', body_text: 'One.' }).paragraphs.length; // 1
 */
export function ninjsItem(item: Json): WireItem {
  const when = (name: string) => {
    const value = text(item, name);
    return value ? agencyTime(value, name) : undefined;
  };
  const subjects = [...named(get(item, 'subject')), ...named(get(item, 'subjects'))].map(([, subject]) => {
    const code = text(subject, 'code') ?? text(subject, 'literal') ?? text(subject, 'uri');
    return { code: code && /^\d{8}$/.test(code) ? `subj:${code}` : code, name: text(subject, 'name') };
  });
  const ednotes = [text(item, 'ednote'), ...named(get(item, 'ednotes')).map(([, note]) => text(note, 'value'))];
  const paragraphs = bodyParagraphs(item);
  const place = located(item);
  const signals = named(get(item, 'signals')).map(([, signal]) =>
    String(get(signal, 'uri') ?? get(signal, 'name') ?? ''),
  );
  const status = text(item, 'pubstatus');
  return {
    format: 'ninjs',
    id: required(text(item, 'uri') ?? text(item, 'guid') ?? text(item, 'id'), 'uri', 'the item id'),
    version: readVersion(get(item, 'version'), 'version'),
    status: status ? readStatus(status, 'pubstatus') : 'usable',
    headline: required(
      text(item, 'headline') ?? firstValue(get(item, 'headlines'), ['main', 'headline']),
      'headline',
      'the headline',
    ),
    slugline: text(item, 'slugline'),
    lang: text(item, 'language'),
    // The provider, else the source (Superdesk's ninjs: the agency a story came from), else
    // the copyright holder: AAP redistributes Reuters copy as its own copyright.
    agency: agencyName(nameOf(get(item, 'provider')) ?? nameOf(get(item, 'source')) ?? text(item, 'copyrightholder')),
    dateline: place ? { place } : undefined,
    firstCreated: when('firstcreated') ?? when('contentcreated'),
    versionCreated: when('versioncreated'),
    embargo: when('embargoed'),
    urgency: readUrgency(get(item, 'urgency'), 'urgency'),
    description: text(item, 'description_text') ?? firstValue(get(item, 'descriptions'), ['summary', 'abstract']),
    paragraphs,
    subjects,
    edNotes: ednotes.filter((note): note is string => note !== undefined),
    copyright:
      text(item, 'copyrightnotice') ??
      (text(item, 'copyrightholder') ? `© ${text(item, 'copyrightholder')}` : undefined),
    usageTerms: text(item, 'usageterms'),
    correction: signals.some((signal) => /correct/i.test(signal)) ? {} : undefined,
    photos: photos(item),
    notes: [],
  };
}

/** Item types that are media, not text: a picture item is not a story of its own. */
const MEDIA_TYPES = new Set(['picture', 'graphic', 'video', 'audio', 'image']);

/**
 * The ninjs items of a JSON document: the object itself, or the items of an API response
 * wrapping them (AP Media API `{ data: { item } }`, a feed page `{ item: [...] }`,
 * `{ items: [...] }`), each with where it stands, for error messages.
 */
function unwrap(value: Json): { item: Json; where: string }[] {
  const isItem = (candidate: Json) =>
    ['uri', 'guid', 'headline', 'headlines', 'body_html', 'bodies'].some((name) => get(candidate, name) !== undefined);
  if (isItem(value)) return [{ item: value, where: '' }];
  const data = get(value, 'data');
  for (const [container, prefix] of [
    [isObject(data) ? data : undefined, 'data.'],
    [value, ''],
  ] as const) {
    if (!container) continue;
    for (const key of ['item', 'items']) {
      const inner = get(container, key);
      if (isObject(inner)) return [{ item: inner, where: `${prefix}${key}.` }];
      if (Array.isArray(inner)) {
        return inner.filter(isObject).map((item, index) => ({ item, where: `${prefix}${key}[${index}].` }));
      }
    }
  }
  return [{ item: value, where: '' }];
}

function storyOf(value: Json, where: string): WireItem {
  const type = text(value, 'type')?.toLowerCase();
  if (type && MEDIA_TYPES.has(type)) {
    throw new NotAStory(
      `${where}type`,
      `a ${type} item (type "${type}"), not a story: import the text item it goes with`,
    );
  }
  let item: WireItem;
  try {
    item = ninjsItem(value);
  } catch (error) {
    if (error instanceof AgencyParseError && where)
      throw new AgencyParseError(`${where}${error.field}`, error.message.slice(error.field.length + 2));
    throw error;
  }
  if (item.status === 'usable' && item.paragraphs.length === 0) {
    const texts = named(get(value, 'renditions'))
      .filter(([, rendition]) =>
        /text|xml|nitf/i.test(`${String(get(rendition, 'type') ?? '')} ${String(get(rendition, 'mimetype') ?? '')}`),
      )
      .map(([name]) => name);
    throw new AgencyParseError(
      `${where}body_html`,
      `the item has no body (body_html, body_text or bodies)${texts.length > 0 ? `; its text is only in renditions (${texts.join(', ')}), which are not fetched` : ''}`,
    );
  }
  return item;
}

/** ninjs: a JSON object with an item `uri` (or `guid`) and a headline, or an API response holding such items. */
export const ninjs: AgencyFormat = {
  name: 'ninjs',
  canParse(source) {
    const head = source.replace(/^\uFEFF/, '').trimStart();
    return head.startsWith('{');
  },
  parse(source) {
    let value: unknown;
    try {
      value = JSON.parse(source.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new AgencyParseError('JSON', (error as Error).message);
    }
    if (!isObject(value)) throw new AgencyParseError('JSON', 'expected a ninjs object at the top level');
    return keepStories(
      unwrap(value).map(
        ({ item, where }) =>
          () =>
            storyOf(item, where),
      ),
    );
  },
};
