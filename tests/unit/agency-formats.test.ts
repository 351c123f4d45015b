import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/lib/agency/body';
import { itemToEntry } from '../../src/lib/agency/entry';
import { decodeItem, detectFormat } from '../../src/lib/agency/registry';
import type { WireItem } from '../../src/lib/agency/types';
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

describe('each agency format maps to a story exactly', () => {
  it.each(CASES)('$file ($format)', (c) => {
    const { format, items } = parseFixture(c.file);
    expect(format).toBe(c.format);
    expect(items).toHaveLength(1);
    const item = items[0] as WireItem;
    expect(item.headline).toBe(c.headline);
    expect(item.urgency).toBe(c.urgency);
    const entry = itemToEntry(item, { section: 'World' });
    const data = entry.data as Record<string, unknown> & { dateline: { place: string; date: string } };
    expect(data.dateline).toEqual({ place: c.place, date: c.date });
    expect(data.lang).toBe(c.lang);
    expect(data.agency).toBe(c.agency);
    expect(data.urgency).toBe(c.urgency);
    expect(readerParagraphs(entry.markdown)).toEqual(c.paragraphs);
    expect(data.initials ?? []).toEqual(c.initials ?? []);
    // Nothing of the dateline, the sign-off or the staff initials is left in the body.
    const body = bodyOf(entry.markdown, 'entry.md');
    expect(body).not.toMatch(/\((EFE|AFP|dpa|AP)\)/);
    expect(body).not.toMatch(/asl\/tib|bur-jm|==Kyodo|^EFE$/m);
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
      '{"uri": "u", "headline": "H", "body_text": "MADRID (Xinhua) - Texto.", "versioncreated": "2023-06-20T10:00:00Z"}';
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
