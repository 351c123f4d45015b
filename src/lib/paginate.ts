/**
 * Pagination of story lists: page 1 at the listing's own address, later pages under
 * `page/N/` (so no page of the home listing can clash with a site page such as /404/).
 */

/** One page of a listing. */
export interface ListingPage<T> {
  data: T[];
  currentPage: number;
  lastPage: number;
  url: { current: string; prev: string | undefined; next: string | undefined };
}

/**
 * The path of page `n` of the listing at `basePath`.
 *
 * @example
 * pagePath('/sections/world/', 1); // "/sections/world/"
 * pagePath('/', 3); // "/page/3/"
 */
export function pagePath(basePath: string, n: number): string {
  return n <= 1 ? basePath : `${basePath}page/${n}/`;
}

/**
 * Splits a list into pages of `pageSize`, with the rest-parameter value for each page's
 * route (`undefined` for page 1, `page/N` after) and previous/next addresses. An empty list
 * still has one (empty) page.
 *
 * @example
 * paginate(['a', 'b', 'c'], { pageSize: 2, basePath: '/' }).map((p) => p.param);
 * // [undefined, "page/2"]
 */
export function paginate<T>(
  items: readonly T[],
  { pageSize, basePath }: { pageSize: number; basePath: string },
): { param: string | undefined; page: ListingPage<T> }[] {
  const lastPage = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: lastPage }, (_, index) => {
    const n = index + 1;
    return {
      param: n === 1 ? undefined : `page/${n}`,
      page: {
        data: items.slice(index * pageSize, n * pageSize),
        currentPage: n,
        lastPage,
        url: {
          current: pagePath(basePath, n),
          prev: n > 1 ? pagePath(basePath, n - 1) : undefined,
          next: n < lastPage ? pagePath(basePath, n + 1) : undefined,
        },
      },
    };
  });
}
