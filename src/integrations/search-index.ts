/**
 * Builds the archive's Pagefind search index with Pagefind's Node API.
 *
 * - `astro build`: once the pages are written, indexes the built story pages (and only
 *   them) into `<outDir>/pagefind/`. Pagefind makes one index per `<html lang>`.
 * - `astro dev`: serves `/pagefind/` from memory, indexing the story pages as the dev
 *   server renders them, on the first request and again after a story file changes.
 * - `astro preview` serves the built index from the output folder like any other file.
 *
 * `WIRE_SEARCH=off` skips indexing (the benchmark uses it to measure what search costs).
 */
import { rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { STORY_PAGES_GLOB } from '../lib/search.ts';
import { SITE } from '../lib/site.ts';

/** Where the dev server lists the story pages it can render, for the dev index. */
export const DEV_STORY_PATHS = '/_search/story-paths.json';

/**
 * Indexing settings shared by build and dev, so both indexes are the same. Story pages mark
 * what is indexed with data-pagefind-body and data-pagefind-ignore.
 */
const INDEX_CONFIG: pagefind.PagefindServiceConfig = {};

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

function fail(what: string, errors: readonly string[]): never {
  throw new Error(`Search index: ${what} failed:\n  ${errors.join('\n  ')}`);
}

async function indexBuiltSite(dir: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex(INDEX_CONFIG);
  if (!index) fail('starting Pagefind', errors);
  try {
    const added = await index.addDirectory({ path: dir, glob: STORY_PAGES_GLOB });
    if (added.errors.length > 0) fail(`reading the story pages in ${dir}`, added.errors);
    const outputPath = join(dir, SITE.searchBundlePath);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) fail(`writing ${outputPath}`, written.errors);
    await Promise.all(UNUSED_UI_FILES.map((file) => rm(join(outputPath, file), { force: true })));
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    logger.info(`indexed ${added.page_count} story page(s) for search in ${seconds} s`);
  } finally {
    await pagefind.close();
  }
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** The dev server's in-memory index: built on first use, dropped when a story changes. */
function devIndex(logger: AstroIntegrationLogger) {
  let files: Promise<Map<string, Uint8Array>> | undefined;

  async function build(origin: string): Promise<Map<string, Uint8Array>> {
    const response = await fetch(`${origin}${DEV_STORY_PATHS}`);
    if (!response.ok) throw new Error(`${DEV_STORY_PATHS} answered ${response.status}`);
    const paths = (await response.json()) as string[];
    const { index, errors } = await pagefind.createIndex(INDEX_CONFIG);
    if (!index) fail('starting Pagefind', errors);
    try {
      for (let i = 0; i < paths.length; i += 8) {
        await Promise.all(
          paths.slice(i, i + 8).map(async (path) => {
            const page = await fetch(`${origin}${path}`);
            if (!page.ok) throw new Error(`${path} answered ${page.status}`);
            const added = await index.addHTMLFile({ url: path, content: await page.text() });
            if (added.errors.length > 0) fail(`indexing ${path}`, added.errors);
          }),
        );
      }
      const built = await index.getFiles();
      if (built.errors.length > 0) fail('building the dev index', built.errors);
      logger.info(`dev search index: ${paths.length} story page(s)`);
      return new Map(built.files.map((file) => [`/${file.path.replaceAll('\\', '/')}`, file.content]));
    } finally {
      await index.deleteIndex();
    }
  }

  return {
    invalidate() {
      files = undefined;
    },
    async serve(request: IncomingMessage, response: ServerResponse, next: () => void) {
      const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
      try {
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
 * The Astro integration that gives the site its search index.
 *
 * @example
 * // astro.config.mjs
 * integrations: [searchIndex()],
 */
export function searchIndex(): AstroIntegration {
  const enabled = process.env.WIRE_SEARCH !== 'off';
  return {
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
        const index = devIndex(logger);
        server.middlewares.use(SITE.searchBundlePath, (request, response, next) => {
          // Connect strips the mount path; Pagefind's files are keyed from the bundle root.
          void index.serve(request, response, next);
        });
        server.watcher.on('all', (_event, file) => {
          if (file.endsWith('.md') || file.endsWith('.astro')) index.invalidate();
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!enabled) {
          logger.info('WIRE_SEARCH=off: no search index built');
          return;
        }
        const folder = fileURLToPath(dir);
        await assertFolder(folder);
        await indexBuiltSite(folder, logger);
      },
    },
  };
}
