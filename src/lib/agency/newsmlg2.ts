/**
 * IPTC NewsML-G2, as dpa and many others deliver it: a `newsMessage` with an `itemSet` of
 * `newsItem`s, or a lone `newsItem`. Text comes as inline XHTML or NITF (or plain text);
 * picture items in the same message are the text's photos.
 */
import { markedDateline, paragraphsOf, textOrHtmlParagraphs } from './body.ts';
import { agencyName, datelinePlace, readStatus, readUrgency, readVersion } from './common.ts';
import { completeItem, keepStories, nitfParts, type NitfParts } from './nitf.ts';
import { isIptcSubject } from './subjects.ts';
import { agencyTime } from './time.ts';
import { AgencyParseError, NotAStory, type AgencyFormat, type WireItem, type WirePhoto } from './types.ts';
import { children, parseXml, rawText, rootName, textOf, type XmlElement } from './xml.ts';

const qcode = (element: XmlElement | undefined) => element?.attrs.qcode?.trim() || undefined;
const literalOrName = (element: XmlElement | undefined) =>
  element?.attrs.literal?.trim() || textOf(children(element, 'name')[0]) || textOf(element);

function itemClass(item: XmlElement): string {
  return (qcode(children(children(item, 'itemMeta')[0], 'itemClass')[0]) ?? 'ninat:text').toLowerCase();
}

/** A name in the item's language when the element gives several (`<name xml:lang="es">`). */
function nameIn(element: XmlElement, lang: string | undefined): string | undefined {
  const names = children(element, 'name');
  const base = lang?.split('-')[0];
  const match =
    names.find((name) => name.attrs.lang?.split('-')[0] === base) ?? (names.length === 1 ? names[0] : undefined);
  return textOf(match);
}

function textContent(item: XmlElement, where: string): NitfParts {
  const set = children(item, 'contentSet')[0];
  const empty: NitfParts = { paragraphs: [], subjects: [], edNotes: [], photos: [], notes: [] };
  for (const inline of children(set, 'inlineXML')) {
    const nitf = children(inline, 'nitf')[0];
    if (nitf) return nitfParts(nitf, `${where}contentSet/inlineXML/nitf/`);
    const html = children(inline, 'html')[0];
    const body = html ? children(html, 'body')[0] : (children(inline, 'body')[0] ?? inline);
    if (body) {
      // dpa and AP mark the dateline in the XHTML (`<span class="dateline">`); it is left out of
      // the paragraphs and read as the dateline when the metadata gives none.
      const marked = markedDateline(body);
      const place = marked ? datelinePlace(marked) : undefined;
      return { ...empty, paragraphs: paragraphsOf(body), dateline: place ? { place } : undefined };
    }
  }
  const data = children(set, 'inlineData')[0];
  if (data) return { ...empty, paragraphs: textOrHtmlParagraphs(rawText(data)) };
  return empty;
}

function pictureOf(item: XmlElement, where: string): WirePhoto | undefined {
  const meta = children(item, 'contentMeta')[0];
  const remotes = children(children(item, 'contentSet')[0], 'remoteContent').filter((remote) => remote.attrs.href);
  const local = remotes.find((remote) => !/^[a-z][a-z\d+.-]*:/i.test(remote.attrs.href ?? ''));
  const widest = [...remotes].sort((a, b) => Number(b.attrs.width ?? 0) - Number(a.attrs.width ?? 0))[0];
  const chosen = local ?? widest;
  if (!chosen?.attrs.href) return undefined;
  const descriptions = children(meta, 'description');
  const caption =
    textOf(descriptions.find((d) => /caption|summary/.test(d.attrs.role ?? '')) ?? descriptions[0]) ??
    textOf(children(meta, 'headline')[0]);
  const alt = textOf(descriptions.find((d) => /alternative|alt/.test(d.attrs.role ?? '')));
  return {
    href: chosen.attrs.href,
    caption,
    credit: textOf(children(meta, 'creditline')[0]) ?? textOf(children(meta, 'by')[0]),
    alt,
    field: `${where}contentSet/remoteContent/@href`,
  };
}

function textItem(item: XmlElement, where: string, pictures: WirePhoto[]): WireItem {
  const meta = children(item, 'itemMeta')[0];
  const content = children(item, 'contentMeta')[0];
  const rights = children(item, 'rightsInfo')[0];
  const lang = children(content, 'language')[0]?.attrs.tag ?? item.attrs.lang;
  const text = textContent(item, where);
  const time = (parent: XmlElement | undefined, parentName: string, name: string) => {
    const value = textOf(children(parent, name)[0]);
    return value ? agencyTime(value, `${where}${parentName}/${name}`) : undefined;
  };
  const datelineText = textOf(children(content, 'dateline')[0]);
  const located = children(content, 'located')[0];
  // The dateline as the desk wrote it first (AP's located is a machine geo-tag that can name
  // another city); a dateline that is only a time stamp (Reuters) names no place.
  const place = (datelineText && datelinePlace(datelineText)) || (located && literalOrName(located));
  const signals = children(meta, 'signal').map((signal) => (qcode(signal) ?? '').toLowerCase());
  const subjects = children(content, 'subject').map((subject) => {
    // dpa sends media topics below the top level (medtop:20001065) with the IPTC subject
    // code as a sameAs, and IPTC's own examples give the top level as broader.
    const own = qcode(subject);
    const related = [...children(subject, 'sameAs'), ...children(subject, 'broader')].map(qcode);
    const iptc = [own, ...related].find((code) => code !== undefined && isIptcSubject(code));
    return { code: own && isIptcSubject(own) ? own : (iptc ?? own), name: nameIn(subject, lang) };
  });
  const holder =
    textOf(children(children(rights, 'copyrightHolder')[0], 'name')[0]) ??
    children(rights, 'copyrightHolder')[0]?.attrs.literal;
  const notice = textOf(children(rights, 'copyrightNotice')[0]);
  const provider = children(meta, 'provider')[0];
  const parts: NitfParts = {
    ...text,
    headline: textOf(children(content, 'headline')[0]) ?? text.headline,
    slugline: textOf(children(content, 'slugline')[0]) ?? text.slugline,
    lang: lang ?? text.lang,
    agency:
      // An IPTC provider code (nprov:dpa) names the agency; a private code (AP's approviderid:z01122)
      // does not, so its name does.
      agencyName(
        provider?.attrs.literal ??
          (qcode(provider)?.startsWith('nprov:') ? qcode(provider) : undefined) ??
          textOf(children(provider, 'name')[0]) ??
          qcode(provider),
      ) ?? text.agency,
    dateline: place ? { place, date: text.dateline?.date } : text.dateline,
    firstCreated:
      time(meta, 'itemMeta', 'firstCreated') ?? time(content, 'contentMeta', 'contentCreated') ?? text.firstCreated,
    versionCreated: time(meta, 'itemMeta', 'versionCreated') ?? text.versionCreated,
    embargo: time(meta, 'itemMeta', 'embargoed') ?? text.embargo,
    urgency: readUrgency(textOf(children(content, 'urgency')[0]), `${where}contentMeta/urgency`) ?? text.urgency,
    description: textOf(children(content, 'description')[0]) ?? text.description,
    subjects: subjects.length > 0 ? subjects : text.subjects,
    edNotes: [...children(meta, 'edNote').flatMap((note) => textOf(note) ?? []), ...text.edNotes],
    copyright: notice ?? (holder ? `© ${holder}` : text.copyright),
    usageTerms: textOf(children(rights, 'usageTerms')[0]) ?? text.usageTerms,
    correction: signals.some((signal) => signal.endsWith(':correction') || signal === 'sig:correction')
      ? (text.correction ?? {})
      : text.correction,
    photos: [...text.photos, ...pictures],
  };
  const pubStatus = qcode(children(meta, 'pubStatus')[0]);
  return completeItem(
    parts,
    'NewsML-G2',
    {
      id: item.attrs.guid,
      version: item.attrs.version ? readVersion(item.attrs.version, `${where}@version`) : undefined,
      status: pubStatus ? readStatus(pubStatus, `${where}itemMeta/pubStatus/@qcode`) : undefined,
    },
    { id: `${where}@guid`, headline: `${where}contentMeta/headline` },
  );
}

/** G2 items that are no news item, and what each is, for the report. */
const OTHER_ITEMS: Readonly<Record<string, string>> = {
  packageItem:
    'a NewsML-G2 package (packageItem): a list of references to other items, not a story; import the items it refers to',
  conceptItem: 'a NewsML-G2 concept item (conceptItem): a controlled-vocabulary entry, not a story',
  knowledgeItem: 'a NewsML-G2 knowledge item (knowledgeItem): a set of concepts, not a story',
  planningItem: 'a NewsML-G2 planning item (planningItem): news coverage planning, not a story',
  catalogItem: 'a NewsML-G2 catalog (catalogItem): scheme definitions, not a story',
};

/** NewsML-G2: a `newsMessage` or a lone `newsItem` at the root (other G2 items are reported). */
export const newsmlg2: AgencyFormat = {
  name: 'NewsML-G2',
  canParse: (source) => ['newsMessage', 'newsItem', ...Object.keys(OTHER_ITEMS)].includes(rootName(source) ?? ''),
  parse(source) {
    const root = parseXml(source);
    let items: { item: XmlElement; where: string }[];
    const others: string[] = [];
    const what = OTHER_ITEMS[root.name];
    if (what) throw new NotAStory(root.name, what);
    if (root.name === 'newsItem') items = [{ item: root, where: 'newsItem/' }];
    else if (root.name === 'newsMessage') {
      const set = children(root, 'itemSet')[0];
      items = children(set, 'newsItem').map((item, index) => ({ item, where: `itemSet/newsItem[${index + 1}]/` }));
      for (const child of children(set, '*')) if (OTHER_ITEMS[child.name]) others.push(`itemSet/${child.name}`);
    } else throw new AgencyParseError(root.name, 'expected a newsMessage or newsItem root element');
    const pictures = items
      .filter(({ item }) => itemClass(item).endsWith(':picture') || itemClass(item).endsWith(':graphic'))
      .flatMap(({ item, where }) => pictureOf(item, where) ?? []);
    const texts = items.filter(
      ({ item }) => itemClass(item).endsWith(':text') || itemClass(item).endsWith(':composite'),
    );
    if (texts.length === 0) {
      const classes = [...new Set(items.map(({ item }) => itemClass(item)))].join(', ') || 'none';
      throw new NotAStory(
        root.name === 'newsItem' ? 'newsItem/itemMeta/itemClass' : 'itemSet/newsItem',
        `no text item (itemClass ninat:text) to make a story of, only ${classes}${others.length > 0 ? ` and ${others.join(', ')}` : ''}`,
      );
    }
    const stories = keepStories(
      texts.map(
        ({ item, where }) =>
          () =>
            textItem(item, where, pictures),
      ),
    );
    for (const story of stories) story.notes.push(...others.map((other) => `left out ${other}: not a news item`));
    return stories;
  },
};
