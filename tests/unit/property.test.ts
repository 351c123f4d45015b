/**
 * Property tests of the validation layer: arbitrary Unicode in any frontmatter field, and
 * arbitrary bytes given to the importer, give either a refusal naming the field (or the
 * line), or an entry whose feed is well-formed XML and whose text survives word for word.
 */
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { GOOD_FRONTMATTER, rssOf } from '../helpers/stories';
import { splitFrontmatter, storyId } from '../../src/lib/frontmatter';
import { escapeHtml } from '../../src/lib/markdown';
import { storySchema } from '../../src/lib/schema';
import { toStory } from '../../src/lib/story';
import { checkFields, findTextProblem } from '../../src/lib/text';
import { importWire, WireImportError } from '../../src/lib/wire-import';
import { xmlErrors } from '../helpers/xml';

const good = GOOD_FRONTMATTER;

/** Any string: whole code points, UTF-16 units with lone surrogates, graphemes, or controls and bidi marks. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'binary-ascii' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({
    unit: fc.constantFrom(
      'a',
      ' ',
      '\u0001',
      '\u000b',
      '\ufffe',
      '\u202e',
      '\u2067',
      '\u2069',
      '\n',
      '<',
      '&',
      '---',
      '🔥',
      'я',
    ),
  }),
);

/** Where a field lives in the frontmatter, and how messages name it. */
const FIELDS: [string, (value: string) => Record<string, unknown>, RegExp][] = [
  ['title', (value) => ({ title: value }), /^title\b/],
  ['slug', (value) => ({ slug: value }), /^slug\b/],
  ['description', (value) => ({ description: value }), /^description\b/],
  ['pubDate', (value) => ({ pubDate: value }), /^pubDate\b/],
  ['updatedDate', (value) => ({ updatedDate: value }), /^updatedDate\b/],
  ['dateline.place', (value) => ({ dateline: { place: value } }), /^dateline\.place\b/],
  ['dateline.date', (value) => ({ dateline: { place: 'Astana', date: value } }), /^dateline\.date\b/],
  ['agency', (value) => ({ agency: value }), /^agency\b/],
  ['section', (value) => ({ section: value }), /^section\b/],
  ['tags[0]', (value) => ({ tags: [value] }), /^tags(\[0\]|\.0)/],
  ['lang', (value) => ({ lang: value }), /^lang\b/],
];

/** The build's checks, as the loader runs them: text rules, then the schema. */
function validate(raw: Record<string, unknown>) {
  const checked = checkFields(raw);
  const parsed = storySchema.safeParse(checked.data);
  const problems = [
    ...checked.problems,
    ...(parsed.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? []),
  ];
  return { problems, data: problems.length === 0 ? parsed.data : undefined };
}

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: false });

describe('arbitrary Unicode in any frontmatter field', () => {
  it.each(FIELDS)(
    '%s: refused naming the field, or a well-formed feed that keeps the text',
    async (_field, place, named) => {
      const samples = fc.sample(anyText, { numRuns: 150, seed: 13 });
      for (const value of samples) {
        const raw = { ...good, ...place(value) };
        const { problems, data } = validate(raw);
        if (!data) {
          expect(problems.length).toBeGreaterThan(0);
          for (const problem of problems) expect(problem, JSON.stringify(value)).toMatch(named);
          continue;
        }
        const story = toStory(storyId(raw, 'a.md'), 'Body text.', data);
        const xml = await rssOf([story], 5);
        expect(xmlErrors(xml), JSON.stringify(value)).toEqual([]);
        const item = parser.parse(xml).rss.channel.item;
        expect(item.title).toBe(story.title);
        expect(item.description).toBe(escapeHtml(story.description));
        expect(new URL(item.link).pathname).toBe(story.path.replace(/[^/]+/g, (part) => encodeURIComponent(part)));
      }
    },
  );
});

describe('arbitrary bytes given to the importer', () => {
  const wire = (headline: string, first: string, last: string) =>
    `World\n${headline}\nAstana, Jun 20 (EFE).- ${first}\n${last} EFE\n`;
  const encoder = new TextEncoder();
  const inputs = fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc
      .tuple(anyText, anyText, anyText)
      .map(([h, f, l]) => encoder.encode(wire(`Headline ${h}`, `First ${f}.`, `Last ${l}.`))),
    fc
      .tuple(fc.string({ unit: 'grapheme' }), fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.nat(60))
      .map(([text, bytes, at]) => {
        const base = encoder.encode(wire(`Headline ${text}`, 'First words.', 'Last words.'));
        const cut = Math.min(at, base.length);
        return Uint8Array.from([...base.subarray(0, cut), ...bytes, ...base.subarray(cut)]);
      }),
  );

  it('refuses naming a line, or makes an entry the build accepts with every character allowed', () => {
    fc.assert(
      fc.property(inputs, (bytes) => {
        let result;
        try {
          result = importWire(bytes, { year: 2023 });
        } catch (error) {
          expect(error).toBeInstanceOf(WireImportError);
          expect((error as WireImportError).line).toBeGreaterThanOrEqual(1);
          expect((error as Error).message).toMatch(/^line \d+: /);
          return;
        }
        const { data, body } = splitFrontmatter(result.markdown, 'imported.md');
        const { problems } = validate(data);
        expect(problems).toEqual([]);
        expect(findTextProblem(body)).toBeUndefined();
        expect(storyId(data, 'imported.md')).toBe(result.data.slug);
      }),
      { numRuns: 400, seed: 13 },
    );
  });
});
