import { afterEach, describe, expect, it } from 'vitest';
import { readSearchFolders } from '../../src/data/search-folders';
import { SITE } from '../../src/lib/site';

describe('readSearchFolders', () => {
  const saved = process.env.WIRE_SEARCH_BUNDLE_STORIES;
  afterEach(() => {
    if (saved === undefined) delete process.env.WIRE_SEARCH_BUNDLE_STORIES;
    else process.env.WIRE_SEARCH_BUNDLE_STORIES = saved;
  });

  it.each([
    ['unset', undefined, SITE.searchBundleStories],
    ['empty', '', SITE.searchBundleStories],
    ['a whole number', '2500', 2500],
  ])('takes the bundle size from WIRE_SEARCH_BUNDLE_STORIES when it is %s', (_name, value, expected) => {
    if (value === undefined) delete process.env.WIRE_SEARCH_BUNDLE_STORIES;
    else process.env.WIRE_SEARCH_BUNDLE_STORIES = value;
    expect(readSearchFolders()).toEqual({
      main: SITE.searchBundlePath,
      recent: SITE.searchRecentBundlePath,
      month: SITE.searchMonthBundlePath,
      maxStories: expected,
    });
  });

  it.each(['0', '-5', '2.5', 'many'])('refuses WIRE_SEARCH_BUNDLE_STORIES=%s, naming the variable', (value) => {
    process.env.WIRE_SEARCH_BUNDLE_STORIES = value;
    expect(() => readSearchFolders()).toThrow(`WIRE_SEARCH_BUNDLE_STORIES: "${value}" must be a whole number`);
  });
});
