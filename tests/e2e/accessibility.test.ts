import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { baseUrl, pagePaths } from '../helpers/site';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

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
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async (tags) => {
      const axe = (
        window as unknown as { axe: { run: (ctx: object, options: object) => Promise<{ violations: unknown[] }> } }
      ).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations;
    }, TAGS);
    await context.close();
    const summary = (violations as AxeViolation[]).map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(summary).toEqual([]);
  });

  it('runs the target-size rule among them', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/`);
    await page.addScriptTag({ content: axeSource });
    const ids = await page.evaluate((tags) => {
      const axe = (window as unknown as { axe: { getRules: (tags: string[]) => { ruleId: string }[] } }).axe;
      return axe.getRules(tags).map((rule) => rule.ruleId);
    }, TAGS);
    await context.close();
    expect(ids).toEqual(expect.arrayContaining(['target-size', 'color-contrast']));
  });
});
