/**
 * Archive search: which built pages go into the Pagefind index, and how the search page's
 * address (`/search/?q=...&section=...`) maps to a Pagefind query and back. Pure: the
 * search page's script and the build both use it, and tests call it directly.
 */
import { formatMessage, pluralMessage } from './i18n/format.ts';
import type { Messages } from './i18n/types.ts';

/** The filters a reader can narrow a search by; each is a Pagefind filter of the same name. */
export const SEARCH_FILTERS = ['section', 'agency', 'language', 'year'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** The orders results can come in: Pagefind's relevance, or by the `date` sort key. */
export const SEARCH_SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** What a search asks for, as the page's address and form hold it. */
export interface SearchState {
  /** The words typed, trimmed; empty when there are none. */
  q: string;
  /** Chosen filter values; a filter left out means "any". */
  filters: Partial<Record<SearchFilter, string>>;
  sort: SearchSort;
}

/**
 * The filter values a search page starts from when its address does not name them: an
 * edition's search page (`/es/search/`) starts with its own language. The reader can widen
 * a default (an empty value in the address, `language=`, means any); a default alone is not
 * something to search for.
 */
export type SearchDefaults = Partial<Record<SearchFilter, string>>;

/** Longest query kept from an address: longer ones are cut, never an error. */
const MAX_QUERY = 200;

/**
 * Reads a search from the page's query string. Unknown parameters are ignored; an unknown
 * sort falls back to relevance. A filter the address leaves out takes its default, and one
 * it gives empty (`language=`) means any.
 *
 * @example
 * parseSearchState(new URLSearchParams('q=tokayev&section=Conflicts+%26+War&sort=newest'));
 * // { q: 'tokayev', filters: { section: 'Conflicts & War' }, sort: 'newest' }
 * parseSearchState(new URLSearchParams('q=pib'), { language: 'es' }); // { q: 'pib', filters: { language: 'es' }, sort: 'relevance' }
 * parseSearchState(new URLSearchParams('q=pib&language='), { language: 'es' }); // { q: 'pib', filters: {}, sort: 'relevance' }
 */
export function parseSearchState(params: URLSearchParams, defaults: SearchDefaults = {}): SearchState {
  const filters: SearchState['filters'] = {};
  for (const name of SEARCH_FILTERS) {
    const value = params.has(name) ? params.get(name)?.trim() : defaults[name];
    if (value) filters[name] = value;
  }
  const sort = params.get('sort') ?? '';
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY),
    filters,
    sort: (SEARCH_SORTS as readonly string[]).includes(sort) ? (sort as SearchSort) : 'relevance',
  };
}

/**
 * The query string for a search, in a fixed order and without the parts that are as the
 * page starts (no words, a filter at its default, best match first), so that the same search
 * always has the same address. A filter widened from its default to any is written empty.
 *
 * @example
 * searchQueryString({ q: 'tokayev', filters: { year: '2023' }, sort: 'relevance' }); // "?q=tokayev&year=2023"
 * searchQueryString({ q: '', filters: {}, sort: 'relevance' }); // ""
 * searchQueryString({ q: 'pib', filters: { language: 'es' }, sort: 'relevance' }, { language: 'es' }); // "?q=pib"
 * searchQueryString({ q: 'pib', filters: {}, sort: 'relevance' }, { language: 'es' }); // "?q=pib&language="
 */
export function searchQueryString(state: SearchState, defaults: SearchDefaults = {}): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of SEARCH_FILTERS) {
    const value = state.filters[name] ?? '';
    if (value !== (defaults[name] ?? '')) params.set(name, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What to pass to Pagefind's `search(term, options)`. */
export interface PagefindQuery {
  /** The words, or null for a filter-only search (every story that matches the filters). */
  term: string | null;
  options: { filters: Record<string, string>; sort: Record<string, 'asc' | 'desc'> };
}

/**
 * The filters of a search that the reader chose: those with a value other than the page's
 * default for them.
 *
 * @example
 * chosenFilters({ q: '', filters: { language: 'es', year: '2023' }, sort: 'relevance' }, { language: 'es' }); // ["year"]
 */
export function chosenFilters(state: SearchState, defaults: SearchDefaults = {}): SearchFilter[] {
  return SEARCH_FILTERS.filter((name) => {
    const value = state.filters[name];
    return value !== undefined && value !== '' && value !== defaults[name];
  });
}

/**
 * Turns a search into a Pagefind query, or undefined when there is nothing to search for:
 * no words, and no filter the reader chose (a default, such as an edition's language, does
 * not list the whole archive on its own).
 *
 * @example
 * pagefindQuery({ q: '', filters: { section: 'Economy' }, sort: 'newest' });
 * // { term: null, options: { filters: { section: 'Economy' }, sort: { date: 'desc' } } }
 * pagefindQuery({ q: '', filters: { language: 'es' }, sort: 'relevance' }, { language: 'es' }); // undefined
 */
export function pagefindQuery(state: SearchState, defaults: SearchDefaults = {}): PagefindQuery | undefined {
  const filters: Record<string, string> = {};
  for (const name of SEARCH_FILTERS) {
    const value = state.filters[name];
    if (value) filters[name] = value;
  }
  if (!state.q && chosenFilters(state, defaults).length === 0) return undefined;
  // A filter-only search has no relevance: newest first reads best.
  const sort = state.sort === 'relevance' && state.q ? undefined : state.sort === 'oldest' ? 'asc' : 'desc';
  return { term: state.q || null, options: { filters, sort: sort ? { date: sort } : {} } };
}

/** The messages the search page's script reports with, from the page language's table. */
export type SearchMessages = Pick<
  Messages,
  'searchForWords' | 'searchForFilters' | 'searchNarrowed' | 'searchNone' | 'searchFound'
>;

/**
 * The sentence that reports a search's outcome, for the page and its live region, in the
 * page's language. Filters at the page's defaults (`defaults`) are not called chosen.
 *
 * @example
 * resultSummary(1, { q: 'tokayev', filters: {}, sort: 'relevance' }, MESSAGES.en, 'en'); // "1 story matches “tokayev”."
 * resultSummary(0, { q: 'zzz', filters: {}, sort: 'relevance' }, MESSAGES.en, 'en');
 * // "No stories match “zzz”. Check the spelling, try other or fewer words, or widen the filters."
 * resultSummary(2, { q: 'pib', filters: {}, sort: 'relevance' }, MESSAGES.es, 'es'); // "2 noticias coinciden con «pib»."
 */
export function resultSummary(
  count: number,
  state: SearchState,
  messages: SearchMessages,
  lang: string,
  defaults: SearchDefaults = {},
): string {
  const what = state.q ? formatMessage(messages.searchForWords, { q: state.q }, lang) : messages.searchForFilters;
  const narrowed = state.q && chosenFilters(state, defaults).length > 0 ? messages.searchNarrowed : '';
  if (count === 0) return formatMessage(messages.searchNone, { what, narrowed }, lang);
  return pluralMessage(messages.searchFound, count, { what, narrowed }, lang);
}

/**
 * Whether a built HTML file (a path relative to the output folder) is a story page, the only
 * pages the search index reads.
 *
 * @example
 * isStoryPage('stories/tokayev/index.html'); // true
 * isStoryPage('sections/economy/index.html'); // false
 */
export function isStoryPage(file: string): boolean {
  return /^stories\/[^/]+\/index\.html$/.test(file.replaceAll('\\', '/').replace(/^\/+/, ''));
}

/** The glob, relative to the output folder, that picks the story pages for the index. */
export const STORY_PAGES_GLOB = 'stories/*/index.html';

/** One Pagefind index a search page opened: a bundle's index of one language, tagged with a part of its own. */
export interface OpenedIndex {
  /** Its merge filter value (`part`), which no other index shares. */
  part: string;
  /** Its language, as Pagefind codes it (lower case). */
  language: string;
}

/**
 * The Pagefind searches that run a query over the indexes a page opened: one per index (so
 * that each can be ranked and sorted on its own), or a single one when there is one index.
 * The language filter picks indexes (each holds one language) and is not passed on to
 * Pagefind, where it would load each index's language filter chunk; a language no index
 * has means no search at all.
 *
 * @example
 * const indexes = [{ part: 'main en', language: 'en' }, { part: 'main es', language: 'es' }];
 * indexSearches(indexes, { term: 'pib', options: { filters: { language: 'es' }, sort: {} } });
 * // [{ filters: { part: 'main es' }, sort: {} }]
 * indexSearches(indexes.slice(0, 1), { term: 'gdp', options: { filters: {}, sort: {} } });
 * // [{ filters: {}, sort: {} }]
 */
export function indexSearches(indexes: readonly OpenedIndex[], query: PagefindQuery): PagefindQuery['options'][] {
  const { language, ...filters } = query.options.filters;
  const wanted = language?.toLowerCase();
  const asked = indexes.filter((index) => !wanted || index.language === wanted);
  if (indexes.length === 1 && asked.length === 1) return [{ ...query.options, filters }];
  return asked.map(({ part }) => ({ ...query.options, filters: { ...filters, part } }));
}

/** A list of results whose items are loaded one at a time (Pagefind loads each result's data on demand). */
export interface ResultSource<T> {
  /** How many results there are in all. */
  total: number;
  /** Loads and returns the next `count` results, in order; fewer at the end. */
  take(count: number): Promise<T[]>;
}

/**
 * Results in the order they come, loading only those taken.
 *
 * @example
 * await inOrder([1, 2, 3], async (n) => n * 10).take(2); // [10, 20]
 */
export function inOrder<R, T>(results: readonly R[], load: (result: R) => Promise<T>): ResultSource<T> {
  let next = 0;
  return {
    total: results.length,
    async take(count) {
      const slice = results.slice(next, next + count);
      next += slice.length;
      return Promise.all(slice.map(load));
    },
  };
}

/**
 * Merges lists that are each in date order (one per language index: Pagefind sorts within an
 * index, not across merged ones) into one list in date order, loading only the items it
 * must compare: at most one ahead per list.
 *
 * @example
 * const source = mergeByDate([['2023-01-02', '2021-05-01'], ['2022-03-04']], async (d) => d, (d) => d, 'desc');
 * await source.take(3); // ['2023-01-02', '2022-03-04', '2021-05-01']
 */
export function mergeByDate<R, T>(
  lists: readonly (readonly R[])[],
  load: (result: R) => Promise<T>,
  dateOf: (item: T) => string,
  order: 'asc' | 'desc',
): ResultSource<T> {
  const positions = lists.map(() => 0);
  const loaded = new Map<R, Promise<T>>();
  const get = (result: R) => {
    let item = loaded.get(result);
    if (!item) loaded.set(result, (item = load(result)));
    return item;
  };
  return {
    total: lists.reduce((sum, list) => sum + list.length, 0),
    async take(count) {
      const taken: T[] = [];
      while (taken.length < count) {
        const heads = await Promise.all(
          lists.map((list, k) => {
            const result = list[positions[k] ?? 0];
            return result === undefined ? undefined : get(result);
          }),
        );
        let best = -1;
        heads.forEach((head, k) => {
          if (head === undefined) return;
          const current = best < 0 ? undefined : heads[best];
          if (current === undefined) best = k;
          else if (order === 'desc' ? dateOf(head) > dateOf(current) : dateOf(head) < dateOf(current)) best = k;
        });
        const chosen = best < 0 ? undefined : heads[best];
        if (chosen === undefined) break;
        taken.push(chosen);
        positions[best] = (positions[best] ?? 0) + 1;
      }
      return taken;
    },
  };
}

/** One Pagefind bundle of the search index: a folder of the built site, and the stories in it. */
export interface SearchPart<T> {
  /**
   * The bundle's part, unique among the bundles (the search page tags each bundle's results
   * with it): `main` for the oldest stories (or all of them), `recent` for the newest
   * story's day, `month` for the other days of its month, and the first month (`2024-03`)
   * of each further archive bundle.
   */
  name: string;
  /** The bundle's folder in the site, with slashes at both ends (`/pagefind/`). */
  bundle: string;
  items: T[];
}

/** Where the search bundles go, and how many stories an archive bundle may hold. */
export interface SearchFolders {
  /** The oldest stories' bundle (`/pagefind/`); further archive bundles are named from it and their first month (`/pagefind-2024-03/`). */
  main: string;
  /** The newest story's day's bundle (`/pagefind-recent/`). */
  recent: string;
  /** The bundle of the other days of the newest story's month (`/pagefind-month/`). */
  month: string;
  /**
   * The most stories the archive's one bundle holds; past it, the archive is split by year
   * into bundles of up to this many (see {@link searchParts}; a month is never split, so a
   * month with more stories fills a bundle alone). Pagefind holds a whole bundle in memory
   * while it writes it, so this bounds the indexer's memory.
   */
  maxStories: number;
}

/**
 * The folder of the archive bundle that starts with `month` (`YYYY-MM`): the main folder's
 * name with the month added, a sibling of it (Pagefind will not merge an index whose folder
 * holds the first one's).
 *
 * @example
 * archiveBundleFolder('/pagefind/', '2024-03'); // "/pagefind-2024-03/"
 */
export function archiveBundleFolder(main: string, month: string): string {
  return `${main.replace(/\/+$/, '')}-${month}/`;
}

/**
 * Whether a top-level folder of the built site (`pagefind-2024-03`) is a search bundle the
 * search step owns: the main one, the recent and month ones, or one named from the main one,
 * however the stories split today.
 *
 * @example
 * const folders = { main: '/pagefind/', recent: '/pagefind-recent/', month: '/pagefind-month/' };
 * isSearchBundleFolder('pagefind-recent', folders); // true
 * isSearchBundleFolder('pagefind-2024-03', folders); // true
 * isSearchBundleFolder('stories', folders); // false
 */
export function isSearchBundleFolder(
  folder: string,
  folders: Pick<SearchFolders, 'main' | 'recent' | 'month'>,
): boolean {
  const bare = (path: string) => path.replace(/^\/+|\/+$/g, '');
  const name = bare(folder);
  const main = bare(folders.main);
  if (name === main || name === bare(folders.recent) || name === bare(folders.month)) return true;
  return name.startsWith(`${main}-`) && /^\d{4}-\d{2}$/.test(name.slice(main.length + 1));
}

/**
 * Splits the indexed stories into the search index's bundles, by their `YYYY-MM-DD...`
 * dates, so that the bundle a new story changes is small:
 * - the stories of the newest story's day go to the recent bundle, so a new story today
 *   re-indexes only today's stories (on the benchmark's corpus, 6 of its month's 268 at
 *   10,000 stories, 91 of 2,676 at 100,000);
 * - the other days of the newest story's month go to the month bundle, which is written
 *   again once a day, when a new day's first story arrives;
 * - the older ones (the archive) all go to the main bundle while there are at most
 *   `maxStories` of them;
 * - a bigger archive is split by calendar year: each year's months fill bundles in date
 *   order, up to `maxStories` stories each, and a new year always starts a new bundle. The
 *   oldest bundle is the main one; each other is named from its first month. A month is
 *   never split, so a month with more stories fills a bundle alone.
 *
 * The split depends only on the stories (a clean build and an incremental one agree), and
 * a change is bounded: a story added to or deleted from an old month can move the bundle
 * boundaries of its own year after that month, never another year's. When a new day
 * begins, the day before joins the month bundle; when a new month begins, the month before
 * joins its year's last bundle (or starts the next one), so only that bundle is written
 * again. Crossing `maxStories` (the archive outgrowing one bundle, or shrinking back into
 * one) changes the split once.
 *
 * While there is no archive (every story is of the newest month), the main bundle takes
 * the month's other days; when every story is of one day, there is one bundle, the main
 * one, with all of them. No stories, no bundles; an empty bundle is never made. Each
 * bundle keeps the stories in the order given.
 *
 * @example
 * searchParts(['2024-11-30', '2024-12-30', '2025-05-30', '2025-06-01', '2025-06-02'], (date) => date, {
 *   main: '/pagefind/',
 *   recent: '/pagefind-recent/',
 *   month: '/pagefind-month/',
 *   maxStories: 2,
 * });
 * // [{ name: 'main', bundle: '/pagefind/', items: ['2024-11-30', '2024-12-30'] },
 * //  { name: '2025-05', bundle: '/pagefind-2025-05/', items: ['2025-05-30'] },
 * //  { name: 'month', bundle: '/pagefind-month/', items: ['2025-06-01'] },
 * //  { name: 'recent', bundle: '/pagefind-recent/', items: ['2025-06-02'] }]
 */
export function searchParts<T>(
  items: readonly T[],
  dateOf: (item: T) => string,
  folders: SearchFolders,
): SearchPart<T>[] {
  const dayOf = items.map((item) => dateOf(item).slice(0, 10));
  const newestDay = dayOf.reduce<string | undefined>(
    (newest, day) => (newest === undefined || day > newest ? day : newest),
    undefined,
  );
  if (newestDay === undefined) return [];
  const newestMonth = newestDay.slice(0, 7);
  // Each story's place: the newest day, the rest of its month, or its month in the archive.
  const placeOf = dayOf.map((day) =>
    day === newestDay ? 'recent' : day.slice(0, 7) === newestMonth ? 'month' : day.slice(0, 7),
  );
  const counts = new Map<string, number>();
  for (const place of placeOf) counts.set(place, (counts.get(place) ?? 0) + 1);
  const archive = [...counts.keys()].filter((place) => place !== 'recent' && place !== 'month').sort();
  const byYear = archive.reduce((sum, month) => sum + (counts.get(month) ?? 0), 0) > folders.maxStories;
  const parts: SearchPart<T>[] = [];
  const partOf = new Map<string, SearchPart<T>>();
  let filled = 0;
  let year = '';
  for (const month of archive) {
    const count = counts.get(month) ?? 0;
    let part = parts.at(-1);
    if (!part) {
      part = { name: 'main', bundle: folders.main, items: [] };
    } else if (byYear && (month.slice(0, 4) !== year || filled + count > folders.maxStories)) {
      part = { name: month, bundle: archiveBundleFolder(folders.main, month), items: [] };
    }
    if (part !== parts.at(-1)) {
      parts.push(part);
      filled = 0;
    }
    filled += count;
    year = month.slice(0, 4);
    partOf.set(month, part);
  }
  // The newest month's other days, and then the newest day, each take the main bundle while
  // there is nothing older; otherwise a bundle of their own.
  for (const place of ['month', 'recent'] as const) {
    if (!counts.has(place)) continue;
    const part: SearchPart<T> =
      parts.length === 0
        ? { name: 'main', bundle: folders.main, items: [] }
        : { name: place, bundle: folders[place], items: [] };
    parts.push(part);
    partOf.set(place, part);
  }
  items.forEach((item, index) => partOf.get(placeOf[index] ?? '')?.items.push(item));
  return parts;
}

/**
 * The date a built story page gives Pagefind to sort by: the `datetime` of the element
 * marked `data-pagefind-sort="date[datetime]"`, or undefined when the page has none.
 *
 * @example
 * sortDateOf('<time datetime="2025-06-20T09:14Z" data-pagefind-sort="date[datetime]">'); // "2025-06-20T09:14Z"
 */
export function sortDateOf(html: string): string | undefined {
  const tag = /<[a-z]+\s[^>]*\bdata-pagefind-sort="date\[datetime\]"[^>]*>/i.exec(html)?.[0];
  return tag === undefined ? undefined : /\sdatetime="([^"]+)"/i.exec(tag)?.[1];
}

/** The file, in the main bundle's folder, where the search step lists the bundles it wrote. */
export const SEARCH_MANIFEST_FILE = 'bundles.json';

/**
 * The address of the search manifest: in the main bundle's folder, which the search step
 * owns (the incremental build's prune leaves it alone) and writes even when there are no
 * stories.
 *
 * @example
 * searchManifestPath('/pagefind/'); // "/pagefind/bundles.json"
 */
export function searchManifestPath(main: string): string {
  return `${main.replace(/\/+$/, '')}/${SEARCH_MANIFEST_FILE}`;
}

/** One bundle the search step wrote, as its manifest lists it. */
export interface ManifestBundle {
  /** The bundle's part ({@link SearchPart} `name`): `main`, `recent` or its first month. */
  name: string;
  /** Its folder in the site, with slashes at both ends (`/pagefind/`). */
  bundle: string;
  /** Each language Pagefind wrote an index for in it (Pagefind's code, lower case) and that index's story count. */
  languages: Record<string, number>;
  /**
   * The bundle's index fingerprint: the hashes Pagefind gave its languages' indexes (in
   * `pagefind-entry.json`), which change whenever it writes other index content, even into
   * the same folder with the same story counts.
   */
  index: string;
}

/**
 * What the search step wrote: every bundle, oldest stories first. The search page fetches
 * it afresh before it opens any bundle, so a page kept open across a build opens the
 * bundles that build wrote, not the ones the page was built with.
 */
export interface SearchManifest {
  bundles: ManifestBundle[];
}

/**
 * A bundle's manifest entry, from the `pagefind-entry.json` Pagefind wrote into it (its
 * languages, their page counts and their index hashes).
 *
 * @example
 * manifestBundle({ name: 'main', bundle: '/pagefind/' }, '{"version":"1.4.0","languages":{"en":{"hash":"en_1","wasm":"en","page_count":3}}}');
 * // { name: 'main', bundle: '/pagefind/', languages: { en: 3 }, index: 'en_1' }
 */
export function manifestBundle(part: Pick<SearchPart<unknown>, 'name' | 'bundle'>, entry: string): ManifestBundle {
  const parsed = JSON.parse(entry) as { languages?: Record<string, { page_count?: unknown; hash?: unknown }> };
  const languages: Record<string, number> = {};
  const hashes: string[] = [];
  for (const [code, index] of Object.entries(parsed.languages ?? {})) {
    if (typeof index.page_count !== 'number') {
      throw new Error(`${part.bundle}pagefind-entry.json: the ${code} index has no page_count`);
    }
    if (typeof index.hash !== 'string' || index.hash === '') {
      throw new Error(`${part.bundle}pagefind-entry.json: the ${code} index has no hash`);
    }
    languages[code] = index.page_count;
    hashes.push(index.hash);
  }
  return { name: part.name, bundle: part.bundle, languages, index: hashes.join(' ') };
}

/**
 * Checks what the search page fetched as the manifest, and returns it typed, or throws an
 * error that says what is wrong with it.
 *
 * @example
 * parseSearchManifest({ bundles: [{ name: 'main', bundle: '/pagefind/', languages: { en: 3 }, index: 'en_1' }] }).bundles.length; // 1
 * parseSearchManifest({ bundles: 'none' }); // throws "The search manifest has no list of bundles"
 */
export function parseSearchManifest(value: unknown): SearchManifest {
  const bundles = (value as { bundles?: unknown } | null)?.bundles;
  if (!Array.isArray(bundles)) throw new Error('The search manifest has no list of bundles');
  bundles.forEach((bundle: unknown, index) => {
    const {
      name,
      bundle: folder,
      languages,
      index: hash,
    } = (bundle ?? {}) as Partial<Record<keyof ManifestBundle, unknown>>;
    const valid =
      typeof name === 'string' &&
      typeof hash === 'string' &&
      typeof folder === 'string' &&
      folder.startsWith('/') &&
      folder.endsWith('/') &&
      typeof languages === 'object' &&
      languages !== null &&
      Object.values(languages).every((count) => typeof count === 'number');
    if (!valid)
      throw new Error(
        `The search manifest's bundle ${index + 1} is not a name, a /folder/, language counts and an index hash`,
      );
  });
  return { bundles: bundles as ManifestBundle[] };
}

/**
 * Whether two manifests list the same bundles: the same folders with the same languages,
 * story counts, order and index hashes (a build that rewrote a bundle in its own folder, with
 * as many stories, gave it new hashes). A search page compares the one it opened its bundles
 * from with the one the server has now, to learn whether a build has changed them since.
 *
 * @example
 * const opened = { bundles: [{ name: 'main', bundle: '/pagefind/', languages: { en: 3 }, index: 'en_1' }] };
 * sameManifest(opened, { bundles: [{ name: 'main', bundle: '/pagefind/', languages: { en: 3 }, index: 'en_1' }] }); // true
 * sameManifest(opened, { bundles: [{ name: 'main', bundle: '/pagefind/', languages: { en: 3 }, index: 'en_2' }] }); // false
 */
export function sameManifest(a: SearchManifest, b: SearchManifest): boolean {
  const key = ({ bundles }: SearchManifest) =>
    JSON.stringify(
      bundles.map(({ name, bundle, languages, index }) => [name, bundle, Object.entries(languages), index]),
    );
  return key(a) === key(b);
}

/** What the search page's script needs of each bundle to open it: where it is, its part and its languages. */
export interface SearchBundle {
  name: string;
  bundle: string;
  /** The languages the bundle has an index for (Pagefind's codes, lower case), in code order. */
  languages: string[];
  /**
   * The language Pagefind opens first (only the first bundle has one): the page's language
   * when the bundle has it, or else the one with the most stories, as Pagefind picks.
   */
  primary?: string;
}

/**
 * The page's own language among a bundle's `languages`, as Pagefind matches it: the page's
 * language (in lower case; `unknown` for a page without one, as Pagefind indexes and opens
 * it), or else its base language (`pt` for `pt-BR`); undefined when the bundle has neither.
 *
 * @example
 * ownLanguage({ en: 2, es: 5 }, 'EN'); // "en"
 * ownLanguage({ en: 2, pt: 1 }, 'pt-BR'); // "pt"
 * ownLanguage({ en: 2, unknown: 1 }, ''); // "unknown"
 * ownLanguage({ en: 2, es: 5 }, 'fr'); // undefined
 */
export function ownLanguage(languages: Record<string, number>, pageLang: string): string | undefined {
  const page = (pageLang || 'unknown').toLowerCase();
  return [page, page.split('-')[0] ?? page].find((code) => Object.hasOwn(languages, code));
}

/**
 * The language of `languages` Pagefind opens for a page in `pageLang`, as Pagefind 1.x
 * picks it (its `findIndex`): the page's own ({@link ownLanguage}), or else the one with
 * the most stories. Pagefind sorts its entry file's languages by page count with a stable
 * sort, so of those with as many the first listed in `pagefind-entry.json` wins; the
 * manifest lists them in that order ({@link manifestBundle}), and so does `languages`.
 *
 * @example
 * pagefindLanguage({ en: 2, es: 5 }, 'EN'); // "en"
 * pagefindLanguage({ en: 2, pt: 1 }, 'pt-BR'); // "pt"
 * pagefindLanguage({ en: 2, es: 5 }, 'fr'); // "es"
 */
export function pagefindLanguage(languages: Record<string, number>, pageLang: string): string | undefined {
  return (
    ownLanguage(languages, pageLang) ??
    Object.entries(languages).reduce<[string, number] | undefined>(
      (best, entry) => (best === undefined || entry[1] > best[1] ? entry : best),
      undefined,
    )?.[0]
  );
}

/**
 * The bundles a search page opens, in order, from the search step's manifest. Pagefind
 * opens the first with its primary language and merges every other language and bundle
 * into it; merged indexes are searched with the primary's word stemming, so the first
 * bundle is the oldest one that has the page's language (the oldest one when none has it).
 *
 * @example
 * searchBundles(
 *   { bundles: [
 *     { name: 'main', bundle: '/pagefind/', languages: { es: 1 }, index: 'es_1' },
 *     { name: 'recent', bundle: '/pagefind-recent/', languages: { en: 1 }, index: 'en_1' },
 *   ] },
 *   'en',
 * );
 * // [{ name: 'recent', bundle: '/pagefind-recent/', languages: ['en'], primary: 'en' },
 * //  { name: 'main', bundle: '/pagefind/', languages: ['es'] }]
 */
export function searchBundles(manifest: SearchManifest, pageLang: string): SearchBundle[] {
  const parts = manifest.bundles;
  const first = Math.max(
    0,
    parts.findIndex((part) => ownLanguage(part.languages, pageLang) !== undefined),
  );
  return [...parts.slice(first, first + 1), ...parts.slice(0, first), ...parts.slice(first + 1)].map((part, index) => {
    const bundle = { name: part.name, bundle: part.bundle, languages: Object.keys(part.languages).sort() };
    if (index > 0) return bundle;
    const primary = pagefindLanguage(part.languages, pageLang);
    return { ...bundle, ...(primary && { primary }) };
  });
}

/** Why a search is tried once more: it failed, or it found nothing. */
export type RetryCause = 'failed' | 'empty';

/**
 * Runs a search, and once more on bundles opened afresh when the first try fails: a search
 * page left open across a build still holds the bundles it opened, which that build may
 * have deleted or rewritten. `reopen(cause)` fetches the manifest again and opens the
 * bundles it lists, and says whether it did so: after a failure it must (or throw); after
 * a search that found nothing (`isEmpty`) it may open nothing and say `false`, as Pagefind
 * answers a missing index chunk with no results rather than an error. There is no second
 * retry: when the retry fails, its error is thrown, and so is an error of `reopen`.
 *
 * @example
 * let folder = '/pagefind-old/';
 * const search = async () => {
 *   if (folder === '/pagefind-old/') throw new Error('404');
 *   return ['/stories/tokayev/'];
 * };
 * const reopen = async () => ((folder = '/pagefind/'), true);
 * await searchOrReopen(search, reopen, (found) => found.length === 0); // ['/stories/tokayev/']
 */
export async function searchOrReopen<T>(
  search: () => Promise<T>,
  reopen: (cause: RetryCause) => Promise<boolean>,
  isEmpty: (found: T) => boolean,
): Promise<T> {
  let found: T;
  try {
    found = await search();
  } catch {
    await reopen('failed');
    return search();
  }
  return isEmpty(found) && (await reopen('empty')) ? search() : found;
}

/**
 * The part of a built story page the search index is made from: its `<html lang>` and its
 * `data-pagefind-body` element (the article, which holds the text, the filters, the sort
 * date and the metadata). A page whose related list or navigation changed gives the same
 * string, so its search bundle need not be written again. Undefined when the page has no
 * such element.
 *
 * @example
 * indexedSource('<html lang="en"><nav>x</nav><article data-pagefind-body><h1>Hi</h1></article><aside>y</aside>');
 * // 'en\n<article data-pagefind-body><h1>Hi</h1></article>'
 */
export function indexedSource(html: string): string | undefined {
  const start = /<article\b[^>]*\bdata-pagefind-body\b[^>]*>/i.exec(html);
  if (!start) return undefined;
  // To the article's own end tag: a story's text may hold articles of its own.
  const tags = /<(\/?)article\b[^>]*>/gi;
  tags.lastIndex = start.index + start[0].length;
  let depth = 1;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) {
      const lang = /<html\b[^>]*\blang="([^"]*)"/i.exec(html)?.[1] ?? '';
      return `${lang}\n${html.slice(start.index, tags.lastIndex)}`;
    }
  }
  return undefined;
}

/**
 * Merges result lists from several Pagefind indexes (one per bundle and language) into one
 * order by relevance. Each index scores with its own word statistics, so a small index (the
 * recent bundle at the start of a month) gives low scores to good matches: each score is
 * taken relative to the best in its own list, and ties keep the lists' order.
 *
 * @example
 * mergeByScore([[{ score: 8 }, { score: 2 }], [{ score: 0.5 }]]);
 * // [{ score: 8 }, { score: 0.5 }, { score: 2 }]
 */
export function mergeByScore<R extends { score: number }>(lists: readonly (readonly R[])[]): R[] {
  return lists
    .flatMap((list) => {
      const best = list.reduce((most, result) => Math.max(most, result.score), -Infinity);
      return list.map((result) => ({ result, relative: best > 0 ? result.score / best : 0 }));
    })
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => b.relative - a.relative || a.order - b.order)
    .map(({ result }) => result);
}
