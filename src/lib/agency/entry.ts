/**
 * The one writer of entries from wire items: frontmatter and Markdown body, the decision
 * between a new entry, an update, an unchanged or an older revision, and kills.
 */
import { dump } from 'js-yaml';
import { storySchema } from '../schema.ts';
import { slugify } from '../slug.ts';
import { firstSentence } from '../wire-import.ts';
import { plainText, toMarkdown, trimStory } from './body.ts';
import { hash } from './hash.ts';
import { subjectSection, subjectTags } from './subjects.ts';
import { instant, localDate } from './time.ts';
import { AgencyParseError, type WireItem } from './types.ts';

export { hash };

/** What the writer needs beyond the item. */
export interface EntryOptions {
  /** The agency, when the item does not name it (`--agency`). */
  agency?: string | undefined;
  /** The section (`--section`); else the entry's current one, else the item's first subject. */
  section?: string | undefined;
  /** Extra tags (`--tags`). */
  tags?: readonly string[] | undefined;
  /** The language, when the item does not give it (`--lang`; default `en`). */
  lang?: string | undefined;
  /** The entry as it is on disk, when this item revises one. */
  existing?: Record<string, unknown> | undefined;
  /** The photo as the entry refers to it (`./x.jpg`), once the CLI has copied the file. */
  imageSrc?: string | undefined;
  /** Photos given only as remote URLs: recorded, never fetched. */
  remoteImages?: readonly string[] | undefined;
  /** The spelling the archive already uses for a tag or section, by slug. */
  spelling?: ReadonlyMap<string, string> | undefined;
  /** The slug to give a new entry, when the headline's slug is taken. */
  slug?: string | undefined;
  /** The dateline place, for items that give none (`--place`). */
  place?: string | undefined;
}

/** An entry ready to write. */
export interface Entry {
  data: Record<string, unknown>;
  markdown: string;
  paragraphs: number;
  /** Lines taken out of the body (sign-off, staff initials) and what became of them. */
  notes: string[];
}

/** Where the entry stands against one already on disk. */
export type Revision = 'new' | 'update' | 'same' | 'older';

/**
 * Whether an incoming revision creates, updates or must leave an entry alone: only a
 * higher version replaces what is there.
 *
 * @example
 * compareRevision(undefined, 1); // "new"
 * compareRevision(3, 2); // "older"
 */
export function compareRevision(current: number | undefined, incoming: number): Revision {
  if (current === undefined) return 'new';
  if (incoming > current) return 'update';
  return incoming === current ? 'same' : 'older';
}

/**
 * The file an item's entry lives in, under `content/`: the agency's folder and the item id
 * made into a file name, so every revision of an item lands on the same file.
 *
 * @example
 * entryFile({ id: 'urn:newsml:efe.es:20230620:123' }, 'EFE'); // "efe/urn-newsml-efe-es-20230620-123.md"
 */
export function entryFile(item: Pick<WireItem, 'id'>, agency: string): string {
  let name = slugify(item.id) || 'item';
  if (name.length > 90) name = `${name.slice(0, 80).replace(/-+$/, '')}-${hash(item.id)}`;
  return `${slugify(agency) || 'agency'}/${name}.md`;
}

function spelt(name: string, spelling: ReadonlyMap<string, string> | undefined): string {
  return spelling?.get(slugify(name)) ?? name;
}

function clean<T extends Record<string, unknown>>(data: T): T {
  return Object.fromEntries(
    Object.entries(data).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  ) as T;
}

const asText = (value: unknown) =>
  value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : undefined;

/**
 * Turns a wire item into an entry (frontmatter + Markdown), keeping from the entry on
 * disk what an editor may have set (slug, first publication date, section, related
 * stories, corrections). Fails naming the field when the entry would not be valid.
 *
 * @example
 * const entry = itemToEntry(item, { section: 'World' });
 * entry.data.source; // { id: 'urn:newsml:efe.es:20230620:123', version: 1 }
 */
export function itemToEntry(item: WireItem, options: EntryOptions = {}): Entry {
  const existing = options.existing;
  const trimmed = trimStory(item.paragraphs, item.agency ?? options.agency);
  // An item that names no agency in its metadata still names it in its lead's dateline.
  const agency = item.agency ?? options.agency ?? (trimmed.dateline?.agency || undefined);
  if (!agency) {
    throw new AgencyParseError('agency', 'the item names no agency (provider, copyright holder): pass --agency NAME');
  }
  const notes: string[] = [...item.notes];
  // A lead that only repeats the headline (AP's slug hl2, an XHTML h2) is no story text.
  const first = trimmed.paragraphs[0];
  if (first && trimmed.paragraphs.length > 1 && plainText(first).trim() === item.headline.trim()) {
    trimmed.paragraphs.shift();
    notes.push('left out a first paragraph that repeats the headline');
  }
  if (trimmed.paragraphs.length === 0) {
    throw new AgencyParseError('body', 'the item has no story text');
  }
  for (const line of trimmed.signOff) notes.push(`left out the sign-off "${line}" (the page adds the credit)`);
  const lang = canonicalLanguage(item.lang ?? options.lang ?? 'en');
  const created = item.firstCreated ?? item.versionCreated;
  const place = item.dateline?.place || trimmed.dateline?.place || options.place;
  if (!place) {
    throw new AgencyParseError(
      'dateline',
      'no dateline: the item has no structured dateline and its lead paragraph opens with none: pass --place NAME',
    );
  }
  // A closing copyright line is the agency's rights statement, not story text.
  let copyright = item.copyright;
  let usageTerms = item.usageTerms;
  for (const line of trimmed.rights) {
    if (!copyright) copyright = line;
    else if (!usageTerms) usageTerms = line;
    else if (line !== copyright && line !== usageTerms) usageTerms = `${usageTerms} ${line}`;
    notes.push(`moved the closing line "${line.length > 60 ? `${line.slice(0, 57)}...` : line}" to the frontmatter`);
  }
  if (!created) throw new AgencyParseError('firstCreated', 'the item gives no date (first created or version created)');

  let datelineDate = item.dateline?.date ? localDate(item.dateline.date) : localDate(created);
  const fromLead = trimmed.dateline?.date;
  if (!item.dateline?.date && fromLead) {
    const year = Number(created.slice(0, 4));
    const candidate = new Date(Date.UTC(year, fromLead.month, fromLead.day));
    if (candidate.getUTCMonth() === fromLead.month) datelineDate = candidate.toISOString().slice(0, 10);
  }

  const pubDate = asText(existing?.pubDate) ?? created;
  // A first version's own time is not an update; a later version's (or a revision of an entry) is.
  const updated = existing || item.version > 1 ? item.versionCreated : undefined;
  const corrections = Array.isArray(existing?.corrections) ? [...(existing.corrections as unknown[])] : [];
  if (item.correction && existing) {
    corrections.push({
      date: item.versionCreated ?? created,
      text: item.correction.text ?? 'This story has been corrected since it was first published.',
    });
  }
  const sectionGiven = options.section ?? (typeof existing?.section === 'string' ? existing.section : undefined);
  const section = sectionGiven ?? subjectSection(item.subjects);
  if (!section) {
    throw new AgencyParseError('section', 'the item has no IPTC subject to take a section from: pass --section NAME');
  }
  const tags = [
    ...new Set(
      [...subjectTags(item.subjects, lang), ...(options.tags ?? [])].map((tag) => spelt(tag, options.spelling)),
    ),
  ];
  const photo = item.photos.find((entry) => entry.href !== undefined);
  const leadText = plainText(trimmed.paragraphs[0] ?? []);

  const data = clean({
    title: item.headline,
    slug: (typeof existing?.slug === 'string' ? existing.slug : undefined) ?? options.slug ?? slugify(item.headline),
    description: item.description ?? firstSentence(leadText),
    pubDate,
    updatedDate: updated && updated !== pubDate && instant(updated) >= instant(pubDate) ? updated : undefined,
    dateline: { place, date: datelineDate },
    agency,
    section: spelt(section, options.spelling),
    tags,
    lang,
    related: Array.isArray(existing?.related) ? existing.related : undefined,
    urgency: item.urgency,
    slugline: item.slugline,
    status: item.status,
    embargo: item.embargo,
    source: { id: item.id, version: item.version },
    image:
      options.imageSrc && photo
        ? clean({ src: options.imageSrc, alt: photo.alt ?? '', caption: photo.caption, credit: photo.credit })
        : undefined,
    remoteImages: options.remoteImages && options.remoteImages.length > 0 ? [...options.remoteImages] : undefined,
    corrections,
    copyright,
    usageTerms,
    edNotes: item.edNotes,
    initials: trimmed.initials,
  });
  const checked = storySchema.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new AgencyParseError(issue?.path.join('.') || 'entry', `the entry would not be valid: ${issue?.message}`);
  }
  const body = trimmed.paragraphs.map(toMarkdown).join('\n\n');
  const markdown = `---\n${dump(data, { lineWidth: -1 })}---\n\n${body}\n`;
  return { data, markdown, paragraphs: trimmed.paragraphs.length, notes };
}

/**
 * A language tag in its canonical case (`EN` → `en`, `pt-br` → `pt-BR`); the tag as given
 * when it is not well-formed, for the schema to name.
 *
 * @example
 * canonicalLanguage('EN'); // "en"
 */
export function canonicalLanguage(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? tag;
  } catch {
    return tag;
  }
}

/**
 * An entry on disk marked as killed: its text and fields kept, its status `canceled` and
 * its source version the kill's, so the next build drops it from every page and feed.
 *
 * @example
 * killEntry({ title: 'T', status: 'usable', source: { id: 'x', version: 1 } }, item).status; // "canceled"
 */
export function killEntry(existing: Record<string, unknown>, item: WireItem): Record<string, unknown> {
  const edNotes = Array.isArray(existing.edNotes) ? [...(existing.edNotes as string[])] : [];
  edNotes.push(...item.edNotes.filter((note) => !edNotes.includes(note)));
  return clean({
    ...existing,
    status: 'canceled',
    source: { id: item.id, version: item.version },
    edNotes,
  });
}

/** What importing one item does to the archive. */
export type Plan =
  | { kind: 'skip'; revision: 'same' | 'older'; current: number }
  | { kind: 'kill-unknown' }
  | { kind: 'kill'; data: Record<string, unknown> }
  | { kind: 'write'; revision: 'new' | 'update'; current: number | undefined };

/**
 * Decides what an item does, given the frontmatter of the entry on disk with the same
 * agency id (if any): a new entry or an update by a newer revision (written with
 * {@link itemToEntry}), nothing for an equal or older revision, a kill that marks the
 * entry canceled, or nothing for a kill of an item never imported.
 *
 * @example
 * planItem(item, undefined).kind; // "write"
 * planItem({ ...item, version: 1 }, { source: { id: item.id, version: 2 } }).kind; // "skip"
 */
export function planItem(item: WireItem, existing: Record<string, unknown> | undefined): Plan {
  const source = existing?.source as { version?: unknown } | undefined;
  const current = typeof source?.version === 'number' ? source.version : undefined;
  const revision = existing ? compareRevision(current ?? 0, item.version) : 'new';
  if (revision === 'same' || revision === 'older') return { kind: 'skip', revision, current: current ?? 0 };
  if (item.status === 'canceled') {
    return existing ? { kind: 'kill', data: killEntry(existing, item) } : { kind: 'kill-unknown' };
  }
  return { kind: 'write', revision, current };
}

/**
 * An entry file's text with new frontmatter and its body as it was.
 *
 * @example
 * withFrontmatter({ title: 'T' }, '\nBody.\n'); // "---\ntitle: T\n---\n\nBody.\n"
 */
export function withFrontmatter(data: Record<string, unknown>, body: string): string {
  return `---\n${dump(data, { lineWidth: -1 })}---\n${body.startsWith('\n') ? body : `\n${body}`}`;
}
