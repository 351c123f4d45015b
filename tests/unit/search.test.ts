import { describe, expect, it } from 'vitest';
import {
  inOrder,
  isStoryPage,
  mergeByDate,
  chosenFilters,
  indexSearches,
  pagefindQuery,
  parseSearchState,
  resultSummary,
  archiveBundleFolder,
  isSearchBundleFolder,
  manifestBundle,
  pagefindLanguage,
  parseSearchManifest,
  sameManifest,
  searchBundles,
  searchManifestPath,
  searchOrReopen,
  searchParts,
  searchQueryString,
  sortDateOf,
  indexedSource,
  mergeByScore,
  ownLanguage,
  type RetryCause,
  type SearchState,
} from '../../src/lib/search';
import { MESSAGES, type Messages } from '../../src/lib/i18n';
import { SITE } from '../../src/lib/site';
import { generateStories } from '../bench/corpus';

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

  it.each([
    ['q=pib', state({ q: 'pib', filters: { language: 'es' } })],
    ['q=pib&language=', state({ q: 'pib' })],
    ['q=pib&language=en', state({ q: 'pib', filters: { language: 'en' } })],
    ['section=Econom%C3%ADa', state({ filters: { section: 'Economía', language: 'es' } })],
    ['', state({ filters: { language: 'es' } })],
  ])("reads ?%s on a page that starts with the language 'es'", (query, expected) => {
    expect(parseSearchState(new URLSearchParams(query), { language: 'es' })).toEqual(expected);
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

  const spanish = { language: 'es' };
  it.each([
    ['its default language, left out', state({ q: 'pib', filters: { language: 'es' } }), '?q=pib'],
    ['every language, written empty', state({ q: 'pib' }), '?q=pib&language='],
    ['another language', state({ q: 'pib', filters: { language: 'en' } }), '?q=pib&language=en'],
    ['nothing but its default', state({ filters: { language: 'es' } }), ''],
  ])("writes, on a page that starts with the language 'es', %s", (_name, input, expected) => {
    expect(searchQueryString(input, spanish)).toBe(expected);
    expect(parseSearchState(new URLSearchParams(expected), spanish)).toEqual(input);
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

  it.each([
    ['its default language alone', state({ filters: { language: 'es' } }), undefined],
    ['every language and nothing else', state({}), undefined],
    [
      'its default language and words',
      state({ q: 'pib', filters: { language: 'es' } }),
      { term: 'pib', options: { filters: { language: 'es' }, sort: {} } },
    ],
    [
      'its default language and a section',
      state({ filters: { language: 'es', section: 'Economía' } }),
      { term: null, options: { filters: { section: 'Economía', language: 'es' }, sort: { date: 'desc' } } },
    ],
    [
      'another language alone',
      state({ filters: { language: 'en' } }),
      { term: null, options: { filters: { language: 'en' }, sort: { date: 'desc' } } },
    ],
  ])("on a page that starts with the language 'es', turns %s into %j", (_name, input, expected) => {
    expect(pagefindQuery(input, { language: 'es' })).toEqual(expected);
  });
});

describe('chosenFilters', () => {
  it.each([
    [state({ filters: { language: 'es' } }), {}, ['language']],
    [state({ filters: { language: 'es' } }), { language: 'es' }, []],
    [state({ filters: { language: 'es', year: '2023' } }), { language: 'es' }, ['year']],
    [state({ filters: { language: 'en' } }), { language: 'es' }, ['language']],
  ])('of %j with the defaults %j: %j', (input, defaults, expected) => {
    expect(chosenFilters(input, defaults)).toEqual(expected);
  });
});

describe('indexSearches', () => {
  const indexes = [
    { part: 'main en', language: 'en' },
    { part: 'main es', language: 'es' },
    { part: 'recent es', language: 'es' },
  ];
  const query = (filters: Record<string, string>) => ({ term: 'pib', options: { filters, sort: {} } });

  it.each([
    ['every index, each by its part', indexes, {}, [{ part: 'main en' }, { part: 'main es' }, { part: 'recent es' }]],
    [
      "the language's indexes, by part and without the language filter",
      indexes,
      { language: 'es', year: '2023' },
      [
        { year: '2023', part: 'main es' },
        { year: '2023', part: 'recent es' },
      ],
    ],
    [
      "the one index of the language, by its part, whatever the language's case",
      indexes,
      { language: 'EN' },
      [{ part: 'main en' }],
    ],
    ['no search for a language no index has', indexes, { language: 'fr' }, []],
    ['one search, without a part, when there is one index', indexes.slice(0, 1), { language: 'en' }, [{}]],
    ['no search when the one index is of another language', indexes.slice(0, 1), { language: 'es' }, []],
  ])('runs %s', (_name, opened, filters, expected) => {
    expect(indexSearches(opened, query(filters)).map((options) => options.filters)).toEqual(expected);
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
    [state({ q: 'pib', filters: { language: 'es' } }), /^2 noticias coinciden con «pib»\.$/],
    [state({ q: 'pib', filters: { language: 'en' } }), /^2 noticias coinciden con «pib» con los filtros elegidos\.$/],
  ])("does not call the page's default language a chosen filter: %j", (input, expected) => {
    expect(resultSummary(2, input, MESSAGES.es as Messages, 'es', { language: 'es' })).toMatch(expected);
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

const FOLDERS = { main: '/pagefind/', recent: '/pagefind-recent/', month: '/pagefind-month/', maxStories: 10_000 };
const FOLDER_OF: Record<string, string> = { main: FOLDERS.main, recent: FOLDERS.recent, month: FOLDERS.month };

describe('searchParts', () => {
  it.each([
    ['no stories: no bundles', [], []],
    [
      'one day: one main bundle with all',
      ['2025-06-20T09:00Z', '2025-06-20'],
      [['main', ['2025-06-20T09:00Z', '2025-06-20']]],
    ],
    [
      'one month: its other days in main (there is no archive), its newest day in recent',
      ['2025-06-01', '2025-06-30T23:59Z', '2025-06-02'],
      [
        ['main', ['2025-06-01', '2025-06-02']],
        ['recent', ['2025-06-30T23:59Z']],
      ],
    ],
    [
      "the newest story's day goes to recent, the rest of its month to month, the older ones to main",
      ['2024-12-31', '2025-06-01T00:00Z', '2025-05-31T23:59Z', '2025-06-20', '2025-06-20T18:00Z'],
      [
        ['main', ['2024-12-31', '2025-05-31T23:59Z']],
        ['month', ['2025-06-01T00:00Z']],
        ['recent', ['2025-06-20', '2025-06-20T18:00Z']],
      ],
    ],
    [
      'no month bundle when the newest month has only its newest day',
      ['2025-05-31', '2025-06-01', '2025-06-01T12:00Z'],
      [
        ['main', ['2025-05-31']],
        ['recent', ['2025-06-01', '2025-06-01T12:00Z']],
      ],
    ],
    [
      'a month across a year end',
      ['2025-12-31', '2026-01-01'],
      [
        ['main', ['2025-12-31']],
        ['recent', ['2026-01-01']],
      ],
    ],
  ])('%s', (_name, dates, expected) => {
    const parts = searchParts(dates, (date) => date, FOLDERS);
    expect(parts.map((part) => [part.name, part.items])).toEqual(expected);
    expect(parts.map((part) => part.bundle)).toEqual(expected.map(([name]) => FOLDER_OF[name as string]));
  });

  const archive = ['2025-04-02', '2025-05-10', '2025-06-01', '2025-06-02'];
  const names = (dates: readonly string[]) => searchParts(dates, (date) => date, FOLDERS);

  it('changes only the recent bundle when a story of the newest day arrives', () => {
    const before = names(archive);
    const after = names([...archive, '2025-06-02T16:00Z']);
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.at(-1)).toEqual({ ...before.at(-1), items: ['2025-06-02', '2025-06-02T16:00Z'] });
  });

  it('moves the day before into the month bundle when a new day begins, leaving the archive', () => {
    const before = names(archive);
    const after = names([...archive, '2025-06-03']);
    expect(after[0]).toEqual(before[0]);
    expect(after.slice(1).map((part) => [part.name, part.items])).toEqual([
      ['month', ['2025-06-01', '2025-06-02']],
      ['recent', ['2025-06-03']],
    ]);
  });

  // Two stories a month from January to June 2025; archive bundles of up to `max` stories.
  const months = ['01', '02', '03', '04', '05', '06'].flatMap((month) => [`2025-${month}-01`, `2025-${month}-15`]);
  const split = (dates: readonly string[], max: number) =>
    searchParts(dates, (date) => date, { ...FOLDERS, maxStories: max }).map(
      (part) => `${part.name} ${part.bundle} ${part.items.map((date) => date.slice(5)).join(' ')}`,
    );

  it.each([
    [
      'whole months up to the limit, then a bundle named from its first month',
      months,
      4,
      [
        'main /pagefind/ 01-01 01-15 02-01 02-15',
        '2025-03 /pagefind-2025-03/ 03-01 03-15 04-01 04-15',
        '2025-05 /pagefind-2025-05/ 05-01 05-15',
        'month /pagefind-month/ 06-01',
        'recent /pagefind-recent/ 06-15',
      ],
    ],
    [
      'a month larger than the limit fills a bundle alone, never split',
      months,
      1,
      [
        'main /pagefind/ 01-01 01-15',
        '2025-02 /pagefind-2025-02/ 02-01 02-15',
        '2025-03 /pagefind-2025-03/ 03-01 03-15',
        '2025-04 /pagefind-2025-04/ 04-01 04-15',
        '2025-05 /pagefind-2025-05/ 05-01 05-15',
        'month /pagefind-month/ 06-01',
        'recent /pagefind-recent/ 06-15',
      ],
    ],
    [
      'one archive bundle while the archive is within the limit',
      months,
      10,
      [
        'main /pagefind/ 01-01 01-15 02-01 02-15 03-01 03-15 04-01 04-15 05-01 05-15',
        'month /pagefind-month/ 06-01',
        'recent /pagefind-recent/ 06-15',
      ],
    ],
    [
      'the stories in the order given, whatever their dates',
      ['2025-02-15', '2025-01-15', '2025-03-01', '2025-01-01'],
      1,
      ['main /pagefind/ 01-15 01-01', '2025-02 /pagefind-2025-02/ 02-15', 'recent /pagefind-recent/ 03-01'],
    ],
  ])('splits the archive: %s', (_name, dates, max, expected) => {
    expect(split(dates, max)).toEqual(expected);
  });

  it('rewrites only the last archive bundle when a new month begins', () => {
    const before = searchParts(months, (date) => date, { ...FOLDERS, maxStories: 4 });
    const after = searchParts([...months, '2025-07-02'], (date) => date, { ...FOLDERS, maxStories: 4 });
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after.map((part) => part.name)).toEqual(['main', '2025-03', '2025-05', 'recent']);
    expect(after[2]?.items).toEqual(['2025-05-01', '2025-05-15', '2025-06-01', '2025-06-15']);
    expect(after[3]?.items).toEqual(['2025-07-02']);
  });
});

describe('searchParts over several years', () => {
  /** `count` stories on the first of each month listed (`YYYY-MM`). */
  const stories = (months: Record<string, number>) =>
    Object.entries(months).flatMap(([month, count]) => Array.from({ length: count }, () => `${month}-01`));
  /** Each bundle as its name and months, `name: month×count ...`. */
  const split = (dates: readonly string[], max: number) =>
    searchParts(dates, (date) => date, { ...FOLDERS, maxStories: max }).map((part) => {
      const counts = new Map<string, number>();
      for (const date of part.items) counts.set(date.slice(0, 7), (counts.get(date.slice(0, 7)) ?? 0) + 1);
      return `${part.name}: ${[...counts].map(([month, count]) => `${month}×${count}`).join(' ')}`;
    });

  it.each([
    [
      'an archive within the limit stays one bundle across years',
      { '2022-11': 2, '2023-03': 3, '2024-07': 4, '2025-06': 9 },
      9,
      ['main: 2022-11×2 2023-03×3 2024-07×4', 'recent: 2025-06×9'],
    ],
    [
      'a bigger archive: a new year starts a new bundle, however little the last one holds',
      { '2022-11': 2, '2023-03': 3, '2024-07': 4, '2025-06': 1 },
      8,
      ['main: 2022-11×2', '2023-03: 2023-03×3', '2024-07: 2024-07×4', 'recent: 2025-06×1'],
    ],
    [
      'within a year, months fill bundles in date order up to the limit',
      { '2023-01': 2, '2023-02': 2, '2023-03': 2, '2024-01': 1, '2024-02': 3, '2024-03': 1 },
      4,
      ['main: 2023-01×2 2023-02×2', '2023-03: 2023-03×2', '2024-01: 2024-01×1 2024-02×3', 'recent: 2024-03×1'],
    ],
    [
      'a month bigger than the limit fills a bundle alone',
      { '2023-01': 1, '2023-02': 6, '2023-03': 1, '2024-01': 1 },
      4,
      ['main: 2023-01×1', '2023-02: 2023-02×6', '2023-03: 2023-03×1', 'recent: 2024-01×1'],
    ],
    [
      'the recent month starts a year alone: the year before ends the archive',
      { '2023-11': 3, '2023-12': 3, '2024-01': 5 },
      4,
      ['main: 2023-11×3', '2023-12: 2023-12×3', 'recent: 2024-01×5'],
    ],
  ])('%s', (_name, months, max, expected) => {
    expect(split(stories(months), max)).toEqual(expected);
  });

  // Three years of 2 stories a month, then the recent month; bundles of up to 7 stories.
  const archive: Record<string, number> = {};
  for (const year of ['2022', '2023', '2024']) {
    for (let month = 1; month <= 12; month += 1) archive[`${year}-${String(month).padStart(2, '0')}`] = 2;
  }
  archive['2025-01'] = 1;
  const before = split(stories(archive), 7);

  it.each([
    ['a story added to', 1],
    ['a story deleted from', -1],
    ['many stories added to', 20],
  ])("%s an old year's first month moves no other year's bundles", (_name, change) => {
    const after = split(stories({ ...archive, '2023-01': 2 + change }), 7);
    const ofYear = (parts: string[], year: string) => parts.filter((part) => part.includes(`${year}-`));
    expect(after).not.toEqual(before);
    for (const year of ['2022', '2024', '2025']) expect(ofYear(after, year)).toEqual(ofYear(before, year));
  });

  it('keeps the benchmark’s 10,000-story site (three years) to the main, month and recent bundles', () => {
    // The corpus `npm run bench` builds (tests/bench/run.ts): its first-search transfer is measured on these three.
    const dates = generateStories(10_000, 42).map((story) => story.pubDate);
    const parts = searchParts(dates, (date) => date, { ...FOLDERS, maxStories: SITE.searchBundleStories });
    expect(new Set(dates.map((date) => date.slice(0, 4))).size).toBe(3);
    expect(parts.map((part) => part.bundle)).toEqual(['/pagefind/', '/pagefind-month/', '/pagefind-recent/']);
    // A new story today re-indexes a day's stories, not a month's.
    expect(parts.at(-1)?.items.length).toBeLessThan(parts.at(-2)?.items.length ?? 0);
  });
});

describe('archiveBundleFolder and isSearchBundleFolder', () => {
  it('names an archive bundle beside the main one, never inside it', () => {
    expect(archiveBundleFolder('/pagefind/', '2024-03')).toBe('/pagefind-2024-03/');
  });

  it.each([
    ['pagefind', true],
    ['/pagefind/', true],
    ['pagefind-recent', true],
    ['pagefind-month', true],
    ['/pagefind-month/', true],
    ['pagefind-2024-03', true],
    ['pagefind-2024', false],
    ['pagefind-2024-03-extra', false],
    ['pagefinder', false],
    ['stories', false],
    ['pagefind.json', false],
  ])('%s is a search bundle: %s', (folder, expected) => {
    expect(isSearchBundleFolder(folder, FOLDERS)).toBe(expected);
  });
});

describe('sortDateOf', () => {
  it.each([
    ['<time datetime="2025-06-20T09:14Z" data-pagefind-sort="date[datetime]">', '2025-06-20T09:14Z'],
    [
      '<time data-pagefind-meta="date[datetime]" data-pagefind-sort="date[datetime]" datetime="2023-06-20">',
      '2023-06-20',
    ],
    [
      '<p><time datetime="2020-01-01">x</time><time datetime="2023-06-20" data-pagefind-sort="date[datetime]">',
      '2023-06-20',
    ],
    ['<time datetime="2023-06-20">no sort key</time>', undefined],
    ['<main>nothing</main>', undefined],
  ])('reads %s', (html, expected) => {
    expect(sortDateOf(html)).toBe(expected);
  });
});

describe('the search manifest', () => {
  const entry = (languages: Record<string, number>) =>
    JSON.stringify({
      version: '1.4.0',
      languages: Object.fromEntries(
        Object.entries(languages).map(([code, count]) => [code, { hash: `${code}_1`, wasm: code, page_count: count }]),
      ),
    });

  it('is in the main bundle folder', () => {
    expect(searchManifestPath('/pagefind/')).toBe('/pagefind/bundles.json');
  });

  it("lists a bundle with the languages and page counts of the entry Pagefind wrote, in the entry's order", () => {
    const bundle = manifestBundle({ name: '2024-03', bundle: '/pagefind-2024-03/' }, entry({ es: 4, ar: 1 }));
    expect(bundle).toEqual({
      name: '2024-03',
      bundle: '/pagefind-2024-03/',
      languages: { es: 4, ar: 1 },
      index: 'es_1 ar_1',
    });
    expect(Object.keys(bundle.languages)).toEqual(['es', 'ar']);
  });

  it('gives a bundle rewritten in its own folder, with as many stories, another index hash', () => {
    const before = manifestBundle({ name: 'main', bundle: '/pagefind/' }, entry({ en: 3 }));
    const rewritten = JSON.stringify({
      version: '1.4.0',
      languages: { en: { hash: 'en_2', wasm: 'en', page_count: 3 } },
    });
    const after = manifestBundle({ name: 'main', bundle: '/pagefind/' }, rewritten);
    expect(after.languages).toEqual(before.languages);
    expect(after.index).not.toBe(before.index);
  });

  it("opens first, when no language is the page's, the first of the commonest in Pagefind's entry order, through the manifest", () => {
    // As Pagefind's findIndex does: a stable sort of the entry's languages by page count.
    const written = JSON.stringify({
      bundles: [manifestBundle({ name: 'main', bundle: '/pagefind/' }, entry({ pt: 2, ar: 1, en: 2 }))],
    });
    const [first] = searchBundles(parseSearchManifest(JSON.parse(written)), 'fr');
    expect(first?.primary).toBe('pt');
    expect(first?.languages).toEqual(['ar', 'en', 'pt']);
  });

  it.each([
    ['no page count', '{"languages":{"en":{"hash":"en_1"}}}', 'the en index has no page_count'],
    ['no hash', '{"languages":{"en":{"page_count":1}}}', 'the en index has no hash'],
  ])('refuses an entry whose index has %s, naming the bundle', (_name, entry, message) => {
    expect(() => manifestBundle({ name: 'main', bundle: '/pagefind/' }, entry)).toThrow(
      `/pagefind/pagefind-entry.json: ${message}`,
    );
  });

  it.each([
    ['no object', null, 'has no list of bundles'],
    ['no list', { bundles: 'main' }, 'has no list of bundles'],
    ['a bundle without a folder', { bundles: [{ name: 'main', languages: {}, index: '' }] }, 'bundle 1 is not'],
    [
      'a folder without slashes',
      { bundles: [{ name: 'main', bundle: 'pagefind', languages: {}, index: '' }] },
      'bundle 1 is not',
    ],
    [
      'a count that is not a number',
      {
        bundles: [
          { name: 'main', bundle: '/pagefind/', languages: {}, index: '' },
          { name: 'x', bundle: '/x/', languages: { en: '1' }, index: 'en_1' },
        ],
      },
      'bundle 2 is not',
    ],
    [
      'a bundle without an index hash (from a build before the manifest had them)',
      { bundles: [{ name: 'main', bundle: '/pagefind/', languages: { en: 1 } }] },
      'bundle 1 is not a name, a /folder/, language counts and an index hash',
    ],
  ])('refuses a manifest with %s', (_name, value, message) => {
    expect(() => parseSearchManifest(value)).toThrow(message);
  });

  it('reads a manifest of no bundles (no stories yet) and of some', () => {
    expect(parseSearchManifest({ bundles: [] })).toEqual({ bundles: [] });
    const manifest = { bundles: [{ name: 'main', bundle: '/pagefind/', languages: { en: 2 }, index: 'en_1' }] };
    expect(parseSearchManifest(JSON.parse(JSON.stringify(manifest)))).toEqual(manifest);
  });
});

describe('ownLanguage', () => {
  it.each([
    ['the page language', { en: 1, es: 2 }, 'en', 'en'],
    ['whatever its case', { en: 1, es: 2 }, 'EN', 'en'],
    ['its base language', { en: 1, pt: 2 }, 'pt-BR', 'pt'],
    ['a regional index before the base one', { pt: 2, 'pt-br': 1 }, 'pt-BR', 'pt-br'],
    ['not a regional index for the base language', { 'pt-br': 1 }, 'pt', undefined],
    ['none for another language, however many stories it has', { en: 1, es: 2 }, 'fr', undefined],
    ['none in a bundle without indexes', {}, 'en', undefined],
    ["Pagefind's unknown for a page without a language", { en: 1, unknown: 1 }, '', 'unknown'],
  ])('finds %s', (_name, languages, pageLang, expected) => {
    expect(ownLanguage(languages, pageLang)).toBe(expected);
  });
});

describe('pagefindLanguage', () => {
  it.each([
    ['the page language', { en: 1, es: 2 }, 'en', 'en'],
    ['whatever its case', { en: 1, es: 2 }, 'EN', 'en'],
    ['its base language', { en: 1, pt: 2 }, 'pt-BR', 'pt'],
    ['a regional index for its region', { 'pt-br': 1, pt: 2 }, 'pt-BR', 'pt-br'],
    ['else the language with the most stories', { en: 1, es: 2 }, 'fr', 'es'],
    ['the first listed of those with as many', { es: 2, en: 2 }, 'fr', 'es'],
    ['the first listed of those with as many, not the first by code', { pt: 2, ar: 1, en: 2 }, 'fr', 'pt'],
    ["Pagefind's unknown index for a page without a language", { en: 3, unknown: 1 }, '', 'unknown'],
    ['else the commonest for a page without a language', { en: 3, es: 1 }, '', 'en'],
    ['none when there is no index', {}, 'en', undefined],
  ])('opens %s', (_name, languages, pageLang, expected) => {
    expect(pagefindLanguage(languages, pageLang)).toBe(expected);
  });
});

describe('searchBundles', () => {
  const bundle = (name: string, languages: Record<string, number>) => ({
    name,
    bundle: name === 'main' ? '/pagefind/' : name === 'recent' ? '/pagefind-recent/' : `/pagefind-${name}/`,
    languages,
    index: Object.keys(languages)
      .map((code) => `${code}_1`)
      .join(' '),
  });

  it.each([
    ['the page language when the main bundle has it', 'es', { en: 1, es: 1 }, 'es'],
    ['the language with the most stories otherwise', 'fr', { en: 1, es: 2 }, 'es'],
    ['whatever the case of the page language', 'ES', { en: 1, es: 1 }, 'es'],
  ])('opens first %s', (_name, pageLang, languages, primary) => {
    const [first, ...rest] = searchBundles({ bundles: [bundle('main', languages)] }, pageLang);
    expect(first).toEqual({ name: 'main', bundle: '/pagefind/', languages: ['en', 'es'], primary });
    expect(rest).toEqual([]);
  });

  const manifest = { bundles: [bundle('main', { es: 1, en: 1 }), bundle('recent', { en: 1, ar: 1 })] };

  it.each([
    [
      'the main bundle first when it has the page language',
      'es',
      [
        { name: 'main', bundle: '/pagefind/', languages: ['en', 'es'], primary: 'es' },
        { name: 'recent', bundle: '/pagefind-recent/', languages: ['ar', 'en'] },
      ],
    ],
    [
      'the main bundle first when both have it',
      'en',
      [
        { name: 'main', bundle: '/pagefind/', languages: ['en', 'es'], primary: 'en' },
        { name: 'recent', bundle: '/pagefind-recent/', languages: ['ar', 'en'] },
      ],
    ],
    [
      'the recent bundle first when only it has the page language, so its stemming is used',
      'ar',
      [
        { name: 'recent', bundle: '/pagefind-recent/', languages: ['ar', 'en'], primary: 'ar' },
        { name: 'main', bundle: '/pagefind/', languages: ['en', 'es'] },
      ],
    ],
    [
      'the recent bundle first for a regional page language whose base only it has',
      'ar-EG',
      [
        { name: 'recent', bundle: '/pagefind-recent/', languages: ['ar', 'en'], primary: 'ar' },
        { name: 'main', bundle: '/pagefind/', languages: ['en', 'es'] },
      ],
    ],
    [
      'the main bundle with the first of its commonest languages when neither has it',
      'fr',
      [
        { name: 'main', bundle: '/pagefind/', languages: ['en', 'es'], primary: 'es' },
        { name: 'recent', bundle: '/pagefind-recent/', languages: ['ar', 'en'] },
      ],
    ],
  ])('lists each bundle with its languages: %s', (_name, pageLang, expected) => {
    expect(searchBundles(manifest, pageLang)).toEqual(expected);
  });

  it('opens first the oldest archive bundle with the page language, then the others from the oldest', () => {
    const archive = {
      bundles: [
        bundle('main', { en: 1 }),
        bundle('2025-02', { es: 1 }),
        bundle('2025-03', { es: 1 }),
        bundle('recent', { en: 1 }),
      ],
    };
    expect(searchBundles(archive, 'es').map(({ name, primary }) => [name, primary])).toEqual([
      ['2025-02', 'es'],
      ['main', undefined],
      ['2025-03', undefined],
      ['recent', undefined],
    ]);
  });

  it('opens nothing when the build indexed no story', () => {
    expect(searchBundles({ bundles: [] }, 'en')).toEqual([]);
  });
});

describe('sameManifest', () => {
  const manifest = (...bundles: [string, Record<string, number>, string?][]) => ({
    bundles: bundles.map(([bundle, languages, index = 'x_1']) => ({
      name: bundle.replaceAll('/', ''),
      bundle,
      languages,
      index,
    })),
  });
  const opened = manifest(['/pagefind/', { en: 3, es: 1 }], ['/pagefind-recent/', { en: 1 }]);

  it.each([
    [
      'the same bundles, parsed anew',
      manifest(['/pagefind/', { en: 3, es: 1 }], ['/pagefind-recent/', { en: 1 }]),
      true,
    ],
    ['a story more in a bundle', manifest(['/pagefind/', { en: 3, es: 1 }], ['/pagefind-recent/', { en: 2 }]), false],
    [
      'a bundle in another folder',
      manifest(['/pagefind/', { en: 3, es: 1 }], ['/pagefind-2025-06/', { en: 1 }]),
      false,
    ],
    ['a bundle fewer', manifest(['/pagefind/', { en: 3, es: 1 }]), false],
    ['a new language', manifest(['/pagefind/', { en: 3, es: 1, ar: 1 }], ['/pagefind-recent/', { en: 1 }]), false],
    ['languages in another order', manifest(['/pagefind/', { es: 1, en: 3 }], ['/pagefind-recent/', { en: 1 }]), false],
    [
      'a bundle rewritten in its own folder with as many stories (new index hashes)',
      manifest(['/pagefind/', { en: 3, es: 1 }], ['/pagefind-recent/', { en: 1 }, 'en_2']),
      false,
    ],
  ])('%s: %s', (_name, latest, same) => {
    expect(sameManifest(opened, latest)).toBe(same);
  });
});

describe('searchOrReopen', () => {
  /**
   * A search page's bundles: a search on the stale ones gives `stale` (an error, or nothing
   * found), one on bundles opened afresh gives `fresh`; `reopens` says whether reopening
   * opens anything, or throws.
   */
  const page = (stale: Error | string[], fresh: Error | string[], reopens: boolean | Error = true) => {
    const calls: string[] = [];
    let current = 'stale';
    const search = async () => {
      calls.push(`search ${current}`);
      const outcome = current === 'stale' ? stale : fresh;
      if (outcome instanceof Error) throw outcome;
      return outcome;
    };
    const reopen = async (cause: RetryCause) => {
      calls.push(`reopen after ${cause}`);
      if (reopens instanceof Error) throw reopens;
      if (reopens) current = 'fresh';
      return reopens;
    };
    return { calls, run: () => searchOrReopen(search, reopen, (found) => found.length === 0) };
  };

  it('returns what the first search found, and reopens nothing', async () => {
    const { calls, run } = page(['/stories/a/'], new Error('not asked'));
    expect(await run()).toEqual(['/stories/a/']);
    expect(calls).toEqual(['search stale']);
  });

  it('after a failed search, reopens the bundles and searches them', async () => {
    const { calls, run } = page(new Error('404 fetching /pagefind/fragment/x.pf_fragment'), ['/stories/a/']);
    expect(await run()).toEqual(['/stories/a/']);
    expect(calls).toEqual(['search stale', 'reopen after failed', 'search fresh']);
  });

  it('after a search that found nothing, searches again only when bundles were reopened', async () => {
    const changed = page([], ['/stories/a/'], true);
    expect(await changed.run()).toEqual(['/stories/a/']);
    expect(changed.calls).toEqual(['search stale', 'reopen after empty', 'search fresh']);
    const unchanged = page([], new Error('not asked'), false);
    expect(await unchanged.run()).toEqual([]);
    expect(unchanged.calls).toEqual(['search stale', 'reopen after empty']);
  });

  it("throws the retry's error when the search on the reopened bundles fails too, and tries no third time", async () => {
    const { calls, run } = page(new Error('stale'), new Error('fresh fails too'));
    await expect(run()).rejects.toThrow('fresh fails too');
    expect(calls).toEqual(['search stale', 'reopen after failed', 'search fresh']);
  });

  it('throws the error of reopening (the manifest cannot be fetched), without searching again', async () => {
    const { calls, run } = page(new Error('stale'), ['/stories/a/'], new Error('/pagefind/bundles.json answered 404'));
    await expect(run()).rejects.toThrow('/pagefind/bundles.json answered 404');
    expect(calls).toEqual(['search stale', 'reopen after failed']);
  });

  it('does not reopen again when the search on reopened bundles finds nothing', async () => {
    const { calls, run } = page(new Error('stale'), []);
    expect(await run()).toEqual([]);
    expect(calls).toEqual(['search stale', 'reopen after failed', 'search fresh']);
  });
});

describe('indexedSource', () => {
  const story = (parts: { lang?: string; nav?: string; article?: string; related?: string }) =>
    `<html lang="${parts.lang ?? 'en'}"><body><nav data-pagefind-ignore>${parts.nav ?? 'Sections'}</nav><main>` +
    `<article data-pagefind-body data-pagefind-filter="language:en"><h1>${parts.article ?? 'Headline'}</h1></article>` +
    `<aside class="related" data-pagefind-ignore>${parts.related ?? 'Other story'}</aside></main></body></html>`;

  it.each([
    ['a new related story', { related: 'A newer story' }, true],
    ['a changed navigation', { nav: 'Sections, Sport' }, true],
    ['a changed headline', { article: 'Corrected headline' }, false],
    ['another language', { lang: 'es' }, false],
  ])('%s: the same for the index is %s', (_name, change, same) => {
    expect(indexedSource(story(change)) === indexedSource(story({}))).toBe(same);
  });

  it("reaches the article's own end tag past an article inside the story text", () => {
    const page = (tail: string) =>
      `<html lang="en"><article data-pagefind-body><h1>H</h1><article><p>quoted</p></article><p>${tail}</p></article><aside>x</aside>`;
    expect(indexedSource(page('Corrected text'))).not.toBe(indexedSource(page('Old text')));
    expect(indexedSource(page('x'))?.endsWith('<p>x</p></article>')).toBe(true);
  });

  it('is undefined for a page without a data-pagefind-body article', () => {
    expect(indexedSource('<html lang="en"><main><h1>About</h1></main></html>')).toBeUndefined();
  });
});

describe('mergeByScore', () => {
  const r = (id: string, score: number) => ({ id, score });

  it.each([
    ['one list keeps its order', [[r('a', 5), r('b', 1)]], ['a', 'b']],
    [
      "a small index's best match ranks with the big index's best, not below all of it",
      [
        [r('old-best', 9), r('old-good', 6), r('old-weak', 1)],
        [r('new-best', 0.3), r('new-weak', 0.1)],
      ],
      ['old-best', 'new-best', 'old-good', 'new-weak', 'old-weak'],
    ],
    ['ties keep the lists order', [[r('a', 2)], [r('b', 4)]], ['a', 'b']],
    ['empty lists are skipped', [[], [r('a', 1)], []], ['a']],
    ['zero scores rank last', [[r('z', 0)], [r('a', 1)]], ['a', 'z']],
  ])('%s', (_name, lists, expected) => {
    expect(mergeByScore(lists).map((result) => result.id)).toEqual(expected);
  });
});
