/**
 * Builds the archive's Pagefind search index with Pagefind's Node API.
 *
 * - `astro build`: once the pages are written, indexes the built story pages (and only
 *   them) into the search bundles (`<outDir>/pagefind/`, `<outDir>/pagefind-recent/`, ...;
 *   src/lib/search.ts `searchParts`), and lists them in `<outDir>/pagefind/bundles.json`,
 *   the manifest the search page opens them by. Pagefind makes one index per `<html lang>`.
 * - `astro dev`: serves the bundles and the manifest from memory, indexing the story pages
 *   as the dev server renders them, on the first request and again after a story file changes.
 * - `astro preview` serves the built index from the output folder like any other file.
 *
 * `WIRE_SEARCH=off` skips indexing (the benchmark uses it to measure what search costs).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { eachLimited } from '../lib/precompress.ts';
import { isSearchBundle, readSearchFolders } from '../data/search-folders.ts';
import { answered, thenClose } from './pagefind-call.ts';
import type { ListingHandoff, SiteListing } from './tree.ts';
import {
  indexedSource,
  isStoryPage,
  manifestBundle,
  searchManifestPath,
  searchParts,
  sortDateOf,
  STORY_PAGES_GLOB,
  type SearchFolders,
  type SearchManifest,
  type SearchPart,
} from '../lib/search.ts';

/** Where the dev server lists the story pages it can render, for the dev index. */
export const DEV_STORY_PATHS = '/_search/story-paths.json';

/**
 * Indexing settings shared by build and dev, so both indexes are the same. Story pages mark
 * what is indexed with data-pagefind-body and data-pagefind-ignore; the dateline at the start
 * of a story's text is left out here (it is in the rendered Markdown, which carries no
 * Pagefind attributes), as it is searchable as metadata and shown with each result: a
 * result's excerpt starts with the text that follows it.
 */
const INDEX_CONFIG: pagefind.PagefindServiceConfig = { excludeSelectors: ['.story-body .dateline'] };

/**
 * Files Pagefind writes for its ready-made interfaces, which the search page does not use (it
 * runs on Pagefind's JavaScript API): left out of the output so that they are not deployed.
 */
const UNUSED_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** Pagefind's version (its package has no export of package.json: read it beside the entry point). */
const PAGEFIND_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }
).version;

function fail(what: string, errors: readonly string[]): never {
  throw new Error(`Search index: ${what} failed:\n  ${errors.join('\n  ')}`);
}

/** What the last build indexed, in the cache folder: each story page's size, mtime and date, and each bundle's key. */
interface IndexState {
  /** The output folder, Pagefind's version and the settings: a change of any starts afresh. */
  version: string;
  pages: Record<string, [size: number, mtimeMs: number, date: string, digest: string]>;
  bundles: Record<string, string>;
}

const STATE_FILE = 'search-index.json';
const STAGING = 'search-staging';

async function readState(path: string, version: string): Promise<IndexState> {
  try {
    const state = JSON.parse(await readFile(path, 'utf8')) as IndexState;
    if (state.version === version) return state;
  } catch {
    // no state yet, or unreadable: index everything
  }
  return { version, pages: {}, bundles: {} };
}

interface StoryPage {
  path: string;
  size: number;
  mtimeMs: number;
  date: string;
  /** A hash of what the index reads of the page (src/lib/search.ts `indexedSource`). */
  digest: string;
}

/**
 * The built story pages with their size and mtime, and their sort date and the digest of
 * what the index reads: from the last build's state for a page whose size and mtime are
 * unchanged (an incremental build leaves an unchanged page as it is), or else from the page.
 */
async function storyPages(dir: string, before: IndexState, listed?: SiteListing): Promise<StoryPage[]> {
  // From the incremental step's listing when it covers the stories: 100,000 stats fewer.
  const fromListing = listed?.within('stories') ? listed : undefined;
  const paths = fromListing
    ? [...fromListing.stamps.keys()].filter((path) => isStoryPage(path))
    : (await readdir(join(dir, 'stories')).catch(() => [] as string[])).map((slug) => `stories/${slug}/index.html`);
  const pages: StoryPage[] = [];
  await eachLimited(paths, 32, async (path) => {
    const info = fromListing
      ? fromListing.stamps.get(path)
      : await stat(join(dir, path)).then(
          (found) => (found.isFile() ? found : undefined),
          () => undefined,
        );
    if (!info) return;
    const known = before.pages[path];
    if (known && known[0] === info.size && known[1] === info.mtimeMs) {
      pages.push({ path, size: info.size, mtimeMs: info.mtimeMs, date: known[2], digest: known[3] });
      return;
    }
    const html = await readFile(join(dir, path), 'utf8');
    const date = sortDateOf(html);
    const indexed = indexedSource(html);
    if (date === undefined || indexed === undefined) {
      throw new Error(
        `Search index: ${path} has no ${date === undefined ? 'element with data-pagefind-sort="date[datetime]"' : 'article with data-pagefind-body'}, ` +
          'so it cannot be put in a search bundle',
      );
    }
    const digest = createHash('sha256').update(indexed).digest('base64url');
    pages.push({ path, size: info.size, mtimeMs: info.mtimeMs, date, digest });
  });
  // By code unit, as the paths are compared everywhere else: a third of the time of localeCompare.
  return pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A bundle's key: the pages it holds, each by path and what the index reads of it. */
function bundleKey(pages: readonly StoryPage[]): string {
  const hash = createHash('sha256');
  for (const page of pages) hash.update(`${page.path}\0${page.digest}\n`);
  return hash.digest('hex');
}

/**
 * A digest of a bundle's `pagefind-entry.json` in the output folder (it names each language
 * index by a hash of its content), or `none` when the bundle is not there.
 */
async function entryDigest(outputPath: string): Promise<string> {
  const entry = await readFile(join(outputPath, 'pagefind-entry.json')).catch(() => undefined);
  return entry ? createHash('sha256').update(entry).digest('base64url') : 'none';
}

/**
 * Writes one bundle: Pagefind reads the pages from the output folder itself when the bundle
 * holds every story, or else from a folder of hard links to just its pages (the same paths,
 * so the same URLs).
 */
async function writeBundle(dir: string, part: SearchPart<StoryPage>, all: number, cacheDir: string) {
  const { index, errors } = await answered(pagefind.createIndex(INDEX_CONFIG), 'starting');
  if (!index) fail('starting Pagefind', errors);
  const staging = join(cacheDir, STAGING);
  return thenClose(
    async () => {
      let source = dir;
      if (part.items.length < all) {
        source = staging;
        await rm(staging, { recursive: true, force: true });
        await eachLimited(part.items, 32, async (page) => {
          await mkdir(dirname(join(staging, page.path)), { recursive: true });
          await link(join(dir, page.path), join(staging, page.path)).catch(() =>
            copyFile(join(dir, page.path), join(staging, page.path)),
          );
        });
      }
      const pages = `reading the ${part.items.length} story page(s) of ${part.bundle}`;
      const added = await answered(index.addDirectory({ path: source, glob: STORY_PAGES_GLOB }), pages);
      if (added.errors.length > 0) fail(`reading the story pages in ${source}`, added.errors);
      const outputPath = join(dir, part.bundle);
      const written = await answered(
        index.writeFiles({ outputPath }),
        `writing ${part.bundle} (${part.items.length} story pages)`,
      );
      if (written.errors.length > 0) fail(`writing ${outputPath}`, written.errors);
      await Promise.all(UNUSED_UI_FILES.map((file) => rm(join(outputPath, file), { force: true })));
      return added.page_count;
    },
    async () => {
      try {
        await answered(index.deleteIndex(), `closing ${part.bundle}`);
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    },
  );
}

/**
 * Indexes the built story pages into the search bundles (src/lib/search.ts `searchParts`).
 * A bundle whose pages are the same paths with the same indexed part as last build (a
 * story page re-rendered only for its related list counts as unchanged) is left as it is;
 * any other is deleted and written again, so no stale index file survives. Bundles no
 * story needs any more are deleted.
 */
async function indexBuiltSite(
  dir: string,
  cacheDir: string,
  folders: SearchFolders,
  logger: AstroIntegrationLogger,
  listed?: SiteListing,
): Promise<void> {
  const started = performance.now();
  const statePath = join(cacheDir, STATE_FILE);
  const version = JSON.stringify([dir, PAGEFIND_VERSION, INDEX_CONFIG, UNUSED_UI_FILES]);
  const before = await readState(statePath, version);
  const pages = await storyPages(dir, before, listed);
  const parts = searchParts(pages, (page) => page.date, folders);
  const after: IndexState = { version, pages: {}, bundles: {} };
  for (const page of pages) after.pages[page.path] = [page.size, page.mtimeMs, page.date, page.digest];
  const report: string[] = [];
  await thenClose(
    async () => {
      for (const part of parts) {
        const outputPath = join(dir, part.bundle);
        // The pages' key, and the bundle on disk as this cache last wrote it: a bundle written
        // since by another build (another cache folder, a build stopped before it saved its
        // state) does not match, and is written again.
        const pagesKey = bundleKey(part.items);
        const key = `${pagesKey} ${await entryDigest(outputPath)}`;
        if (before.bundles[part.bundle] === key) {
          report.push(`${part.bundle} ${part.items.length} unchanged`);
          after.bundles[part.bundle] = key;
        } else {
          // Pagefind adds to a folder without clearing it: start from an empty one.
          await rm(outputPath, { recursive: true, force: true });
          const count = await writeBundle(dir, part, pages.length, cacheDir);
          report.push(`${part.bundle} ${count} indexed`);
          after.bundles[part.bundle] = `${pagesKey} ${await entryDigest(outputPath)}`;
        }
      }
    },
    () => answered(pagefind.close(), 'closing'),
  );
  await removeBundlesExcept(
    dir,
    parts.map((part) => part.bundle),
  );
  await writeManifest(dir, folders, parts);
  await mkdir(cacheDir, { recursive: true });
  await writeFile(`${statePath}.tmp`, JSON.stringify(after));
  await rename(`${statePath}.tmp`, statePath);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  logger.info(`search: ${pages.length} story page(s); ${report.join('; ') || 'no bundles'} (${seconds} s)`);
}

/**
 * Writes the search manifest (src/lib/search.ts `SearchManifest`) into the main bundle's
 * folder: each bundle written, with the languages and page counts of its
 * `pagefind-entry.json`. The search page reads it to know which bundles to open. A
 * manifest that is already as it should be is left alone (its date too).
 */
async function writeManifest(dir: string, folders: SearchFolders, parts: readonly SearchPart<unknown>[]) {
  const bundles = await Promise.all(
    parts.map(async (part) =>
      manifestBundle(part, await readFile(join(dir, part.bundle, 'pagefind-entry.json'), 'utf8')),
    ),
  );
  const manifest: SearchManifest = { bundles };
  const path = join(dir, searchManifestPath(folders.main));
  const text = `${JSON.stringify(manifest)}\n`;
  if ((await readFile(path, 'utf8').catch(() => undefined)) === text) return;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}

/**
 * Deletes the search bundles of the output folder other than `keep` (all of them when search
 * is off), half-written ones included. Top-level folder names of the `pagefind-YYYY-MM` form
 * are the search step's alone: no route or public file may use one.
 */
async function removeBundlesExcept(dir: string, keep: readonly string[]): Promise<void> {
  const kept = new Set(keep.map((bundle) => bundle.replace(/^\/+|\/+$/g, '')));
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && isSearchBundle(entry.name) && !kept.has(entry.name)) {
      await rm(join(dir, entry.name), { recursive: true, force: true });
    }
  }
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** The dev server's in-memory index: built on first use, dropped when a story changes. */
function devIndex(folders: SearchFolders, logger: AstroIntegrationLogger) {
  let files: Promise<Map<string, Uint8Array>> | undefined;

  /** Fetches every story page from the dev server and indexes it into the same bundles as a build. */
  async function build(origin: string): Promise<Map<string, Uint8Array>> {
    const response = await fetch(`${origin}${DEV_STORY_PATHS}`);
    if (!response.ok) throw new Error(`${DEV_STORY_PATHS} answered ${response.status}`);
    const paths = (await response.json()) as string[];
    const pages: { url: string; content: string; date: string }[] = [];
    for (let i = 0; i < paths.length; i += 8) {
      await Promise.all(
        paths.slice(i, i + 8).map(async (url) => {
          const page = await fetch(`${origin}${url}`);
          if (!page.ok) throw new Error(`${url} answered ${page.status}`);
          const content = await page.text();
          const date = sortDateOf(content);
          if (date === undefined) throw new Error(`${url} has no element with data-pagefind-sort="date[datetime]"`);
          pages.push({ url, content, date });
        }),
      );
    }
    const files = new Map<string, Uint8Array>();
    const parts = searchParts(pages, (page) => page.date, folders);
    for (const part of parts) {
      const { index, errors } = await pagefind.createIndex(INDEX_CONFIG);
      if (!index) fail('starting Pagefind', errors);
      try {
        for (const { url, content } of part.items) {
          const added = await index.addHTMLFile({ url, content });
          if (added.errors.length > 0) fail(`indexing ${url}`, added.errors);
        }
        const built = await index.getFiles();
        if (built.errors.length > 0) fail('building the dev index', built.errors);
        for (const file of built.files) files.set(`${part.bundle}${file.path.replaceAll('\\', '/')}`, file.content);
      } finally {
        await index.deleteIndex();
      }
      logger.info(`dev search index: ${part.items.length} story page(s) in ${part.bundle}`);
    }
    const entries = new TextDecoder();
    const manifest: SearchManifest = {
      bundles: parts.map((part) =>
        manifestBundle(part, entries.decode(files.get(`${part.bundle}pagefind-entry.json`) ?? new Uint8Array())),
      ),
    };
    files.set(searchManifestPath(folders.main), new TextEncoder().encode(`${JSON.stringify(manifest)}\n`));
    return files;
  }

  return {
    invalidate() {
      files = undefined;
    },
    /** Answers a request for a file of a search bundle (any other request goes on to `next`). */
    async serve(request: IncomingMessage, response: ServerResponse, next: () => void) {
      const url = (request.url ?? '/').split('?')[0] ?? '/';
      if (!isSearchBundle(url.split('/')[1] ?? '')) return next();
      try {
        const path = decodeURIComponent(url);
        files ??= build(`http://${request.headers.host ?? 'localhost'}`);
        const body = await (files.catch((error: unknown) => {
          files = undefined;
          throw error;
        }) as Promise<Map<string, Uint8Array>>);
        const file = body.get(path);
        if (!file) return next();
        response.setHeader('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
        response.setHeader('Cache-Control', 'no-store');
        response.end(file);
      } catch (error) {
        logger.error(`dev search index: ${error instanceof Error ? error.message : String(error)}`);
        response.statusCode = 500;
        response.end('The dev search index could not be built; see the dev server log.');
      }
    },
  };
}

/** Throws a clear error when the build's output folder is not where the hook says. */
async function assertFolder(dir: string): Promise<void> {
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) {
    throw new Error(`Search index: the build output folder ${dir} does not exist`);
  }
}

/**
 * The Astro integration that gives the site its search index. With `background`, its
 * `astro:build:done` hook starts the indexing and returns, so that the integrations after it
 * run meanwhile (Pagefind works in a process of its own, on about one core); one of them must
 * then await `indexed()`, which settles with the indexing (and rejects with its error).
 *
 * @example
 * // astro.config.mjs
 * integrations: [searchIndex()],
 * const search = searchIndex({ background: true }); // and a later step awaits search.indexed()
 */
export function searchIndex({
  background = false,
  handoff,
}: {
  background?: boolean;
  /** The incremental step's listing of the output (src/integrations/tree.ts), read instead of statting every story page. */
  handoff?: ListingHandoff;
} = {}): AstroIntegration & {
  indexed: () => Promise<void>;
} {
  const enabled = process.env.WIRE_SEARCH !== 'off';
  const folders = readSearchFolders();
  let cacheDir = '';
  let indexing: Promise<void> = Promise.resolve();
  return {
    indexed: () => indexing,
    name: 'wire-reader:search-index',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev' && enabled) {
          injectRoute({
            pattern: DEV_STORY_PATHS,
            entrypoint: fileURLToPath(new URL('./dev-story-paths.ts', import.meta.url)),
            prerender: false,
          });
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!enabled) return;
        const index = devIndex(folders, logger);
        server.middlewares.use((request, response, next) => void index.serve(request, response, next));
        server.watcher.on('all', (_event, file) => {
          if (file.endsWith('.md') || file.endsWith('.astro')) index.invalidate();
        });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const folder = fileURLToPath(dir);
        // Read now, before any await: it describes the site as the pages left it.
        const listed = handoff?.current();
        indexing = (async () => {
          await assertFolder(folder);
          if (!enabled) {
            await removeBundlesExcept(folder, []);
            logger.info('WIRE_SEARCH=off: no search index built');
            return;
          }
          await indexBuiltSite(folder, cacheDir, folders, logger, listed);
        })();
        if (!background) return indexing;
        // Awaited by a later step (indexed()); until then, a failure is not an unhandled rejection.
        indexing.catch(() => undefined);
      },
    },
  };
}
