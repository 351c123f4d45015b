/**
 * The search page's script: runs the search in the page's address at once, then as the
 * reader types or changes a filter, with Pagefind's JavaScript API. It keeps the address,
 * the form and the results in step, announces counts through the page's live region, and
 * never puts index text into the page as HTML (excerpts are rebuilt as text and <mark>).
 */
import { formatDisplayDate } from '../lib/dateline';
import { pagefindQuery, parseSearchState, resultSummary, searchQueryString, type SearchState } from '../lib/search';

interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
interface Result {
  data(): Promise<ResultData>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: object): Promise<{ results: Result[] } | null>;
}

const form = document.querySelector<HTMLFormElement>('form.search-form');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');
const template = document.querySelector<HTMLTemplateElement>('#search-result');

const TYPING_DELAY_MS = 250;
const FAILURE =
  'Search is not working right now: the search index could not be loaded. Try again in a moment, ' +
  'or browse the sections above and the feeds.';

if (form && status && list && more && template) {
  const bundle = form.dataset.bundle ?? '/pagefind/';
  const pageSize = Number(form.dataset.pageSize) || 20;
  const pageLang = document.documentElement.lang.toLowerCase();
  const baseTitle = document.title;
  let pagefind: Promise<Pagefind> | undefined;
  let results: Result[] = [];
  let shown = 0;
  let generation = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  /** Loads Pagefind once: the page language's index, plus every other language's. */
  const loadPagefind = (): Promise<Pagefind> => {
    pagefind ??= (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>).then(async (module) => {
      await module.options({ excerptLength: 28 });
      await module.init();
      const languages = [...(form.elements.namedItem('language') as HTMLSelectElement).options]
        .map((option) => option.value.toLowerCase())
        .filter((code) => code && code !== pageLang);
      // Pagefind keeps one index per language, each with its own stemming: merge the others
      // (an absolute address, as Pagefind skips a merge of the primary's own path).
      const absolute = new URL(bundle, window.location.href).href;
      for (const language of languages) await module.mergeIndex(absolute, { language });
      return module;
    });
    pagefind.catch(() => (pagefind = undefined));
    return pagefind;
  };

  const formState = (): SearchState =>
    parseSearchState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));

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

  const render = (data: ResultData): HTMLLIElement => {
    const item = (template.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
    const language = data.filters.language?.[0];
    if (language) item.lang = language;
    const section = item.querySelector('.section-label') as HTMLElement;
    const sectionName = data.filters.section?.[0];
    if (sectionName) section.textContent = sectionName;
    else section.remove();
    const link = item.querySelector('a') as HTMLAnchorElement;
    link.href = data.url;
    link.textContent = data.meta.title ?? data.url;
    const time = item.querySelector('time') as HTMLTimeElement;
    const date = data.meta.date ?? '';
    time.dateTime = date;
    time.textContent = /^\d{4}-\d{2}-\d{2}$/.test(date)
      ? formatDisplayDate(new Date(date), language ?? pageLang)
      : date;
    const dateline = item.querySelector('.result-dateline') as HTMLElement;
    dateline.textContent = data.meta.dateline ? ` · ${data.meta.dateline}` : '';
    (item.querySelector('.excerpt') as HTMLElement).replaceChildren(...excerptNodes(data.excerpt));
    return item;
  };

  const showMore = async (id: number): Promise<HTMLLIElement[]> => {
    const next = await Promise.all(results.slice(shown, shown + pageSize).map((result) => result.data()));
    if (id !== generation) return [];
    const items = next.map(render);
    list.append(...items);
    shown += items.length;
    more.parentElement!.hidden = shown >= results.length;
    return items;
  };

  const run = async (state: SearchState) => {
    const id = ++generation;
    const address = `${window.location.pathname}${searchQueryString(state)}`;
    if (address !== `${window.location.pathname}${window.location.search}`) history.replaceState(null, '', address);
    document.title = state.q ? `“${state.q}”: ${baseTitle}` : baseTitle;
    const query = pagefindQuery(state);
    status.classList.remove('search-error');
    if (!query) {
      results = [];
      list.replaceChildren();
      list.hidden = true;
      more.parentElement!.hidden = true;
      status.textContent = '';
      return;
    }
    list.setAttribute('aria-busy', 'true');
    try {
      const module = await loadPagefind();
      const search = await module.search(query.term, query.options);
      if (id !== generation || !search) return;
      results = search.results;
      shown = 0;
      list.replaceChildren();
      await showMore(id);
      if (id !== generation) return;
      list.hidden = results.length === 0;
      status.textContent = resultSummary(results.length, state);
    } catch (error) {
      if (id !== generation) return;
      console.error('Search failed:', error);
      results = [];
      list.replaceChildren();
      list.hidden = true;
      more.parentElement!.hidden = true;
      status.classList.add('search-error');
      status.textContent = FAILURE;
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
    const items = await showMore(generation);
    items[0]?.querySelector('a')?.focus();
  });

  const initial = parseSearchState(new URLSearchParams(window.location.search));
  fillForm(initial);
  // The form holds only values it offers: the search that runs is the one it shows.
  void run(formState());
}
