/**
 * NewsML 1.2, as EFE and AFP deliver it: a `NewsML` envelope with one or more `NewsItem`s,
 * each a `NewsComponent` whose text is NITF (or XHTML, or plain text) in a `ContentItem`,
 * and whose photos are `ContentItem`s of media type Photo, often in a nested component.
 */
import { paragraphsOf, textOrHtmlParagraphs } from './body.ts';
import { agencyName, datelinePlace, readStatus, readUrgency, readVersion, required } from './common.ts';
import { completeItem, keepStories, nitfParts, type NitfParts } from './nitf.ts';
import { agencyTime } from './time.ts';
import { AgencyParseError, NotAStory, type AgencyFormat, type WireItem, type WirePhoto } from './types.ts';
import { children, descendants, parseXml, path, rawText, rootName, textOf, type XmlElement } from './xml.ts';

const formal = (element: XmlElement | undefined) => element?.attrs.FormalName?.trim() || undefined;

function mediaType(item: XmlElement): string {
  return (formal(children(item, 'MediaType')[0]) ?? '').toLowerCase();
}

/** The text of a component: NITF, XHTML or plain text in its first Text ContentItem. */
function textOf12(component: XmlElement, where: string): NitfParts | undefined {
  const items = children(component, 'ContentItem').filter((item) => {
    const type = mediaType(item);
    return type === '' || type === 'text';
  });
  for (const item of items) {
    const data = children(item, 'DataContent')[0];
    if (!data) continue;
    const nitf = children(data, 'nitf')[0];
    const field = `${where}ContentItem/DataContent/`;
    if (nitf) return nitfParts(nitf, `${field}nitf/`);
    const html = children(data, 'html')[0] ?? children(data, 'body')[0];
    const body = html?.name === 'html' ? children(html, 'body')[0] : html;
    const paragraphs = body ? paragraphsOf(body) : textOrHtmlParagraphs(rawText(data));
    return { paragraphs, subjects: [], edNotes: [], photos: [], notes: [] };
  }
  return undefined;
}

function photosOf(component: XmlElement, where: string): WirePhoto[] {
  const photos: WirePhoto[] = [];
  const visit = (node: XmlElement, field: string) => {
    const lines = children(node, 'NewsLines')[0];
    const texts = children(node, 'ContentItem').filter((item) => mediaType(item) === 'text');
    const caption =
      texts.map((item) => textOf(children(item, 'DataContent')[0])).find(Boolean) ??
      textOf(children(lines, 'HeadLine')[0]);
    for (const item of children(node, 'ContentItem')) {
      const href = item.attrs.Href?.trim();
      if (!href || !['photo', 'image', 'graphic'].includes(mediaType(item))) continue;
      photos.push({
        href,
        caption,
        credit: textOf(children(lines, 'CreditLine')[0]) ?? textOf(children(lines, 'ByLine')[0]),
        alt: undefined,
        field: `${field}ContentItem/@Href`,
      });
    }
    children(node, 'NewsComponent').forEach((child) => visit(child, `${field}NewsComponent/`));
  };
  visit(component, where);
  return photos;
}

function newsItem(item: XmlElement, index: number, envelopeAgency: string | undefined): WireItem {
  const where = `NewsItem[${index + 1}]/`;
  const identifier = path(item, 'Identification/NewsIdentifier');
  const management = children(item, 'NewsManagement')[0];
  const component = required(children(item, 'NewsComponent')[0], `${where}NewsComponent`, 'the news component');
  const lines = children(component, 'NewsLines')[0];
  const described = children(component, 'DescriptiveMetadata')[0];
  const componentWhere = `${where}NewsComponent/`;

  const text = textOf12(component, componentWhere) ??
    children(component, 'NewsComponent')
      .map((child) => textOf12(child, `${componentWhere}NewsComponent/`))
      .find(Boolean) ?? { paragraphs: [], subjects: [], edNotes: [], photos: [], notes: [] };

  const time = (name: string) => {
    const value = textOf(children(management, name)[0]);
    return value ? agencyTime(value, `${where}NewsManagement/${name}`) : undefined;
  };
  const willChange = children(management, 'StatusWillChange')[0];
  const status = formal(children(management, 'Status')[0]);
  const embargoAt = textOf(children(willChange, 'DateAndTime')[0]);
  const embargo =
    embargoAt && (formal(children(willChange, 'FutureStatus')[0]) ?? 'usable').toLowerCase() === 'usable'
      ? agencyTime(embargoAt, `${where}NewsManagement/StatusWillChange/DateAndTime`)
      : text.embargo;
  const instructions = children(management, 'Instruction').map((instruction) => formal(instruction) ?? '');
  const datelineText = textOf(children(lines, 'DateLine')[0]);
  // ANA's DateLine is only a date; the city is a Property of the descriptive metadata.
  const city = descendants(described, 'Property').find((property) =>
    /^(?:city|location)$/i.test(property.attrs.FormalName ?? ''),
  )?.attrs.Value;
  const place = (datelineText ? datelinePlace(datelineText) : undefined) ?? (city?.trim() || undefined);
  const subjects = descendants(described, 'SubjectCode').flatMap((code) =>
    children(code, '*')
      .map((subject) => formal(subject))
      .filter((value): value is string => value !== undefined)
      .slice(-1)
      .map((value) => ({ code: `subj:${value}` })),
  );
  const provider =
    formal(path(component, 'AdministrativeMetadata/Provider/Party')) ?? textOf(children(identifier, 'ProviderId')[0]);
  const parts: NitfParts = {
    ...text,
    headline: textOf(children(lines, 'HeadLine')[0]) ?? text.headline,
    slugline: textOf(children(lines, 'SlugLine')[0]) ?? text.slugline,
    lang: formal(children(described, 'Language')[0]) ?? text.lang,
    agency: agencyName(provider) ?? text.agency ?? envelopeAgency,
    dateline: place ? { place, date: text.dateline?.date } : text.dateline,
    firstCreated: time('FirstCreated') ?? text.firstCreated,
    versionCreated: time('ThisRevisionCreated') ?? text.versionCreated,
    embargo,
    urgency:
      readUrgency(formal(children(management, 'Urgency')[0]), `${where}NewsManagement/Urgency/@FormalName`) ??
      text.urgency,
    description: textOf(children(lines, 'SubHeadLine')[0]) ?? text.description,
    subjects: subjects.length > 0 ? subjects : text.subjects,
    edNotes: [
      ...text.edNotes,
      ...children(item, 'Comment').flatMap((comment) => (comment.attrs.FormalName ? [] : (textOf(comment) ?? []))),
    ],
    copyright: textOf(children(lines, 'CopyrightLine')[0]) ?? text.copyright,
    usageTerms: textOf(path(component, 'RightsMetadata/UsageRights/UsageType')) ?? text.usageTerms,
    correction: instructions.some((name) => /correct|rectif|berichtig/i.test(name))
      ? (text.correction ?? {})
      : text.correction,
    photos: [...text.photos, ...photosOf(component, componentWhere)],
  };
  const revision = children(identifier, 'RevisionId')[0];
  if (parts.paragraphs.length === 0 && parts.photos.length > 0) {
    throw new NotAStory(`${where}NewsComponent`, 'a photo item (no text ContentItem), not a story');
  }
  return completeItem(
    parts,
    'NewsML 1.2',
    {
      id:
        textOf(children(identifier, 'PublicIdentifier')[0])?.replace(/:\d+[A-Z]?$/, '') ??
        textOf(children(identifier, 'NewsItemId')[0]),
      version: revision ? readVersion(textOf(revision), `${where}Identification/NewsIdentifier/RevisionId`) : undefined,
      status: status ? readStatus(status, `${where}NewsManagement/Status/@FormalName`) : undefined,
    },
    {
      id: `${where}Identification/NewsIdentifier/NewsItemId`,
      headline: `${where}NewsComponent/NewsLines/HeadLine`,
    },
  );
}

/** NewsML 1.2: a `NewsML` root element. */
export const newsml12: AgencyFormat = {
  name: 'NewsML 1.2',
  canParse: (source) => rootName(source) === 'NewsML',
  parse(source) {
    const root = parseXml(source);
    if (root.name !== 'NewsML') throw new AgencyParseError(root.name, 'expected a NewsML root element');
    const items = children(root, 'NewsItem');
    if (items.length === 0) throw new AgencyParseError('NewsML/NewsItem', 'the envelope holds no NewsItem');
    const envelopeAgency = agencyName(
      textOf(path(root, 'NewsEnvelope/SentFrom/Party')) ?? formal(path(root, 'NewsEnvelope/SentFrom/Party')),
    );
    return keepStories(items.map((item, index) => () => newsItem(item, index, envelopeAgency)));
  },
};
