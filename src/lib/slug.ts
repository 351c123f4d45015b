/**
 * Slugs and permalinks: the one place URLs for stories, sections, tags and feeds are made.
 */

/**
 * Turns any text into a URL slug: lower case, accents dropped, runs of other
 * characters folded into single hyphens. Letters and digits of every script are kept.
 *
 * @example
 * slugify('Conflicts & War'); // "conflicts-war"
 * slugify('Tokayev calls for support'); // "tokayev-calls-for-support"
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The site path of a story, from its permanent id (never from its file name).
 *
 * @example
 * storyPath('tokayev-peace-initiatives'); // "/stories/tokayev-peace-initiatives/"
 */
export function storyPath(id: string): string {
  return `/stories/${id}/`;
}

/**
 * The site path of a section's first page.
 *
 * @example
 * sectionPath('Conflicts & War'); // "/sections/conflicts-war/"
 */
export function sectionPath(section: string): string {
  return `/sections/${slugify(section)}/`;
}

/**
 * The site path of a tag's first page.
 *
 * @example
 * tagPath('Kazakhstan'); // "/tags/kazakhstan/"
 */
export function tagPath(tag: string): string {
  return `/tags/${slugify(tag)}/`;
}

/**
 * The path of the feed that belongs to a listing path (the site root or a section).
 *
 * @example
 * feedPath('/'); // "/rss.xml"
 * feedPath('/sections/conflicts-war/'); // "/sections/conflicts-war/rss.xml"
 */
export function feedPath(listingPath: string): string {
  return `${listingPath.endsWith('/') ? listingPath : `${listingPath}/`}rss.xml`;
}

/**
 * Makes a path absolute against the site's public address.
 *
 * @example
 * absoluteUrl('/stories/a/', 'https://wire-reader.example'); // "https://wire-reader.example/stories/a/"
 */
export function absoluteUrl(path: string, site: string | URL): string {
  return new URL(path, site).href;
}

/**
 * The site path of a day's archive page, from a `YYYY-MM-DD` date.
 *
 * @example
 * dayPath('2023-06-20'); // "/archive/2023/06/20/"
 */
export function dayPath(date: string): string {
  return `/archive/${date.replaceAll('-', '/')}/`;
}

/**
 * The site path of a month's archive page, from `YYYY-MM` (or a `YYYY-MM-DD` date in it).
 *
 * @example
 * monthPath('2023-06'); // "/archive/2023/06/"
 * monthPath('2023-06-20'); // "/archive/2023/06/"
 */
export function monthPath(month: string): string {
  return `/archive/${month.slice(0, 7).replace('-', '/')}/`;
}

/**
 * The fragment id of a listing's feed on the /feeds/ page, so "Follow with RSS" links land on it.
 *
 * @example
 * feedAnchor('/'); // "feed-all"
 * feedAnchor('/sections/conflicts-war/'); // "feed-conflicts-war"
 */
export function feedAnchor(listingPath: string): string {
  const name = listingPath.split('/').filter(Boolean).at(-1);
  return `feed-${name ?? 'all'}`;
}
