/**
 * Grouping a built site's addresses into page types (a story, a section page, a section's
 * later page, a feed...), so tests visit one of each whatever pages the site gains.
 */

/**
 * The type of a site path: its first folder (and the second, under a language edition such
 * as `/es/`), `page` kept, every other segment a `*`.
 *
 * @example
 * pageType('/sections/sport/page/2/'); // "/sections/*\/page/*\/"
 */
export function pageType(path: string): string {
  const segments = path.split('/');
  const edition = /^[a-z]{2,3}(-[a-z0-9]+)?$/i.test(segments[1] ?? '') && segments.length > 3;
  return segments
    .map((segment, index) => {
      if (index === 0 || segment === '' || segment === 'page') return segment;
      if (index === 1 || (edition && index === 2)) return segment;
      if (index === segments.length - 1 && segment.includes('.') && !/^\d/.test(segment)) return segment;
      return '*';
    })
    .join('/');
}

/**
 * The first path of each page type, in the order of the list.
 *
 * @example
 * onePerType(['/stories/a/', '/stories/b/', '/']); // ['/stories/a/', '/']
 */
export function onePerType(paths: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const path of paths) if (!seen.has(pageType(path))) seen.set(pageType(path), path);
  return [...seen.values()];
}
