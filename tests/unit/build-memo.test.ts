/**
 * The per-build memos (src/data/build-memo.ts): held for a build's pages, and let go of by a
 * process that runs many builds, so that a finished build's archive can be collected.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { acrossBuilds, buildMemo, collectBuildMemos, releaseBuildMemos } from '../../src/data/build-memo';
import { listingHandoff } from '../../src/integrations/tree';

const REGISTRY = Symbol.for('wire-reader.build-memos');
const KEPT = Symbol.for('wire-reader.kept-across-builds');
const CODE = Symbol.for('wire-reader.code-hash');
const codeIs = (hash: string | undefined) => ((globalThis as { [CODE]?: string })[CODE] = hash);
afterEach(() => {
  delete (globalThis as { [CODE]?: unknown })[CODE];
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
  it('keeps a value from build to build in a process that runs many builds, while the code is the same', () => {
    collectBuildMemos();
    codeIs('src/pages/index.astro 5f1c');
    const first = acrossBuilds('stories', () => new Map([['a', 1]]));
    releaseBuildMemos();
    expect(acrossBuilds('stories', () => new Map())).toBe(first);
    expect(acrossBuilds('terms', () => 'other')).toBe('other');
  });

  it('makes the value again when the code changed: a kept value was made by the old code', () => {
    collectBuildMemos();
    codeIs('src/pages/index.astro 5f1c');
    const first = acrossBuilds('stories', () => new Map());
    releaseBuildMemos();
    codeIs('src/pages/index.astro 77aa');
    const second = acrossBuilds('stories', () => new Map());
    expect(second).not.toBe(first);
    expect(acrossBuilds('stories', () => new Map())).toBe(second);
  });

  it.each([
    ['no process runs many builds (astro build, astro dev)', false, 'src/pages/index.astro 5f1c'],
    ['the build gave no code hash (the fix to Astro not applied)', true, undefined],
  ])('makes the value again at every call where %s', (_where, collects, hash) => {
    if (collects) collectBuildMemos();
    codeIs(hash);
    const first = acrossBuilds('stories', () => new Map());
    expect(acrossBuilds('stories', () => new Map())).not.toBe(first);
  });
});
