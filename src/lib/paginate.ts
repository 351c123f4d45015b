/**
 * Listings with stable archive pages. A listing (the home page, a section, a tag) has a
 * front at its own address that shows the latest `pageSize` stories, and, once it holds
 * more than that, archive pages under `page/N/` numbered from the OLDEST story: page 1
 * holds the first `pageSize` stories ever published, page 2 the next, and the newest page
 * fills up as stories arrive. So adding a story changes only the front and the newest
 * archive page (and, when that page is full, makes a new one and relinks the one before):
 * every older archive page keeps its address, its stories and its bytes, and an
 * incremental build does not render it again. A page says "Page N", never "of M", for the
 * same reason. (Deleting a story, or back-dating one, moves the pages after it.)
 */

/** One page of a listing: the front, or archive page `number`. */
export interface ListingPage<T> {
  /** The stories shown, newest first. */
  data: T[];
  /** The archive page number counted from the oldest story; `undefined` on the front. */
  number: number | undefined;
  /** This page's address, the newer page's (`prev`) and the older page's (`next`). */
  url: { current: string; prev: string | undefined; next: string | undefined };
}

/**
 * The path of archive page `n` of the listing at `basePath`; page 0 is the front.
 *
 * @example
 * pagePath('/sections/world/', 0); // "/sections/world/"
 * pagePath('/', 3); // "/page/3/"
 */
export function pagePath(basePath: string, n: number): string {
  return n < 1 ? basePath : `${basePath}page/${n}/`;
}

/**
 * Splits a newest-first list into the front (the latest `pageSize`) and stable archive
 * pages counted from the oldest (see the module comment), with the rest-parameter value
 * of each page's route (`undefined` for the front, `page/N` after) and newer/older links.
 * The front links to the archive page holding the newest story it has no room for, at that
 * story when `anchorOf` names its item (the page may begin with stories the front shows);
 * an empty list still has a front.
 *
 * @example
 * paginate(['e', 'd', 'c', 'b', 'a'], { pageSize: 2, basePath: '/' }).map((p) => [p.param, p.page.data]);
 * // [[undefined, ['e', 'd']], ['page/1', ['b', 'a']], ['page/2', ['d', 'c']], ['page/3', ['e']]]
 */
export function paginate<T>(
  items: readonly T[],
  {
    pageSize,
    basePath,
    anchorOf,
  }: { pageSize: number; basePath: string; anchorOf?: ((item: T) => string) | undefined },
): { param: string | undefined; page: ListingPage<T> }[] {
  const total = items.length;
  const last = total > pageSize ? Math.ceil(total / pageSize) : 0;
  // Archive page n holds the stories at oldest-first positions (n - 1) * pageSize up to n * pageSize.
  const pageOf = (newestFirstIndex: number) => Math.floor((total - 1 - newestFirstIndex) / pageSize) + 1;
  const unseen = items[pageSize];
  const front = {
    param: undefined,
    page: {
      data: items.slice(0, pageSize),
      number: undefined,
      url: {
        current: basePath,
        prev: undefined,
        next:
          unseen === undefined
            ? undefined
            : `${pagePath(basePath, pageOf(pageSize))}${anchorOf ? `#${encodeURIComponent(anchorOf(unseen))}` : ''}`,
      },
    },
  };
  const archive = Array.from({ length: last }, (_, index) => {
    const n = index + 1;
    return {
      param: `page/${n}`,
      page: {
        data: items.slice(Math.max(0, total - n * pageSize), total - (n - 1) * pageSize),
        number: n,
        url: {
          current: pagePath(basePath, n),
          prev: pagePath(basePath, n < last ? n + 1 : 0),
          next: n > 1 ? pagePath(basePath, n - 1) : undefined,
        },
      },
    };
  });
  return [front, ...archive];
}

/**
 * Whether a listing's page shows the side column of each section's latest headlines
 * (SectionsColumn): the fronts of an edition and of its sections do. Archive pages do not,
 * and neither do tag fronts: a new story changes the latest headlines, and an edition has
 * a few sections but hundreds or thousands of tags, so a column on every tag front would
 * render every tag front again for every story filed.
 *
 * @example
 * showsSectionTeasers({ page: { number: undefined } }); // true: the edition's front
 * showsSectionTeasers({ page: { number: 3 } }); // false: an archive page
 * showsSectionTeasers({ page: { number: undefined }, tag: true }); // false: a tag's front
 */
export function showsSectionTeasers(props: { page: { number?: number | undefined }; tag?: boolean }): boolean {
  return props.page.number === undefined && props.tag !== true;
}
