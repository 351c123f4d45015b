import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { baseUrl, pagePaths, SEED_STORY_PATH } from '../helpers/site';

/** The pages the issue asks to see: a front, a section front, a story, a day's archive, the feeds page. */
const SHOWN = [
  { name: 'home', path: '/' },
  { name: 'section', path: '/sections/conflicts-war/' },
  { name: 'article', path: SEED_STORY_PATH },
  { name: 'day', path: '/archive/2023/06/20/' },
  { name: 'feeds', path: '/feeds/' },
];
const artifacts = fileURLToPath(new URL('../.artifacts/', import.meta.url));
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => browser?.close());

async function open(path: string, width: number, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto(`${baseUrl()}${path}`);
  return page;
}

/** How far the page is wider than the viewport, in CSS pixels (0 when it fits). */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('reflow', () => {
  const cases = [320, 768, 1280].flatMap((width) => pagePaths().map((path) => ({ path, width })));
  it.each(cases)('$path needs no horizontal scrolling at $width px', async ({ path, width }) => {
    const page = await open(path, width);
    expect(await overflow(page)).toBe(0);
    await page.context().close();
  });
});

describe('reading comfort', () => {
  it('sets the story in lines of 45 to 80 characters on a desktop', async () => {
    const page = await open(SEED_STORY_PATH, 1280);
    const lengths = await page.evaluate(() => {
      const counts: number[] = [];
      for (const paragraph of document.querySelectorAll('.story-body p')) {
        const lines = new Map<number, number>();
        const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < (node.textContent ?? '').length; i++) {
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (!rect) continue;
            const top = Math.round(rect.top);
            lines.set(top, (lines.get(top) ?? 0) + 1);
          }
        }
        // Every line but the paragraph's last, which may be short.
        counts.push(
          ...[...lines.entries()]
            .sort((a, b) => a[0] - b[0])
            .slice(0, -1)
            .map(([, n]) => n),
        );
      }
      return counts;
    });
    expect(lengths.length).toBeGreaterThan(20);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(45);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(80);
    await page.context().close();
  });

  it.each([320, 1280])('keeps all content visible with text enlarged to 200 percent at %i px', async (width) => {
    const page = await open(SEED_STORY_PATH, width);
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    expect(await overflow(page)).toBe(0);
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => {
          const style = getComputedStyle(el);
          // Text kept for screen readers only (a search form's label) is hidden on purpose.
          if (el.classList.contains('visually-hidden')) return false;
          const hides = ['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY);
          return hides && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
        })
        .map((el) => el.tagName + '.' + el.className),
    );
    expect(clipped).toEqual([]);
    expect(await page.locator('.credit').isVisible()).toBe(true);
    await page.context().close();
  });

  it.each(SHOWN)('does not shift the layout of the $name page as it loads', async ({ path }) => {
    const page = await open(path, 1280);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) total += (entry as unknown as { value: number }).value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 500);
        }),
    );
    expect(shift).toBeLessThan(0.01);
    await page.context().close();
  });
});

describe('screenshots', () => {
  const cases = SHOWN.flatMap(({ name, path }) =>
    [
      { size: 'phone', width: 390 },
      { size: 'desktop', width: 1280 },
    ].flatMap(({ size, width }) =>
      (['light', 'dark'] as const).map((colorScheme) => ({
        file: `${name}-${size}-${colorScheme}`,
        path,
        width,
        colorScheme,
      })),
    ),
  );
  it.each(cases)('writes $file.png to tests/.artifacts', async ({ file, path, width, colorScheme }) => {
    const page = await open(path, width, { colorScheme });
    const image = await page.screenshot({ path: `${artifacts}${file}.png`, fullPage: true });
    expect(image.length).toBeGreaterThan(10_000);
    await page.context().close();
  });
});

describe('print', () => {
  it('prints a story with its headline, times, dateline, text, credit and address, and no navigation', async () => {
    const page = await open(SEED_STORY_PATH, 1280);
    await page.emulateMedia({ media: 'print' });
    const shown = async (selector: string) => page.locator(selector).first().isVisible();
    for (const selector of ['h1', '.story-times time', '.dateline', '.story-body', '.credit', '.print-only']) {
      expect(await shown(selector), selector).toBe(true);
    }
    for (const selector of ['nav', '.skip-link', '.related', '.tags', '.back-to-top', 'footer']) {
      expect(await shown(selector), selector).toBe(false);
    }
    expect(await page.locator('.print-only').innerText()).toMatch(new RegExp(`^https://.+${SEED_STORY_PATH}$`));
    await page.emulateMedia({ media: 'screen' });
    expect(await shown('.print-only')).toBe(false);
    await page.context().close();
  });
});
