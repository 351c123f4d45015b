/**
 * Renders the share cards after the pages are built. Pages name their card by a hash of what
 * it shows; /cards/manifest.json (src/pages/cards/manifest.json.ts) lists them all. Cards
 * already in the cache folder are copied; the rest are rendered in worker threads and kept
 * there for the next build. The manifest is removed from the built site.
 *
 * The cache lives in Astro's cache folder (`node_modules/.astro`, or `WIRE_CACHE_DIR`) under
 * `wire-cards/<satori>-<resvg>-<fonts>/`: a new renderer or font version starts afresh.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import type { CardColours } from '../lib/card-render.ts';
import type { CardContent } from '../lib/cards.ts';

/** What src/pages/cards/manifest.json.ts writes. */
export interface CardManifest {
  colours: CardColours;
  cards: { key: string; content: CardContent }[];
}

/** The site path of the manifest, removed after the cards are in place. */
export const CARD_MANIFEST = '/cards/manifest.json';

/** Days an unused card stays in the cache: long enough for a story to come back to the front. */
const KEEP_UNUSED_DAYS = 30;

/**
 * Keeps the cache from growing without end: cards this build used are marked as used now;
 * cards unused for KEEP_UNUSED_DAYS, and the folders of other renderer versions, are removed.
 */
function pruneCache(cacheRoot: string, used: ReadonlySet<string>): number {
  const now = new Date();
  const oldest = now.getTime() - KEEP_UNUSED_DAYS * 86_400_000;
  let removed = 0;
  for (const name of readdirSync(cacheRoot)) {
    const file = join(cacheRoot, name);
    if (used.has(name)) utimesSync(file, now, now);
    else if (statSync(file).mtimeMs < oldest) {
      rmSync(file, { force: true });
      removed++;
    }
  }
  const versions = dirname(cacheRoot);
  for (const version of readdirSync(versions)) {
    if (version !== basename(cacheRoot)) rmSync(join(versions, version), { recursive: true, force: true });
  }
  return removed;
}

/** Cards per worker below which another worker costs more (fonts, warm-up) than it saves. */
const CARDS_PER_WORKER = 16;

/**
 * Cards one worker draws before it is replaced by a fresh one. resvg-js 2.6 keeps each
 * image's pixels outside the JavaScript heap until a garbage collection that its small
 * wrappers seldom cause (about 3.5 MB a card); ending the worker frees them, so memory stays
 * flat however many cards are drawn, for a worker start-up (~0.3 s) per 32 cards.
 */
const CARDS_PER_BATCH = 32;

function rendererVersion(): string {
  const require = createRequire(import.meta.url);
  const version = (name: string) =>
    (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  return [
    `satori-${version('satori')}`,
    `resvg-${version('@resvg/resvg-js')}`,
    `noto-${version('@fontsource/noto-sans')}-${version('@fontsource/noto-sans-arabic')}`,
  ].join('_');
}

async function renderInWorkers(
  cards: CardManifest['cards'],
  colours: CardColours,
  cacheDir: string,
  onCard: (key: string) => void,
): Promise<void> {
  const script = new URL('./card-worker.ts', import.meta.url);
  const lanes = Math.max(1, Math.min(availableParallelism(), Math.ceil(cards.length / CARDS_PER_WORKER)));
  const batches: CardManifest['cards'][] = [];
  for (let start = 0; start < cards.length; start += CARDS_PER_BATCH) {
    batches.push(cards.slice(start, start + CARDS_PER_BATCH));
  }
  const runBatch = (batch: CardManifest['cards']) =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData: { cards: batch, colours, cacheDir } });
      worker.on('message', onCard);
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`card worker exited with ${code}`))));
    });
  // Each lane takes the next batch until none is left.
  const lane = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) await runBatch(batch);
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

/**
 * The Astro integration that renders share cards at build time, with a cache across builds.
 * `WIRE_CARD_REPORT` names a file to write the figures to (used by `npm run bench`).
 *
 * @example
 * // astro.config.mjs
 * integrations: [cards()];
 */
export default function cards(): AstroIntegration {
  let cacheRoot = '';
  return {
    name: 'wire-reader-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheRoot = join(fileURLToPath(config.cacheDir), 'wire-cards', rendererVersion());
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const manifestFile = join(out, CARD_MANIFEST);
        if (!existsSync(manifestFile)) {
          throw new Error(`${CARD_MANIFEST} was not built: src/pages/cards/manifest.json.ts lists the share cards`);
        }
        const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as CardManifest;
        rmSync(manifestFile);
        mkdirSync(cacheRoot, { recursive: true });
        const cardsDir = join(out, 'cards');
        mkdirSync(cardsDir, { recursive: true });
        const place = (key: string) => copyFileSync(join(cacheRoot, `${key}.png`), join(cardsDir, `${key}.png`));
        const missing = manifest.cards.filter((card) => !existsSync(join(cacheRoot, `${card.key}.png`)));
        const cached = manifest.cards.length - missing.length;
        const toRender = new Set(missing);
        for (const card of manifest.cards) if (!toRender.has(card)) place(card.key);
        if (missing.length > 0) await renderInWorkers(missing, manifest.colours, cacheRoot, place);
        const pruned = pruneCache(cacheRoot, new Set(manifest.cards.map((card) => `${card.key}.png`)));
        const seconds = (performance.now() - started) / 1000;
        logger.info(
          `${manifest.cards.length} share cards: ${missing.length} rendered, ${cached} from the cache` +
            `${pruned > 0 ? `, ${pruned} unused removed from it` : ''} (${seconds.toFixed(2)} s)`,
        );
        const report = process.env.WIRE_CARD_REPORT;
        if (report) {
          writeFileSync(
            report,
            JSON.stringify({ cards: manifest.cards.length, rendered: missing.length, cached, seconds }),
          );
        }
      },
    },
  };
}
