import { describe, expect, it } from 'vitest';
import { pagePath, paginate } from '../../src/lib/paginate';

describe('paginate', () => {
  it('puts page 1 at the listing address and later pages under page/N/', () => {
    const pages = paginate([1, 2, 3, 4, 5], { pageSize: 2, basePath: '/sections/world/' });
    expect(pages.map((p) => p.param)).toEqual([undefined, 'page/2', 'page/3']);
    expect(pages.map((p) => p.page.data)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((p) => p.page.url)).toEqual([
      { current: '/sections/world/', prev: undefined, next: '/sections/world/page/2/' },
      { current: '/sections/world/page/2/', prev: '/sections/world/', next: '/sections/world/page/3/' },
      { current: '/sections/world/page/3/', prev: '/sections/world/page/2/', next: undefined },
    ]);
    expect(pages.every((p) => p.page.lastPage === 3)).toBe(true);
  });

  it('gives an empty list one empty page', () => {
    expect(paginate([], { pageSize: 20, basePath: '/' })).toEqual([
      {
        param: undefined,
        page: { data: [], currentPage: 1, lastPage: 1, url: { current: '/', prev: undefined, next: undefined } },
      },
    ]);
  });

  it('never makes a home page address that another site page has, however long the archive', () => {
    const pages = paginate(
      Array.from({ length: 404 * 20 }, (_, i) => i),
      { pageSize: 20, basePath: '/' },
    );
    expect(pages.map((p) => p.page.url.current)).not.toContain('/404/');
    expect(pages.at(-1)?.page.url.current).toBe('/page/404/');
    expect(pagePath('/', 1)).toBe('/');
  });
});
