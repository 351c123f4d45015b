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
  /** The line beside the wordmark in the masthead. */
  tagline: 'Agency wire copy, word for word, as it was filed',
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
  /** The newsroom's time zone: where "Today" and "Yesterday" on the front page are reckoned. */
  timeZone: 'UTC',
  /** Headlines under each section on the front page's section column. */
  sectionTeasers: 3,
} as const;
