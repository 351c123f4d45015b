/**
 * Data worked out once per build and shared by all its pages: the archive, the sitemap files.
 *
 * Astro imports a build's page code afresh for every build, and Node never unloads a module.
 * A plain module-level memo therefore keeps each build's archive alive for as long as the
 * process runs. In `astro build` that is one build. The publisher's builder
 * (src/cli/publisher-builder.ts) builds again and again in one process, and every build
 * would leave its archive behind (with Astro's route cache, emptied by a fix in
 * src/lib/vendor-patch.ts: about 65 MB a build at 10,000 stories).
 *
 * A memo made here is held as usual, but a process that runs many builds can let go of it.
 * It calls {@link collectBuildMemos} before its first build, then {@link releaseBuildMemos}
 * after each. The registry lives on `globalThis`, the one object shared by the builder and
 * the page code Vite bundles for each build; a fix to Astro (src/lib/vendor-patch.ts) puts
 * the release of each build's content store there too. Where no process collects memos
 * (`astro build`, `astro dev`), nothing is registered and nothing changes.
 */

import { BUILD_MEMOS, CODE_HASH, KEPT_ACROSS_BUILDS } from '../lib/registries.ts';

const REGISTRY = Symbol.for(BUILD_MEMOS);
const KEPT = Symbol.for(KEPT_ACROSS_BUILDS);
const CODE = Symbol.for(CODE_HASH);

/** The memos' release functions, while a process collects them. */
type Registry = Set<() => void>;
/** Values kept from one build to the next, by name, with the code that made them. */
type Kept = Map<string, { code: string; value: unknown }>;
const holder = globalThis as { [REGISTRY]?: Registry; [KEPT]?: Kept };

/**
 * A function that runs `make` on its first call and returns that same result until the
 * memo is released (see the module comment); after that, the next call runs `make` again.
 * Only the first call's arguments reach `make`: a memo is for what a build has one of.
 *
 * @example
 * export const getArchive = buildMemo(load); // the same promise for every page of a build
 */
export function buildMemo<A extends unknown[], T>(make: (...args: A) => T): (...args: A) => T {
  let held: { value: T } | undefined;
  return (...args) => {
    if (!held) {
      held = { value: make(...args) };
      onBuildRelease(() => {
        held = undefined;
      });
    }
    return held.value;
  };
}

/**
 * Registers `release` to run when a process that collects memos lets go of this build's
 * (see {@link releaseBuildMemos}); does nothing elsewhere. For state a build's own code
 * holds that is not a memo, such as a listing handed between its steps.
 *
 * @example
 * onBuildRelease(() => { held = undefined; });
 */
export function onBuildRelease(release: () => void): void {
  holder[REGISTRY]?.add(release);
}

/**
 * Starts collecting the memos of the builds this process runs, for {@link releaseBuildMemos}.
 *
 * @example
 * collectBuildMemos(); // once, in a process that runs Astro's build() many times
 */
export function collectBuildMemos(): void {
  holder[REGISTRY] ??= new Set();
}

/**
 * Whether this process runs many builds ({@link collectBuildMemos} was called): the
 * publisher's builder.
 *
 * @example
 * runsManyBuilds(); // false in `astro build`, true in the publisher's builder
 */
export function runsManyBuilds(): boolean {
  return holder[REGISTRY] !== undefined;
}

/**
 * Lets go of every memo made since the last release, so that a finished build's data can
 * be garbage collected. Returns how many there were.
 *
 * @example
 * await build({ root });
 * releaseBuildMemos(); // 2: the archive and the sitemap files
 */
export function releaseBuildMemos(): number {
  const releases = holder[REGISTRY];
  if (!releases) return 0;
  const count = releases.size;
  for (const release of releases) release();
  releases.clear();
  return count;
}

/** The hash of this build's page code, which a fix to Astro leaves on `globalThis` (see `CODE_HASH`). */
const codeHash = () => (globalThis as { [CODE]?: string })[CODE];

/**
 * A value made once and used again by later builds of a process that runs many builds (the
 * publisher's builder), for as long as the code of the site's pages is the same (the hash
 * Astro's incremental build gives it, see `CODE_HASH`); anywhere else, or without that
 * hash, `make()` at every call. Call it once per build (in a {@link buildMemo}).
 * For memos over unchanged inputs, such as a story made from an entry whose digest is
 * unchanged: what a memo holds must depend on nothing but its inputs and the code, and
 * must not be changed once made.
 *
 * @example
 * const terms = acrossBuilds('related-terms', () => new WeakMap<Story, string[]>());
 */
export function acrossBuilds<T>(name: string, make: () => T): T {
  const code = codeHash();
  if (!holder[REGISTRY] || code === undefined) return make();
  const kept = (holder[KEPT] ??= new Map());
  const held = kept.get(name);
  if (held?.code === code) return held.value as T;
  const value = make();
  kept.set(name, { code, value });
  return value;
}
