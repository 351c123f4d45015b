import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { baseUrl, pagePaths } from '../helpers/site';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

interface Stop {
  /** The link's address, or the form control's name (`input q`, `button`) for the header search. */
  href: string | null;
  text: string;
  /** What changes when the link has keyboard focus: its outline, shadow or background. */
  indicator: string[];
  inView: boolean;
}

describe('keyboard focus', () => {
  it.each(pagePaths().flatMap((path) => (['light', 'dark'] as const).map((scheme) => ({ path, scheme }))))(
    'is visible on every link and form control of $path in $scheme mode',
    async ({ path, scheme }) => {
      const context = await browser.newContext({
        colorScheme: scheme,
        viewport: { width: 1280, height: 900 },
        // Focus scrolls a link into view at once, not smoothly, so it can be measured where it lands.
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      await page.goto(`${baseUrl()}${path}`);
      const focusable = 'a[href], input:not([type="hidden"]), button, select, textarea';
      // Only what is shown takes focus: a hidden control (the search page's idle "Show more" button) is skipped by Tab.
      const count = await page.evaluate(
        (selector) => [...document.querySelectorAll(selector)].filter((el) => el.checkVisibility()).length,
        focusable,
      );
      const stops: Stop[] = [];
      for (let i = 0; i < count; i++) {
        await page.keyboard.press('Tab');
        stops.push(
          await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const focused = getComputedStyle(el);
            const seen = {
              outline: `${focused.outlineStyle} ${focused.outlineWidth} ${focused.outlineColor}`,
              shadow: focused.boxShadow,
              background: focused.backgroundColor,
            };
            el.blur();
            const rest = getComputedStyle(el);
            const before = {
              outline: `${rest.outlineStyle} ${rest.outlineWidth} ${rest.outlineColor}`,
              shadow: rest.boxShadow,
              background: rest.backgroundColor,
            };
            el.focus({ focusVisible: true } as FocusOptions);
            const box = el.getBoundingClientRect();
            return {
              href:
                el instanceof HTMLAnchorElement
                  ? el.getAttribute('href')
                  : ['INPUT', 'BUTTON', 'SELECT', 'TEXTAREA'].includes(el.tagName)
                    ? `${el.tagName.toLowerCase()} ${el.getAttribute('name') ?? ''}`.trim()
                    : null,
              text: (el.textContent ?? '').trim() || (el.getAttribute('aria-label') ?? ''),
              indicator: (Object.keys(seen) as (keyof typeof seen)[]).filter((key) => seen[key] !== before[key]),
              inView: box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight,
            };
          }),
        );
      }
      await context.close();
      expect(stops.map((stop) => stop.href)).not.toContain(null);
      const invisible = stops.filter((stop) => stop.indicator.length === 0 || !stop.inView);
      expect(invisible.map((stop) => `${stop.text} → ${stop.href}`)).toEqual([]);
      expect(new Set(stops.map((stop) => stop.href)).size).toBeGreaterThan(3);
    },
  );
});
