import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as pagefind from 'pagefind';
import { manifestBundle, parseSearchManifest, SEARCH_MANIFEST_FILE } from '../../src/lib/search';
import { launchBrowser } from '../helpers/browser';
import { readSeed } from '../helpers/seed';
import { SEED_STORY_PATH, siteDir } from '../helpers/site';
import { serveStatic } from '../helpers/static-server';

/**
 * A search page left open in a tab while a new build replaces the search bundle it opened.
 * Each test serves its own copy of the built site, and "rebuilds" it by moving the main
 * bundle's files to another folder, leaving only the manifest in `/pagefind/`, which then
 * lists the new folder: the old bundle's files answer 404, as after a real build that split
 * the archive differently.
 */
const seed = readSeed();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

let scratch = '';
let server: Server | undefined;
let site = '';
beforeEach(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'wire-search-stale-'));
  cpSync(siteDir(), scratch, { recursive: true });
  ({ server, url: site } = await serveStatic(scratch));
});
afterEach(() => {
  server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * As a later build would leave the site: the main bundle's files gone from `/pagefind/`, the
 * manifest listing `folder` instead, and the files moved there unless `copy` is false (a
 * build whose new bundle is missing too).
 */
function rebuild(folder: string, copy = true) {
  const main = join(scratch, 'pagefind');
  const manifest = parseSearchManifest(JSON.parse(readFileSync(join(main, SEARCH_MANIFEST_FILE), 'utf8')));
  if (copy) cpSync(main, join(scratch, folder), { recursive: true });
  for (const file of readdirSync(main)) {
    if (file !== SEARCH_MANIFEST_FILE) rmSync(join(main, file), { recursive: true });
  }
  rmSync(join(scratch, folder, SEARCH_MANIFEST_FILE), { force: true });
  const bundles = manifest.bundles.map((bundle) =>
    bundle.bundle === '/pagefind/' ? { ...bundle, bundle: folder } : bundle,
  );
  expect(bundles.map(({ bundle }) => bundle)).toContain(folder);
  writeFileSync(join(main, SEARCH_MANIFEST_FILE), JSON.stringify({ bundles }));
}

/**
 * As a later build that rewrote the main bundle in its own folder would leave the site: the
 * seed story's page with `word` added to its text, indexed anew into `/pagefind/` (the old
 * index files deleted, as the build's search step does), and the manifest listing the same
 * folder with the same story count and the new index's hashes.
 */
async function rewriteInPlace(word: string) {
  const main = join(scratch, 'pagefind');
  const page = join(scratch, SEED_STORY_PATH, 'index.html');
  const html = readFileSync(page, 'utf8').replace('<div class="story-body"', `<p>${word}</p><div class="story-body"`);
  expect(html).toContain(word);
  writeFileSync(page, html);
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind did not start');
  const added = await index.addHTMLFile({ url: SEED_STORY_PATH, content: html });
  expect(added.errors).toEqual([]);
  for (const file of readdirSync(main)) rmSync(join(main, file), { recursive: true });
  expect((await index.writeFiles({ outputPath: main })).errors).toEqual([]);
  await index.deleteIndex();
  const bundle = manifestBundle(
    { name: 'main', bundle: '/pagefind/' },
    readFileSync(join(main, 'pagefind-entry.json'), 'utf8'),
  );
  writeFileSync(join(main, SEARCH_MANIFEST_FILE), JSON.stringify({ bundles: [bundle] }));
  return bundle;
}

/** Waits until the live region reports a search other than `before`, and returns it. */
async function outcome(page: Page, before = ''): Promise<string> {
  await page.waitForFunction((previous) => {
    const text = document.querySelector('#search-status')?.textContent ?? '';
    return text !== '' && text !== previous && !document.querySelector('#search-results[aria-busy]');
  }, before);
  return page.locator('#search-status').innerText();
}

/** Opens the search page at `query`, and returns it with its outcome and the manifest requests it makes from then on. */
async function openSearch(query: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const manifestRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === `/pagefind/${SEARCH_MANIFEST_FILE}`) manifestRequests.push(request.url());
  });
  await page.goto(`${site}/search/${query}`);
  const first = await outcome(page);
  return { context, page, first, manifestRequests };
}

/** Searches again from the form, without leaving the page. */
async function searchAgain(page: Page, words: string, section = '') {
  const before = await page.locator('#search-status').innerText();
  if (section) await page.locator('select[name="section"]').selectOption(section, { noWaitAfter: true });
  await page.getByRole('searchbox', { name: 'Words to find' }).fill(words);
  await page.keyboard.press('Enter');
  return outcome(page, before);
}

describe('a search page left open while a new build replaces its search bundle', () => {
  it("finds the story when the old bundle's result data answers 404, without a reload", async () => {
    // A first search that matches nothing loads the index but no result's data.
    const { context, page, first, manifestRequests } = await openSearch('?q=xqzvtrplkw');
    expect(first).toMatch(/^No stories match/);
    rebuild('/pagefind-moved/');
    manifestRequests.length = 0;
    expect(await searchAgain(page, 'tokayev')).toBe('1 story matches “tokayev”.');
    expect(await page.locator('#search-results h2 a').allInnerTexts()).toEqual([seed.title]);
    expect(await page.locator('#search-status').getAttribute('class')).not.toContain('search-error');
    expect(manifestRequests).toHaveLength(1);
    await context.close();
  });

  it('finds the story when the old bundle answers with nothing (its filter chunk gone), without a reload', async () => {
    const { context, page, first } = await openSearch('?q=tokayev');
    expect(first).toBe('1 story matches “tokayev”.');
    // The story's own section, as the results and the filter name it.
    const section = (await page.locator('#search-results .section-label').textContent()) ?? '';
    rebuild('/pagefind-moved/');
    const narrowed = await searchAgain(page, 'tokayev', section);
    expect(narrowed).toMatch(/^1 story matches “tokayev”/);
    expect(await page.locator('#search-results h2 a').allInnerTexts()).toEqual([seed.title]);
    await context.close();
  });

  it('finds a word the story gained when a build rewrote the bundle in its own folder, with as many stories', async () => {
    const { context, page, first } = await openSearch('?q=xqzvtrplkw');
    expect(first).toMatch(/^No stories match/);
    const opened = parseSearchManifest(
      JSON.parse(readFileSync(join(scratch, 'pagefind', SEARCH_MANIFEST_FILE), 'utf8')),
    );
    const rewritten = await rewriteInPlace('Quokkazebra');
    // Only the index hashes tell the two manifests apart.
    expect(opened.bundles).toEqual([{ ...rewritten, index: opened.bundles[0]?.index }]);
    expect(rewritten.index).not.toBe(opened.bundles[0]?.index);
    expect(await searchAgain(page, 'quokkazebra')).toBe('1 story matches “quokkazebra”.');
    expect(await page.locator('#search-results h2 a').allInnerTexts()).toEqual([seed.title]);
    await context.close();
  });

  it('says in words that search is not working when the bundles the new manifest lists fail too, after one retry', async () => {
    const { context, page, first, manifestRequests } = await openSearch('?q=xqzvtrplkw');
    expect(first).toMatch(/^No stories match/);
    rebuild('/pagefind-gone/', false);
    manifestRequests.length = 0;
    expect(await searchAgain(page, 'tokayev')).toMatch(/^Search is not working right now/);
    expect(await page.locator('#search-status').getAttribute('class')).toContain('search-error');
    expect(await page.locator('#search-results').isVisible()).toBe(false);
    // It fetched the manifest again once, and did not go on retrying.
    await page.waitForTimeout(500);
    expect(manifestRequests).toHaveLength(1);
    await context.close();
  });
});
