/**
 * Renders the share cards after the pages are built. Pages name their card by a hash of what
 * it shows; /cards/manifest.json (src/pages/cards/manifest.json.ts) lists them all. Cards
 * already in the cache folder are copied; the rest are rendered in worker threads and kept
 * there for the next build. The manifest is removed from the built site.
 *
 * The step owns the output's `cards/` folder: a card the site already holds is left as it is,
 * and a card no page names any more is deleted here (the incremental step leaves the folder
 * alone, see {@link isCardsFolder}).
 *
 * The cache lives in Astro's cache folder (`node_modules/.astro`, or `WIRE_CACHE_DIR`) under
 * `wire-cards/<satori>-<resvg>-<fonts>/`: a new renderer or font version starts afresh.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { CardColours } from '../lib/card-render.ts';
import type { CardContent } from '../lib/cards.ts';

/** What src/pages/cards/manifest.json.ts writes. */
export interface CardManifest {
  colours: CardColours;
  cards: { key: string; content: CardContent }[];
}

/** The site path of the manifest, removed after the cards are in place. */
export const CARD_MANIFEST = '/cards/manifest.json';

/** The output folder the cards step writes, and alone deletes from. */
const CARDS_FOLDER = 'cards';

/**
 * Whether a top-level folder of the output is the share cards' (`cards`), which the cards
 * step fills and prunes itself.
 *
 * @example
 * incremental({ leave: (folder) => isSearchBundle(folder) || isCardsFolder(folder) });
 */
export function isCardsFolder(folder: string): boolean {
  return folder === CARDS_FOLDER;
}

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
 * Puts the cards a build's pages name into the output's cards folder, from the cache or
 * rendered into it, and deletes the folder's other files (cards no page names any more, the
 * manifest). A card already there with the cached card's bytes is left as it is, so its
 * file and modification time do not change from build to build.
 */
async function placeCards(out: string, cacheRoot: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const manifestFile = join(out, CARD_MANIFEST);
  if (!existsSync(manifestFile)) {
    throw new Error(`${CARD_MANIFEST} was not built: src/pages/cards/manifest.json.ts lists the share cards`);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as CardManifest;
  rmSync(manifestFile);
  mkdirSync(cacheRoot, { recursive: true });
  const cardsDir = join(out, CARDS_FOLDER);
  mkdirSync(cardsDir, { recursive: true });
  const wanted = new Set(manifest.cards.map((card) => `${card.key}.png`));
  let removed = 0;
  for (const name of readdirSync(cardsDir)) {
    if (!wanted.has(name)) {
      rmSync(join(cardsDir, name), { recursive: true, force: true });
      removed++;
    }
  }
  const place = (key: string) => {
    const card = readFileSync(join(cacheRoot, `${key}.png`));
    const to = join(cardsDir, `${key}.png`);
    if (!existsSync(to) || !readFileSync(to).equals(card)) writeFileSync(to, card);
  };
  const missing = manifest.cards.filter((card) => !existsSync(join(cacheRoot, `${card.key}.png`)));
  const cached = manifest.cards.length - missing.length;
  const toRender = new Set(missing);
  for (const card of manifest.cards) if (!toRender.has(card)) place(card.key);
  if (missing.length > 0) await renderInWorkers(missing, manifest.colours, cacheRoot, place);
  const pruned = pruneCache(cacheRoot, wanted);
  const seconds = (performance.now() - started) / 1000;
  logger.info(
    `${manifest.cards.length} share cards: ${missing.length} rendered, ${cached} from the cache` +
      `${pruned > 0 ? `, ${pruned} unused removed from it` : ''}` +
      `${removed > 0 ? `; ${removed} no page names removed from the site` : ''} (${seconds.toFixed(2)} s)`,
  );
  const report = process.env.WIRE_CARD_REPORT;
  if (report) {
    writeFileSync(report, JSON.stringify({ cards: manifest.cards.length, rendered: missing.length, cached, seconds }));
  }
}

/**
 * The Astro integration that renders share cards at build time, with a cache across builds.
 * With `background`, its `astro:build:done` hook starts the work and returns, so that the
 * integrations after it run meanwhile (the cards are drawn in worker threads); one of them
 * must then await `placed()`, which settles when the cards are in place (and rejects with the
 * step's error). `WIRE_CARD_REPORT` names a file to write the figures to (used by `npm run bench`).
 *
 * @example
 * // astro.config.mjs
 * integrations: [cards()];
 * const shareCards = cards({ background: true }); // and a later step awaits shareCards.placed()
 */
export default function cards({ background = false }: { background?: boolean } = {}): AstroIntegration & {
  placed: () => Promise<void>;
} {
  let cacheRoot = '';
  let placing: Promise<void> = Promise.resolve();
  return {
    placed: () => placing,
    name: 'wire-reader-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheRoot = join(fileURLToPath(config.cacheDir), 'wire-cards', rendererVersion());
      },
      'astro:build:done': async ({ dir, logger }) => {
        placing = placeCards(fileURLToPath(dir), cacheRoot, logger);
        if (!background) return placing;
        // Awaited by a later step (placed()); until then, a failure is not an unhandled rejection.
        placing.catch(() => undefined);
      },
    },
  };
}
