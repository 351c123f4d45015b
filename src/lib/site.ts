import english from './i18n/en.ts';

/**
 * Site-wide constants: the one place the site's name, address and limits live.
 *
 * @example
 * import { SITE } from './site.ts';
 * SITE.name; // "Wire Reader"
 */
export const SITE = {
  name: 'Wire Reader',
  /** The default language's description; each edition's is in its message table. */
  description: english.siteDescription,
  /** Default public address; `SITE_URL` at build time overrides it (see astro.config.mjs). */
  url: 'https://wire-reader.example',
  /**
   * The default language: its edition is at `/`, every other language's at `/<lang>/`.
   * A primary language subtag with a message table in src/lib/i18n.
   */
  lang: 'en',
  /** Stories listed on one home, section or tag page. */
  pageSize: 20,
  /** Items in each RSS feed: the latest N stories. */
  feedLimit: 50,
  /** Entries in a story's "Related Articles" list. */
  relatedLimit: 5,
} as const;
