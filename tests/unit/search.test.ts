import { describe, expect, it } from 'vitest';
import {
  inOrder,
  isStoryPage,
  mergeByDate,
  pagefindQuery,
  parseSearchState,
  resultSummary,
  searchQueryString,
  type SearchState,
} from '../../src/lib/search';
import { MESSAGES, type Messages } from '../../src/lib/i18n';

const state = (partial: Partial<SearchState>): SearchState => ({ q: '', filters: {}, sort: 'relevance', ...partial });

describe('parseSearchState', () => {
  it.each([
    ['q=steinmeier', state({ q: 'steinmeier' })],
    ['q=++two+words++', state({ q: 'two words' })],
    ['q=tokayev&section=Conflicts+%26+War', state({ q: 'tokayev', filters: { section: 'Conflicts & War' } })],
    ['agency=EFE&language=es&year=2023', state({ filters: { agency: 'EFE', language: 'es', year: '2023' } })],
    ['q=a&sort=newest', state({ q: 'a', sort: 'newest' })],
    ['q=a&sort=oldest', state({ q: 'a', sort: 'oldest' })],
    ['q=a&sort=sideways', state({ q: 'a' })],
    ['q=&section=&year=', state({})],
    ['utm_source=x&page=2', state({})],
    ['', state({})],
  ])('reads ?%s', (query, expected) => {
    expect(parseSearchState(new URLSearchParams(query))).toEqual(expected);
  });

  it('cuts an overlong query to 200 characters instead of failing', () => {
    expect(parseSearchState(new URLSearchParams(`q=${'x'.repeat(500)}`)).q).toHaveLength(200);
  });
});

describe('searchQueryString', () => {
  it.each([
    [state({}), ''],
    [state({ q: 'tokayev' }), '?q=tokayev'],
    [
      state({ q: 'a b', filters: { year: '2023', section: 'Conflicts & War' } }),
      '?q=a+b&section=Conflicts+%26+War&year=2023',
    ],
    [state({ q: 'a', sort: 'newest' }), '?q=a&sort=newest'],
  ])('writes %j as %j', (input, expected) => {
    expect(searchQueryString(input)).toBe(expected);
  });

  it('round-trips through parseSearchState', () => {
    const original = state({ q: 'peace talks', filters: { agency: 'EFE', language: 'en' }, sort: 'oldest' });
    expect(parseSearchState(new URLSearchParams(searchQueryString(original)))).toEqual(original);
  });
});

describe('pagefindQuery', () => {
  it('has nothing to search for without words or filters', () => {
    expect(pagefindQuery(state({}))).toBeUndefined();
  });

  it.each([
    [state({ q: 'tokayev' }), { term: 'tokayev', options: { filters: {}, sort: {} } }],
    [state({ q: 'tokayev', sort: 'newest' }), { term: 'tokayev', options: { filters: {}, sort: { date: 'desc' } } }],
    [state({ q: 'tokayev', sort: 'oldest' }), { term: 'tokayev', options: { filters: {}, sort: { date: 'asc' } } }],
    [
      state({ q: 'tokayev', filters: { section: 'Economy', year: '2023' } }),
      { term: 'tokayev', options: { filters: { section: 'Economy', year: '2023' }, sort: {} } },
    ],
    [
      state({ filters: { agency: 'EFE' } }),
      { term: null, options: { filters: { agency: 'EFE' }, sort: { date: 'desc' } } },
    ],
  ])('turns %j into a Pagefind query', (input, expected) => {
    expect(pagefindQuery(input)).toEqual(expected);
  });
});

describe('resultSummary', () => {
  it.each([
    [0, state({ q: 'zzz' }), /^No stories match “zzz”\. Check the spelling/],
    [1, state({ q: 'tokayev' }), /^1 story matches “tokayev”\.$/],
    [12345, state({ q: 'peace' }), /^12,345 stories match “peace”\.$/],
    [3, state({ filters: { section: 'Economy' } }), /^3 stories match the chosen filters\.$/],
    [2, state({ q: 'eu', filters: { year: '2023' } }), /^2 stories match “eu” with the chosen filters\.$/],
  ])('reports %i result(s) for %j in words', (count, input, expected) => {
    expect(resultSummary(count, input, MESSAGES.en as Messages, 'en')).toMatch(expected);
  });

  it.each([
    ['es', 0, state({ q: 'pib' }), /^Ninguna noticia coincide con «pib»\. Revise la ortografía/],
    ['es', 2, state({ q: 'pib' }), /^2 noticias coinciden con «pib»\.$/],
    ['fr', 1, state({ q: 'pib' }), /^1\u00a0dépêche correspond à «\u00a0pib\u00a0»\.$/],
    ['ar', 2, state({ q: 'القاهرة' }), /^خبران يطابقان «القاهرة»\.$/],
    ['ar', 3, state({ filters: { year: '2024' } }), /^3 أخبار تطابق عوامل التصفية المختارة\.$/],
  ])('reports results in %s: %i for %j', (lang, count, input, expected) => {
    expect(resultSummary(count, input, MESSAGES[lang] as Messages, lang)).toMatch(expected);
  });
});

describe('isStoryPage', () => {
  it.each([
    ['stories/tokayev/index.html', true],
    ['/stories/tokayev/index.html', true],
    ['stories\\tokayev\\index.html', true],
    ['index.html', false],
    ['search/index.html', false],
    ['sections/conflicts-war/index.html', false],
    ['tags/russia/page/2/index.html', false],
    ['stories/index.html', false],
    ['stories/a/b/index.html', false],
    ['404.html', false],
  ])('%s: %s', (file, expected) => {
    expect(isStoryPage(file)).toBe(expected);
  });
});

describe('result sources', () => {
  it('inOrder loads only the results taken, in order', async () => {
    const loaded: number[] = [];
    const source = inOrder([1, 2, 3, 4, 5], async (n) => (loaded.push(n), n * 10));
    expect(source.total).toBe(5);
    expect(await source.take(2)).toEqual([10, 20]);
    expect(await source.take(2)).toEqual([30, 40]);
    expect(loaded).toEqual([1, 2, 3, 4]);
    expect(await source.take(2)).toEqual([50]);
    expect(await source.take(2)).toEqual([]);
  });

  it.each([
    ['desc', ['2024-01-01', '2023-06-20', '2023-02-01', '2022-12-31', '2021-05-05']],
    ['asc', ['2021-05-05', '2022-12-31', '2023-02-01', '2023-06-20', '2024-01-01']],
  ] as const)('mergeByDate merges per-language lists into one %s date order', async (order, expected) => {
    const en = ['2024-01-01', '2023-02-01', '2021-05-05'];
    const es = ['2023-06-20', '2022-12-31'];
    const lists = [en, es].map((list) => (order === 'asc' ? [...list].reverse() : list));
    const source = mergeByDate(
      lists,
      async (date) => ({ date }),
      (item) => item.date,
      order,
    );
    expect(source.total).toBe(5);
    const first = await source.take(3);
    const rest = await source.take(10);
    expect([...first, ...rest].map((item) => item.date)).toEqual(expected);
  });

  it('mergeByDate loads only the head of each list, never further ahead', async () => {
    const loaded: string[] = [];
    const lists = [
      ['2024', '2023', '2022', '2021'],
      ['2019', '2018'],
    ];
    const source = mergeByDate(
      lists,
      async (d) => (loaded.push(d), d),
      (d) => d,
      'desc',
    );
    expect(await source.take(2)).toEqual(['2024', '2023']);
    expect(loaded.sort()).toEqual(['2019', '2023', '2024']);
  });
});
