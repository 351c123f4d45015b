import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStories, writeCorpus } from '../bench/corpus';
import { runAstro, ROOT } from '../helpers/astro';
import { parseSearchManifest } from '../../src/lib/search';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { readSeed } from '../helpers/seed';
import { baseUrl, editions, SEED_STORY_PATH } from '../helpers/site';
import { serveStatic } from '../helpers/static-server';

const seed = readSeed();
/** A word of the seed story's text (not its headline) that the test archive has nowhere else. */
const SEED_WORD = 'Dombrovskis';
const TRANSFER_BUDGET = 300 * 1024;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}, base = baseUrl()) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  return { context, page };
}

/** Waits until the live region reports the outcome of the search, and returns it. */
async function outcome(page: Page): Promise<string> {
  await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') !== '');
  return page.locator('#search-status').innerText();
}

const resultLinks = (page: Page) => page.locator('#search-results h2 a');

describe('search on the site (its one story)', () => {
  it(`lists the seed story when opened as /search/?q=${SEED_WORD}, and keeps the query in the box`, async () => {
    expect(seed.paragraphs.join(' ')).toContain(SEED_WORD);
    const { context, page } = await open(`/search/?q=${SEED_WORD.toLowerCase()}`);
    expect(await outcome(page)).toBe(`1 story matches “${SEED_WORD.toLowerCase()}”.`);
    expect(await resultLinks(page).allInnerTexts()).toEqual([seed.title]);
    expect(await resultLinks(page).first().getAttribute('href')).toBe(SEED_STORY_PATH);
    expect(await page.locator('#search-q').inputValue()).toBe(SEED_WORD.toLowerCase());
    const result = page.locator('#search-results li').first();
    expect(await result.locator('.section-label').innerText()).toMatch(/conflicts & war/i);
    expect(await result.locator('time').getAttribute('datetime')).toBe('2023-06-20');
    expect(await result.locator('.meta').innerText()).toContain('Astana, Jun 20 (EFE).-');
    expect((await result.locator('mark').allInnerTexts()).map((m) => m.toLowerCase())).toContain(
      SEED_WORD.toLowerCase(),
    );
    await context.close();
  });

  it('lists the story as a word is typed, and puts the query in the address', async () => {
    const { context, page } = await open('/search/');
    await page.locator('#search-q').click();
    await page.keyboard.type('kazakhstan');
    expect(await outcome(page)).toBe('1 story matches “kazakhstan”.');
    expect(await resultLinks(page).allInnerTexts()).toEqual([seed.title]);
    expect(new URL(page.url()).search).toBe('?q=kazakhstan');
    expect(await page.title()).toMatch(/^“kazakhstan”: Search \| /);
    await context.close();
  });

  it('finds the story by its standfirst, which the page does not repeat in its text', async () => {
    const { context, page } = await open('/search/?q=backs');
    expect(await outcome(page)).toBe('1 story matches “backs”.');
    await context.close();
  });

  it.each([
    ['a word of the headline', '?q=chinese'],
    ['a word of the standfirst only', '?q=backs'],
    ['a word of the dateline only', '?q=astana'],
    ['a section alone', '?section=Conflicts+%26+War'],
  ])(
    'finds the story by %s, with an excerpt that starts with its text, not the headline, standfirst or dateline',
    async (_what, query) => {
      const { context, page } = await open(`/search/${query}`);
      expect(await outcome(page)).toMatch(/^1 story matches/);
      const excerpt = await page.locator('#search-results .excerpt').innerText();
      const [firstParagraph = ''] = seed.paragraphs;
      const text = firstParagraph.replace('Astana, Jun 20 (EFE).- ', '');
      expect(excerpt.startsWith(text.slice(0, 40)), excerpt).toBe(true);
      for (const shown of [seed.title, 'Kazakhstan’s president backs', 'Astana, Jun 20']) {
        expect(excerpt, shown).not.toContain(shown.slice(0, 30));
      }
      await context.close();
    },
  );

  it('says in words that a nonsense query has no results, and lists nothing', async () => {
    const { context, page } = await open('/search/?q=xqzvtrplkw');
    expect(await outcome(page)).toMatch(/^No stories match “xqzvtrplkw”\. Check the spelling/);
    expect(await page.locator('#search-results').isVisible()).toBe(false);
    await context.close();
  });

  it('does not find words that are only in the navigation, tags or related list', async () => {
    const { context, page } = await open('/search/?q=subscribe');
    expect(await outcome(page)).toMatch(/^No stories match/);
    await context.close();
  });

  it('says so in words when the index cannot be loaded', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(`${baseUrl()}/search/?q=tokayev`);
    expect(await outcome(page)).toMatch(/^Search is not working right now/);
    expect(await page.locator('#search-status').getAttribute('class')).toContain('search-error');
    await context.close();
  });

  it('says so in words when the list of search bundles cannot be loaded', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route('**/pagefind/bundles.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(`${baseUrl()}/search/?q=tokayev`);
    expect(await outcome(page)).toMatch(/^Search is not working right now/);
    expect(await page.locator('#search-status').getAttribute('class')).toContain('search-error');
    await context.close();
  });

  it('asks for the list of search bundles past any cache, once', async () => {
    const { context, page } = await open('/search/?q=tokayev');
    const asked: Promise<Record<string, string>>[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/pagefind/bundles.json')) asked.push(request.allHeaders());
    });
    await page.goto(`${baseUrl()}/search/?q=tokayev`);
    await outcome(page);
    await page.getByRole('searchbox', { name: 'Words to find' }).fill('sanctions');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.includes('sanctions'));
    // A revalidation (fetch's `no-cache` mode): the copy cached by the first visit is not used unasked.
    expect((await Promise.all(asked)).map((headers) => headers['cache-control'])).toEqual(['max-age=0']);
    await context.close();
  });

  it('runs keyboard-only: Tab to the box, type, Tab to the first result, Enter opens the story', async () => {
    const { context, page } = await open('/search/');
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { id: el?.id ?? '', inResults: Boolean(el?.closest('#search-results')), tag: el?.tagName ?? '' };
      });
    let presses = 0;
    do {
      await page.keyboard.press('Tab');
      presses += 1;
    } while ((await focused()).id !== 'search-q' && presses < 15);
    expect((await focused()).id).toBe('search-q');
    await page.keyboard.type('tokayev');
    expect(await outcome(page)).toBe('1 story matches “tokayev”.');
    presses = 0;
    do {
      await page.keyboard.press('Tab');
      presses += 1;
    } while (!(await focused()).inResults && presses < 15);
    expect(await focused()).toEqual({ id: '', inResults: true, tag: 'A' });
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${SEED_STORY_PATH}`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(seed.title);
    await context.close();
  });

  it.each(['light', 'dark'] as const)('has no axe violation with results shown, in %s mode', async (scheme) => {
    const { context, page } = await open('/search/?q=tokayev', { colorScheme: scheme });
    await outcome(page);
    expect(await resultLinks(page).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('has no axe violation when nothing matches, or when the index fails', async () => {
    const { context, page } = await open('/search/?q=xqzvtrplkw');
    await outcome(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.route('**/pagefind/**', (route) => route.abort());
    await page.goto(`${baseUrl()}/search/?q=other`);
    await outcome(page);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('takes a search from the header of a story page to the results', async () => {
    const { context, page } = await open(SEED_STORY_PATH);
    // With JavaScript on, the header has the box and no link in its place.
    expect(await page.locator('header').getByRole('link', { name: 'Search', exact: true }).count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Search stories' }).fill('sanctions');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=sanctions');
    expect(await outcome(page)).toBe('1 story matches “sanctions”.');
    await context.close();
  });

  it('with JavaScript off, the header links /search/ instead of a box, and the page says search needs it and offers a way on', async () => {
    const { context, page } = await open(SEED_STORY_PATH, { javaScriptEnabled: false });
    expect(await page.getByRole('searchbox', { name: 'Search stories' }).isVisible()).toBe(false);
    await page.locator('header').getByRole('link', { name: 'Search', exact: true }).click();
    await page.waitForURL('**/search/');
    expect(await page.getByRole('heading', { name: 'Search needs JavaScript' }).isVisible()).toBe(true);
    // No box or filters that could not search.
    expect(await page.getByRole('searchbox').count()).toBe(0);
    expect(await page.locator('form.search-form').isVisible()).toBe(false);
    for (const name of [
      'the latest stories',
      'the RSS feeds',
      'Conflicts & War',
      'Kazakhstan',
      'Every story on Wire Reader, month by month and day by day.',
    ]) {
      expect(await page.locator('.search-fallback').getByRole('link', { name, exact: true }).isVisible(), name).toBe(
        true,
      );
    }
    expect(await page.locator('#search-status').innerText()).toBe('');
    await context.close();
  });

  it('with JavaScript off, a shared search address still opens the page that says search needs it', async () => {
    const { context, page } = await open('/search/?q=sanctions', { javaScriptEnabled: false });
    expect(await page.getByRole('heading', { name: 'Search needs JavaScript' }).isVisible()).toBe(true);
    expect(await page.locator('form.search-form').isVisible()).toBe(false);
    await context.close();
  });
});

/**
 * A second build on a mixed archive: the seed story, 40 generated stories in ten sections
 * and four agencies over three years, three of them in Spanish (a second Pagefind index).
 */
describe('search on a mixed archive of 41 stories in two languages', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'wire-search-'));
  const stories = generateStories(40, 12);
  const spanish = new Set(stories.slice(0, 3).map((story) => story.slug));
  /** The word in the most generated stories' text, so a query matches across sections. */
  const common = (() => {
    const counts = new Map<string, number>();
    for (const story of stories) {
      for (const word of new Set(story.body.toLowerCase().match(/\p{L}+/gu))) {
        counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  })();
  let server: Server;
  let site = '';

  beforeAll(async () => {
    const content = join(scratch, 'content');
    writeCorpus(content, stories);
    for (const folder of readdirSync(content)) {
      for (const file of readdirSync(join(content, folder))) {
        if (!spanish.has(file.replace(/\.md$/, ''))) continue;
        const path = join(content, folder, file);
        writeFileSync(path, readFileSync(path, 'utf8').replace(/^lang: en$/m, 'lang: es'));
      }
    }
    mkdirSync(join(content, 'seed'));
    for (const file of readdirSync(join(ROOT, 'content'))) {
      if (file.endsWith('.md')) copyFileSync(join(ROOT, 'content', file), join(content, 'seed', file));
    }
    const build = runAstro('build', { content, scratch });
    if (build.status !== 0) throw new Error(`astro build failed:\n${build.output}`);
    ({ server, url: site } = await serveStatic(join(scratch, 'dist')));
  });
  afterAll(() => {
    server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const count = async (page: Page) => Number((/^(\d+)/.exec(await outcome(page)) ?? [])[1] ?? 0);

  it(`transfers at most ${TRANSFER_BUDGET / 1024} kB for the first query, page included`, async () => {
    const context: BrowserContext = await browser.newContext();
    const page = await context.newPage();
    const sizes: Promise<{ path: string; bytes: number }>[] = [];
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname;
      sizes.push(request.sizes().then((s) => ({ path, bytes: s.responseBodySize + s.responseHeadersSize })));
    });
    await page.goto(`${site}/search/?q=${common}`);
    expect(await count(page)).toBeGreaterThan(1);
    const requests = await Promise.all(sizes);
    const bytes = requests.reduce((sum, request) => sum + request.bytes, 0);
    mkdirSync(join(ROOT, 'tests/.artifacts'), { recursive: true });
    writeFileSync(
      join(ROOT, 'tests/.artifacts/search-transfer.json'),
      `${JSON.stringify({ stories: 41, query: common, bytes, requests }, null, 2)}\n`,
    );
    expect(bytes).toBeLessThanOrEqual(TRANSFER_BUDGET);
    await context.close();
  });

  it('narrows the results with the section filter', async () => {
    const { context, page } = await open(`/search/?q=${common}`, {}, site);
    const all = await count(page);
    const sections = new Set(await page.locator('#search-results .section-label').allTextContents());
    expect(sections.size).toBeGreaterThan(1);
    const section = (await page.locator('#search-results li .section-label').first().textContent()) ?? '';
    await page.locator('select[name="section"]').selectOption(section);
    await page.waitForFunction(
      (text) => !document.querySelector('#search-status')?.textContent?.startsWith(text),
      `${all} `,
    );
    const narrowed = await count(page);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    expect(new Set(await page.locator('#search-results .section-label').allTextContents())).toEqual(new Set([section]));
    expect(new URL(page.url()).searchParams.get('section')).toBe(section);
    await context.close();
  });

  it('lists a whole section from the address alone, newest first', async () => {
    const { context, page } = await open('/search/?section=Conflicts+%26+War', {}, site);
    expect(await count(page)).toBeGreaterThan(1);
    const dates = await page
      .locator('#search-results time')
      .evaluateAll((els) => els.map((el) => el.getAttribute('datetime')));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(await resultLinks(page).allInnerTexts()).toContain(seed.title);
    await context.close();
  });

  it.each([
    ['newest', (dates: string[]) => [...dates].sort().reverse()],
    ['oldest', (dates: string[]) => [...dates].sort()],
  ])('sorts by date, %s first', async (sort, order) => {
    const { context, page } = await open(`/search/?q=${common}&sort=${sort}`, {}, site);
    await outcome(page);
    const dates = (await page
      .locator('#search-results time')
      .evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''))) as string[];
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual(order(dates));
    await context.close();
  });

  it('narrows by agency and by year', async () => {
    const { context, page } = await open('/search/?agency=EFE', {}, site);
    const efe = await count(page);
    await page.goto(`${site}/search/?agency=EFE&year=2023`);
    const efe2023 = await count(page);
    expect(efe2023).toBeGreaterThan(0);
    expect(efe2023).toBeLessThan(efe);
    const dates = await page
      .locator('#search-results time')
      .evaluateAll((els) => els.map((el) => el.getAttribute('datetime')));
    expect(dates.every((date) => date?.startsWith('2023'))).toBe(true);
    await context.close();
  });

  it("searches every language's index from /search/ with every language chosen, and narrows by language", async () => {
    const story = stories.find((s) => spanish.has(s.slug));
    const word = story?.title.split(' ')[0]?.toLowerCase() ?? '';
    const { context, page } = await open(`/search/?q=${word}&language=`, {}, site);
    await outcome(page);
    expect(await resultLinks(page).allInnerTexts()).toContain(story?.title);
    expect(await page.locator(`#search-results li[lang="es"]`).count()).toBeGreaterThan(0);
    await page.locator('select[name="language"]').selectOption('es');
    await page.waitForURL(/language=es/);
    await outcome(page);
    await page.waitForFunction(() => !document.querySelector('#search-results[aria-busy]'));
    const langs = await page
      .locator('#search-results li')
      .evaluateAll((els) => els.map((el) => el.getAttribute('lang')));
    expect(langs.length).toBeGreaterThan(0);
    expect(new Set(langs)).toEqual(new Set(['es']));
    await context.close();
  });

  it('ranks a story whose headline has the word above those that only have it in their text', async () => {
    const words = (text: string): string[] => text.toLowerCase().match(/\p{L}+/gu) ?? [];
    const english = stories.filter((story) => !spanish.has(story.slug));
    // Headline words of English stories that other English stories have in their text only.
    const candidates = [...new Set(english.flatMap((story) => words(story.title)))]
      .filter((word) => word.length > 4)
      .filter((word) => english.some((story) => !words(story.title).includes(word) && words(story.body).includes(word)))
      .slice(0, 5);
    expect(candidates).toHaveLength(5);
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const word of candidates) {
      await page.goto(`${site}/search/?q=${word}`);
      await outcome(page);
      const first = await resultLinks(page).first().innerText();
      expect(words(first), word).toContain(word);
    }
    await context.close();
  });

  it("starts an edition's search page with its language chosen, which the reader can widen", async () => {
    const { context, page } = await open(`/es/search/?q=${common}`, {}, site);
    const spanishOnly = await count(page);
    expect(spanishOnly).toBeGreaterThan(0);
    expect(await page.locator('select[name="language"]').inputValue()).toBe('es');
    expect(new URL(page.url()).search).toBe(`?q=${common}`);
    const langs = () =>
      page.locator('#search-results li').evaluateAll((els) => [...new Set(els.map((el) => el.getAttribute('lang')))]);
    expect(await langs()).toEqual(['es']);
    await page.locator('select[name="language"]').selectOption('');
    await page.waitForURL(/language=$/);
    await page.waitForFunction(
      (text) => !document.querySelector('#search-status')?.textContent?.startsWith(text),
      `${spanishOnly} `,
    );
    expect(await count(page)).toBeGreaterThan(spanishOnly);
    expect(await langs()).toContain('en');
    // The widened search is an address of its own, which opens widened.
    await page.reload();
    await outcome(page);
    expect(await page.locator('select[name="language"]').inputValue()).toBe('');
    expect(await langs()).toContain('en');
    // An edition's page with nothing typed lists nothing: its language is not a search on its own.
    await page.goto(`${site}/es/search/`);
    await page.waitForTimeout(300);
    expect(await page.locator('#search-status').innerText()).toBe('');
    expect(await page.locator('#search-results li').count()).toBe(0);
    await context.close();
  });

  it('shows 20 results at a time, and "Show more results" moves focus to the first new one', async () => {
    // The commonest word, in every language: between one and two pages of results.
    const { context, page } = await open(`/search/?q=${common}&language=`, {}, site);
    const total = await count(page);
    expect(total).toBeGreaterThan(20);
    expect(total).toBeLessThanOrEqual(40);
    expect(await page.locator('#search-results li').count()).toBe(20);
    await page.getByRole('button', { name: 'Show more results' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length === n, total);
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.matches(':nth-child(21)'))).toBe(true);
    expect(await page.getByRole('button', { name: 'Show more results' }).isVisible()).toBe(false);
    await context.close();
  });
});

/**
 * The editions fixture is built with archive bundles of up to 5 stories
 * (tests/setup/build-site.ts): its stories are in four Pagefind bundles, five languages
 * and six indexes, which the search page merges into one list.
 */
describe("search across the editions fixture's four bundles", () => {
  /** Each built story page's address and date, from the page itself. */
  const built = () =>
    editions
      .pagePaths()
      .filter((path) => /^\/stories\/[^/]+\/$/.test(path))
      .map((path) => ({
        path: encodeURI(path),
        date: /datetime="([^"]+)"[^>]*data-pagefind-sort/.exec(editions.read(path))?.[1] ?? '',
      }));

  it.each([
    ['/search/?year=2023&sort=newest&language=', (date: string) => date.startsWith('2023'), 'desc'],
    ['/search/?language=es&sort=oldest', () => true, 'asc'],
  ] as const)('lists every story of %s once, in date order across the bundles', async (path, wanted, order) => {
    const language = path.includes('language=es') ? 'es' : undefined;
    const expected = built().filter(
      (story) =>
        wanted(story.date) && (!language || editions.read(decodeURI(story.path)).includes(`<html lang="${language}"`)),
    );
    expect(expected.length).toBeGreaterThan(20);
    const { context, page } = await open(path, {}, editions.url());
    expect(await outcome(page)).toMatch(new RegExp(`^${expected.length} `));
    while (await page.locator('#search-more').isVisible()) {
      const before = await page.locator('#search-results li').count();
      await page.locator('#search-more').click();
      await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length > n, before);
    }
    const links = await page
      .locator('#search-results h2 a')
      .evaluateAll((els) => els.map((el) => el.getAttribute('href')));
    expect(new Set(links).size).toBe(links.length);
    expect(new Set(links)).toEqual(new Set(expected.map((story) => story.path)));
    const dates = await page
      .locator('#search-results time')
      .evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
    expect(dates).toEqual(order === 'desc' ? [...dates].sort().reverse() : [...dates].sort());
    await context.close();
  });

  it('opens the bundles the manifest lists when the search runs, not those of the build the page came from', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // As a later build that left only the recent bundle would list them.
    const manifest = parseSearchManifest(JSON.parse(editions.read('/pagefind/bundles.json')));
    const later = { bundles: manifest.bundles.filter(({ name }) => name === 'recent') };
    await page.route('**/pagefind/bundles.json', (route) => route.fulfill({ json: later }));
    await page.goto(`${editions.url()}/search/?year=2023&language=`);
    expect(await outcome(page)).toMatch(/^No stories match/);
    await page.goto(`${editions.url()}/search/?year=2024&language=`);
    expect(await outcome(page)).toMatch(/^1 story matches/);
    expect(await page.locator('#search-results li').getAttribute('lang')).toBe('ar');
    await context.close();
  });

  it('loads no filter chunk for a search without filters', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const paths: string[] = [];
    page.on('requestfinished', (request) => paths.push(new URL(request.url()).pathname));
    await page.goto(`${editions.url()}/es/search/?q=nota`);
    expect(Number(/^(\d+)/.exec(await outcome(page))?.[1])).toBeGreaterThan(1);
    expect(paths.filter((path) => path.includes('/pagefind')).length).toBeGreaterThan(3);
    expect(paths.filter((path) => path.includes('/filter/'))).toEqual([]);
    await context.close();
  });
});
