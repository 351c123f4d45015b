/**
 * Lets go of the content store's remembered lines once a build has written the store.
 *
 * The chunked store's fix (src/lib/vendor-patch.ts) remembers, by entry, the line each entry
 * was read from or written as, so that the next write in the same process copies unchanged
 * entries instead of serialising them again. A build writes the store once, in its content
 * sync, which ends before `astro:build:start`; after that the lines only take memory, as much
 * as the store's whole text (about 190 MB at 100,000 stories). The dev server, which writes
 * the store at every change, keeps them.
 */
import type { AstroIntegration } from 'astro';
import { STORE_LINES } from '../lib/registries.ts';

/**
 * The integration: at `astro:build:start`, the map of remembered lines is dropped.
 *
 * @example
 * // astro.config.mjs
 * integrations: [storeLinesDroppedAfterSync()];
 */
export function storeLinesDroppedAfterSync(): AstroIntegration {
  return {
    name: 'wire-reader-store-lines',
    hooks: {
      'astro:build:start': () => {
        delete (globalThis as Record<symbol, unknown>)[Symbol.for(STORE_LINES)];
      },
    },
  };
}
