/**
 * The property of tests/unit/property.test.ts on a real build: stories with arbitrary
 * Unicode in one field each (and in the body) that the validation layer accepts build into
 * pages both HTML validators pass and feeds a strict XML parser reads.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { dump } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyId } from '../../src/lib/frontmatter';
import { storySchema } from '../../src/lib/schema';
import { collectionProblems } from '../../src/lib/story';
import { checkFields, findTextProblem } from '../../src/lib/text';
import { runAstro } from '../helpers/astro';
import { xmlErrors } from '../helpers/xml';

const scratch = mkdtempSync(join(tmpdir(), 'wire-property-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const anyText = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1 }),
  fc.string({ unit: 'grapheme', minLength: 1 }),
  fc.string({
    unit: fc.constantFrom('a', ' ', 'я', 'ع', '\u2067', '\u2069', '<', '>', '&', '"', "'", '---', '*', '#', '🔥', '\n'),
    minLength: 1,
  }),
);

const FIELDS = ['title', 'description', 'place', 'agency', 'section', 'tag', 'body'] as const;

function story(field: (typeof FIELDS)[number], value: string, index: number) {
  const data: Record<string, unknown> = {
    title: `Story ${index}`,
    description: 'A standfirst.',
    pubDate: '2023-06-20',
    dateline: { place: 'Astana' },
    agency: 'EFE',
    section: 'World',
    tags: ['Kazakhstan'],
    lang: 'en',
  };
  let body = 'Text of the story.';
  if (field === 'title') data.title = value;
  else if (field === 'description') data.description = value;
  else if (field === 'place') data.dateline = { place: value };
  else if (field === 'agency') data.agency = value;
  else if (field === 'section') data.section = value;
  else if (field === 'tag') data.tags = [value];
  else body = value;
  return { data, body };
}

let dist = '';
let accepted = 0;

beforeAll(() => {
  const content = join(scratch, 'content');
  mkdirSync(content);
  const samples = fc.sample(fc.tuple(fc.constantFrom(...FIELDS), anyText), { numRuns: 60, seed: 1313 });
  const kept: {
    id: string;
    filePath: string;
    data: { related: string[]; section: string; tags: string[]; lang: string; translationKey?: string | undefined };
  }[] = [];
  samples.forEach(([field, value], index) => {
    const { data, body } = story(field, value, index);
    const checked = checkFields(data);
    const parsed = storySchema.safeParse(checked.data);
    if (checked.problems.length > 0 || !parsed.success || findTextProblem(body)) return;
    const id = storyId(checked.data, `s${index}.md`);
    const entry = {
      id,
      filePath: `s${index}.md`,
      data: {
        related: [],
        section: parsed.data.section,
        tags: parsed.data.tags,
        lang: parsed.data.lang,
        translationKey: parsed.data.translationKey,
      },
    };
    if (kept.some((other) => other.id === id) || collectionProblems([...kept, entry]).length > 0) return;
    kept.push(entry);
    writeFileSync(join(content, `s${index}.md`), `---\n${dump(data, { lineWidth: -1 })}---\n\n${body}\n`);
  });
  accepted = kept.length;
  const run = runAstro('build', { content, scratch });
  expect(run.status, run.output).toBe(0);
  dist = run.dist;
}, 240_000);

const files = (ending: string) =>
  (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => file.endsWith(ending));

describe('stories with arbitrary Unicode that the validation layer accepts', () => {
  it('are enough to say something', () => {
    expect(accepted).toBeGreaterThanOrEqual(25);
  });

  it('give feeds a strict XML parser reads', () => {
    const feeds = files('.xml');
    expect(feeds.length).toBeGreaterThan(1);
    for (const feed of feeds) expect(xmlErrors(readFileSync(join(dist, feed), 'utf8')), feed).toEqual([]);
  });

  it('give pages html-validate passes', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    for (const page of files('.html')) {
      const report = await validator.validateString(readFileSync(join(dist, page), 'utf8'), page);
      const messages = report.results.flatMap((result) =>
        result.messages.map((m) => `${page} ${m.ruleId}: ${m.message}`),
      );
      expect(messages).toEqual([]);
    }
  });

  // Every story date now has its day and month archive pages too: more pages for the JVM on a shared box.
  it('give pages the W3C Nu checker passes', () => {
    const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
    const run = spawnSync(
      'java',
      ['-jar', jar, '--format', 'json', ...files('.html').map((page) => join(dist, page))],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect(run.error, 'the Nu checker needs Java on the PATH').toBeUndefined();
    const { messages } = JSON.parse(run.stderr || '{"messages":[]}') as {
      messages: { type: string; url?: string; message: string }[];
    };
    expect(messages.map((m) => `${m.type} ${m.url ?? ''} ${m.message}`)).toEqual([]);
  }, 180_000);
});
