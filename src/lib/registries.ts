/**
 * Names of the process-wide registries on `globalThis` (each under `Symbol.for(name)`),
 * shared by code that cannot import each other: the fixes to Astro
 * (src/lib/vendor-patch.ts), the page code Vite bundles afresh for every build, and the
 * publisher's builder. They sit apart from the fixes so that page code imports only these
 * names: a module a page imports is part of the code hash of every page, and a change to a
 * fix would otherwise render the whole archive again.
 */

/**
 * Where the chunked content store's lines are remembered, by entry: a WeakMap on `globalThis`
 * under `Symbol.for(STORE_LINES)`, shared by Astro's reader and writer.
 *
 * @example
 * (globalThis as Record<symbol, unknown>)[Symbol.for(STORE_LINES)]; // WeakMap or undefined
 */
export const STORE_LINES = 'wire-reader.astro-store-lines';

/**
 * Where a process that runs many builds collects the release functions of each build's
 * memos (src/data/build-memo.ts): a Set on `globalThis` under `Symbol.for(BUILD_MEMOS)`,
 * present only in such a process.
 *
 * @example
 * (globalThis as Record<symbol, unknown>)[Symbol.for(BUILD_MEMOS)]; // Set in the publisher's builder
 */
export const BUILD_MEMOS = 'wire-reader.build-memos';

/**
 * Where a process that runs many builds keeps values from one build to the next
 * (src/data/build-memo.ts, `acrossBuilds`): a Map on `globalThis` under
 * `Symbol.for(KEPT_ACROSS_BUILDS)`, by name, each with the identity of the code that made it.
 *
 * @example
 * (globalThis as Record<symbol, unknown>)[Symbol.for(KEPT_ACROSS_BUILDS)]; // Map in the publisher's builder
 */
export const KEPT_ACROSS_BUILDS = 'wire-reader.kept-across-builds';

/**
 * Where each build leaves the hash of its pages' code (a fix to Astro, src/lib/vendor-patch.ts):
 * a string on `globalThis` under `Symbol.for(CODE_HASH)`, made of the code hash Astro's
 * incremental build gives each page (every module a page imports, the content store left
 * out). It changes when any code a page runs changes, and only then.
 *
 * @example
 * (globalThis as Record<symbol, unknown>)[Symbol.for(CODE_HASH)]; // 'src/pages/index.astro 5f1c…' once a build has bundled
 */
export const CODE_HASH = 'wire-reader.code-hash';
