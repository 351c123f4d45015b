import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { normalise, readSeed } from '../helpers/seed';
import { baseUrl, SEED_STORY_PATH } from '../helpers/site';

const seed = readSeed();
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => browser?.close());

describe('the reading path', () => {
  it('goes from the home page to the story, which shows every part of it', async () => {
    await page.goto(`${baseUrl()}/`);
    await page.locator('.wire').getByRole('link', { name: seed.title }).click();
    await page.waitForURL(`**${SEED_STORY_PATH}`);
    expect(await page.locator('.section-label').innerText()).toMatch(/conflicts & war/i);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(seed.title);
    expect(await page.locator('article time').first().getAttribute('datetime')).toBe('2023-06-20');
    const text = normalise(await page.locator('.story-body').innerText());
    for (const paragraph of seed.paragraphs) expect(text).toContain(normalise(paragraph));
    expect(await page.locator('.dateline').innerText()).toBe('Astana, Jun 20 (EFE).-');
    expect(await page.locator('.credit').innerText()).toBe('EFE');
    expect(await page.getByRole('heading', { name: 'Related Articles' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Back to top' }).isVisible()).toBe(true);
  });

  it('follows the section link to the section page, which lists the story', async () => {
    await page.goto(`${baseUrl()}${SEED_STORY_PATH}`);
    await page.locator('.section-label a').click();
    await page.waitForURL('**/sections/conflicts-war/');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Conflicts & War');
    expect(await page.getByRole('link', { name: seed.title }).count()).toBe(1);
  });

  it('follows the RSS link to the feeds page, which gives the address of each feed', async () => {
    await page.goto(`${baseUrl()}/`);
    await page.getByRole('link', { name: 'RSS feeds' }).click();
    await page.waitForURL('**/feeds/');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('RSS feeds');
    expect(await page.locator('.feed-list code').first().innerText()).toMatch(/^https?:\/\/.+\/rss\.xml$/);
  });

  it('answers an unknown address with a helpful 404 page', async () => {
    const response = await page.goto(`${baseUrl()}/stories/no-such-story/`);
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Page not found');
    expect(await page.getByRole('link', { name: 'the latest stories' }).getAttribute('href')).toBe('/');
    expect(await page.getByRole('link', { name: seed.title }).count()).toBe(1);
  });
});

describe('the feeds page', () => {
  it('is linked from every page and lists each feed address', async () => {
    await page.goto(`${baseUrl()}${SEED_STORY_PATH}`);
    await page.getByRole('link', { name: 'RSS feeds' }).click();
    await page.waitForURL('**/feeds/');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('RSS feeds');
    expect(await page.locator('.feed-list code').allInnerTexts()).toEqual([
      expect.stringMatching(/\/rss\.xml$/),
      expect.stringMatching(/\/sections\/conflicts-war\/rss\.xml$/),
      // Then each tag's feed, under Topics, by name.
      ...['china', 'european-union', 'kazakhstan', 'russia', 'sanctions', 'ukraine-war'].map((tag) =>
        expect.stringMatching(new RegExp(`/tags/${tag}/rss\\.xml$`)),
      ),
    ]);
    expect(await page.getByRole('heading', { level: 2, name: 'Topics' }).count()).toBe(1);
  });
});
