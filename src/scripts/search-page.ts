/**
 * The search page's script: runs the search in the page's address at once, then as the
 * reader types or changes a filter, with Pagefind's JavaScript API. It keeps the address,
 * the form and the results in step, announces counts through the page's live region, and
 * never puts index text into the page as HTML (excerpts are rebuilt as text and <mark>).
 */
import { formatDisplayDate } from '../lib/dateline';
import {
  indexSearches,
  inOrder,
  mergeByDate,
  mergeByScore,
  pagefindQuery,
  parseSearchManifest,
  parseSearchState,
  sameManifest,
  searchBundles,
  searchOrReopen,
  resultSummary,
  searchQueryString,
  type PagefindQuery,
  type ResultSource,
  type RetryCause,
  type SearchDefaults,
  type SearchManifest,
  type SearchMessages,
  type SearchState,
} from '../lib/search';
import { formatMessage } from '../lib/i18n/format';

interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface Result {
  score: number;
  data(): Promise<ResultData>;
}
/** One Pagefind instance, of those a bundle's `pagefind.js` makes (`createInstance`). */
interface Pagefind {
  init(): Promise<void>;
  mergeIndex(url: string, options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: object): Promise<{ results: Result[] } | null>;
  destroy(): Promise<void>;
}
interface PagefindModule {
  createInstance(options: Record<string, unknown>): Pagefind;
}

const form = document.querySelector<HTMLFormElement>('form.search-form');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');

const TYPING_DELAY_MS = 250;

/** The page's words for what the script writes: from its language's message table, set by the page. */
type ScriptMessages = SearchMessages & { searchRunning: string; searchFailure: string };

if (form && status && list && more) {
  const pageSize = Number(form.dataset.pageSize) || 20;
  const pageLang = document.documentElement.lang.toLowerCase();
  const messages = JSON.parse(form.dataset.messages ?? '{}') as ScriptMessages;
  /** An edition's page starts with its own language chosen (set by the page when it has stories in it). */
  const defaults: SearchDefaults = form.dataset.defaultLanguage ? { language: form.dataset.defaultLanguage } : {};
  /** Where the build's search step lists the bundles it wrote (src/lib/search.ts `SearchManifest`). */
  const manifestUrl = form.dataset.manifest ?? '';
  /**
   * Every index: one per language in each bundle, each tagged with a part of its own (a
   * Pagefind merge filter, which costs no download, where asking by the language filter
   * would load each index's language filter chunk).
   */
  const partOf = (bundle: string, language: string) => `${bundle} ${language}`;
  interface Opened {
    /** The manifest the bundles were opened from. */
    manifest: SearchManifest;
    /** Pagefind, or undefined when the build indexed no story. */
    module?: Pagefind;
    indexes: { part: string; language: string }[];
  }
  const baseTitle = document.title;
  let pagefind: Promise<Opened> | undefined;
  let results: ResultSource<ResultData> = inOrder([], async () => ({}) as ResultData);
  let shown = 0;
  let generation = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * What the last build wrote: the manifest is fetched past any cache (revalidated), as a
   * page kept open or cached may be older than the build.
   */
  const fetchManifest = async (): Promise<SearchManifest> => {
    const response = await fetch(manifestUrl, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${manifestUrl} answered ${response.status}`);
    return parseSearchManifest(await response.json());
  };

  /**
   * Opens the manifest's bundles in a fresh Pagefind: the first bundle's index of its
   * primary language, merged with its other languages' and every other bundle's. Each index
   * carries its own part as a filter, so that a search can ask each index for its own list.
   * A Pagefind opened before is destroyed first (its web worker and the indexes it holds).
   */
  const open = async (manifest: SearchManifest, previous?: Opened): Promise<Opened> => {
    await previous?.module?.destroy();
    const bundles = searchBundles(manifest, pageLang);
    const [first, ...others] = bundles;
    const indexes = bundles.flatMap(({ name, languages }) =>
      languages.map((language) => ({ part: partOf(name, language), language })),
    );
    // No stories yet: nothing to open, and every search finds nothing.
    if (!first?.primary) return { manifest, indexes: [] };
    // An instance of its own, which no other (an older one being destroyed) shares.
    const { createInstance } = (await import(/* @vite-ignore */ `${first.bundle}pagefind.js`)) as PagefindModule;
    const module = createInstance({ excerptLength: 28, mergeFilter: { part: partOf(first.name, first.primary) } });
    await module.init();
    // Pagefind keeps one index per language, each with its own stemming. Merges go by
    // absolute address, as Pagefind skips a merge of the primary's own path.
    for (const { name, bundle, languages } of [first, ...others]) {
      const absolute = new URL(bundle, window.location.href).href;
      for (const language of languages) {
        if (name === first.name && language === first.primary) continue;
        await module.mergeIndex(absolute, {
          // Results link from the site's root, as the first bundle's do (Pagefind, in its
          // worker, would otherwise prefix them with the absolute address's origin).
          baseUrl: '/',
          language,
          mergeFilter: { part: partOf(name, language) },
        });
      }
    }
    return { manifest, module, indexes };
  };

  /** Makes `opening` the Pagefind searches use; one that fails is forgotten, so the next search starts again. */
  const use = (opening: Promise<Opened>): Promise<Opened> => {
    pagefind = opening;
    opening.catch(() => {
      if (pagefind === opening) pagefind = undefined;
    });
    return opening;
  };

  /** The Pagefind searches use, opened from the manifest at the first search. */
  const loadPagefind = (): Promise<Opened> => pagefind ?? use(fetchManifest().then((manifest) => open(manifest)));

  /**
   * After a search on `stale` failed or found nothing, opens afresh the bundles the manifest
   * lists now, and says whether it did (see `searchOrReopen`): after a failure always; after
   * an empty result only when the manifest changed (when it cannot be fetched, the empty
   * result stands). Searches use the new Pagefind from the moment it is asked for, and a
   * search that finds it asked for already waits for it instead of opening another.
   */
  const reopen = async (cause: RetryCause, stale: Promise<Opened> | undefined): Promise<boolean> => {
    // Until its first await, this runs as it is called: no other search comes in between.
    if (pagefind && pagefind !== stale) {
      await pagefind;
      return true;
    }
    const reopening = (async (): Promise<{ opened: Opened; reopened: boolean }> => {
      const previous = await stale?.catch(() => undefined);
      if (cause === 'empty' && previous) {
        const latest = await fetchManifest().catch(() => previous.manifest);
        if (sameManifest(latest, previous.manifest)) return { opened: previous, reopened: false };
        return { opened: await open(latest, previous), reopened: true };
      }
      return { opened: await open(await fetchManifest(), previous), reopened: true };
    })();
    void use(reopening.then(({ opened }) => opened));
    return (await reopening).reopened;
  };

  const formState = (): SearchState =>
    parseSearchState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>), defaults);

  const fillForm = (state: SearchState) => {
    (form.elements.namedItem('q') as HTMLInputElement).value = state.q;
    for (const name of ['section', 'agency', 'language', 'year'] as const) {
      (form.elements.namedItem(name) as HTMLSelectElement).value = state.filters[name] ?? '';
    }
    (form.elements.namedItem('sort') as HTMLSelectElement).value = state.sort;
  };

  /** Rebuilds Pagefind's excerpt as plain text with <mark> for the matched words. */
  const excerptNodes = (excerpt: string): Node[] => {
    const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
    return [...parsed.body.childNodes].map((node) => {
      if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    });
  };

  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className = '', ...children: (Node | string)[]) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children);
    return node;
  };

  /** One result, marked up as the site's story lists are: section, headline link, date and dateline, excerpt. */
  const render = (data: ResultData): HTMLLIElement => {
    const item = element('li');
    const language = data.filters.language?.[0];
    if (language) item.lang = language;
    const section = data.filters.section?.[0];
    if (section) item.append(element('p', 'section-label', section));
    const link = element('a', '', data.meta.title ?? data.url);
    link.href = data.url;
    item.append(element('h2', '', link));
    const date = data.meta.date ?? '';
    const time = element('time');
    time.dateTime = date;
    time.textContent = /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? formatDisplayDate(new Date(date), language ?? pageLang)
      : date;
    item.append(element('p', 'meta', time, data.meta.dateline ? ` · ${data.meta.dateline}` : ''));
    item.append(element('p', 'excerpt', ...excerptNodes(data.excerpt)));
    return item;
  };

  /**
   * Runs the query. Over several indexes (languages, bundles), it asks each for its own list
   * and merges them here: Pagefind sorts by date only within an index, and scores each with
   * its own word statistics, which leave a small index's good matches below a big one's.
   */
  const search = async ({ module, indexes }: Opened, query: PagefindQuery): Promise<ResultSource<ResultData>> => {
    const order = query.options.sort.date;
    const searches = indexSearches(indexes, query);
    if (!module || searches.length === 0) return inOrder([], async () => ({}) as ResultData);
    const lists = await Promise.all(
      searches.map(async (options) => (await module.search(query.term, options))?.results ?? []),
    );
    if (lists.length === 1) return inOrder(lists[0] ?? [], (result) => result.data());
    if (!order) return inOrder(mergeByScore(lists), (result) => result.data());
    return mergeByDate(
      lists,
      (result) => result.data(),
      (data) => data.meta.date ?? '',
      order,
    );
  };

  /** Adds results to the list, and shows "Show more results" while there are more. */
  const show = (next: ResultData[]): HTMLLIElement[] => {
    const items = next.map(render);
    list.append(...items);
    shown += items.length;
    more.parentElement!.hidden = shown >= results.total;
    return items;
  };

  /** Says in words that search failed, in place of any results. */
  const showFailure = (error: unknown) => {
    console.error('Search failed:', error);
    list.replaceChildren();
    list.hidden = true;
    more.parentElement!.hidden = true;
    status.classList.add('search-error');
    status.textContent = messages.searchFailure;
  };

  const run = async (state: SearchState) => {
    const id = ++generation;
    const address = `${window.location.pathname}${searchQueryString(state, defaults)}`;
    if (address !== `${window.location.pathname}${window.location.search}`) history.replaceState(null, '', address);
    document.title = state.q
      ? formatMessage(messages.searchRunning, { q: state.q, title: baseTitle }, pageLang)
      : baseTitle;
    const query = pagefindQuery(state, defaults);
    status.classList.remove('search-error');
    if (!query) {
      list.replaceChildren();
      list.hidden = true;
      more.parentElement!.hidden = true;
      status.textContent = '';
      return;
    }
    list.setAttribute('aria-busy', 'true');
    try {
      // A page left open across a build may hold bundles that build deleted or rewrote:
      // the search and its first results' data are tried once more on the bundles it lists now.
      let opened: Promise<Opened> | undefined;
      const found = await searchOrReopen(
        async () => {
          const source = await search(await (opened = loadPagefind()), query);
          return { source, first: await source.take(pageSize) };
        },
        (cause) => reopen(cause, opened),
        ({ source }) => source.total === 0,
      );
      if (id !== generation) return;
      results = found.source;
      shown = 0;
      list.replaceChildren();
      show(found.first);
      list.hidden = results.total === 0;
      status.textContent = resultSummary(results.total, state, messages, pageLang, defaults);
    } catch (error) {
      if (id === generation) showFailure(error);
    } finally {
      if (id === generation) list.removeAttribute('aria-busy');
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    void run(formState());
  });
  form.addEventListener('input', (event) => {
    if ((event.target as HTMLElement).matches('input[name="q"]')) {
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => void run(formState()), TYPING_DELAY_MS);
    }
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).matches('select')) void run(formState());
  });
  form.addEventListener('focusin', () => void loadPagefind().catch(() => undefined), { once: true });
  more.addEventListener('click', async () => {
    const id = generation;
    try {
      const next = await results.take(pageSize);
      if (id !== generation) return;
      show(next)[0]?.querySelector('a')?.focus();
    } catch (error) {
      if (id === generation) showFailure(error);
    }
  });

  const initial = parseSearchState(new URLSearchParams(window.location.search), defaults);
  fillForm(initial);
  // The form holds only values it offers: the search that runs is the one it shows.
  void run(formState());
}
