/**
 * NITF (News Industry Text Format): on its own, or the text inside a NewsML 1.2 or
 * NewsML-G2 item. Maps `head/docdata` and `body` to the common wire item.
 */
import { paragraphsOf } from './body.ts';
import { agencyName, datelinePlace, readStatus, readUrgency, readVersion, required } from './common.ts';
import { hash } from './hash.ts';
import { agencyTime } from './time.ts';
import { AgencyParseError, NotAStory, type AgencyFormat, type WireItem, type WirePhoto } from './types.ts';
import { children, descendants, parseXml, path, rootName, textOf, type XmlElement } from './xml.ts';

/** What an NITF document gives; the envelope (NewsML) may give the rest. */
export type NitfParts = Omit<WireItem, 'format' | 'id' | 'version' | 'status' | 'headline'> & {
  id?: string | undefined;
  version?: number | undefined;
  status?: WireItem['status'] | undefined;
  headline?: string | undefined;
};

const attr = (element: XmlElement | undefined, name: string) => element?.attrs[name]?.trim() || undefined;

function photosOf(content: XmlElement | undefined, where: string): WirePhoto[] {
  return descendants(content, 'media')
    .filter((media) => (attr(media, 'media-type') ?? 'image').toLowerCase() === 'image')
    .flatMap((media) => {
      const reference = children(media, 'media-reference')[0];
      const href = attr(reference, 'source') ?? attr(reference, 'data-location');
      if (!href) return [];
      return [
        {
          href,
          caption: textOf(children(media, 'media-caption')[0]),
          credit: textOf(children(media, 'media-producer')[0]),
          alt: attr(reference, 'alternate-text'),
          field: `${where}media/media-reference/@source`,
        },
      ];
    });
}

/**
 * Maps an `nitf` element to the parts of a wire item it carries; `where` prefixes the
 * field names in errors (`ContentItem/DataContent/nitf/`).
 *
 * @example
 * nitfParts(parseXml('<nitf><body><body.head><hedline><hl1>Hi</hl1></hedline></body.head></body></nitf>'), '').headline;
 * // "Hi"
 */
export function nitfParts(nitf: XmlElement, where: string): NitfParts {
  const head = children(nitf, 'head')[0];
  const docdata = children(head, 'docdata')[0];
  const body = children(nitf, 'body')[0];
  const bodyHead = children(body, 'body.head')[0];
  const content = children(body, 'body.content')[0];
  const field = (name: string) => `${where}${name}`;

  const issue = attr(children(docdata, 'date.issue')[0], 'norm');
  const release = attr(children(docdata, 'date.release')[0], 'norm');
  const issued = issue ? agencyTime(issue, field('head/docdata/date.issue/@norm')) : undefined;
  const released = release ? agencyTime(release, field('head/docdata/date.release/@norm')) : undefined;

  const datelineElement = children(bodyHead, 'dateline')[0];
  // The dateline's own words, without its story.date (EFE puts only a time stamp there).
  const datelineWords =
    datelineElement &&
    textOf({ ...datelineElement, children: datelineElement.children.filter((node) => typeof node === 'string') });
  const evloc = children(docdata, 'evloc')[0];
  const place =
    textOf(path(datelineElement, 'location/city')) ??
    textOf(children(datelineElement, 'location')[0]) ??
    (datelineWords ? datelinePlace(datelineWords) : undefined) ??
    attr(evloc, 'city');
  const storyDate = attr(children(datelineElement, 'story.date')[0], 'norm');

  const copyright = children(docdata, 'doc.copyright')[0];
  const holder = attr(copyright, 'holder');
  const year = attr(copyright, 'year');
  const rights = children(docdata, 'doc.rights')[0];
  const correction = children(docdata, 'correction')[0];
  const tagline = textOf(path(body, 'body.end/tagline'));

  const subjects = descendants(head, 'tobject.subject').map((subject) => ({
    code: attr(subject, 'tobject.subject.refnum'),
  }));
  const paragraphs = content ? paragraphsOf(content) : [];
  if (tagline) paragraphs.push([{ kind: 'text', text: tagline }]);

  return {
    id: attr(children(docdata, 'doc-id')[0], 'id-string'),
    version: attr(children(docdata, 'du-key')[0], 'version')
      ? readVersion(attr(children(docdata, 'du-key')[0], 'version'), field('head/docdata/du-key/@version'))
      : undefined,
    status: attr(docdata, 'management-status')
      ? readStatus(attr(docdata, 'management-status'), field('head/docdata/@management-status'))
      : undefined,
    headline: textOf(path(bodyHead, 'hedline/hl1')) ?? textOf(children(head, 'title')[0]),
    slugline: attr(children(docdata, 'du-key')[0], 'key'),
    lang: attr(nitf, 'lang') ?? attr(nitf, 'baselang') ?? attr(body, 'lang'),
    agency: agencyName(
      holder ??
        attr(children(docdata, 'doc-id')[0], 'regsrc') ??
        textOf(path(bodyHead, 'rights/rights.owner')) ??
        textOf(children(bodyHead, 'distributor')[0]),
    ),
    dateline: place
      ? {
          place,
          date: storyDate ? agencyTime(storyDate, field('body/body.head/dateline/story.date/@norm')) : undefined,
        }
      : undefined,
    firstCreated: issued,
    versionCreated: issued,
    embargo: released && issued && released > issued ? released : undefined,
    urgency: readUrgency(attr(children(docdata, 'urgency')[0], 'ed-urg'), field('head/docdata/urgency/@ed-urg')),
    description: textOf(children(bodyHead, 'abstract')[0]),
    paragraphs,
    subjects,
    edNotes: children(docdata, 'ed-msg').flatMap((message) => attr(message, 'info') ?? textOf(message) ?? []),
    copyright: holder ? `© ${year ? `${year} ` : ''}${holder}` : undefined,
    usageTerms: attr(rights, 'limitations') ?? attr(rights, 'usage-terms'),
    correction: correction ? { text: attr(correction, 'info') } : undefined,
    photos: photosOf(content, field('body/body.content/')),
    notes: [],
  };
}

/**
 * Completes NITF parts into a wire item, requiring the id and the headline.
 *
 * @example
 * completeItem(parts, 'NITF', { id: 'x', version: 1, status: 'usable' }).id; // "x"
 */
export function completeItem(
  parts: NitfParts,
  format: string,
  fallback: { id?: string | undefined; version?: number | undefined; status?: WireItem['status'] | undefined },
  fields: { id: string; headline: string },
): WireItem {
  return {
    ...parts,
    format,
    id: required(fallback.id ?? parts.id, fields.id, 'the item id'),
    version: fallback.version ?? parts.version ?? 1,
    status: fallback.status ?? parts.status ?? 'usable',
    headline: required(parts.headline, fields.headline, 'the headline'),
  };
}

/**
 * The stories of an envelope that may also hold items that are no story (a photo item, a
 * package): those are left out with a note on each story; when no story is left, the first
 * {@link NotAStory} is thrown for the importer to report.
 *
 * @example
 * keepStories([() => story, () => { throw new NotAStory('x', 'a photo item') }]).length; // 1
 */
export function keepStories(makers: readonly (() => WireItem)[]): WireItem[] {
  const stories: WireItem[] = [];
  const skipped: NotAStory[] = [];
  for (const make of makers) {
    try {
      stories.push(make());
    } catch (error) {
      if (!(error instanceof NotAStory)) throw error;
      skipped.push(error);
    }
  }
  if (stories.length === 0 && skipped[0]) throw skipped[0];
  for (const story of stories) story.notes.push(...skipped.map((error) => `left out ${error.message}`));
  return stories;
}

/** NITF on its own: `<nitf>` at the root. */
export const nitf: AgencyFormat = {
  name: 'NITF',
  canParse: (source) => rootName(source) === 'nitf',
  parse(source) {
    const root = parseXml(source);
    if (root.name !== 'nitf') throw new AgencyParseError(root.name, 'expected an nitf root element');
    const parts = nitfParts(root, '');
    if (!parts.id && parts.headline && parts.firstCreated) {
      // AP's NITF carries no item id: one is made from the agency, the time and the headline,
      // so the same file imports to the same entry; a later version of it cannot be matched.
      const source = attr(children(path(root, 'head/docdata'), 'doc-id')[0], 'regsrc') ?? parts.agency ?? 'nitf';
      parts.id = `${source}:${parts.firstCreated}:${hash(parts.headline)}`;
      parts.notes.push(
        `the item has no id (head/docdata/doc-id/@id-string): made one from the agency, time and headline; a revision of it will not replace this entry`,
      );
    }
    return [
      completeItem(parts, 'NITF', {}, { id: 'head/docdata/doc-id/@id-string', headline: 'body/body.head/hedline/hl1' }),
    ];
  },
};
