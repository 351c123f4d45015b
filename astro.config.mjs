// @ts-check
import { defineConfig } from 'astro/config';
import deployFiles from './src/integrations/deploy.ts';
import { incremental } from './src/integrations/incremental.ts';
import { listingHandoff } from './src/integrations/tree.ts';
import { isSearchBundle } from './src/data/search-folders.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import cards, { isCardsFolder } from './src/integrations/cards.ts';
import { oneBuildPerCheckout } from './src/integrations/checkout-lock.ts';
import { storeLinesDroppedAfterSync } from './src/integrations/store-lines.ts';
import { memoryHandedBack } from './src/integrations/release-memory.ts';
import { SITE, siteUrlProblem } from './src/lib/site.ts';

// The public address feeds and canonical links are made absolute against.
// Set SITE_URL when deploying somewhere else than SITE.url.
const site = process.env.SITE_URL || SITE.url;

/**
 * Deploy safety: a production build without a real SITE_URL warns loudly, and fails under
 * `npm run build -- --strict` (what the deploy docs use). A SITE_URL that is not an
 * http(s) address fails every build.
 * @type {import('astro').AstroIntegration}
 */
const deploySafety = {
  name: 'wire-reader-deploy-safety',
  hooks: {
    'astro:config:setup': ({ command, logger }) => {
      if (command !== 'build') return;
      const problem = siteUrlProblem(process.env.SITE_URL);
      if (!problem) return;
      if (problem.fatal) throw new Error(problem.message);
      if (process.argv.includes('--strict')) {
        throw new Error(`${problem.message}. Set SITE_URL=https://your.site (strict build).`);
      }
      const rule = '!'.repeat(72);
      logger.warn(
        `\n${rule}\n!! NOT DEPLOYABLE: ${problem.message}.\n!! Set SITE_URL=https://your.site; ` +
          `\`npm run build -- --strict\` fails instead of warning.\n${rule}`,
      );
    },
  },
};

// Pagefind indexes in a process of its own, on about one core, and the share cards are drawn
// in worker threads: the deploy step compresses the rest of the site meanwhile, and the cards
// and the search bundles once each is written.
// The incremental step lists and stamps dist/ (but the cards and the search bundles) once it
// has pruned it; the search and deploy steps read that listing rather than walk dist/ again.
const listing = listingHandoff();
const search = searchIndex({ background: true, handoff: listing });
const shareCards = cards({ background: true });

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Deploy checks; incremental() deletes every file of dist/ this build neither wrote nor kept
  // (first, so no later step sees a stale page), except the search bundles and the share
  // cards, whose steps keep, rewrite or delete them themselves; the Pagefind search index of
  // the story pages, built after the pages and served in dev too (started first: it takes
  // longest); share cards, rendered after the pages in worker threads with a cache across
  // builds; deployFiles last, so it sees every file (cards, search index): response headers
  // with a hash-based CSP, .gz/.br, made for the rest of the site while the cards and the
  // search bundles are written, and for those once each is written.
  integrations: [
    // First: builds of one checkout share Astro's .astro/ folder, so they take turns.
    oneBuildPerCheckout(),
    deploySafety,
    // The content store is written by then: its remembered lines only take memory.
    storeLinesDroppedAfterSync(),
    // After it (so the lines are let go first) and after the pages: V8's freed pages go back to the system.
    memoryHandedBack(),
    incremental({ leave: (folder) => isSearchBundle(folder) || isCardsFolder(folder), handoff: listing }),
    search,
    shareCards,
    deployFiles({
      handoff: listing,
      alongside: [
        { what: 'the share cards', holds: isCardsFolder, done: shareCards.placed },
        { what: 'the search index', holds: isSearchBundle, done: search.indexed },
      ],
    }),
  ],
  // Tests and the benchmark build elsewhere without touching dist/ or the shared cache.
  outDir: process.env.WIRE_OUT_DIR ?? './dist',
  ...(process.env.WIRE_CACHE_DIR && { cacheDir: process.env.WIRE_CACHE_DIR }),
  // Two files giving one story id is an error, not a silent overwrite.
  prerenderConflictBehavior: 'error',
  build: {
    format: 'directory',
    // All CSS inline: a story page is one request and fits in the first round trip.
    inlineStylesheets: 'always',
  },
  // Incremental builds (README, "Publishing fast"): a page whose cache key (src/data/pages.ts)
  // and code are unchanged is left in dist/ as it is; dist/ is not emptied, and the
  // incremental() integration deletes what the build no longer makes. It runs before the
  // steps that read or write dist/ after the pages (cards, search indexing, compression), so
  // a killed or deleted story's old page is gone before anything indexes or hashes it.
  // `astro build --force` renders every page again.
  // The content store in chunks, one line per story: a changed story serialises its own line
  // only (a fix to Astro 7.3.5 in src/lib/vendor-patch.ts), where the single-file store
  // serialises the whole archive again at every change.
  experimental: { incrementalBuild: true, collectionStorage: 'chunked' },
  vite: { build: { emptyOutDir: false } },
  devToolbar: { enabled: false },
});
