/**
 * The bad-input table of issue 13, row by row, on real astro runs over temporary story
 * folders: each case is either refused naming the file and the field, or built right.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAstro, type AstroExtras } from '../helpers/astro';
import { xmlErrors } from '../helpers/xml';

const scratchRoot = mkdtempSync(join(tmpdir(), 'wire-bad-input-'));
afterAll(() => rmSync(scratchRoot, { recursive: true, force: true }));

/** Frontmatter fields as raw YAML text, so a case can write exactly what an editor would. */
const FIELDS: Record<string, string> = {
  title: "'A good headline'",
  description: 'A standfirst.',
  pubDate: '2023-06-20',
  dateline: '\n  place: Astana',
  agency: 'EFE',
  section: 'World',
  lang: 'en',
};

/** A story file: the fields above with `changes` (undefined removes one), then the body. */
function storyFile(changes: Record<string, string | undefined> = {}, body = 'Text of the story.\n'): string {
  const fields = Object.entries({ ...FIELDS, ...changes }).filter(
    (field): field is [string, string] => field[1] !== undefined,
  );
  const lines = fields.map(([key, value]) =>
    value.startsWith('\n') || value === '' ? `${key}:${value}` : `${key}: ${value}`,
  );
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

/** Writes files (name → text or bytes) into a new folder and returns it. */
function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(scratchRoot, 'content-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function astro(command: 'sync' | 'build', content: string, extras?: AstroExtras) {
  return runAstro(command, { content, scratch: mkdtempSync(join(scratchRoot, 'out-')) }, extras);
}

describe('refused, naming the file and the field (all in one run, every problem listed)', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['control.md', storyFile({ title: '"A\\u0001B"' }), /title: U\+0001 \(a control character\) at column 2/],
    [
      'vt.md',
      storyFile({ title: '"Vertical\\vtab"', slug: 'vt' }),
      /title: U\+000B \(a control character\) at column 9/,
    ],
    [
      'nonchar.md',
      storyFile({ description: '"Talks\\uFFFE ended"', slug: 'nonchar' }),
      /description: U\+FFFE \(a Unicode noncharacter\) at column 6/,
    ],
    ['c1.md', storyFile({ tags: '["M\\u0085laga"]', slug: 'c1' }), /tags\[0\]: U\+0085 \(a C1 control character/],
    [
      'rlo.md',
      storyFile({ dateline: '\n  place: "\\u202EAstana"', slug: 'rlo' }),
      /dateline\.place: U\+202E \(a bidi embedding or override/,
    ],
    [
      'body.md',
      storyFile({ slug: 'body' }, 'First line.\n\nSecond \u000b line.\n'),
      /body: U\+000B \(a control character\) at line 15, column 8/,
    ],
    [
      'latin1.md',
      Buffer.concat([
        Buffer.from(storyFile({ slug: 'malaga' }, 'Text from M')),
        Buffer.from([0xe1]),
        Buffer.from('laga.\n'),
      ]),
      /not UTF-8: byte 0xE1 at line 13, column 12/,
    ],
    [
      'impossible.md',
      storyFile({ pubDate: '2023-02-30', slug: 'a1' }),
      /pubDate: 2023-02-30 is not a real date: February 2023 has no day 30/,
    ],
    [
      'compact.md',
      storyFile({ pubDate: '20230620', slug: 'a2' }),
      /pubDate: pubDate must be a date such as 2023-06-20/,
    ],
    ['year.md', storyFile({ pubDate: '2023', slug: 'a3' }), /pubDate: pubDate must be a date such as/],
    ['true.md', storyFile({ pubDate: 'true', slug: 'a4' }), /pubDate: pubDate must be a date such as/],
    ['empty.md', storyFile({ pubDate: '', slug: 'a5' }), /pubDate: pubDate must be a date such as/],
    [
      'slashes.md',
      storyFile({ pubDate: "'2023/06/20'", slug: 'a6' }),
      /pubDate: "2023\/06\/20" is not an ISO 8601 date/,
    ],
    [
      'english.md',
      storyFile({ pubDate: "'June 20, 2023'", slug: 'a7' }),
      /pubDate: "June 20, 2023" is not an ISO 8601 date/,
    ],
    [
      'future.md',
      storyFile({ pubDate: '3023-06-20', slug: 'a8' }),
      /pubDate: 3023-06-20 is more than 366 days in the future/,
    ],
    ['old.md', storyFile({ updatedDate: '0023-06-20', slug: 'a9' }), /updatedDate: 0023-06-20 is before 1900/],
    ['longslug.md', storyFile({ slug: 'a'.repeat(256) }), /slug: slug "a{40}…" makes an address part of 256 bytes/],
    [
      'longsection.md',
      storyFile({ section: 'S'.repeat(300), slug: 'b1' }),
      /section: section "S{40}…" makes an address part of 300 bytes/,
    ],
    [
      'longtag.md',
      storyFile({ tags: `[${'т'.repeat(130)}]`, slug: 'b2' }),
      /tags\.0: tag "т{40}…" makes an address part of 260 bytes/,
    ],
    [
      'fire.md',
      storyFile({ tags: "['🔥']", slug: 'b3' }),
      /tags\.0: tag "🔥" has no letter or digit to make its address from/,
    ],
    ['bangs.md', storyFile({ section: "'!!!'", slug: 'b4' }), /section: section "!!!" has no letter or digit/],
    [
      'b.md',
      storyFile({ title: "'¿¡…!?'" }),
      /title: the title has no letter or digit to make the story’s address from/,
    ],
    [
      'unclosed.md',
      `---\ntitle: T\ndescription: Talks ended---\n\nBody.\n`,
      /the file must open with YAML frontmatter/,
    ],
  ];
  let output = '';

  beforeAll(() => {
    const run = astro(
      'sync',
      folder({
        'good.md': storyFile({ title: "'Good'" }),
        ...Object.fromEntries(cases.map(([file, text]) => [file, text])),
      }),
    );
    expect(run.status).not.toBe(0);
    output = run.output;
  }, 120_000);

  it.each(cases.map(([file, , message]) => [file, message] as const))('%s', (file, message) => {
    const lines = output.split('\n').filter((found) => found.includes(`/${file}:`));
    expect(lines.join('\n'), output).toMatch(message);
  });

  it('names no problem in the good file', () => {
    expect(output).not.toMatch(/good\.md/);
  });
});

describe('built right', () => {
  const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });
  const longTitle =
    'Президент Казахстана Касым-Жомарт Токаев призвал мировое сообщество поддержать мирные инициативы Китая, ' +
    'Бразилии, Индонезии и других стран по урегулированию конфликта на Украине во время встречи в Астане';
  let builds: { tz: string; dist: string; output: string }[] = [];

  beforeAll(() => {
    const content = folder({
      'evening.md': storyFile({
        title: "'Evening west of UTC'",
        pubDate: '2023-06-20T23:30:00-05:00',
        description: '"<img src=x onerror=alert(1)>"',
      }),
      'dateonly.md': storyFile({ title: "'A date alone'", pubDate: '2023-06-20', description: 'Talks ended---' }),
      'tags.md': storyFile({ title: "'Tagged twice'", tags: '[Russia, Russia]' }),
      'x.md/inside.md': storyFile({ title: "'In a folder named x.md'" }),
      'long.md': storyFile({ title: `'${longTitle}'`, lang: 'ru' }),
    });
    symlinkSync('.', join(content, 'loop'));
    builds = ['Asia/Tokyo', 'America/Los_Angeles'].map((tz) => {
      const run = astro('build', content, { env: { TZ: tz, SITE_URL: '' } });
      expect(run.status, run.output).toBe(0);
      return { tz, dist: run.dist, output: run.output };
    });
  }, 240_000);

  const read = (path: string, build = 0) => readFileSync(join(builds[build]?.dist ?? '', path), 'utf8');
  const page = (id: string) => cheerio.load(read(`stories/${id}/index.html`));

  it('shows a date-time’s own local date, not the UTC one, and a date alone as written, in any TZ', () => {
    for (const build of [0, 1]) {
      const evening = cheerio.load(read('stories/evening-west-of-utc/index.html', build));
      expect(evening('.meta time').first().text()).toBe('Tuesday, June 20, 2023, 23:30 GMT-5');
      expect(evening('.dateline').text()).toBe('Astana, Jun 20 (EFE).-');
      const alone = cheerio.load(read('stories/a-date-alone/index.html', build));
      expect(alone('.meta time').first().text()).toBe('Tuesday, June 20, 2023');
      expect(alone('.dateline').text()).toBe('Astana, Jun 20 (EFE).-');
    }
  });

  it('builds the same bytes in Tokyo and Los Angeles', () => {
    for (const path of ['rss.xml', 'stories/evening-west-of-utc/index.html', 'index.html']) {
      expect(read(path, 0)).toBe(read(path, 1));
    }
  });

  it('gives feeds well-formed to a strict parser, with the standfirst as text and the instant in pubDate', () => {
    for (const path of ['rss.xml', 'sections/world/rss.xml']) {
      expect(xmlErrors(read(path))).toEqual([]);
    }
    const items = parser.parse(read('rss.xml')).rss.channel.item as {
      title: string;
      description: string;
      pubDate: string;
    }[];
    const evening = items.find((item) => item.title === 'Evening west of UTC');
    expect(evening?.description).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(evening?.pubDate).toBe('Wed, 21 Jun 2023 04:30:00 GMT');
    expect(read('rss.xml')).not.toMatch(/<description><img|&lt;img src=x onerror=alert\(1\)&gt;<\/description>/);
  });

  it('keeps a standfirst ending in --- whole, and the body without a rule', () => {
    const alone = page('a-date-alone');
    expect(alone('meta[name="description"]').attr('content')).toBe('Talks ended---');
    expect(alone('.story-body hr')).toHaveLength(0);
  });

  it('lists a tag given twice once, with a warning', () => {
    expect(builds[0]?.output).toMatch(/tags\.md: tags\[1\]: "Russia" is listed twice; kept once/);
    expect(page('tagged-twice')('.tags li')).toHaveLength(1);
    expect(cheerio.load(read('tags/russia/index.html'))('.wire a[href="/stories/tagged-twice/"]')).toHaveLength(1);
  });

  it('does not follow a symbolic link loop, and says so', () => {
    expect(builds[0]?.output).toMatch(/loop: a symbolic link; not followed/);
  });

  it('reads a story inside a folder named x.md', () => {
    expect(page('in-a-folder-named-x-md')('h1').text()).toBe('In a folder named x.md');
  });

  it('gives a long Cyrillic headline an address cut at a word, under 200 bytes', () => {
    // A Russian story is listed on the Russian edition's front page (issue 10).
    const html = read('ru/index.html');
    const href =
      cheerio
        .load(html)(`a:contains("${longTitle.slice(0, 30)}")`)
        .attr('href') ?? '';
    const id = decodeURIComponent(href.replace(/^\/stories\/|\/$/g, ''));
    expect(Buffer.byteLength(id)).toBeLessThanOrEqual(200);
    expect(
      longTitle
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .startsWith(id),
    ).toBe(true);
    expect(
      cheerio
        .load(read(`stories/${id}/index.html`))('h1')
        .text(),
    ).toBe(longTitle);
  });

  it('warns loudly that a build without SITE_URL is not deployable', () => {
    expect(builds[0]?.output).toMatch(/NOT DEPLOYABLE: SITE_URL is not set/);
  });
});

describe('a strict build', () => {
  it('fails without SITE_URL, and with the placeholder', () => {
    const content = folder({ 'a.md': storyFile() });
    for (const SITE_URL of ['', 'https://wire-reader.example']) {
      const { status, output } = astro('build', content, { args: ['--strict'], env: { SITE_URL } });
      expect(status).not.toBe(0);
      expect(output).toMatch(/SITE_URL (is not set|is the placeholder).*strict build/);
    }
  });
});
