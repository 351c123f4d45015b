// @ts-check
import { defineConfig } from 'astro/config';
import { incremental } from './src/integrations/incremental.ts';
import { SITE } from './src/lib/site.ts';

// The public address feeds and canonical links are made absolute against.
// Set SITE_URL when deploying somewhere else than SITE.url.
const site = process.env.SITE_URL ?? SITE.url;

export default defineConfig({
  site,
  trailingSlash: 'always',
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
  // incremental() integration deletes what the build no longer makes. It must stay the
  // first integration: steps that write into dist/ after the build come after it.
  // `astro build --force` renders every page again.
  experimental: { incrementalBuild: true },
  vite: { build: { emptyOutDir: false } },
  integrations: [incremental()],
  devToolbar: { enabled: false },
});
