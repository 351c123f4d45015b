import { isSearchBundleFolder, type SearchFolders } from '../lib/search.ts';
import { SITE } from '../lib/site.ts';

/** The search bundles' folders, from the site's settings. */
const BUNDLE_FOLDERS = {
  main: SITE.searchBundlePath,
  recent: SITE.searchRecentBundlePath,
  month: SITE.searchMonthBundlePath,
};

/**
 * Where the search bundles go and how many stories an archive bundle holds: the site's
 * settings, with `WIRE_SEARCH_BUNDLE_STORIES` (a whole number of stories) in place of
 * `SITE.searchBundleStories` when set. Only the build's search step reads it: the search
 * page opens the bundles the step lists in its manifest.
 */
export function readSearchFolders(): SearchFolders {
  const value = process.env.WIRE_SEARCH_BUNDLE_STORIES;
  const maxStories = value === undefined || value === '' ? SITE.searchBundleStories : Number(value);
  if (!Number.isInteger(maxStories) || maxStories < 1) {
    throw new Error(`WIRE_SEARCH_BUNDLE_STORIES: "${value}" must be a whole number of stories, 1 or more`);
  }
  return { ...BUNDLE_FOLDERS, maxStories };
}

/**
 * Whether a top-level folder of the output is one of the search index's bundles
 * (`pagefind`, `pagefind-recent`, `pagefind-month`, `pagefind-2024-03`), whatever the bundle size: the search
 * step alone writes and deletes them.
 *
 * @example
 * incremental({ leave: isSearchBundle }) // the prune leaves the bundles to the search step
 */
export function isSearchBundle(folder: string): boolean {
  return isSearchBundleFolder(folder, BUNDLE_FOLDERS);
}
