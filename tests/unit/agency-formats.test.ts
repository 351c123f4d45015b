import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/lib/agency/body';
import { itemToEntry, type EntryOptions } from '../../src/lib/agency/entry';
import { decodeItem, detectFormat } from '../../src/lib/agency/registry';
import { NotAStory, type WireItem } from '../../src/lib/agency/types';
import { bodyOf, splitFrontmatter } from '../../src/lib/frontmatter';
import { renderStoryHtml } from '../../src/lib/markdown';
import * as cheerio from 'cheerio';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/agency/${name}`, import.meta.url));

/** Reads a fixture as the importer does: bytes, decoded, format detected from the content. */
function parseFixture(name: string): { format: string; items: WireItem[] } {
  const text = decodeItem(readFileSync(fixture(name)), name);
  const format = detectFormat(text);
  if (format === 'text') throw new Error(`${name} was read as wire text`);
  return { format: format.name, items: format.parse(text) };
}

/** The paragraphs a reader sees once the entry's Markdown is rendered. */
function readerParagraphs(markdown: string): string[] {
  const html = renderStoryHtml(bodyOf(markdown, 'entry.md'), {
    dateline: 'DATELINE',
    credit: 'CREDIT',
    base: 'https://x.example',
  });
  const $ = cheerio.load(html);
  $('.dateline, .credit').remove();
  return $('p')
    .map((_, p) => $(p).text().trim())
    .get();
}

interface Case {
  file: string;
  format: string;
  headline: string;
  place: string;
  date: string;
  lang: string;
  urgency: number | undefined;
  agency: string;
  paragraphs: string[];
  initials?: string[];
  /** What the editor passes (`--section`, `--place`); `{ section: 'World' }` when not given. */
  options?: EntryOptions;
  /** The section the item's own subjects give, when the test passes none. */
  section?: string;
}

const CASES: Case[] = [
  {
    file: 'drop/efe-tokayev-v1.xml',
    format: 'NewsML 1.2',
    headline: 'Tokáyev pide respaldo a las iniciativas de paz de China y otros países para Ucrania',
    place: 'Astaná',
    date: '2023-06-20',
    lang: 'es',
    urgency: 2,
    agency: 'EFE',
    paragraphs: [
      'El presidente de Kazajistán, Kasim-Yomart Tokáyev, pidió este martes respaldo para las iniciativas de paz de China y de otros países sobre Ucrania, durante un encuentro con el cuerpo diplomático acreditado en la capital kazaja.',
      'Tokáyev afirmó que «no hay alternativa al diálogo» y que Kazajistán está dispuesto a ofrecer Astaná como sede de unas negociaciones, como ya hizo con las conversaciones sobre Siria.',
      'La Presidencia kazaja publicó el discurso íntegro en su página web — en kazajo, ruso e inglés — y resumió sus puntos principales para la prensa.',
      'El mandatario recordó que Kazajistán mantiene relaciones «pragmáticas y previsibles» con Moscú y con Kiev, y que su país no reconoce la anexión de territorios ucranianos.',
    ],
    initials: ['asl/tib/pid/cac'],
  },
  {
    file: 'drop/afp-climat-embargo.xml',
    format: 'NewsML 1.2',
    headline: "Climat : l'Europe se réchauffe deux fois plus vite que la moyenne mondiale, selon un rapport",
    place: 'PARIS',
    date: '2023-06-20',
    lang: 'fr',
    urgency: 4,
    agency: 'AFP',
    paragraphs: [
      "L'Europe s'est réchauffée deux fois plus vite que la moyenne de la planète depuis les années 1980, selon un rapport publié mercredi par deux agences scientifiques européennes.",
      "Les auteurs relèvent que les vagues de chaleur de l'été dernier ont causé «\u00a0plus de 15.000 décès\u00a0» dans quatre pays, une estimation qu'ils jugent prudente.",
      "«\u00a0Chaque dixième de degré compte\u00a0», a résumé la directrice de l'un des deux organismes lors d'une conférence de presse à Paris.",
    ],
    initials: ['bur-jm/bds'],
  },
  {
    file: 'drop/dpa-bahnstreik.xml',
    format: 'NewsML-G2',
    headline: 'Warnstreik legt Fernverkehr der Bahn bundesweit lahm',
    place: 'Berlin',
    date: '2023-06-20',
    lang: 'de',
    urgency: 1,
    agency: 'dpa',
    paragraphs: [
      'Ein Warnstreik der Lokführergewerkschaft hat am Dienstagmorgen den Fernverkehr der Deutschen Bahn in ganz Deutschland weitgehend zum Erliegen gebracht.',
      'Nach Angaben eines Bahnsprechers fallen bis zum Abend rund 80 Prozent der Fernzüge aus; im Regionalverkehr gibt es „erhebliche Einschränkungen“.',
      'Die Gewerkschaft fordert unter anderem eine Arbeitszeitverkürzung & höhere Zulagen für Schichtarbeit.',
      'Reisende sollten ihre Verbindung vor Fahrtantritt online prüfen, teilte das Unternehmen mit.',
    ],
  },
  {
    file: 'drop/ap-ninjs1.json',
    format: 'ninjs',
    headline: 'Ukraine says counteroffensive gains ground in the south',
    place: 'KYIV, Ukraine',
    date: '2023-06-20',
    lang: 'en',
    urgency: 3,
    agency: 'AP',
    paragraphs: [
      'Ukrainian forces have retaken several villages in the south of the country, the deputy defense minister said Tuesday, as the counteroffensive entered its third week.',
      'Russian officials did not comment on the claim, which could not be independently verified.',
      '“We are moving forward, slowly but surely,” the minister wrote on Telegram.Fighting was also reported near Bakhmut.',
    ],
  },
  {
    file: 'drop/kyodo-ninjs3.json',
    format: 'ninjs',
    headline: 'Japan, EU agree to deepen cooperation on economic security',
    place: 'Tokyo',
    date: '2023-06-20',
    lang: 'en',
    urgency: 5,
    agency: 'Kyodo',
    paragraphs: [
      'Japan and the European Union agreed Tuesday to deepen cooperation on economic security, including the supply of semiconductors and critical minerals.',
      "The agreement came during talks in Tokyo between the two sides' trade ministers.",
    ],
  },
];

/**
 * The structures of real agency files (EFE, ANA-MPA, dpa, AP, ANSA, Reuters, STT, NTB, PA,
 * AAP) that the first fixtures did not have, each in a fixture written for the test.
 */
const VARIANTS: Case[] = [
  {
    file: 'variants/efe-nitf-rights-owner.xml',
    format: 'NITF',
    headline: 'Honduras opens a new river port on the Caribbean coast',
    place: 'Puerto Cortés',
    date: '2024-03-05',
    lang: 'en-US',
    urgency: 3,
    agency: 'EFE',
    paragraphs: [
      'A river port built to move bananas and coffee to the sea opened on Tuesday, the port authority said.',
      'The first barge carried two hundred tonnes of coffee downstream.',
    ],
  },
  {
    file: 'variants/ana-newsml12-cdata-html.xml',
    format: 'NewsML 1.2',
    headline: 'Ferry traffic to the islands up by a tenth',
    place: 'Piraeus',
    date: '2024-04-05',
    lang: 'en',
    urgency: undefined,
    agency: 'ANA-MPA',
    paragraphs: [
      'Ferry passengers to the islands rose by a tenth in March, the port authority said on Friday.',
      'Car traffic grew faster still, by "almost a fifth".',
    ],
  },
  {
    file: 'variants/dpa-g2-xhtml-header.xml',
    format: 'NewsML-G2',
    headline: 'Hafenfest beginnt mit Regen und Rekordbesuch',
    place: 'Hamburg',
    date: '2024-05-14',
    lang: 'de',
    urgency: 4,
    agency: 'dpa',
    paragraphs: [
      'Trotz Regens sind zum Auftakt des Hafenfests mehr Menschen gekommen als je zuvor.',
      'Die Veranstalter zählten am ersten Abend rund 300 000 Gäste.',
    ],
    options: {},
    section: 'Sport',
  },
  {
    file: 'variants/ap-g2-dateline-span.xml',
    format: 'NewsML-G2',
    headline: 'A salt lake town bets on lithium',
    place: 'SALTA, Argentina',
    date: '2025-03-01',
    lang: 'en',
    urgency: 4,
    agency: 'AP',
    paragraphs: [
      'A small town on the edge of a salt flat is hoping that lithium will bring work.',
      'Its mayor said two mines would open next year.',
    ],
  },
  {
    file: 'variants/ansa-g2-inlinedata-html.xml',
    format: 'NewsML-G2',
    headline: 'Rome museum opens its vaults to visitors',
    place: 'Rome',
    date: '2024-10-11',
    lang: 'en',
    urgency: 5,
    agency: 'ANSA',
    paragraphs: [
      'A Rome museum will open its storage vaults to visitors for the first time, its director said.',
      '"Most of what we own has never been seen," she said, adding that tickets would be free.',
      'Visits begin in November.',
    ],
  },
  {
    file: 'variants/reuters-g2-timestamp-dateline.xml',
    format: 'NewsML-G2',
    headline: 'UPDATE 1-Village League Results',
    place: 'Lisbon',
    date: '2024-01-03',
    lang: 'en-US',
    urgency: 4,
    agency: 'Reuters',
    paragraphs: ['Results for the Village League on Wednesday Upper Town (0) 1 Lower Town (1) 2'],
    options: { section: 'World', place: 'Lisbon' },
  },
  {
    file: 'variants/stt-g2-double-escaped.xml',
    format: 'NewsML-G2',
    headline: 'Parliament approves the winter road budget',
    place: 'Helsinki',
    date: '2024-01-02',
    lang: 'en',
    urgency: 3,
    agency: 'STT',
    paragraphs: [
      "Parliament approved the winter road budget on Tuesday's session.",
      'Snow ploughs first',
      '"Roads come first," the minister said.',
    ],
  },
  {
    file: 'variants/ap-nitf-no-id-table.xml',
    format: 'NITF',
    headline: 'Town league standings after week five',
    place: 'BOSTON',
    date: '2024-07-10',
    lang: 'en',
    urgency: undefined,
    agency: 'AP',
    paragraphs: [
      'The Harbor Hawks kept first place after week five of the town league.',
      'W | L',
      'Harbor Hawks | 5 | 0',
      'Mill Street | 3 | 2',
      'Next games are on Saturday.',
    ],
  },
  {
    file: 'variants/pa-nitf-ends-no-dateline.xml',
    format: 'NITF',
    headline: 'COUNCILS TO GET £2BN FOR POTHOLES',
    place: 'London',
    date: '2024-10-11',
    lang: 'en',
    urgency: 4,
    agency: 'PA',
    paragraphs: [
      'Councils will share £2 billion to mend potholes, the Treasury said.',
      'The money will be paid over two years, according to the minister.',
    ],
    options: { place: 'London' },
    section: 'Politics',
  },
  {
    file: 'variants/ntb-nitf-baselang.xml',
    format: 'NITF',
    headline: 'Ny bro over fjorden åpner i høst',
    place: 'Bergen',
    date: '2024-09-07',
    lang: 'nb-NO',
    urgency: 5,
    agency: 'NTB',
    paragraphs: [
      'Den nye broen over fjorden åpner i oktober, opplyser Statens vegvesen.',
      'Kortere reise',
      'Reisen blir tjue minutter kortere.',
    ],
  },
  {
    file: 'variants/ap-media-envelope.json',
    format: 'ninjs',
    headline: 'Harbor town votes to keep its ferry',
    place: 'PORTLAND, Maine',
    date: '2024-07-03',
    lang: 'en',
    urgency: 4,
    agency: 'AP',
    paragraphs: ['Voters in a harbor town chose on Tuesday to keep their ferry running.', 'The vote was 412 to 96.'],
  },
  {
    file: 'variants/aap-ninjs-reuters-source.json',
    format: 'ninjs',
    headline: 'Oil steadies after a week of losses',
    place: 'Singapore',
    date: '2024-07-03',
    lang: 'en',
    urgency: 3,
    agency: 'Reuters',
    paragraphs: [
      'Oil prices steadied on Monday after a week of losses.',
      '(Reporting by A. Reporter; Editing by B. Editor)',
    ],
  },
];

describe('each agency format maps to a story exactly', () => {
  it.each([...CASES, ...VARIANTS])('$file ($format)', (c) => {
    const { format, items } = parseFixture(c.file);
    expect(format).toBe(c.format);
    expect(items).toHaveLength(1);
    const item = items[0] as WireItem;
    expect(item.headline).toBe(c.headline);
    expect(item.urgency).toBe(c.urgency);
    const entry = itemToEntry(item, c.options ?? { section: 'World' });
    const data = entry.data as Record<string, unknown> & { dateline: { place: string; date: string } };
    expect(data.dateline).toEqual({ place: c.place, date: c.date });
    expect(data.lang).toBe(c.lang);
    expect(data.agency).toBe(c.agency);
    expect(data.urgency).toBe(c.urgency);
    expect(readerParagraphs(entry.markdown)).toEqual(c.paragraphs);
    expect(data.initials ?? []).toEqual(c.initials ?? []);
    if (c.section) expect(data.section).toBe(c.section);
    // Nothing of the dateline, the sign-off, the end mark or the staff initials is left in the body.
    const body = bodyOf(entry.markdown, 'entry.md');
    expect(body).not.toMatch(/\((EFE|AFP|dpa|AP|ANSA|OPTA)\)/);
    expect(body).not.toContain(`(${c.agency})`);
    expect(body).not.toMatch(/asl\/tib|bur-jm|==Kyodo|^EFE$|^ends$|©/m);
  });
});

describe('what real agency files carry beyond the story', () => {
  it('moves a closing copyright paragraph to the frontmatter and says so', () => {
    const entry = itemToEntry(parseFixture('variants/ana-newsml12-cdata-html.xml').items[0] as WireItem, {
      section: 'World',
    });
    expect(entry.data.copyright).toBe('© 2024 ΑΠΕ-ΜΠΕ');
    expect(entry.data.usageTerms).toBe('© ΑΠΕ-ΜΠΕ ΑΕ. Τα πνευματικά δικαιώματα ανήκουν στο ΑΠΕ-ΜΠΕ ΑΕ.');
    expect(entry.notes.join('\n')).toMatch(/moved the closing line "© ΑΠΕ-ΜΠΕ ΑΕ/);
  });

  it('gives an AP NITF without an id a stable id of its own, and says so', () => {
    const [first] = parseFixture('variants/ap-nitf-no-id-table.xml').items;
    const [again] = parseFixture('variants/ap-nitf-no-id-table.xml').items;
    expect(first?.id).toMatch(/^AP:2024-07-10T19:10:44Z:[a-z0-9]+$/);
    expect(again?.id).toBe(first?.id);
    expect(first?.notes.join('\n')).toMatch(/no id \(head\/docdata\/doc-id\/@id-string\)/);
  });

  it('keeps a photo reference that names no file (NTB) as a photo for the importer to report', () => {
    expect(parseFixture('variants/ntb-nitf-baselang.xml').items[0]?.photos).toMatchObject([
      { href: 'aBcD3fGh1', caption: 'Foto: NTB' },
    ]);
  });

  it('reads every item of a ninjs feed page', () => {
    const { items } = parseFixture('variants/ninjs-feed-page.json');
    expect(items.map((item) => [item.id, item.headline])).toEqual([
      ['https://www.example.com/items/1', 'Council approves new library'],
      ['https://www.example.com/items/2', 'Bridge closed for repairs'],
    ]);
    expect(itemToEntry(items[0] as WireItem, { agency: 'BBC', section: 'World' }).markdown).toContain(
      '**The council** approved',
    );
  });

  it("reads every item of an AP G2 message with NITF inside, taking the desk's dateline over the geo-tag", () => {
    const { items } = parseFixture('variants/ap-g2-nitf-two-items.xml');
    const entries = items.map((item) => itemToEntry(item, { section: 'Business' }));
    expect(entries.map((entry) => [entry.data.title, entry.data.dateline, entry.data.agency])).toEqual([
      ['Bakery chain beats fourth-quarter expectations', { place: 'FORT WASHINGTON, Pa.', date: '2024-02-26' }, 'AP'],
      ['Hotel trust posts higher fourth-quarter revenue', { place: 'BETHESDA, Md.', date: '2024-02-26' }, 'AP'],
    ]);
    expect(entries.map((entry) => readerParagraphs(entry.markdown))).toEqual([
      ['A bakery chain on Monday reported fourth-quarter profit of $1.2 million.', 'Its shares rose 3 percent.'],
      ['A hotel trust on Monday reported higher revenue in its fourth quarter.'],
    ]);
  });

  it('leaves out a first paragraph that only repeats the headline', () => {
    const json = JSON.stringify({
      uri: 'u',
      headline: 'BC-Scores',
      located: 'X',
      versioncreated: '2023-06-20T10:00:00Z',
      body_html: '<p>BC-Scores</p><p>Home 2 Away 1</p>',
    });
    const format = detectFormat(json);
    if (format === 'text') throw new Error('not ninjs');
    const entry = itemToEntry(format.parse(json)[0] as WireItem, { agency: 'AP', section: 'World' });
    expect(readerParagraphs(entry.markdown)).toEqual(['Home 2 Away 1']);
    expect(entry.notes).toContain('left out a first paragraph that repeats the headline');
  });

  it('takes the agency from the lead dateline when the item names none', () => {
    const json =
      '{"uri": "u", "headline": "H", "body_text": "MADRID (Xinhua) - Texto.", "versioncreated": "2023-06-20T10:00:00Z"}';
    const format = detectFormat(json);
    if (format === 'text') throw new Error('not ninjs');
    const entry = itemToEntry(format.parse(json)[0] as WireItem, { section: 'World' });
    expect(entry.data).toMatchObject({ agency: 'Xinhua', dateline: { place: 'MADRID', date: '2023-06-20' } });
  });
});

describe('files that are not a story get a clear report, never a crash', () => {
  it.each([
    ['variants/g2-package.xml', /^packageItem: a NewsML-G2 package \(packageItem\)/],
    ['variants/g2-picture-only.xml', /^itemSet\/newsItem: no text item .* only ninat:picture/],
    ['variants/ninjs-picture.json', /^type: a picture item \(type "picture"\), not a story/],
  ])('%s', (file, message) => {
    expect(() => parseFixture(file)).toThrow(NotAStory);
    expect(() => parseFixture(file)).toThrow(message);
  });

  it('names the renditions of an AP Media API item that carries no body', () => {
    expect(() => parseFixture('variants/ap-media-renditions-only.json')).toThrow(
      /^data\.item\.body_html: the item has no body .*only in renditions \(nitf\), which are not fetched/,
    );
  });

  it('asks for --place when an item gives no place (a time-stamp dateline, no dateline at all)', () => {
    for (const file of ['variants/reuters-g2-timestamp-dateline.xml', 'variants/pa-nitf-ends-no-dateline.xml']) {
      const item = parseFixture(file).items[0] as WireItem;
      expect(() => itemToEntry(item, { section: 'World' })).toThrow(/^dateline: no dateline.*pass --place NAME/);
    }
  });
});

describe('NITF inline markup and entities', () => {
  it('keeps emphasis, strong emphasis and links as Markdown and decodes named and numeric entities', () => {
    const efe = itemToEntry(parseFixture('drop/efe-tokayev-v1.xml').items[0] as WireItem, {});
    expect(efe.markdown).toContain('*«no hay alternativa al diálogo»*');
    expect(efe.markdown).toContain('[página web](<https://www.akorda.kz/es>) — en kazajo');
    const dpa = itemToEntry(parseFixture('drop/dpa-bahnstreik.xml').items[0] as WireItem, {});
    expect(dpa.markdown).toContain('rund **80 Prozent** der Fernzüge');
    expect(dpa.markdown).toContain('[online](<https://www.bahn.de>)');
  });

  it('reads ISO-8859-1 with CRLF line ends as the declaration says', () => {
    const bytes = readFileSync(fixture('drop/efe-tokayev-v1.xml'));
    expect(bytes.includes(0x0d)).toBe(true);
    expect(bytes.includes(Buffer.from('Tokáyev', 'latin1'))).toBe(true);
    expect(parseFixture('drop/efe-tokayev-v1.xml').items[0]?.headline).toMatch(/^Tokáyev pide/);
  });

  it.each([
    ['<p>a <script>alert(1)</script>b</p>', 'a b'],
    ['<p>see <a href="javascript:alert(1)">this</a></p>', 'see this'],
    ['<p>1. *not* a list &lt;b&gt;</p>', '1. *not* a list <b>'],
  ])('keeps %s as safe text: %s', (html, text) => {
    const json = JSON.stringify({
      uri: 'u',
      headline: 'H',
      body_html: html,
      located: 'X',
      versioncreated: '2023-06-20T10:00:00Z',
    });
    const format = detectFormat(json);
    if (format === 'text') throw new Error('not ninjs');
    const entry = itemToEntry(format.parse(json)[0] as WireItem, { agency: 'AP', section: 'World' });
    expect(readerParagraphs(entry.markdown)).toEqual([text]);
    expect(entry.markdown).not.toMatch(/<script|javascript:/);
  });
});

describe('what else each item carries', () => {
  it('keeps editors notes, copyright, usage terms and the slugline in frontmatter', () => {
    const entry = itemToEntry(parseFixture('drop/dpa-bahnstreik.xml').items[0] as WireItem, {});
    expect(entry.data).toMatchObject({
      edNotes: ['Die Meldung wird im Laufe des Tages ergänzt.'],
      copyright: '© dpa-infocom GmbH',
      usageTerms: 'Nur zur Veröffentlichung durch Kunden der dpa',
      slugline: 'Verkehr/Streiks',
      source: { id: 'urn:newsml:dpa.com:20230620:230620-99-104215', version: 1 },
      tags: ['Arbeit', 'Streik'],
      section: 'Labour',
    });
    expect(bodyOf(entry.markdown, 'x.md')).not.toContain('ergänzt');
  });

  it('names subjects from the offline IPTC table in the item language where the item gives no name', () => {
    const efe = itemToEntry(parseFixture('drop/efe-tokayev-v1.xml').items[0] as WireItem, {});
    expect(efe.data.tags).toEqual(['Proceso de paz', 'Política']);
    expect(efe.data.section).toBe('Unrest, conflicts and war');
    const afp = itemToEntry(parseFixture('drop/afp-climat-embargo.xml').items[0] as WireItem, {});
    expect(afp.data.tags).toEqual(['Environnement']);
  });

  it('records an embargo, a withheld status and the photos', () => {
    const afp = parseFixture('drop/afp-climat-embargo.xml').items[0] as WireItem;
    expect(afp.embargo).toBe('2023-06-21T06:00:00Z');
    expect(parseFixture('drop/dpa-withheld.xml').items[0]?.status).toBe('withheld');
    expect(parseFixture('kill/ap-ninjs1-kill.json').items[0]?.status).toBe('canceled');
    expect(parseFixture('drop/efe-tokayev-v1.xml').items[0]?.photos).toEqual([
      {
        href: 'efe-foto-astana.jpg',
        caption:
          'El presidente kazajo, Kasim-Yomart Tokáyev, durante su discurso ante el cuerpo diplomático en Astaná.',
        credit: 'EFE/Darja Kolesnikova',
        alt: undefined,
        field: 'NewsItem[1]/NewsComponent/NewsComponent/ContentItem/@Href',
      },
    ]);
    expect(parseFixture('drop/dpa-bahnstreik.xml').items[0]?.photos[0]).toMatchObject({
      href: 'https://images.example.com/dpa/230620-99-104216.jpg',
      credit: 'dpa/Paul Zinken',
    });
  });

  it('turns a correction signal on a revision into a correction note', () => {
    const v1 = itemToEntry(parseFixture('drop/efe-tokayev-v1.xml').items[0] as WireItem, {});
    const v2item = parseFixture('revisions/efe-tokayev-v2.xml').items[0] as WireItem;
    expect(v2item.version).toBe(2);
    const v2 = itemToEntry(v2item, { existing: v1.data });
    expect(v2.data.corrections).toEqual([
      { date: '2023-06-20T12:45:00+06:00', text: 'This story has been corrected since it was first published.' },
    ]);
    expect(v2.data.updatedDate).toBe('2023-06-20T12:45:00+06:00');
    expect(v2.data.pubDate).toBe(v1.data.pubDate);
    expect(v2.data.slug).toBe(v1.data.slug);
    expect(splitFrontmatter(v2.markdown, 'x').data.source).toEqual({
      id: 'urn:newsml:efe.es:20230620:4410271',
      version: 2,
    });
  });
});

describe('bad input fails naming the element or field', () => {
  it.each([
    ['bad/malformed.xml', /^XML: line 5, column 3: Expected closing tag 'Identification'/],
    ['bad/unknown-root.xml', /^rss: unknown root element <rss>/],
    ['bad/ninjs-no-body.json', /^body_html: the item has no body/],
    ['bad/g2-no-headline.xml', /^newsItem\/contentMeta\/headline: the headline is missing/],
    ['bad/binary.xml', /^bad\/binary\.xml: binary data/],
  ])('%s', (file, message) => {
    expect(() => parseFixture(file)).toThrow(message);
  });

  it.each([
    [
      '{"uri": "u", "headline": "H", "body_text": "x", "urgency": 12}',
      /^urgency: urgency must be a whole number from 1 to 9/,
    ],
    [
      '{"uri": "u", "headline": "H", "body_text": "x", "versioncreated": "2023-02-30T10:00:00Z"}',
      /^versioncreated: "2023-02-30T10:00:00Z" is not a date-time/,
    ],
    ['{"uri": "u", "headline": "H", "body_text": "x", "pubstatus": "maybe"}', /^pubstatus: unknown status "maybe"/],
    ['{"headline": "H", "body_text": "x"}', /^uri: the item id is missing/],
  ])('ninjs %s', (json, message) => {
    const format = detectFormat(json);
    if (format === 'text') throw new Error('not ninjs');
    expect(() => format.parse(json)).toThrow(message);
  });

  it('asks for --agency when the item names none, and --section when it has no subject', () => {
    const json =
      '{"uri": "u", "headline": "H", "body_text": "Texto.", "located": "MADRID", "versioncreated": "2023-06-20T10:00:00Z"}';
    const format = detectFormat(json);
    if (format === 'text') throw new Error('not ninjs');
    const item = format.parse(json)[0] as WireItem;
    expect(() => itemToEntry(item, {})).toThrow(/^agency: .*--agency/);
    expect(() => itemToEntry(item, { agency: 'Xinhua' })).toThrow(/^section: .*--section/);
    expect(itemToEntry(item, { agency: 'Xinhua', section: 'World' }).data.dateline).toEqual({
      place: 'MADRID',
      date: '2023-06-20',
    });
  });
});

describe('format detection reads the content, not the name', () => {
  it.each([
    ['<?xml version="1.0"?><!-- c --><!DOCTYPE NewsML SYSTEM "x.dtd"><NewsML Version="1.2"/>', 'NewsML 1.2'],
    ['<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>', 'NewsML-G2'],
    ['<g2:newsItem xmlns:g2="http://iptc.org/std/nar/2006-10-01/"/>', 'NewsML-G2'],
    ['<nitf><head/></nitf>', 'NITF'],
    ['\uFEFF{"uri": "x"}', 'ninjs'],
    ['World\nHeadline\nAstana, Jun 20 (EFE).- Text.', 'text'],
  ])('%s', (source, name) => {
    const format = detectFormat(source);
    expect(format === 'text' ? 'text' : format.name).toBe(name);
  });

  it('names the paragraphs of a plain-text ninjs body one per line', () => {
    const item = parseFixture('drop/kyodo-ninjs3.json').items[0] as WireItem;
    expect(item.paragraphs.map(plainText)).toEqual([
      'Japan and the European Union agreed Tuesday to deepen cooperation on economic security, including the supply of semiconductors and critical minerals.',
      "The agreement came during talks in Tokyo between the two sides' trade ministers.",
      '==Kyodo',
    ]);
  });
});
