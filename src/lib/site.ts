/**
 * Site-wide constants: the one place the site's name, address and limits live.
 *
 * @example
 * import { SITE } from './site.ts';
 * SITE.name; // "Wire Reader"
 */
export const SITE = {
  name: 'Wire Reader',
  description: 'News-agency wire stories, word for word, as the agencies filed them.',
  /** Default public address; `SITE_URL` at build time overrides it (see astro.config.mjs). */
  url: 'https://wire-reader.example',
  /** Language of the site's own furniture (stories carry their own `lang`). */
  lang: 'en',
  /** Stories listed on one home, section or tag page. */
  pageSize: 20,
  /** Items in each RSS feed: the latest N stories. */
  feedLimit: 50,
  /** Entries in a story's "Related Articles" list. */
  relatedLimit: 5,
  /** The search page, and the folder the build writes the Pagefind index to. */
  searchPath: '/search/',
  searchBundlePath: '/pagefind/',
  /** Results the search page shows at once, before "Show more results". */
  searchPageSize: 20,
} as const;
