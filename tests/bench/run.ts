/**
 * npm run bench [-- --runs N --sizes 1000,10000 --out FILE | --dry-run | --help]
 *
 * Generates archives of 1,000 and 10,000 stories, builds this site, this site without its
 * search index (WIRE_SEARCH=off) and a minimal Astro site (a content collection and one plain
 * page per story, nothing else) on each, interleaved, and prints wall time, peak RSS, pages
 * built and the ratios; the search index's time and size, and what a first search transfers
 * in Chromium; times the related ranking alone at 10,000 and 100,000 stories; measures
 * article page sizes. Figures are medians of the runs. All of it is written to a JSON file.
 * Share cards: every build of the site renders them with a fresh cache (cold); then one story
 * is changed and the site rebuilt on the last run's cache (warm). Both are compared with the
 * same build less its card step. `--all-cards N` also builds N stories with a card for every
 * story, for the cost per card. The build time is pinned just after the newest generated story,
 * so the news window holds a realistic two days of stories.
 * Imports: `--import N` times `npm run import` of one wire text and one agency item into a
 * generated N-story content folder, first with no stored index of it (cold), then again
 * (warm), which is what an editor waits for.
 *
 * Rebuild scenarios (--rebuild): on one generated archive, a cold build with incremental
 * builds on, then warm rebuilds with nothing changed, with one story added on the newest
 * day (by `astro build`, then by the long-running publisher, `npm run publisher`), with the
 * first story of a new day (which moves the day before into the month's search bundle), with the first story of a new month (which moves a month into the main search
 * bundle), and with one old story edited (each --runs times), then a clean full build of
 * the final content in the same run for the ratio, and a byte-for-byte comparison of the
 * two output folders.
 */
import { spawn, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dump, load } from 'js-yaml';
import { rankRelated } from '../../src/lib/related.ts';
import { isSearchBundle } from '../../src/data/search-folders.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic } from '../helpers/static-server.ts';
import { builtPages } from '../helpers/astro-log.ts';
import { startPublisher } from '../helpers/publisher.ts';
import { treeDifferences } from '../helpers/tree.ts';
import { generateStories, rankingInput, writeCorpus, type GeneratedStory } from './corpus.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const astroBin = join(root, 'node_modules/astro/bin/astro.mjs');
const rssHook = fileURLToPath(new URL('./report-rss.mjs', import.meta.url));

const USAGE = `Usage: npm run bench -- [options]

Builds generated archives with this site and a minimal Astro site, and prints wall time,
peak RSS, pages and their ratio; share cards cold and warm; times the related ranking;
measures article page sizes.

Options:
  --runs N           builds per size and site; figures are medians (default 3)
  --sizes A,B        archive sizes to build cold, against the baseline (default 1000,10000; 0 skips)
  --rank A,B         archive sizes to time the related ranking at (default 10000,100000; 0 skips)
  --rebuild A,B      archive sizes for the rebuild scenarios: nothing changed, one added,
                     first of a new day, first of a new month, one edited, against a
                     clean build (default 10000; 0 skips them)
  --no-baseline      build only this site in the --sizes runs (the minimal Astro
                     baseline cannot build 100,000 stories)
  --all-cards A,B    archive sizes to build with a share card for every story (default 1000; 0: none)
  --import A,B       archive sizes to time an import into, cold and warm (default 100000; 0: none)
  --out FILE         where the figures go (default tests/.artifacts/bench/results.json)
  --dry-run          check the options and print the plan, build nothing
  --help             show this help`;

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    sizes: { type: 'string', default: '1000,10000' },
    rank: { type: 'string', default: '10000,100000' },
    rebuild: { type: 'string', default: '10000' },
    'no-baseline': { type: 'boolean', default: false },
    'all-cards': { type: 'string', default: '1000' },
    import: { type: 'string', default: '100000' },
    out: { type: 'string', default: join(root, 'tests/.artifacts/bench/results.json') },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

/** A list of positive whole numbers from an option, or an exit with the option named. */
function counts(option: string, text: string): number[] {
  const numbers = text.split(',').map(Number);
  if (numbers.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error(`bench: --${option} must be positive whole numbers separated by commas, not "${text}"\n\n${USAGE}`);
    process.exit(2);
  }
  return numbers;
}
const [runs = 3] = counts('runs', values.runs);
const sizes = values.sizes === '0' ? [] : counts('sizes', values.sizes);
const rankSizes = values.rank === '0' ? [] : counts('rank', values.rank);
const rebuildSizes = values.rebuild === '0' ? [] : counts('rebuild', values.rebuild);
const importSizes = values.import === '0' ? [] : counts('import', values.import);
const allCardSizes = values['all-cards'] === '0' ? [] : counts('all-cards', values['all-cards']);
if (values['dry-run']) {
  console.log(
    `would build ${sizes.join(', ') || 'no'} stories${values['no-baseline'] ? ' (no baseline)' : ''}, ${runs} run(s) each, ` +
      `rank ${rankSizes.join(', ') || 'none'}, rebuild scenarios at ${rebuildSizes.join(', ') || 'none'}, ` +
      `a card for every story at ${allCardSizes.join(', ') || 'no size'}, ` +
      `import into ${importSizes.join(', ') || 'no archive'}; figures to ${values.out}`,
  );
  process.exit(0);
}

const progress = (message: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const round = (x: number, digits = 2) => Number(x.toFixed(digits));
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

interface CardFigures {
  cards: number;
  rendered: number;
  cached: number;
  seconds: number;
}

interface BuildFigures {
  seconds: number;
  /** The build's Node process alone. */
  peakRssMiB: number;
  /** The build's whole process tree at its largest (Node, Pagefind's indexer), sampled every 250 ms. */
  treePeakRssMiB: number;
  pages: number;
  /** Pages Astro rendered, as against left in place or restored by the incremental build (its log). */
  rendered: number;
  /** The search index step alone, as the integration logs it; absent when search is off. */
  indexSeconds?: number;
  /** What the share-card step did (src/integrations/cards.ts), when the build has one. */
  cards?: CardFigures | undefined;
}

function countHtml(dir: string): number {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html'))
    .length;
}

/** The resident memory of a process and all its descendants now, in bytes (Linux /proc); 0 once it is gone. */
function treeRss(pid: number): number {
  let bytes = 0;
  const pending = [pid];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    try {
      const pages = Number(readFileSync(`/proc/${next}/statm`, 'utf8').split(' ')[1]);
      bytes += pages * 4096;
      for (const task of readdirSync(`/proc/${next}/task`)) {
        const children = readFileSync(`/proc/${next}/task/${task}/children`, 'utf8').trim();
        if (children) for (const child of children.split(' ')) pending.push(Number(child));
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return bytes;
}

/** Runs `astro build` in `cwd` with the RSS hook, and measures it. */
function build(cwd: string, env: NodeJS.ProcessEnv, outDir: string): Promise<BuildFigures> {
  const rssFile = join(tmpdir(), `wire-bench-rss-${process.pid}-${Date.now()}`);
  const cardFile = join(tmpdir(), `wire-bench-cards-${process.pid}-${Date.now()}`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let log = '';
    const child = spawn(process.execPath, ['--import', rssHook, astroBin, 'build'], {
      cwd,
      env: { ...process.env, ...env, WIRE_RSS_FILE: rssFile, WIRE_CARD_REPORT: cardFile, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let treePeak = 0;
    const sampler = setInterval(() => (treePeak = Math.max(treePeak, child.pid ? treeRss(child.pid) : 0)), 250);
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    child.on('close', (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`astro build in ${cwd} failed (${code}):\n${log.slice(-3000)}`));
      const peakRssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024 / 1024;
      rmSync(rssFile, { force: true });
      const cards = existsSync(cardFile) ? (JSON.parse(readFileSync(cardFile, 'utf8')) as CardFigures) : undefined;
      rmSync(cardFile, { force: true });
      const indexed = /search: \d+ story page\(s\); .* \(([\d.]+) s\)/.exec(log);
      resolve({
        seconds,
        peakRssMiB,
        treePeakRssMiB: Math.max(treePeak / 1024 / 1024, peakRssMiB),
        pages: countHtml(outDir),
        rendered: builtPages(log).rendered.length,
        cards,
        ...(indexed && { indexSeconds: Number(indexed[1]) }),
      });
    });
  });
}

/** Writes the minimal Astro site the build is compared with. */
function writeBaseline(dir: string, corpus: string): void {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ outDir: process.env.BASELINE_OUT });\n`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
export const collections = {
  stories: defineCollection({
    loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(corpus)} }),
    schema: z.object({ title: z.string() }).loose(),
  }),
};
`,
  );
  writeFileSync(
    join(dir, 'src/pages/[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const stories = await getCollection('stories');
  return stories.map((story) => ({ params: { id: story.id }, props: { story } }));
}
const { story } = Astro.props;
const { Content } = await render(story);
---
<html lang="en"><head><meta charset="utf-8"><title>{story.data.title}</title></head>
<body><h1>{story.data.title}</h1><Content /></body></html>
`,
  );
}

/** Bytes of an article page, and of its parts that do not depend on the story's own text. */
function articleSizes(dist: string) {
  const dir = join(dist, 'stories');
  const pages = readdirSync(dir).map((slug) => join(dir, slug, 'index.html'));
  let largest = 0;
  let chrome = 0;
  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    largest = Math.max(largest, Buffer.byteLength(html));
    const article = /<article>[\s\S]*<\/article>/.exec(html)?.[0] ?? '';
    const related = /<aside class="related"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';
    const head = /<head>[\s\S]*<\/head>/.exec(html)?.[0] ?? '';
    chrome = Math.max(chrome, Buffer.byteLength(html) - Buffer.byteLength(article + related + head));
  }
  return { pages: pages.length, largestBytes: largest, chromeBytes: chrome };
}

/** Files and bytes of the built search index (all its bundles), and how many bundles. */
function indexSize(dist: string) {
  const bundles = readdirSync(dist, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isSearchBundle(entry.name))
    .map((entry) => join(dist, entry.name));
  const files = bundles
    .flatMap((dir) =>
      (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).map((file) => join(dir, file)),
    )
    .filter((file) => statSync(file).isFile());
  return {
    files: files.length,
    bytes: files.reduce((sum, file) => sum + statSync(file).size, 0),
    bundles: bundles.length,
  };
}

/** How many stories' text holds each word. */
function storyCounts(stories: readonly GeneratedStory[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const story of stories) {
    for (const word of new Set(story.body.toLowerCase().match(/\p{L}+/gu)))
      counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The word in the most stories' text: the query with the most results, the heaviest first search. */
function commonestWord(stories: readonly GeneratedStory[]): string {
  return storyCounts(stories)[0]?.[0] ?? '';
}

/**
 * A typical query: the word in closest to 1 % of the stories, as a name in the news is (a
 * reader searches for a person or a place, not for "the").
 */
function typicalWord(stories: readonly GeneratedStory[]): string {
  const target = stories.length / 100;
  return storyCounts(stories).reduce(
    (best, entry) => (Math.abs(entry[1] - target) < Math.abs(best[1] - target) ? entry : best),
    ['', Number.POSITIVE_INFINITY] as [string, number],
  )[0];
}

/**
 * Opens /search/?q=<query> in Chromium on the built site, served with gzip as a static host
 * would, and adds up every response (headers and body as transferred) until the first
 * results show: the page, its script, Pagefind and the index chunks it needs.
 */
async function firstSearch(dist: string, query: string) {
  const { server, url } = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const sizes: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      sizes.push(request.sizes().then((size) => size.responseBodySize + size.responseHeadersSize));
    });
    const started = performance.now();
    await page.goto(`${url}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') !== '', null, {
      timeout: 60_000,
    });
    const seconds = (performance.now() - started) / 1000;
    const status = await page.locator('#search-status').innerText();
    const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
    return { query, status, requests: sizes.length, bytes, seconds: round(seconds, 2) };
  } finally {
    await browser.close();
    server.close();
  }
}

/** A build time 20 hours after the newest generated story: its day and the day before are news. */
function buildTimeAfter(stories: readonly GeneratedStory[]): string {
  const newest = stories.reduce((most, story) => Math.max(most, Date.parse(story.pubDate)), -Infinity);
  return new Date(newest + 20 * 3_600_000).toISOString();
}

/** Changes the title of the newest generated story, as an editor's correction would; its slug stays. */
function changeNewestStory(corpus: string, stories: readonly GeneratedStory[]): void {
  const newest = stories.reduce((a, b) => (b.pubDate > a.pubDate ? b : a));
  // Every file is written again with the same text but this one: the loader goes by content.
  writeCorpus(
    corpus,
    stories.map((story) => (story === newest ? { ...story, title: `${story.title} (corrected)` } : story)),
  );
}

/** Cold builds (fresh cache) and the warm one, each against the same build less its card step. */
function cardFigures(cold: BuildFigures[], warm: BuildFigures) {
  const cardSeconds = (figures: BuildFigures) => figures.cards?.seconds ?? 0;
  const withoutCards = median(cold.map((o) => o.seconds - cardSeconds(o)));
  const coldSeconds = median(cold.map((o) => o.seconds));
  return {
    cards: cold[0]?.cards?.cards,
    cold: {
      seconds: round(coldSeconds),
      rendered: cold[0]?.cards?.rendered,
      cardSeconds: round(median(cold.map(cardSeconds))),
      peakRssMiB: Math.round(median(cold.map((o) => o.peakRssMiB))),
    },
    warm: {
      seconds: round(warm.seconds),
      rendered: warm.cards?.rendered,
      cached: warm.cards?.cached,
      cardSeconds: round(cardSeconds(warm)),
      peakRssMiB: Math.round(warm.peakRssMiB),
    },
    withoutCardsSeconds: round(withoutCards),
    coldRatio: round(coldSeconds / withoutCards, 3),
    warmRatio: round(warm.seconds / withoutCards, 3),
    // The warm build against itself less its card step: free of the noise between two builds.
    warmRatioSameBuild: round(warm.seconds / (warm.seconds - cardSeconds(warm)), 3),
  };
}

/** One import's wall time, from the project's own node, in the folder holding content/. */
function timedImport(cwd: string, args: string[]): number {
  const started = performance.now();
  execFileSync(join(root, 'node_modules', '.bin', 'node'), [join(root, 'src', 'cli', 'import.ts'), ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return round((performance.now() - started) / 1000, 3);
}

/**
 * Times imports into a generated archive: a wire text and an agency item, each first with no
 * stored index of the folder (cold) and then with it (warm, the usual case).
 */
function importFigures(work: string, size: number) {
  const folder = join(work, `import-${size}`);
  const content = join(folder, 'content');
  writeCorpus(content, generateStories(size, 11));
  const cache = join(root, 'node_modules', '.cache', 'wire-reader');
  const forgetIndex = () => {
    if (!existsSync(cache)) return;
    for (const file of readdirSync(cache))
      if (file.startsWith('content-index-')) rmSync(join(cache, file), { force: true });
  };
  const seed = join(
    root,
    'tests',
    'fixtures',
    'seed',
    readdirSync(join(root, 'tests', 'fixtures', 'seed'))[0] as string,
  );
  const item = join(root, 'tests', 'fixtures', 'agency', 'drop', 'dpa-bahnstreik.xml');
  const text = (out: string) => [seed, '--year', '2023', '--section', 'World', '--out', join(content, out)];
  forgetIndex();
  const textCold = timedImport(folder, text('bench.md'));
  // The same story again, as a new file: the index must notice the first one went.
  rmSync(join(content, 'bench.md'));
  const textWarm = timedImport(folder, text('bench.md'));
  rmSync(join(content, 'bench.md'));
  forgetIndex();
  const agencyCold = timedImport(folder, [item, '--agency', 'dpa']);
  const agencyWarm = timedImport(folder, [item, '--agency', 'dpa']);
  forgetIndex();
  rmSync(folder, { recursive: true, force: true });
  return { textCold, textWarm, agencyCold, agencyWarm };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'wire-bench-'));
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, memoryGB: round(totalmem() / 2 ** 30, 1), node: process.version },
    uptimeBefore: uptime(),
    runs,
  };
  progress(`work folder ${work}; ${runs} run(s) per size; ${uptime()}`);
  try {
    const builds: Record<string, unknown> = {};
    for (const size of sizes) {
      progress(`generating ${size} stories`);
      const corpus = join(work, `corpus-${size}`);
      const stories = generateStories(size, 42);
      writeCorpus(corpus, stories);
      const generated = stories;
      const buildTime = buildTimeAfter(generated);
      const baselineDir = join(work, `baseline-${size}`);
      writeBaseline(baselineDir, corpus);
      const ours: BuildFigures[] = [];
      const noSearch: BuildFigures[] = [];
      const baseline: BuildFigures[] = [];
      let index = { files: 0, bytes: 0, bundles: 0 };
      for (let run = 1; run <= runs; run++) {
        const outDir = join(work, `site-${size}`);
        rmSync(outDir, { recursive: true, force: true });
        progress(`${size} stories, run ${run}/${runs}: building the site`);
        ours.push(
          await build(
            root,
            {
              WIRE_CONTENT_DIR: corpus,
              WIRE_OUT_DIR: outDir,
              WIRE_CACHE_DIR: join(work, `cache-${size}-${run}`),
              WIRE_BUILD_TIME: buildTime,
            },
            outDir,
          ),
        );
        index = indexSize(outDir);
        progress(`  ${round(ours.at(-1)?.seconds ?? 0, 1)} s, ${Math.round(ours.at(-1)?.peakRssMiB ?? 0)} MiB`);
        if (values['no-baseline']) continue;
        progress('  the same without search');
        const plainOut = join(work, `site-nosearch-${size}`);
        rmSync(plainOut, { recursive: true, force: true });
        noSearch.push(
          await build(
            root,
            {
              WIRE_CONTENT_DIR: corpus,
              WIRE_OUT_DIR: plainOut,
              WIRE_CACHE_DIR: join(work, `cache-nosearch-${size}-${run}`),
              WIRE_SEARCH: 'off',
            },
            plainOut,
          ),
        );
        rmSync(plainOut, { recursive: true, force: true });
        progress(`  ${round(noSearch.at(-1)?.seconds ?? 0, 1)} s; building the minimal Astro baseline`);
        const baseOut = join(work, `baseline-out-${size}`);
        rmSync(baseOut, { recursive: true, force: true });
        rmSync(join(baselineDir, 'node_modules/.astro'), { recursive: true, force: true });
        rmSync(join(baselineDir, '.astro'), { recursive: true, force: true });
        baseline.push(await build(baselineDir, { BASELINE_OUT: baseOut }, baseOut));
        progress(`  ${round(baseline.at(-1)?.seconds ?? 0, 1)} s`);
      }
      const ratios = baseline.map((b, i) => (ours[i] as BuildFigures).seconds / b.seconds);
      const searchRatios = noSearch.map((n, i) => (ours[i] as BuildFigures).seconds / n.seconds);
      progress(`${size} stories: first search in Chromium`);
      const search = {
        indexSeconds: round(median(ours.map((o) => o.indexSeconds ?? Number.NaN))),
        allIndexSeconds: ours.map((o) => o.indexSeconds),
        indexBytes: index.bytes,
        indexFiles: index.files,
        indexBundles: index.bundles,
        withoutSearchSeconds: round(median(noSearch.map((o) => o.seconds))),
        allWithoutSearchSeconds: noSearch.map((o) => round(o.seconds)),
        buildRatio: round(median(searchRatios), 3),
        allBuildRatios: searchRatios.map((r) => round(r, 3)),
        firstSearch: await firstSearch(join(work, `site-${size}`), commonestWord(stories)),
        typicalSearch: await firstSearch(join(work, `site-${size}`), typicalWord(stories)),
      };
      progress(`${size} stories: one story changed, rebuilding on the last run's card cache (warm)`);
      changeNewestStory(corpus, generated);
      const warmOut = join(work, `site-${size}`);
      const warm = await build(
        root,
        {
          WIRE_CONTENT_DIR: corpus,
          WIRE_OUT_DIR: warmOut,
          WIRE_CACHE_DIR: join(work, `cache-${size}-${runs}`),
          WIRE_BUILD_TIME: buildTime,
        },
        warmOut,
      );
      progress(`  ${round(warm.seconds, 1)} s, ${warm.cards?.rendered} card(s) rendered`);
      builds[size] = {
        site: {
          seconds: round(median(ours.map((o) => o.seconds))),
          peakRssMiB: Math.round(median(ours.map((o) => o.peakRssMiB))),
          treePeakRssMiB: Math.round(median(ours.map((o) => o.treePeakRssMiB))),
          pages: ours[0]?.pages,
          allSeconds: ours.map((o) => round(o.seconds)),
        },
        baseline: baseline.length > 0 && {
          seconds: round(median(baseline.map((o) => o.seconds))),
          peakRssMiB: Math.round(median(baseline.map((o) => o.peakRssMiB))),
          pages: baseline[0]?.pages,
          allSeconds: baseline.map((o) => round(o.seconds)),
        },
        ratioToBaseline: ratios.length > 0 ? round(median(ratios), 3) : undefined,
        cards: cardFigures(ours, warm),
        allRatios: ratios.map((r) => round(r, 3)),
        search,
        article: articleSizes(join(work, `site-${size}`)),
      };
    }
    results.builds = builds;

    const rebuilds: Record<string, unknown> = {};
    for (const size of rebuildSizes) rebuilds[size] = await rebuildScenarios(work, size);
    results.rebuilds = rebuilds;
    const [small, large] = sizes;
    if (small !== undefined && large !== undefined) {
      const time = (size: number) => (builds[size] as { site: { seconds: number } }).site.seconds;
      results.scaling = { from: small, to: large, timeRatio: round(time(large) / time(small)) };
    }

    const allCards: Record<string, unknown> = {};
    for (const size of allCardSizes) {
      progress(`${size} stories with a card for every story (cold cache)`);
      const corpus = join(work, `corpus-all-${size}`);
      const generated = generateStories(size, 42);
      writeCorpus(corpus, generated);
      const outDir = join(work, `site-all-${size}`);
      const figures = await build(
        root,
        {
          WIRE_CONTENT_DIR: corpus,
          WIRE_OUT_DIR: outDir,
          WIRE_CACHE_DIR: join(work, `cache-all-${size}`),
          WIRE_BUILD_TIME: buildTimeAfter(generated),
          WIRE_CARD_STORIES: 'all',
        },
        outDir,
      );
      const cards = figures.cards as CardFigures;
      allCards[size] = {
        seconds: round(figures.seconds),
        peakRssMiB: Math.round(figures.peakRssMiB),
        cards: cards.cards,
        rendered: cards.rendered,
        cardSeconds: round(cards.seconds),
        msPerCardWall: round((cards.seconds * 1000) / Math.max(1, cards.rendered), 1),
      };
      rmSync(outDir, { recursive: true, force: true });
    }
    results.allCards = allCards;

    const ranking: Record<string, unknown> = {};
    for (const size of rankSizes) {
      progress(`related ranking alone, ${size} stories`);
      const input = rankingInput(generateStories(size, 7));
      const times: number[] = [];
      for (let run = 0; run < Math.max(3, runs); run++) {
        const started = performance.now();
        rankRelated(input, { limit: 5 });
        times.push((performance.now() - started) / 1000);
      }
      ranking[size] = { seconds: round(median(times), 3), all: times.map((t) => round(t, 3)) };
    }
    results.ranking = ranking;

    const imports: Record<string, unknown> = {};
    for (const size of importSizes) {
      progress(`imports into ${size} stories`);
      imports[size] = importFigures(work, size);
    }
    results.imports = imports;

    if (sizes.length > 0) {
      progress('building the site with its one real story for the page-size comparison');
      const oneOut = join(work, 'site-1');
      await build(root, { WIRE_OUT_DIR: oneOut, WIRE_CACHE_DIR: join(work, 'cache-1') }, oneOut);
      results.articleAtOneStory = articleSizes(oneOut);
    }
    results.uptimeAfter = uptime();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
  print(results);
  progress(`figures written to ${values.out}`);
}

function print(results: Record<string, unknown>) {
  const builds = results.builds as Record<string, Record<string, Record<string, number>>>;
  const lines = ['', `wire reader benchmark (medians of ${runs} run(s)); load: ${String(results.uptimeBefore)}`, ''];
  lines.push(
    'stories  site s  baseline s  ratio  site RSS MiB (tree)  baseline RSS MiB  site pages  baseline pages  article max B',
  );
  for (const [size, b] of Object.entries(builds)) {
    lines.push(
      [
        size.padStart(7),
        String(b.site?.seconds).padStart(7),
        String(b.baseline?.seconds).padStart(11),
        String(b.ratioToBaseline).padStart(6),
        `${b.site?.peakRssMiB} (${b.site?.treePeakRssMiB})`.padStart(20),
        String(b.baseline?.peakRssMiB).padStart(17),
        String(b.site?.pages).padStart(11),
        String(b.baseline?.pages).padStart(15),
        String(b.article?.largestBytes).padStart(14),
      ].join(' '),
    );
  }
  lines.push(
    '',
    'stories  index s  index MiB  files in bundles  build no-search s  build with/without search  first search kB (requests, s): commonest word; typical word',
  );
  for (const [size, b] of Object.entries(builds)) {
    const search = b.search as unknown as {
      indexSeconds: number;
      indexBytes: number;
      indexFiles: number;
      indexBundles?: number;
      withoutSearchSeconds: number;
      buildRatio: number;
      firstSearch: { bytes: number; requests: number; seconds: number; query: string };
      typicalSearch?: { bytes: number; requests: number; seconds: number; query: string };
    };
    const shown = (first: typeof search.firstSearch) =>
      `${round(first.bytes / 1024, 1)} (${first.requests}, ${first.seconds} s) for "${first.query}"`;
    lines.push(
      [
        size.padStart(7),
        String(search.indexSeconds).padStart(8),
        String(round(search.indexBytes / 2 ** 20)).padStart(10),
        `${search.indexFiles} in ${search.indexBundles ?? '?'}`.padStart(12),
        String(search.withoutSearchSeconds).padStart(18),
        String(search.buildRatio).padStart(26),
        [search.firstSearch, search.typicalSearch]
          .filter((first) => first !== undefined)
          .map(shown)
          .join('; '),
      ].join(' '),
    );
  }
  lines.push(
    '',
    'share cards: stories  cards  cold rendered  cold s  card s  warm rendered  warm s  no-card s  cold x  warm x',
  );
  for (const [size, b] of Object.entries(builds)) {
    const c = b.cards as unknown as ReturnType<typeof cardFigures>;
    lines.push(
      [
        size.padStart(20),
        String(c.cards).padStart(6),
        String(c.cold.rendered).padStart(14),
        String(c.cold.seconds).padStart(7),
        String(c.cold.cardSeconds).padStart(7),
        String(c.warm.rendered).padStart(14),
        String(c.warm.seconds).padStart(7),
        String(c.warm.cardSeconds).padStart(12),
        String(c.withoutCardsSeconds).padStart(10),
        String(c.coldRatio).padStart(7),
        String(c.warmRatio).padStart(7),
        String(c.warmRatioSameBuild).padStart(20),
      ].join(' '),
    );
  }
  for (const [size, a] of Object.entries((results.allCards ?? {}) as Record<string, Record<string, number>>)) {
    lines.push(
      `a card for every story, ${size} stories: ${a.rendered} cards in ${a.cardSeconds} s ` +
        `(${a.msPerCardWall} ms per card, wall), build ${a.seconds} s, peak RSS ${a.peakRssMiB} MiB`,
    );
  }
  for (const [size, r] of Object.entries(results.rebuilds as Record<string, RebuildFigures>)) {
    lines.push(
      '',
      `rebuilds at ${size} stories (medians): cold ${r.cold.seconds} s, ${r.cold.peakRssMiB} MiB ` +
        `(${r.cold.treePeakRssMiB} MiB with Pagefind and other child processes); ` +
        `nothing changed ${r.unchanged.seconds} s (${r.unchanged.rendered} pages rendered); ` +
        `one added ${r.added.seconds} s (${r.added.rendered} rendered); ` +
        `one added with the publisher running ${r.publisherAdded.seconds} s ` +
        `(${r.publisherAdded.rendered} rendered, ${r.publisherAdded.peakRssMiB} MiB for publisher and builder); ` +
        `first of a new day added ${r.newDay.seconds} s (${r.newDay.rendered} rendered); ` +
        `first of a new month added ${r.newMonth.seconds} s (${r.newMonth.rendered} rendered); ` +
        `one archive story edited ${r.edited.seconds} s (${r.edited.rendered} rendered); ` +
        `clean full build ${r.clean.seconds} s (one added / clean: ${r.addedToClean}; ` +
        `with the publisher: ${r.publisherAddedToClean}); ` +
        `output identical to the clean build: ${r.identical ? 'yes' : `NO (${r.differences.join('; ')})`}`,
    );
  }
  const scaling = results.scaling as { from: number; to: number; timeRatio: number } | undefined;
  if (scaling) lines.push('', `build time ${scaling.to} / ${scaling.from}: ${scaling.timeRatio}`);
  for (const [size, r] of Object.entries(results.ranking as Record<string, { seconds: number }>)) {
    lines.push(`related top-5 for every story, ${size} stories: ${r.seconds} s`);
  }
  for (const [size, i] of Object.entries(results.imports as Record<string, ReturnType<typeof importFigures>>)) {
    lines.push(
      `import into ${size} stories: wire text ${i.textCold} s cold, ${i.textWarm} s warm; ` +
        `agency item ${i.agencyCold} s cold, ${i.agencyWarm} s warm`,
    );
  }
  // Both are absent with --sizes 0 (no builds, no page-size comparison).
  const one = results.articleAtOneStory as { largestBytes: number; chromeBytes: number } | undefined;
  const largest = Object.values(builds).at(-1)?.article as unknown as
    { largestBytes: number; chromeBytes: number } | undefined;
  if (one) {
    lines.push(
      `article page: ${largest ? `${largest.largestBytes} B at the largest archive (page furniture ${largest.chromeBytes} B); ` : ''}` +
        `${one.largestBytes} B with the one real story (furniture ${one.chromeBytes} B)`,
    );
  }
  lines.push(`load after: ${String(results.uptimeAfter)}`, '');
  console.log(lines.join('\n'));
}

/** One rebuild scenario: medians of its runs, and every run's time. */
interface Scenario {
  seconds: number;
  rendered: number;
  peakRssMiB: number;
  all: number[];
}

interface RebuildFigures {
  cold: BuildFigures;
  unchanged: Scenario;
  added: Scenario;
  publisherAdded: Scenario;
  newDay: Scenario;
  newMonth: Scenario;
  edited: Scenario;
  clean: BuildFigures;
  addedToClean: number;
  publisherAddedToClean: number;
  identical: boolean;
  differences: string[];
}

/**
 * Runs `npm run publisher` on the rebuild archive: waits for its first build (it catches up),
 * then `runs` times makes a change and times it from the change to the publisher's report that
 * the build is done. Peak RSS is of the publisher and its builder together.
 */
async function publisherScenario(env: NodeJS.ProcessEnv, change: (run: number) => void): Promise<Scenario> {
  const publisher = startPublisher({
    project: root,
    env: { ...process.env, ...env, NO_COLOR: '1' },
    reportTimeoutMs: 4 * 3_600_000,
  });
  const next = async () => {
    const report = await publisher.next();
    if (!report.ok) throw new Error(`the publisher's build failed:\n${publisher.log().slice(-3000)}`);
    return report;
  };
  try {
    await next();
    const figures: { seconds: number; rendered: number; peakRssMiB: number }[] = [];
    for (let run = 1; run <= runs; run++) {
      let peak = 0;
      const pid = publisher.child.pid ?? 0;
      const sampler = setInterval(() => (peak = Math.max(peak, pid ? treeRss(pid) : 0)), 250);
      const started = performance.now();
      const published = next();
      change(run);
      const { rendered } = await published.finally(() => clearInterval(sampler));
      figures.push({ seconds: (performance.now() - started) / 1000, rendered, peakRssMiB: peak / 2 ** 20 });
      progress(`  one story added with the publisher, run ${run}/${runs}: ${round(figures.at(-1)?.seconds ?? 0, 1)} s`);
    }
    return {
      seconds: round(median(figures.map((f) => f.seconds))),
      rendered: Math.round(median(figures.map((f) => f.rendered))),
      peakRssMiB: Math.round(median(figures.map((f) => f.peakRssMiB))),
      all: figures.map((f) => round(f.seconds)),
    };
  } finally {
    await publisher.stop();
  }
}

/** The rebuild scenarios at one archive size (see the file comment). */
async function rebuildScenarios(work: string, size: number): Promise<RebuildFigures> {
  const corpus = join(work, `rebuild-corpus-${size}`);
  const stories = generateStories(size, 42);
  writeCorpus(corpus, stories);
  const outDir = join(work, `rebuild-site-${size}`);
  const env = { WIRE_CONTENT_DIR: corpus, WIRE_OUT_DIR: outDir, WIRE_CACHE_DIR: join(work, `rebuild-cache-${size}`) };
  progress(`rebuilds, ${size} stories: cold build`);
  const cold = await build(root, env, outDir);
  const scenario = async (name: string, change: (run: number) => void) => {
    const figures: BuildFigures[] = [];
    for (let run = 1; run <= runs; run++) {
      change(run);
      figures.push(await build(root, env, outDir));
      progress(`  ${name}, run ${run}/${runs}: ${round(figures.at(-1)?.seconds ?? 0, 1)} s`);
    }
    return {
      seconds: round(median(figures.map((f) => f.seconds))),
      rendered: Math.round(median(figures.map((f) => f.rendered))),
      peakRssMiB: Math.round(median(figures.map((f) => f.peakRssMiB))),
      treePeakRssMiB: Math.round(median(figures.map((f) => f.treePeakRssMiB))),
      all: figures.map((f) => round(f.seconds)),
    };
  };
  const unchanged = await scenario('nothing changed', () => undefined);
  const [template] = generateStories(1, 9001);
  // News arrives on the newest day: the story joins the newest month (the recent search
  // bundle), as almost every story does; the first of a new month is timed apart below.
  const newestDay = stories.reduce((a, b) => (b.pubDate > a.pubDate ? b : a)).pubDate.slice(0, 10);
  const added = await scenario('one story added', (run) => {
    if (!template) return;
    writeCorpus(join(corpus, `added-${run}`), [{ ...template, slug: `bench-flash-${run}`, pubDate: newestDay }]);
  });
  // Once a day, the first story of a new day moves the day before into the month's search
  // bundle. The day after the newest story's is in the same month on the benchmark's corpus
  // (its newest story is of 30 December); further runs take the days after it, which may be
  // a new month's.
  const newDay = await scenario('first story of a new day added', (run) => {
    if (!template) return;
    const pubDate = new Date(Date.parse(newestDay) + run * 86_400_000).toISOString().slice(0, 10);
    writeCorpus(join(corpus, `day-${run}`), [{ ...template, slug: `bench-day-${run}`, pubDate }]);
  });
  // The newest day with a story once the new months below are added.
  let latestDay = newestDay;
  const newMonth = await scenario('first story of a new month added', (run) => {
    if (!template) return;
    // The first day of each month after the newest story's, the new days above included.
    const lastDay = new Date(Date.parse(newestDay) + runs * 86_400_000).toISOString().slice(0, 10);
    const [year = 0, month = 0] = lastDay.split('-').map(Number);
    const pubDate = new Date(Date.UTC(year, month - 1 + run, 1)).toISOString().slice(0, 10);
    latestDay = pubDate;
    writeCorpus(join(corpus, `month-${run}`), [{ ...template, slug: `bench-month-${run}`, pubDate }]);
  });
  const firstFolder = join(corpus, '000');
  const files = readdirSync(firstFolder).sort();
  const edited = await scenario('one archive story edited', (run) => {
    const file = join(firstFolder, files[run * 7] as string);
    const source = readFileSync(file, 'utf8');
    const end = source.indexOf('\n---\n', 4);
    const data = load(source.slice(4, end)) as { title: string };
    data.title = `${data.title} (corrected ${run})`;
    writeFileSync(file, `---\n${dump(data)}${source.slice(end + 1)}`);
  });
  // One story added with the long-running publisher, timed from the file landing in the
  // content folder to the publisher saying the build is done (dist/ complete), on the newest
  // day as news arrives. Last before the clean build, so that the comparison checks what
  // the publisher's builds left.
  progress(`rebuilds, ${size} stories: one story added, with the publisher running`);
  const publisherAdded = await publisherScenario(env, (run) => {
    if (!template) return;
    writeCorpus(join(corpus, `published-${run}`), [{ ...template, slug: `bench-live-${run}`, pubDate: latestDay }]);
  });
  progress(`rebuilds, ${size} stories: clean full build of the same content`);
  const cleanOut = join(work, `rebuild-clean-${size}`);
  const clean = await build(
    root,
    { ...env, WIRE_OUT_DIR: cleanOut, WIRE_CACHE_DIR: join(work, `rebuild-clean-cache-${size}`) },
    cleanOut,
  );
  const differences = treeDifferences(outDir, cleanOut).slice(0, 10);
  return {
    cold: {
      ...cold,
      seconds: round(cold.seconds),
      peakRssMiB: Math.round(cold.peakRssMiB),
      treePeakRssMiB: Math.round(cold.treePeakRssMiB),
    },
    unchanged,
    added,
    publisherAdded,
    newDay,
    newMonth,
    edited,
    clean: {
      ...clean,
      seconds: round(clean.seconds),
      peakRssMiB: Math.round(clean.peakRssMiB),
      treePeakRssMiB: Math.round(clean.treePeakRssMiB),
    },
    addedToClean: round(added.seconds / clean.seconds, 3),
    publisherAddedToClean: round(publisherAdded.seconds / clean.seconds, 3),
    identical: differences.length === 0,
    differences,
  };
}

await main();
