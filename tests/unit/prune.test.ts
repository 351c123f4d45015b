import { describe, expect, it } from 'vitest';
import { emptiedFolders, staleFiles } from '../../src/lib/prune';

const STARTED = 1000;

describe('staleFiles', () => {
  it.each([
    ['a page written during this build', { path: 'a/index.html', mtimeMs: 1500 }, false],
    ['a page left in place because its cache key matched', { path: 'kept/index.html', mtimeMs: 10 }, false],
    ['the page of a story deleted since the last build', { path: 'gone/index.html', mtimeMs: 10 }, true],
    ['an old file no step of this build wrote', { path: 'pagefind/index.js', mtimeMs: 10 }, true],
  ])('treats %s as stale: %s', (_name, file, stale) => {
    const result = staleFiles([file], { startedMs: STARTED, kept: new Set(['kept/index.html']) });
    expect(result).toEqual(stale ? [file.path] : []);
  });

  it.each([
    ['a copy of a kept page that is not older than it', 'kept/index.html', 10, 20, false],
    ['a copy older than its kept page', 'kept/index.html', 20, 10, true],
    ['a copy of a page rendered again this build, from before it', 'new/index.html', 1500, 10, true],
    ['a copy of a deleted page', 'gone/index.html', 10, 20, true],
    // Seen on ext4: the page has nanoseconds (…590.022076447 s), its copy was stamped with the
    // page's time through a Date, which keeps milliseconds (…590.022000074 s).
    [
      "a copy stamped with its kept page's time to the millisecond",
      'kept/index.html',
      1795781590022.0764,
      1795781590022.0001,
      false,
    ],
    [
      "a copy stamped with its kept page's time rounded up to the next millisecond",
      'kept/index.html',
      1795782373753.6633,
      1795782373754,
      false,
    ],
    [
      "a copy stamped a rounding error below its kept page's millisecond",
      'kept/index.html',
      1795781590022.0764,
      1795781590021.9999,
      false,
    ],
    ['a copy a millisecond older than its kept page', 'kept/index.html', 1795781590022.0764, 1795781590021.0764, true],
  ])('treats %s as stale: %s', (_name, page, pageMtime, copyMtime, stale) => {
    const files = [
      { path: page, mtimeMs: pageMtime },
      { path: `${page}.gz`, mtimeMs: copyMtime },
      { path: `${page}.br`, mtimeMs: copyMtime },
    ];
    const result = staleFiles(files, { startedMs: STARTED, kept: new Set(['kept/index.html']) });
    expect(result.filter((path) => path !== page)).toEqual(stale ? [`${page}.br`, `${page}.gz`] : []);
  });

  it('keeps a compressed file that has no uncompressed twin when this build wrote it', () => {
    expect(staleFiles([{ path: 'data.json.gz', mtimeMs: 1500 }], { startedMs: STARTED, kept: new Set() })).toEqual([]);
  });
});

describe('emptiedFolders', () => {
  it.each([
    ['nothing when every folder still holds a file', ['a', 'a/b'], ['a/b/index.html'], []],
    ['the folder of a deleted page', ['a', 'gone'], ['a/index.html'], ['gone']],
    [
      'a folder whose only content was emptied folders, after them',
      ['tags', 'tags/x', 'tags/x/page', 'tags/x/page/2', 'tags/y'],
      ['tags/y/index.html'],
      ['tags/x/page/2', 'tags/x/page', 'tags/x'],
    ],
    ['no folder that holds a file deep down', ['a', 'a/b', 'a/b/c'], ['a/b/c/index.html'], []],
    ['not the parent of a folder named like a file that stays', ['ab', 'a'], ['ab/index.html'], ['a']],
  ])('removes %s', (_name, folders, remaining, expected) => {
    expect(emptiedFolders(folders, remaining)).toEqual(expected);
  });
});
