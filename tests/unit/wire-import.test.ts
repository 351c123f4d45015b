import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { load as parseYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { renderStoryHtml } from '../../src/lib/markdown';
import { storySchema } from '../../src/lib/schema';
import {
  escapeMarkdown,
  firstSentence,
  detectLanguage,
  FURNITURE,
  importWire,
  datelineFound,
  languageWarning,
  parseDateline,
  WireImportError,
} from '../../src/lib/wire-import';
import { readSeed } from '../helpers/seed';

const ENTRY = new URL('../../content/tokayev-peace-initiatives-ukraine.md', import.meta.url);
const frame = { dateline: 'D', credit: 'C', base: 'https://wire-reader.example' };

/** The text a reader sees of rendered Markdown, paragraph by paragraph. */
function renderedParagraphs(markdown: string): string[] {
  const html = renderStoryHtml(markdown, frame);
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<span class="dateline">D<\/span> /, '')
      .replace(/ <span class="credit">C<\/span>$/, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

function splitEntry(markdown: string) {
  const [, frontmatter = '', body = ''] = markdown.split(/^---\n/m);
  return { data: storySchema.parse(parseYaml(frontmatter)), body };
}

const story = (dateline: string, extra = '') =>
  `World\n\nA headline\n\n${dateline} First paragraph of the story.\n\nLast paragraph. EFE\n${extra}`;

describe('importing the seed', () => {
  const seed = readSeed();
  const result = importWire(seed.raw, { year: 2023, tags: ['Kazakhstan'] });
  const committed = splitEntry(readFileSync(ENTRY, 'utf8'));
  const imported = splitEntry(result.markdown);

  it('gives the frontmatter of the committed entry, but for description and tags', () => {
    const { description: _d1, tags: _t1, ...mine } = imported.data;
    const { description: _d2, tags: _t2, ...theirs } = committed.data;
    expect(mine).toEqual(theirs);
  });

  it('gives the body of the committed entry, so the page renders the same text', () => {
    expect(imported.body).toBe(committed.body);
    expect(renderStoryHtml(imported.body, frame)).toBe(renderStoryHtml(committed.body, frame));
  });

  it('keeps all 17 paragraphs, leaves out only furniture and the sign-off, and reports them', () => {
    expect(result.paragraphs).toHaveLength(17);
    expect(result.dropped.map((d) => [d.line, d.text])).toEqual([
      [37, 'EFE'],
      [40, 'Related Articles'],
      [42, 'Back to top button'],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('takes the description from the first sentence', () => {
    expect(result.data.description).toBe(
      'Kazakh President Kassym-Jomart Tokayev on Tuesday called for compliance with the UN Charter and support for all peace initiatives by China and other countries to end the war in Ukraine.',
    );
  });
});

describe('datelines', () => {
  it.each([
    ['Astana, Jun 20 (EFE).-', 'Astana', { month: 5, day: 20 }, 'EFE'],
    ['MADRID, 3 mar (EFE).-', 'MADRID', { month: 2, day: 3 }, 'EFE'],
    ['KYIV, Ukraine (AP) —', 'KYIV, Ukraine', undefined, 'AP'],
    ['BRUSSELS (Reuters) -', 'BRUSSELS', undefined, 'Reuters'],
    ['PARIS, June 20 (AFP) -', 'PARIS', { month: 5, day: 20 }, 'AFP'],
    ['BOGOTÁ, 20 de junio (EFE).-', 'BOGOTÁ', { month: 5, day: 20 }, 'EFE'],
    ['LONDON (REUTERS) -', 'LONDON', undefined, 'Reuters'],
  ])('reads %j', (text, place, date, agency) => {
    const parsed = parseDateline(`${text} The story starts here.`);
    expect(parsed).toMatchObject({ text, place, date, agency, rest: 'The story starts here.' });
  });

  it.each(['The president (EFE) spoke.', 'No dateline at all.', '(EFE).- Without a place'])(
    'finds none in %j',
    (text) => {
      expect(parseDateline(text)).toBeUndefined();
    },
  );

  it.each([
    ['Astana, Jun 20 (EFE).-', { year: 2023 }, { pubDate: '2023-06-20', dateline: { place: 'Astana' }, agency: 'EFE' }],
    ['MADRID, 3 mar (EFE).-', { year: 2024, lang: 'es' }, { pubDate: '2024-03-03', dateline: { place: 'MADRID' } }],
    [
      'KYIV, Ukraine (AP) —',
      { date: '2023-06-20' },
      { pubDate: '2023-06-20', dateline: { place: 'KYIV, Ukraine' }, agency: 'AP' },
    ],
    ['BRUSSELS (Reuters) -', { date: '2023-06-20' }, { agency: 'Reuters', dateline: { place: 'BRUSSELS' } }],
    ['PARIS, June 20 (AFP) -', { year: 2023 }, { pubDate: '2023-06-20', agency: 'AFP' }],
    [
      'Astana, Jun 19 (EFE).-',
      { date: '2023-06-20' },
      { pubDate: '2023-06-20', dateline: { place: 'Astana', date: '2023-06-19' } },
    ],
  ])('imports a story filed as %j', (dateline, options, expected) => {
    const result = importWire(story(dateline), options);
    expect(result.data).toMatchObject(expected);
    expect(result.paragraphs[0]).toBe('First paragraph of the story.');
  });

  it.each([
    ['REUTERS', 'Reuters'],
    ['efe', 'EFE'],
    ['Kazinform', 'Kazinform'],
  ])('builds a found dateline with the agency %j spelt as %j, and the text after it', (written, agency) => {
    const matched = `ASTANA, Jun 20 (${written}) -  `;
    const date = { month: 5, day: 20 };
    expect(
      datelineFound(`${matched}The story starts here.`, matched, { place: 'ASTANA', date, agency: written }),
    ).toEqual({
      text: `ASTANA, Jun 20 (${written}) -`,
      place: 'ASTANA',
      date,
      agency,
      agencyAsWritten: written,
      rest: 'The story starts here.',
    });
  });

  it('warns when the page will write the dateline differently from the wire', () => {
    const result = importWire(story('PARIS, 20 June (AFP) -'), { year: 2023 });
    expect(result.warnings).toContainEqual(
      expect.stringContaining('"PARIS, June 20 (AFP) -" (the wire has "PARIS, 20 June (AFP) -")'),
    );
  });
});

describe('page furniture', () => {
  it.each(FURNITURE)('drops %j at either edge of the text', (line) => {
    const title = line.replace(/\b\w/g, (c) => c.toUpperCase());
    const result = importWire(`${title}\n${story('Astana, Jun 20 (EFE).-', `\n${title}\n`)}`, { year: 2023 });
    expect(result.dropped.filter((d) => d.reason === 'page furniture').map((d) => d.text)).toEqual([title, title]);
    expect(result.data.section).toBe('World');
  });

  it.each([
    ['es', 'Noticias relacionadas', 'Volver arriba'],
    ['pt', 'Notícias relacionadas', 'Voltar ao topo'],
    ['fr', 'Articles liés', 'Retour en haut'],
    ['ar', 'أخبار ذات صلة', 'العودة إلى الأعلى'],
    ['de', 'Mehr zum Thema', 'Nach oben'],
  ])('recognises %s furniture at the edges, and reports it line by line', (lang, related, top) => {
    const raw = `${top}\n${story('Astana, Jun 20 (EFE).-', `${related}\n${top}\n`)}`;
    const result = importWire(raw, { year: 2023, lang });
    expect(result.dropped.filter((d) => d.reason === 'page furniture')).toEqual([
      { line: 1, text: top, reason: 'page furniture' },
      { line: 9, text: related, reason: 'page furniture' },
      { line: 10, text: top, reason: 'page furniture' },
    ]);
    expect(result.paragraphs).toEqual(['First paragraph of the story.', 'Last paragraph.']);
  });

  it('keeps furniture words that stand inside the story', () => {
    const raw = 'World\nHeadline\nAstana, Jun 20 (EFE).- First.\nRead more\nShare\nLast. EFE\nRelated Articles';
    const result = importWire(raw, { year: 2023 });
    expect(result.paragraphs).toEqual(['First.', 'Read more', 'Share', 'Last.']);
  });
});

describe('messy input', () => {
  it('reads CRLF line endings, a byte-order mark and non-breaking spaces', () => {
    const raw =
      '\uFEFFWorld\r\n\r\nHeadline\r\n\r\nAstana,\u00A0Jun\u00A020 (EFE).- First\u00A0words.\r\n\r\nLast. EFE\r\n';
    const result = importWire(raw, { year: 2023 });
    expect(result.data.section).toBe('World');
    expect(result.data.dateline.place).toBe('Astana');
    expect(result.paragraphs).toEqual(['First\u00A0words.', 'Last.']);
    expect(result.markdown).not.toContain('\r');
  });

  it('keeps typographic quotes and non-Latin scripts word for word', () => {
    const raw = 'Мир\nТокаев призвал к миру\nАстана, 20 июн (EFE).- «Мы должны», сказал он. 東京 “quoted”.\nКонец. EFE';
    const result = importWire(raw, { date: '2023-06-20', lang: 'ru' });
    expect(result.data.title).toBe('Токаев призвал к миру');
    expect(result.data.dateline.place).toBe('Астана, 20 июн');
    expect(result.paragraphs).toEqual(['«Мы должны», сказал он. 東京 “quoted”.', 'Конец.']);
  });

  it.each([
    ['a name that ends the last sentence', 'He was contacted by Reuters', 'BRUSSELS (Reuters) -'],
    [
      'the agency named inside the last paragraph',
      'The EFE reporter saw it. EFE said nothing more',
      'Astana, Jun 20 (EFE).-',
    ],
    ['a lower-case mention', 'The figures came from efe.', 'Astana, Jun 20 (EFE).-'],
  ])('keeps %s as story text, not a sign-off', (_name, last, dateline) => {
    const result = importWire(`World\nHeadline\n${dateline} First.\n${last}`, { date: '2023-06-20' });
    expect(result.paragraphs.at(-1)).toBe(last);
    expect(result.dropped).toEqual([]);
    expect(result.warnings.some((warning) => /sign-off/.test(warning))).toBe(true);
  });

  it('takes a capitalised sign-off after the last sentence', () => {
    const result = importWire('World\nHeadline\nBRUSSELS (Reuters) - First.\nThe talks ended. REUTERS', {
      date: '2023-06-20',
    });
    expect(result.paragraphs.at(-1)).toBe('The talks ended.');
  });

  it('takes a sign-off on its own line', () => {
    const result = importWire('World\nHeadline\nAstana, Jun 20 (EFE).- First.\nLast.\nEFE\n', { year: 2023 });
    expect(result.paragraphs).toEqual(['First.', 'Last.']);
    expect(result.dropped).toEqual([{ line: 5, text: 'EFE', reason: 'agency sign-off (moved into frontmatter)' }]);
  });

  it('warns when there is no sign-off, keeping the last paragraph whole', () => {
    const result = importWire('World\nHeadline\nAstana, Jun 20 (EFE).- First.\nLast words.', { year: 2023 });
    expect(result.paragraphs.at(-1)).toBe('Last words.');
    expect(result.warnings).toEqual(['line 4: no "EFE" sign-off at the end of the story; the page adds one']);
  });

  it('takes the section from --section when the text has only a headline', () => {
    const result = importWire('Headline\nAstana, Jun 20 (EFE).- First. EFE', { year: 2023, section: 'Asia' });
    expect(result.data.section).toBe('Asia');
  });
});

describe('Markdown safety', () => {
  it.each([
    ['*stars* and _underscores_', '\\*stars\\* and \\_underscores\\_'],
    ['# not a heading', '\\# not a heading'],
    ['1. not a list', '1\\. not a list'],
    ['- not a bullet', '\\- not a bullet'],
    ['> not a quote', '\\> not a quote'],
    ['<b>not bold</b> & <script>', '\\<b\\>not bold\\</b\\> & \\<script\\>'],
    ['AT&T &amp; co', 'AT&T \\&amp; co'],
    ['a [link](x) and `code`', 'a \\[link\\](x) and \\`code\\`'],
  ])('escapes %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
    expect(renderedParagraphs(escapeMarkdown(text))).toEqual([text]);
  });

  it('writes the frontmatter with YAML, so a headline with quotes and colons survives', () => {
    const raw = "World\nBreaking: “Quotes”, 'apostrophes' & #hashes\nAstana, Jun 20 (EFE).- First. EFE";
    const { data } = splitEntry(importWire(raw, { year: 2023 }).markdown);
    expect(data.title).toBe("Breaking: “Quotes”, 'apostrophes' & #hashes");
  });
});

describe('bad input', () => {
  it.each([
    ['an empty file', '', /the input is empty/, 1],
    ['only blank lines', '\n \n\t\n', /the input is empty/, 1],
    ['only page furniture', '\nRelated Articles\nBack to top button\n', /only page furniture/, 2],
    ['no dateline', 'World\nHeadline\nA story with no dateline.\nMore.', /no dateline found/, 3],
    ['no headline', 'Astana, Jun 20 (EFE).- First. EFE', /no headline/, 1],
    [
      'binary bytes',
      'World\nHead\u0000line\nAstana, Jun 20 (EFE).- x',
      /U\+0000 \(a control character\) at column 5/,
      2,
    ],
    ['undecodable bytes', 'World\nHeadline\nAstana, Jun 20 (EFE).- x\ufffd', /U\+FFFD \(the replacement character/, 3],
    ['a vertical tab', 'World\nHead\u000bline\nAstana, Jun 20 (EFE).- x', /U\+000B \(a control character\)/, 2],
    ['a form feed', 'World\nHeadline\n\u000cAstana, Jun 20 (EFE).- x', /U\+000C \(a control character\)/, 3],
    ['a noncharacter', 'World\nHeadline\nAstana, Jun 20 (EFE).- x\ufffe', /U\+FFFE \(a Unicode noncharacter\)/, 3],
    ['a C1 control', 'World\nHead\u0085line\nAstana, Jun 20 (EFE).- x', /U\+0085 \(a C1 control/, 2],
    ['a bidi override', 'World\nHeadline\n\u202eAstana, Jun 20 (EFE).- x', /U\+202E \(a bidi embedding or override/, 3],
    [
      'an unclosed bidi isolate',
      'World\nHead\u2067line\nAstana, Jun 20 (EFE).- x',
      /a bidi isolate that is not closed on its line/,
      2,
    ],
    ['too many lines before the dateline', 'A\nB\nC\nAstana, Jun 20 (EFE).- x', /cannot place: "A"/, 1],
    ['no year', story('Astana, Jun 20 (EFE).-'), /gives no year: pass --year/, 5],
    ['no date at all', story('BRUSSELS (Reuters) -'), /has no date: pass --date/, 5],
    ['a headline with no letters', 'World\n***\nAstana, Jun 20 (EFE).- x', /no letter or digit/, 2],
  ])('fails on %s, naming the line and what was expected', (_name, raw, message, line) => {
    const run = () => importWire(raw);
    expect(run).toThrow(WireImportError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (error) {
      expect((error as WireImportError).line).toBe(line);
    }
  });

  it('refuses bytes that are not UTF-8, naming the line and column', () => {
    const latin1 = Uint8Array.from([
      ...Buffer.from('World\nHeadline\nM'),
      0xe1,
      ...Buffer.from('laga, Jun 20 (EFE).- x'),
    ]);
    const run = () => importWire(latin1, { year: 2023 });
    expect(run).toThrow(/line 3: not UTF-8: byte 0xE1 at column 2/);
  });

  it('reads UTF-8 bytes as text', () => {
    const bytes = new TextEncoder().encode('World\nHeadline\nMálaga, Jun 20 (EFE).- First. EFE');
    expect(importWire(bytes, { year: 2023 }).data.dateline.place).toBe('Málaga');
  });

  it('fails on a dateline day the year does not have', () => {
    expect(() => importWire(story('Astana, Feb 29 (EFE).-'), { year: 2023 })).toThrow(
      /line 5: the dateline "Astana, Feb 29 \(EFE\)\.-" names a day that 2023 does not have/,
    );
    expect(importWire(story('Astana, Feb 29 (EFE).-'), { year: 2024 }).data.pubDate).toBe('2024-02-29');
  });

  it.each([
    ['another format', '20/06/2023', /--date: "20\/06\/2023" is not an ISO 8601 date/],
    ['an impossible day', '2023-02-30', /--date: 2023-02-30 is not a real date: February 2023 has no day 30/],
    ['year 0000', '0000-06-20', /--date: 0000-06-20 is before 1900/],
  ])('fails on a --date in %s', (_name, date, message) => {
    expect(() => importWire(story('Astana, Jun 20 (EFE).-'), { date })).toThrow(message);
  });

  it('fails on a --year before 1900, naming the dateline line', () => {
    expect(() => importWire(story('Astana, Jun 20 (EFE).-'), { year: 0 })).toThrow(
      /line 5: the dateline "Astana, Jun 20 \(EFE\)\.-" in 0: 0000-06-20 is before 1900/,
    );
  });

  it('keeps a --date with a time and offset, and the dateline its own local day', () => {
    const result = importWire(story('Astana, Jun 20 (EFE).-'), { date: '2023-06-20T23:30:00+06:00' });
    expect(result.data.pubDate).toBe('2023-06-20T23:30:00+06:00');
    expect(result.data.dateline).toEqual({ place: 'Astana' });
  });
});

describe('firstSentence', () => {
  it.each([
    ['One. Two.', 'One.'],
    ['U.S. officials met on Tuesday. Then left.', 'U.S. officials met on Tuesday.'],
    ['“Quoted,” he said. Next.', '“Quoted,” he said.'],
    ['No full stop', 'No full stop'],
  ])('%j → %j', (text, first) => {
    expect(firstSentence(text)).toBe(first);
  });
});

describe('any wire text (property)', () => {
  const word = fc.stringMatching(/^[\p{L}\d*_#<>&`[\]~|.,;:!?“”"'()-]{1,12}$/u);
  const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
  const wire = fc.record({
    section: fc.constantFrom('World', 'Conflicts & War', 'Économie'),
    headline: fc.tuple(fc.stringMatching(/^\p{L}{2,8}$/u), sentence).map(([lead, rest]) => `${lead} ${rest}`),
    paragraphs: fc.array(sentence, { minLength: 1, maxLength: 6 }),
    crlf: fc.boolean(),
  });

  it('never crashes, and every word reaches the entry or the error message', () => {
    let failures = 0;
    fc.assert(
      fc.property(wire, ({ section, headline, paragraphs, crlf }) => {
        const lines = [section, headline, `Astana, Jun 20 (EFE).- ${paragraphs[0]}`, ...paragraphs.slice(1)];
        const raw = `${lines.join('\n\n')} EFE\n`.replace(/\n/g, crlf ? '\r\n' : '\n');
        let result;
        try {
          result = importWire(raw, { year: 2023 });
        } catch (error) {
          // Nothing is written then; the error says which line of the input it could not place.
          expect(error).toBeInstanceOf(WireImportError);
          expect((error as WireImportError).line).toBeGreaterThan(0);
          failures++;
          return;
        }
        const { body } = splitEntry(result.markdown);
        const shown = [result.data.title, result.data.section, ...renderedParagraphs(body)].join(' ');
        const dropped = result.dropped.map((d) => d.text).join(' ');
        // Text reaches the entry in Unicode NFC (src/lib/text.ts), which reads the same.
        for (const w of raw.normalize('NFC').split(/\s+/).filter(Boolean)) {
          if (['Astana,', 'Jun', '20', '(EFE).-'].includes(w)) continue;
          expect(`${shown} ${dropped}`.split(/\s+/)).toContain(w);
        }
      }),
      { numRuns: 300 },
    );
    // Generated headlines can look like datelines; most texts must still import.
    expect(failures).toBeLessThan(30);
  });
});

const SPANISH = [
  'Economía',
  'La economía española creció un 0,5 % en el segundo trimestre',
  'Madrid, 28 jul (EFE).- La economía española creció un 0,5 % en el segundo trimestre del año, según los datos ' +
    'publicados este viernes por el Instituto Nacional de Estadística, que confirman la fortaleza del consumo.',
  'El avance se apoyó en el gasto de los hogares y en las exportaciones de servicios, mientras que la inversión ' +
    'se mantuvo estable respecto al trimestre anterior. EFE',
  'Noticias relacionadas',
  'Volver arriba',
].join('\n\n');

describe('a Spanish wire text', () => {
  it('imported with --lang es keeps a Spanish dateline and drops the Spanish furniture, with no warning', () => {
    const result = importWire(SPANISH, { year: 2023, lang: 'es', translationKey: 'spain-gdp-q2-2023' });
    expect(result.data.lang).toBe('es');
    expect(result.data.translationKey).toBe('spain-gdp-q2-2023');
    expect(result.data.dateline).toEqual({ place: 'Madrid' });
    expect(result.data.pubDate).toBe('2023-07-28');
    expect(result.dropped.map((d) => d.text)).toEqual(['EFE', 'Noticias relacionadas', 'Volver arriba']);
    expect(result.warnings).toEqual([]);
    expect(storySchema.parse(parseYaml(result.markdown.split(/^---\n/m)[1] ?? '')).translationKey).toBe(
      'spain-gdp-q2-2023',
    );
  });

  it('imported as English draws a warning that names both languages', () => {
    const result = importWire(SPANISH, { year: 2023, lang: 'en' });
    expect(result.warnings).toContainEqual(
      '--lang is "en" (English), but the text reads as Spanish: pass --lang es if it is',
    );
  });
});

describe('detectLanguage', () => {
  it.each([
    ['es', SPANISH],
    ['en', readSeed().raw],
    [
      'ar',
      'القاهرة، 20 يونيو (EFE).- افتتح في القاهرة اليوم الثلاثاء معرض الكتاب الدولي بمشاركة مئات دور النشر ' +
        'العربية والأجنبية، وسط إقبال كبير من الزوار الذين توافدوا منذ الساعات الأولى من الصباح على قاعات العرض.',
    ],
  ])('reads %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
    expect(languageWarning(text, lang)).toBeUndefined();
  });

  it('does not guess on a text too short to tell', () => {
    expect(detectLanguage('Volver arriba')).toBeUndefined();
    expect(languageWarning('Volver arriba', 'en')).toBeUndefined();
  });
});

describe('Arabic datelines', () => {
  it.each([
    ['القاهرة، 20 يونيو (EFE).- نص الخبر.', { place: 'القاهرة', date: { month: 5, day: 20 }, agency: 'EFE' }],
    ['القاهرة، ٢٠ يونيو (EFE).- نص الخبر.', { place: 'القاهرة', date: { month: 5, day: 20 }, agency: 'EFE' }],
  ])('reads %j', (paragraph, expected) => {
    expect(parseDateline(paragraph)).toMatchObject({ ...expected, rest: 'نص الخبر.' });
  });
});

describe('tags given twice', () => {
  it('keeps one, with a warning', () => {
    const result = importWire('World\nHeadline\nAstana, Jun 20 (EFE).- First. EFE', {
      year: 2023,
      tags: ['Russia', 'Kazakhstan', 'Russia'],
    });
    expect(result.data.tags).toEqual(['Russia', 'Kazakhstan']);
    expect(result.warnings).toContain('--tags: "Russia" is listed twice; kept once');
  });
});
