/**
 * The per-build memos (src/data/build-memo.ts): held for a build's pages, and let go of by a
 * process that runs many builds, so that a finished build's archive can be collected.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  acrossBuilds,
  buildMemo,
  codeIdentityOf,
  collectBuildMemos,
  releaseBuildMemos,
} from '../../src/data/build-memo';
import { listingHandoff } from '../../src/integrations/tree';

const REGISTRY = Symbol.for('wire-reader.build-memos');
const KEPT = Symbol.for('wire-reader.kept-across-builds');
afterEach(() => {
  delete (globalThis as { [REGISTRY]?: unknown })[REGISTRY];
  delete (globalThis as { [KEPT]?: unknown })[KEPT];
});

/** A memo over a counter, so each call of `make` is seen. */
const counted = () => {
  let made = 0;
  return { memo: buildMemo((label: string) => `${label} ${++made}`), made: () => made };
};

describe('buildMemo', () => {
  it('makes its value once, from the first call’s arguments, for every page of a build', () => {
    const { memo, made } = counted();
    expect([memo('archive'), memo('other'), memo('archive')]).toEqual(['archive 1', 'archive 1', 'archive 1']);
    expect(made()).toBe(1);
  });

  it('is let go of after a build where a process collects memos, and made again for the next', () => {
    collectBuildMemos();
    const { memo, made } = counted();
    expect(memo('build')).toBe('build 1');
    expect(releaseBuildMemos()).toBe(1);
    expect(memo('build')).toBe('build 2');
    expect(made()).toBe(2);
    expect(releaseBuildMemos()).toBe(1);
    expect(releaseBuildMemos()).toBe(0);
  });

  it('is kept, and nothing is registered, where no process collects memos (astro build, astro dev)', () => {
    const { memo, made } = counted();
    memo('build');
    expect(releaseBuildMemos()).toBe(0);
    memo('build');
    expect(made()).toBe(1);
  });

  it("lets go of a build's listing of dist/ with its memos, in a process that collects them", () => {
    collectBuildMemos();
    const handoff = listingHandoff();
    handoff.put({ within: () => true, stamps: new Map([['index.html', { size: 9, mtimeMs: 1 }]]) });
    expect(handoff.current()?.stamps.size).toBe(1);
    expect(releaseBuildMemos()).toBe(1);
    expect(handoff.current()).toBeUndefined();
  });

  it('keeps the listing for the later steps of an astro build, which collects nothing', () => {
    const handoff = listingHandoff();
    handoff.put({ within: () => true, stamps: new Map() });
    releaseBuildMemos();
    expect(handoff.current()).toBeDefined();
  });
});

describe('acrossBuilds', () => {
  it('keeps a value from build to build in a process that runs many builds', () => {
    collectBuildMemos();
    const first = acrossBuilds('stories', () => new Map([['a', 1]]));
    releaseBuildMemos();
    expect(acrossBuilds('stories', () => new Map())).toBe(first);
    expect(acrossBuilds('terms', () => 'other')).toBe('other');
  });

  it('makes the value again at every call where no process runs many builds (astro build, astro dev)', () => {
    const first = acrossBuilds('stories', () => new Map());
    expect(acrossBuilds('stories', () => new Map())).not.toBe(first);
  });

  it('makes the value again when the code changed: a kept value was made by the old code', () => {
    collectBuildMemos();
    const first = acrossBuilds('stories', () => new Map());
    const kept = (globalThis as { [KEPT]?: Map<string, { code: string; value: unknown }> })[KEPT];
    const held = kept?.get('stories');
    expect(held?.value).toBe(first);
    kept?.set('stories', { code: `${held?.code ?? ''} changed`, value: first });
    releaseBuildMemos();
    expect(acrossBuilds('stories', () => new Map())).not.toBe(first);
  });
});

describe('codeIdentityOf', () => {
  const chunks = ['archive_HI2hWrSt.mjs', 'story_Ab12.mjs', '_astro_data-layer-content_ZH8jnwR9.mjs'];
  it.each([
    ['the same chunks in another order', [...chunks].reverse(), true],
    ['other content: a content store chunk renamed', [...chunks.slice(0, 2), '_astro_data-layer-content_Q1.mjs'], true],
    ['a content store chunk added', [...chunks, '_astro_data-layer-content-chunk_2ea8.txt_B9.mjs'], true],
    ['changed code: a chunk renamed by its new hash', ['archive_Zz9.mjs', ...chunks.slice(1)], false],
    ['new code: a chunk added', [...chunks, 'feed_BN6RKFdt.mjs'], false],
  ])('is %s: the same identity, %s', (_what, names, same) => {
    expect(codeIdentityOf(names) === codeIdentityOf(chunks)).toBe(same);
  });
});
