import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeRuleIds, axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { baseUrl, pagePaths } from '../helpers/site';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const cases = pagePaths().flatMap((path) => [
  { path, scheme: 'light' as const },
  { path, scheme: 'dark' as const },
]);

describe('axe-core (WCAG 2.2 A and AA, best practice)', () => {
  it.each(cases)('finds no violation on $path in $scheme mode', async ({ path, scheme }) => {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}${path}`);
    const violations = await axeViolations(page);
    await context.close();
    expect(violations).toEqual([]);
  });

  it('runs the target-size rule among them', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/`);
    const ids = await axeRuleIds(page);
    await context.close();
    expect(ids).toEqual(expect.arrayContaining(['target-size', 'color-contrast']));
  });
});
