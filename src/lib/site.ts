import english from './i18n/en.ts';
import type { PNG_ICONS } from './icons.ts';

/**
 * Site-wide constants: the one place the site's name, address and limits live.
 *
 * @example
 * import { SITE } from './site.ts';
 * SITE.name; // "Wire Reader"
 */
export const SITE = {
  name: 'Wire Reader',
  /** The default language's description; each edition's is in its message table, with its masthead tagline. */
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
  /** The widest a story photo is built for feeds, in pixels (a narrower photo keeps its width). */
  feedPhotoWidth: 1200,
  /** Entries in a story's "Related Articles" list. */
  relatedLimit: 5,
  /** The newsroom's time zone: where "Today" and "Yesterday" on the front page are reckoned. */
  timeZone: 'UTC',
  /** Headlines under each section on the front page's section column. */
  sectionTeasers: 3,
  /**
   * The search page, and the folders the build writes the Pagefind index to: the stories of
   * the newest story's day go to the recent bundle, so that a new story re-indexes only its
   * day, and the other days of its month to the month bundle; the older ones go to the main
   * bundle while there are at most `searchBundleStories`,
   * or else fill bundles of up to that many within each calendar year, the main one first
   * (src/lib/search.ts `searchParts`). The search step lists the bundles it wrote in the
   * main one's `bundles.json`, which the search page reads. Pagefind holds a whole
   * bundle in memory while it writes it: about 0.25 MB a story on the benchmark's corpus, so
   * 10,000 stories take about 2.8 GB. `WIRE_SEARCH_BUNDLE_STORIES` overrides the number.
   */
  searchPath: '/search/',
  searchBundlePath: '/pagefind/',
  searchRecentBundlePath: '/pagefind-recent/',
  searchMonthBundlePath: '/pagefind-month/',
  searchBundleStories: 10_000,
  /** Results the search page shows at once, before "Show more results". */
  searchPageSize: 20,
  /** How far back the Google News sitemap looks from the build time: Google takes two days. */
  newsWindowHours: 48,
  /** Entries in one Google News sitemap file (Google's limit); more are split under an index. */
  newsSitemapLimit: 1000,
  /** URLs in one sitemap file (the sitemaps.org limit); more are split under the index. */
  sitemapLimit: 50_000,
  /**
   * Which stories get a share card of their own (1200x630 PNG, rendered at build time): the
   * newest `stories` (what the front page shows) plus every story inside the news window.
   * Others share their section's card. `WIRE_CARD_STORIES` (a number, or `all`) overrides
   * `stories` for one build.
   */
  cards: { stories: 20 },
  /** Colours of the icon and the share cards. */
  brand: { ink: '#14213d', paper: '#ffffff', accent: '#c1121f' },
  /**
   * The site as the publisher in structured data: a schema.org NewsMediaOrganization, on each
   * edition's front and named by every story's NewsArticle (src/lib/jsonld.ts). Its logo is
   * one of the built PNG icons (src/lib/icons.ts). Its policies are the publisher pages
   * (src/publisher/) that state them, and only those: About says what the site publishes and
   * how (`publishingPrinciples`), Corrections how mistakes are corrected and shown
   * (`correctionsPolicy`); Contact is the newsdesk's contact point. There is no ethics,
   * diversity, fact-checking or ownership page, so no such policy is claimed.
   */
  publisher: {
    logo: 'icon-512.png' satisfies keyof typeof PNG_ICONS,
    publishingPrinciples: '/about/',
    correctionsPolicy: '/corrections/',
    contactPage: '/contact/',
  },
} as const;

/** What the site knows of an agency beyond its credit: its full name and home page. */
export interface AgencyInfo {
  name: string;
  legalName: string;
  url: string;
}

/**
 * Agencies the site can describe in structured data; a credit not listed here is still
 * shown and named, only without a URL.
 *
 * @example
 * AGENCIES.EFE?.url; // "https://www.efe.com/"
 */
export const AGENCIES: Readonly<Record<string, AgencyInfo>> = {
  EFE: { name: 'EFE', legalName: 'Agencia EFE', url: 'https://www.efe.com/' },
  AFP: { name: 'AFP', legalName: 'Agence France-Presse', url: 'https://www.afp.com/' },
  Reuters: { name: 'Reuters', legalName: 'Reuters', url: 'https://www.reuters.com/' },
  AP: { name: 'AP', legalName: 'The Associated Press', url: 'https://apnews.com/' },
};

/**
 * What is wrong with the public address a production build is given (`SITE_URL`), or
 * `undefined` when it is a real one. `fatal` problems stop every build; the others (no
 * address, or the placeholder {@link SITE}.url) are warnings, and errors under `--strict`.
 *
 * @example
 * siteUrlProblem(undefined)?.fatal; // false
 * siteUrlProblem('news.example.org')?.fatal; // true: not an absolute http(s) address
 * siteUrlProblem('https://news.example.org'); // undefined
 */
export function siteUrlProblem(value: string | undefined): { message: string; fatal: boolean } | undefined {
  if (value === undefined || value.trim() === '') {
    return {
      message: `SITE_URL is not set: every canonical link, feed link and feed item will point at the placeholder ${SITE.url}`,
      fatal: false,
    };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { message: `SITE_URL "${value}" is not an absolute address such as https://news.example.org`, fatal: true };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { message: `SITE_URL "${value}" must be an http(s) address`, fatal: true };
  }
  if (url.hostname === new URL(SITE.url).hostname) {
    return {
      message: `SITE_URL is the placeholder ${SITE.url}: feeds and canonical links would point at it`,
      fatal: false,
    };
  }
  return undefined;
}
