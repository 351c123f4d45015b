import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { baseUrl, SEED_STORY_PATH } from '../helpers/site';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function storyPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 600 }, ...options });
  const page = await context.newPage();
  await page.goto(`${baseUrl()}${SEED_STORY_PATH}`);
  return page;
}

/** Waits until the page stops scrolling (smooth scrolling takes a few frames). */
async function settledScrollY(page: Page): Promise<number> {
  let last = -1;
  for (let i = 0; i < 50; i++) {
    const y = await page.evaluate(() => window.scrollY);
    if (y === last) return y;
    last = y;
    await page.waitForTimeout(100);
  }
  return last;
}

async function scrollToEnd(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo({ top: document.body.scrollHeight, behavior: 'instant' }));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
}

/** The element the next Tab focuses, described by class or text. */
async function nextTabStop(page: Page): Promise<string> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active ? `${active.tagName.toLowerCase()}.${active.className}:${active.textContent?.trim()}` : 'none';
  });
}

describe('back to top', () => {
  it.each([
    ['with the mouse', {}, 'mouse'],
    ['from the keyboard', {}, 'keyboard'],
    ['with JavaScript off, from the keyboard', { javaScriptEnabled: false }, 'keyboard'],
    ['with JavaScript off, with the mouse', { javaScriptEnabled: false }, 'mouse'],
  ] as const)('brings the page and the focus back to the top %s', async (_name, options, how) => {
    const page = await storyPage(options);
    await scrollToEnd(page);
    const link = page.getByRole('link', { name: 'Back to top' });
    if (how === 'mouse') {
      await link.click();
    } else {
      await link.focus();
      await page.keyboard.press('Enter');
    }
    expect(await settledScrollY(page)).toBe(0);
    expect(await nextTabStop(page)).toBe('a.skip-link:Skip to content');
    await page.context().close();
  });

  it('jumps at once when the reader asks for reduced motion', async () => {
    const page = await storyPage({ reducedMotion: 'reduce' });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    await scrollToEnd(page);
    await page.getByRole('link', { name: 'Back to top' }).click();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.context().close();
  });

  it('scrolls smoothly otherwise', async () => {
    const page = await storyPage({ reducedMotion: 'no-preference' });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');
    await page.context().close();
  });

  it('is hidden in print', async () => {
    const page = await storyPage();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('link', { name: 'Back to top' }).isVisible()).toBe(false);
    expect(await page.locator('.story-body').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByRole('link', { name: 'Back to top' }).isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('the skip link', () => {
  it.each([
    ['with JavaScript on', {}],
    ['with JavaScript off', { javaScriptEnabled: false }],
  ])('is the first Tab stop and moves focus into main %s', async (_name, options) => {
    const page = await storyPage(options);
    expect(await nextTabStop(page)).toBe('a.skip-link:Skip to content');
    expect(await page.locator('.skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    const next = await nextTabStop(page);
    expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement))).toBe(true);
    expect(next).toMatch(/Conflicts & War/);
    await page.context().close();
  });
});
