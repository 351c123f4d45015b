import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { dump, load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/slug';
import { builtPages } from '../helpers/astro-log';
import { generateStories, writeCorpus } from '../bench/corpus';
import { copyProject, ROOT } from '../helpers/astro';
import { tree, treeDifferences } from '../helpers/tree';

/**
 * Incremental builds are only worth having if they are invisible: after every change, the
 * site an incremental build leaves in its output folder must be byte for byte the site a
 * clean build of the same content makes. This test builds a 200-story generated archive,
 * then applies a script of changes, building incrementally after each, and compares the
 * whole tree with a clean build (fresh cache, empty folder) each time.
 *
 * It runs in a scratch copy of the project (node_modules linked), so that it can change
 * the lockfile, and with its own cache folders.
 */
const COUNT = 200;
const scratch = mkdtempSync(join(tmpdir(), 'wire-incremental-'));
const project = join(scratch, 'project');
const content = join(scratch, 'content');
const incremental = { dist: join(scratch, 'inc/dist'), cache: join(scratch, 'inc/cache') };

interface Build {
  /** Pages Astro rendered, and pages it left in place or restored from its cache. */
  rendered: string[];
  kept: string[];
  output: string;
}

/** The build time every build of the test uses, when a step sets one (an embargo's). */
let buildTime: string | undefined;
/** The most stories an archive search bundle holds, when a step sets it (WIRE_SEARCH_BUNDLE_STORIES). */
let bundleStories: string | undefined;

function build(dist: string, cache: string): Build {
  const run = spawnSync('npx', ['astro', 'build'], {
    cwd: project,
    encoding: 'utf8',
    env: {
      ...process.env,
      WIRE_CONTENT_DIR: content,
      WIRE_OUT_DIR: dist,
      WIRE_CACHE_DIR: cache,
      NO_COLOR: '1',
      ...(buildTime && { WIRE_BUILD_TIME: buildTime }),
      ...(bundleStories && { WIRE_SEARCH_BUNDLE_STORIES: bundleStories }),
    },
  });
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`astro build failed (${run.status}):\n${output.slice(-4000)}`);
  return { ...builtPages(output), output };
}

/** Builds incrementally, then cleanly, and returns the incremental build and the differences. */
function buildAndCompare(step: string): Build & { differences: string[] } {
  const result = build(incremental.dist, incremental.cache);
  const clean = join(scratch, `clean-${step}`);
  build(join(clean, 'dist'), join(clean, 'cache'));
  const found = treeDifferences(incremental.dist, join(clean, 'dist'));
  rmSync(clean, { recursive: true, force: true });
  return { ...result, differences: found };
}

/** All story files, by path. */
const storyFiles = () =>
  (readdirSync(content, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(content, name));

/** Rewrites a story file's frontmatter. */
function edit(file: string, change: (data: Record<string, unknown>) => void): void {
  const source = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!match) throw new Error(`${file} has no frontmatter`);
  const data = load(match[1] ?? '') as Record<string, unknown>;
  change(data);
  writeFileSync(file, `---\n${dump(data)}---\n${source.slice(match[0].length)}`);
}

/** Adds a story at `file`: a copy of the story `from`, with the frontmatter `fields` set. */
function addStory(file: string, from: string, fields: Record<string, unknown>): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, readFileSync(from, 'utf8'));
  edit(file, (data) => Object.assign(data, fields));
}

const dataOf = (file: string) =>
  load(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(file, 'utf8'))?.[1] ?? '') as Record<string, unknown>;

/** The story count of each language index in a search bundle of the incremental build's output, from its `pagefind-entry.json`. */
const pageCounts = (bundle: string) =>
  Object.values(
    (
      JSON.parse(tree(incremental.dist).get(`${bundle}/pagefind-entry.json`)?.toString() ?? '{}') as {
        languages: Record<string, { page_count: number }>;
      }
    ).languages,
  ).map((language) => language.page_count);

/** What the search step did with each bundle, from its log line: `/pagefind/ unchanged`, `/pagefind-recent/ indexed`. */
const searchLog = (build: Build) =>
  [...(/search: \d+ story page\(s\); (.*) \(/.exec(build.output)?.[1] ?? '').matchAll(/(\/[^ ;]+\/) \d+ (\w+)/g)].map(
    ([, bundle, what]) => `${bundle} ${what}`,
  );

/** The share cards of the incremental build's output, with their modification times. */
const cardTimes = () => {
  const folder = join(incremental.dist, 'cards');
  return new Map(readdirSync(folder).map((name) => [name, statSync(join(folder, name)).mtimeMs]));
};

const storyPages = (paths: string[]) => paths.filter((path) => path.startsWith('/stories/'));

let first: Build;
/** The search bundles once the archive is split (the step that splits it sets them). */
let splitBundles: string[] = [];

beforeAll(() => {
  copyProject(project);
  writeCorpus(content, generateStories(COUNT, 11));
  first = build(incremental.dist, incremental.cache);
}, 300_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// The steps run in order, each on the content the step before left.
describe(`incremental builds of a ${COUNT}-story archive`, { timeout: 300_000 }, () => {
  it('renders every page on the first build', () => {
    expect(storyPages(first.rendered)).toHaveLength(COUNT);
    expect(first.kept).toEqual([]);
  });

  it('renders no story page again when nothing changed, and matches a clean build', () => {
    const cardsBefore = cardTimes();
    const result = buildAndCompare('unchanged');
    expect(result.differences).toEqual([]);
    // The cards step owns cards/: a card that is already there is left as it is, not copied again.
    expect(cardsBefore.size).toBeGreaterThan(0);
    expect(cardTimes()).toEqual(cardsBefore);
    expect(storyPages(result.rendered)).toEqual([]);
    expect(result.output).toMatch(new RegExp(`${COUNT} stories, 0 read and parsed`));
    // The archive spans three years: a main search bundle, the newest month's other days and
    // its newest day, all kept.
    expect(searchLog(result)).toEqual([
      '/pagefind/ unchanged',
      '/pagefind-month/ unchanged',
      '/pagefind-recent/ unchanged',
    ]);
  });

  it('adds a story: renders it and few others, not the archive', () => {
    const [template] = storyFiles();
    addStory(join(content, 'new/breaking.md'), template as string, {
      title: 'Breaking: a flash story arrives',
      slug: 'breaking-flash',
      pubDate: '2025-06-01',
    });
    const result = buildAndCompare('add');
    expect(result.differences).toEqual([]);
    expect(result.rendered).toContain('/stories/breaking-flash/index.html');
    expect(storyPages(result.rendered).length).toBeLessThan(COUNT / 4);
    expect(result.kept.length).toBeGreaterThan(result.rendered.length);
    // Of the tag pages, only those of the new story's own tags list it: no other is rendered.
    const ownTags = (dataOf(join(content, 'new/breaking.md')).tags as string[]).map((tag) => `/tags/${slugify(tag)}/`);
    const isTagFeed = (path: string) => /^\/tags\/[^/]+\/rss\.xml$/.test(path);
    const tagPages = result.rendered.filter((path) => path.startsWith('/tags/') && !isTagFeed(path));
    expect(tagPages.length).toBeGreaterThan(0);
    expect(tagPages.filter((path) => !ownTags.some((own) => path.startsWith(own)))).toEqual([]);
    // Of the hundreds of tag feeds, only those with a changed story are rendered: every feed
    // of the new story's tags (it is their newest item), and otherwise only feeds of a story
    // whose page changed too (the story whose own share card went to the new one, say).
    const feedsOf = (tags: readonly unknown[]) => tags.map((tag) => `/tags/${slugify(String(tag))}/rss.xml`);
    const tagsBySlug = new Map(
      storyFiles().map((file) => [`/stories/${String(dataOf(file).slug)}/index.html`, dataOf(file).tags]),
    );
    const changed = new Set(
      storyPages(result.rendered).flatMap((page) => feedsOf((tagsBySlug.get(page) as unknown[]) ?? [])),
    );
    const tagFeeds = result.rendered.filter(isTagFeed);
    expect(tagFeeds).toEqual(expect.arrayContaining(ownTags.map((own) => `${own}rss.xml`)));
    expect(tagFeeds.filter((feed) => !changed.has(feed))).toEqual([]);
    expect(result.kept.filter(isTagFeed).length).toBeGreaterThan(COUNT / 4);
  });

  it('adds a second story the same day: only the recent search bundle is indexed again', () => {
    addStory(join(content, 'new/second.md'), join(content, 'new/breaking.md'), {
      title: 'A second story the same day',
      slug: 'second-flash',
      pubDate: '2025-06-01',
    });
    const result = buildAndCompare('add-same-day');
    expect(result.differences).toEqual([]);
    expect(searchLog(result)).toEqual(['/pagefind/ unchanged', '/pagefind-recent/ indexed']);
    expect(pageCounts('pagefind-recent')).toEqual([2]);
  });

  it('writes a search bundle again when another build changed it since this cache wrote it', () => {
    // As a build with another cache folder (or one stopped before it saved its state) would.
    const entry = join(incremental.dist, 'pagefind/pagefind-entry.json');
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('"languages"', '"languages" '));
    const result = buildAndCompare('bundle-changed');
    expect(result.differences).toEqual([]);
    expect(searchLog(result)).toEqual(['/pagefind/ indexed', '/pagefind-recent/ unchanged']);
  });

  it('splits the archive into search bundles of whole months when they may hold fewer stories', () => {
    bundleStories = '40';
    const result = buildAndCompare('bundles-split');
    expect(result.differences).toEqual([]);
    const log = searchLog(result);
    expect(log.length).toBeGreaterThan(4);
    expect(log[0]).toBe('/pagefind/ indexed');
    expect(log.at(-1)).toBe('/pagefind-recent/ unchanged');
    for (const line of log.slice(1, -1)) expect(line).toMatch(/^\/pagefind-\d{4}-\d{2}\/ indexed$/);
    splitBundles = log.map((line) => line.split(' ')[0] ?? '');
  });

  it('edits an archive story: only its search bundle is indexed again', () => {
    const bundles = splitBundles;
    const month = bundles[2]?.slice('/pagefind-'.length, -1) ?? '';
    const file = storyFiles().find((candidate) => String(dataOf(candidate).pubDate).startsWith(month));
    if (!file) throw new Error(`no story from ${month}`);
    edit(file, (data) => {
      data.title = `${String(data.title)}, updated`;
    });
    const result = buildAndCompare('bundle-edit');
    expect(result.differences).toEqual([]);
    expect(searchLog(result)).toEqual(
      bundles.map((bundle) => `${bundle} ${bundle === bundles[2] ? 'indexed' : 'unchanged'}`),
    );
  });

  it("adds a story to the oldest year: no other year's search bundle is indexed again", () => {
    addStory(join(content, 'new/old-year.md'), join(content, 'new/breaking.md'), {
      title: 'A story filed late for the first month',
      slug: 'old-year-addition',
      pubDate: '2022-01-03',
    });
    const result = buildAndCompare('old-year');
    expect(result.differences).toEqual([]);
    const log = searchLog(result);
    expect(log[0]).toBe('/pagefind/ indexed');
    // The later years' bundles keep their months and are left as they are.
    const later = (lines: string[]) => lines.filter((line) => !/^\/pagefind(-2022-\d\d)?\//.test(line));
    expect(later(splitBundles).length).toBeGreaterThan(2);
    expect(later(log)).toEqual(later(splitBundles).map((bundle) => `${bundle} unchanged`));
  });

  it('joins the archive into one search bundle again, deleting the others', () => {
    bundleStories = undefined;
    const result = buildAndCompare('bundles-joined');
    expect(result.differences).toEqual([]);
    expect(searchLog(result)).toEqual(['/pagefind/ indexed', '/pagefind-recent/ unchanged']);
    expect(readdirSync(incremental.dist).filter((name) => name.startsWith('pagefind'))).toEqual([
      'pagefind',
      'pagefind-recent',
    ]);
  });

  it("adds the next day's first story: the day before moves to the month bundle, the archive stays", () => {
    addStory(join(content, 'new/next-day.md'), join(content, 'new/breaking.md'), {
      title: 'The next day begins',
      slug: 'next-day-flash',
      pubDate: '2025-06-02',
    });
    const result = buildAndCompare('next-day');
    expect(result.differences).toEqual([]);
    expect(searchLog(result)).toEqual([
      '/pagefind/ unchanged',
      '/pagefind-month/ indexed',
      '/pagefind-recent/ indexed',
    ]);
    expect(pageCounts('pagefind-month')).toEqual([2]);
    expect(pageCounts('pagefind-recent')).toEqual([1]);
  });

  it('edits a headline: the story, and the pages that list it, change', () => {
    const file = storyFiles()[5] as string;
    edit(file, (data) => {
      data.title = `${String(data.title)} (corrected)`;
    });
    const result = buildAndCompare('headline');
    expect(result.differences).toEqual([]);
    expect(result.rendered).toContain(`/stories/${String(dataOf(file).slug)}/index.html`);
    expect(storyPages(result.rendered).length).toBeLessThan(COUNT / 4);
  });

  it('retags a story', () => {
    const file = storyFiles()[9] as string;
    edit(file, (data) => {
      data.tags = ['Freshly coined tag'];
    });
    const result = buildAndCompare('retag');
    expect(result.differences).toEqual([]);
    expect(result.rendered).toContain('/tags/freshly-coined-tag/index.html');
  });

  it('deletes a story: its page vanishes from the output folder', () => {
    // A story no other story names in `related` (deleting a named one is an error that names the file).
    const named = new Set(storyFiles().flatMap((file) => (dataOf(file).related as string[] | undefined) ?? []));
    const file = storyFiles().find((candidate, index) => index > 20 && !named.has(String(dataOf(candidate).slug)));
    if (!file) throw new Error('no story to delete');
    const slug = String(dataOf(file).slug);
    rmSync(file);
    const result = buildAndCompare('delete');
    expect(result.differences).toEqual([]);
    expect(tree(incremental.dist).has(`stories/${slug}/index.html`)).toBe(false);
  });

  it('moves a story file: the story keeps its address and nothing is rendered for it', () => {
    // The newest story, whose text every feed reads on every build, so a stale path would fail the build.
    const file = join(content, 'new/breaking.md');
    const slug = String(dataOf(file).slug);
    mkdirSync(join(content, 'moved'), { recursive: true });
    renameSync(file, join(content, 'moved/story.md'));
    const result = buildAndCompare('move');
    expect(result.differences).toEqual([]);
    expect(result.kept).toContain(`/stories/${slug}/index.html`);
  });

  it('renames a section: its old pages vanish and its stories move', () => {
    const files = storyFiles().filter((file) => dataOf(file).section === 'Science');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      edit(file, (data) => {
        data.section = 'Science & Space';
      });
    }
    const result = buildAndCompare('section');
    expect(result.differences).toEqual([]);
    expect([...tree(incremental.dist).keys()].some((path) => path.startsWith('sections/science/'))).toBe(false);
  });

  it('publishes an embargoed story with its photo at the first build after the embargo, though its file is unchanged', () => {
    const [template] = storyFiles();
    addStory(join(content, 'embargo/held.md'), template as string, {
      title: 'Held until the hour',
      slug: 'held-until-the-hour',
      pubDate: '2026-11-20T09:00:00+00:00',
      embargo: '2026-11-20T09:00:00+00:00',
      related: [],
      image: { src: './held.jpg', alt: 'A square in Astana', caption: 'Astana.', credit: 'EFE' },
    });
    cpSync(join(ROOT, 'tests/fixtures/agency/drop/efe-foto-astana.jpg'), join(content, 'embargo/held.jpg'));
    buildTime = '2026-11-20T08:00:00Z';
    const before = buildAndCompare('embargo-before');
    expect(before.differences).toEqual([]);
    expect(tree(incremental.dist).has('stories/held-until-the-hour/index.html')).toBe(false);
    buildTime = '2026-11-20T10:00:00Z';
    const after = buildAndCompare('embargo-after');
    expect(after.differences).toEqual([]);
    const page = tree(incremental.dist).get('stories/held-until-the-hour/index.html')?.toString('utf8') ?? '';
    expect(page).toMatch(/<figure[\s\S]*Astana\.[\s\S]*EFE/);
  });

  it('keeps a photo story as it is when nothing changed: its photo and crops stay, and no image is encoded again', () => {
    const result = buildAndCompare('photo-unchanged');
    expect(result.differences).toEqual([]);
    expect(result.kept).toContain('/stories/held-until-the-hour/index.html');
    const files = tree(incremental.dist);
    const page = files.get('stories/held-until-the-hour/index.html')?.toString('utf8') ?? '';
    const graph = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1] ?? '{}') as {
      '@graph': { image?: { url: string }[] }[];
    };
    const crops = (graph['@graph'][0]?.image ?? []).map(({ url }) => new URL(url).pathname.slice(1));
    // The photo's three crops, then the share card, every one in the output folder.
    expect(crops).toHaveLength(4);
    for (const path of crops) expect(files.has(path), path).toBe(true);
    // astro:assets lists every image of the kept page and copies each from its cache.
    const images = [...result.output.matchAll(/▶ \/_astro\/(held\.\S+) (.*)$/gm)];
    for (const path of crops.slice(0, 3)) {
      expect(images.map(([, name]) => `_astro/${name}`)).toContain(path);
    }
    expect(images.filter(([, , how]) => !how?.includes('(reused cache entry)'))).toEqual([]);
    buildTime = undefined;
  });

  it('renders every page again when a dependency version in the lockfile changes', () => {
    const lockfile = join(project, 'package-lock.json');
    const lock = JSON.parse(readFileSync(lockfile, 'utf8')) as { packages: Record<string, { version?: string }> };
    const marked = lock.packages['node_modules/marked'];
    if (!marked?.version) throw new Error('package-lock.json has no marked entry');
    marked.version = `${marked.version}-patched`;
    writeFileSync(lockfile, JSON.stringify(lock, null, 2));
    const result = buildAndCompare('lockfile');
    expect(result.differences).toEqual([]);
    expect(result.kept).toEqual([]);
    expect(result.output).toMatch(/\d+ stories, (\d+) read and parsed, 0 unchanged/);
  });

  it('gives every story what changed code that reads entries makes of it, though no file changed', () => {
    // The schema now ends each standfirst with a mark: the same files make other data.
    const schema = join(project, 'src/lib/schema.ts');
    const before = readFileSync(schema, 'utf8');
    const field = "      description: text('description'),";
    if (!before.includes(field)) throw new Error(`src/lib/schema.ts has no line "${field.trim()}"`);
    writeFileSync(
      schema,
      before.replace(field, "      description: text('description').transform((text) => `${text} ¶`),"),
    );
    const result = buildAndCompare('schema');
    expect(result.differences).toEqual([]);
    const [page] = storyPages(result.rendered);
    if (!page) throw new Error('no story page was rendered');
    expect(tree(incremental.dist).get(page.slice(1))?.toString()).toContain(' ¶');
  });
});
