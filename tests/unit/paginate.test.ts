import { describe, expect, it } from 'vitest';
import { pagePath, paginate, showsSectionTeasers } from '../../src/lib/paginate';

/** Stories 1..n, newest first (n is the newest). */
const newestFirst = (n: number) => Array.from({ length: n }, (_, i) => n - i);

describe('paginate', () => {
  it('shows the latest stories on the front and numbers archive pages from the oldest', () => {
    const pages = paginate(newestFirst(5), { pageSize: 2, basePath: '/sections/world/' });
    expect(pages.map((p) => p.param)).toEqual([undefined, 'page/1', 'page/2', 'page/3']);
    expect(pages.map((p) => p.page.data)).toEqual([[5, 4], [2, 1], [4, 3], [5]]);
    expect(pages.map((p) => p.page.number)).toEqual([undefined, 1, 2, 3]);
    expect(pages.map((p) => p.page.url)).toEqual([
      { current: '/sections/world/', prev: undefined, next: '/sections/world/page/2/' },
      { current: '/sections/world/page/1/', prev: '/sections/world/page/2/', next: undefined },
      { current: '/sections/world/page/2/', prev: '/sections/world/page/3/', next: '/sections/world/page/1/' },
      { current: '/sections/world/page/3/', prev: '/sections/world/', next: '/sections/world/page/2/' },
    ]);
  });

  it.each([1, 2, 3, 19, 20, 21, 39, 40, 41, 200])(
    'keeps every full archive page as it was when story %i more arrives',
    (count) => {
      const before = paginate(newestFirst(count + 100), { pageSize: 20, basePath: '/' });
      const after = paginate(newestFirst(count + 101), { pageSize: 20, basePath: '/' });
      const full = before.filter((p) => p.page.number !== undefined && p.page.data.length === 20);
      const lastFull = Math.max(...full.map((p) => p.page.number ?? 0));
      // Only the newest archive page and, when it was full, its link to a newer page may change.
      for (const page of full.filter((p) => (p.page.number ?? 0) < lastFull)) {
        expect(after.find((p) => p.param === page.param)).toEqual(page);
      }
      expect(after.length - before.length).toBe((count + 100) % 20 === 0 ? 1 : 0);
    },
  );

  it('lists every story on exactly one archive page, newest first across pages', () => {
    const pages = paginate(newestFirst(65), { pageSize: 20, basePath: '/' });
    const archive = pages.filter((p) => p.page.number !== undefined).reverse();
    expect(archive.flatMap((p) => p.page.data)).toEqual(newestFirst(65));
  });

  it('links the front to the archive page holding the newest story it has no room for', () => {
    const [front, ...archive] = paginate(newestFirst(65), { pageSize: 20, basePath: '/' });
    const target = archive.find((p) => p.page.url.current === front?.page.url.next);
    expect(target?.page.data).toContain(65 - 20);
  });

  it.each([21, 22, 39, 40, 41, 65])(
    'with %i stories, leads the front to the item of the newest story it has no room for',
    (count) => {
      const [front, ...archive] = paginate(newestFirst(count), {
        pageSize: 20,
        basePath: '/es/',
        anchorOf: (story) => `story-${story}`,
      });
      const [path, fragment] = (front?.page.url.next ?? '').split('#');
      expect(fragment).toBe(`story-${count - 20}`);
      expect(archive.find((p) => p.page.url.current === path)?.page.data).toContain(count - 20);
    },
  );

  it('percent-encodes the fragment, and leaves it out without anchorOf', () => {
    const items = ['ج', 'ب', 'أ'];
    expect(paginate(items, { pageSize: 2, basePath: '/ar/', anchorOf: (id) => `story-${id}` })[0]?.page.url.next).toBe(
      `/ar/page/1/#story-${encodeURIComponent('أ')}`,
    );
    expect(paginate(items, { pageSize: 2, basePath: '/ar/' })[0]?.page.url.next).toBe('/ar/page/1/');
  });

  it('has only a front, without archive pages, while everything fits on it', () => {
    expect(paginate(newestFirst(20), { pageSize: 20, basePath: '/' })).toEqual([
      {
        param: undefined,
        page: { data: newestFirst(20), number: undefined, url: { current: '/', prev: undefined, next: undefined } },
      },
    ]);
    expect(paginate([], { pageSize: 20, basePath: '/' })).toHaveLength(1);
  });

  it('never makes a home page address that another site page has, however long the archive', () => {
    const pages = paginate(newestFirst(404 * 20), { pageSize: 20, basePath: '/' });
    expect(pages.map((p) => p.page.url.current)).not.toContain('/404/');
    expect(pages.at(-1)?.page.url.current).toBe('/page/404/');
    expect(pagePath('/', 0)).toBe('/');
  });
});

describe('showsSectionTeasers', () => {
  it.each([
    ['an edition or section front', { page: { number: undefined } }, true],
    ['an edition or section archive page', { page: { number: 4 } }, false],
    ['a tag front', { page: { number: undefined }, tag: true }, false],
    ['a tag archive page', { page: { number: 2 }, tag: true }, false],
  ])('gives the side column of latest headlines to %s: %s', (_, props, shown) => {
    expect(showsSectionTeasers(props)).toBe(shown);
  });
});
