/**
 * The Content-Security-Policy in a real Chromium, served by nginx: no violation (and no
 * console error at all) on one page of every type the site has, its feeds as a browser
 * shows them, and the 404 page; search runs a query when the site has a search box. A
 * control proves a violation would be seen.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { onePerType } from '../helpers/page-types';
import { baseUrl, builtFiles, pagePaths } from '../helpers/site';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

interface Visit {
  page: Page;
  /** Violations the page's `securitypolicyviolation` events reported. */
  violations: () => Promise<string[]>;
  /** Console errors and warnings, and uncaught errors. */
  messages: string[];
  status: number | undefined;
}

async function visit(path: string): Promise<Visit> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      messages.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => messages.push(`uncaught: ${error.message}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`),
    );
  });
  const response = await page.goto(`${baseUrl()}${path}`, { waitUntil: 'load' });
  const violations = () =>
    page.evaluate(() => [...((window as unknown as { cspViolations?: string[] }).cspViolations ?? [])]);
  return { page, violations, messages, status: response?.status() };
}

/** A page's console errors, less the one a 404 response itself logs. */
const unexpected = (messages: string[]) =>
  messages.filter((message) => !/Failed to load resource: the server responded with a status of 404/.test(message));

const pages = onePerType(pagePaths());
// Feeds only: sitemaps open in Chromium's own XML viewer, whose inline styles are the browser's,
// not the site's; crawlers read them and apply no CSP.
const feeds = onePerType(builtFiles('rss.xml'));

describe('Content-Security-Policy in Chromium', () => {
  it('lists the page types it visits', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', '/404.html']));
    expect(pages.some((path) => path.startsWith('/stories/'))).toBe(true);
    expect(feeds).toContain('/rss.xml');
  });

  it.each(pages)('%s loads with no CSP violation and no console error', async (path) => {
    const { page, violations, messages } = await visit(path);
    // A search page is tried with a query, so its script, index and WebAssembly all load.
    const search = page.locator('input[type="search"]').first();
    if ((await search.count()) > 0) {
      await search.fill('Tokayev');
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
    }
    expect(await violations()).toEqual([]);
    expect(unexpected(messages)).toEqual([]);
    await page.context().close();
  });

  it.each(feeds)('feed %s shows in the browser with no CSP violation', async (path) => {
    const { page, messages } = await visit(path);
    expect(unexpected(messages)).toEqual([]);
    await page.context().close();
  });

  it("an unknown address shows the site's 404 page with no CSP violation", async () => {
    const { page, violations, messages, status } = await visit('/no-such-page/');
    expect(status).toBe(404);
    expect(await page.locator('h1').count()).toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    expect(unexpected(messages)).toEqual([]);
    await page.context().close();
  });

  it('sees a violation when a page gains inline code the policy does not allow (the control)', async () => {
    const { page, violations, messages } = await visit('/');
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red }';
      document.head.append(style);
      const script = document.createElement('script');
      script.textContent = 'document.title = "ran"';
      document.head.append(script);
    });
    await page.waitForTimeout(200);
    expect(await page.title()).not.toBe('ran');
    expect((await violations()).join('\n')).toMatch(/style-src.*\n.*script-src|script-src.*\n.*style-src/s);
    expect(messages.join('\n')).toMatch(/Content Security Policy/);
    await page.context().close();
  });

  it('refuses to be framed by a page elsewhere', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (message) => messages.push(message.text()));
    await page.setContent(`<iframe src="${baseUrl()}/"></iframe>`);
    await page.waitForTimeout(500);
    const framed = page.frames().find((frame) => frame.url().startsWith(baseUrl()));
    const shown = framed ? await framed.evaluate(() => document.body?.innerText ?? '').catch(() => '') : '';
    expect(shown).toBe('');
    expect(messages.join('\n')).toMatch(/frame-ancestors|X-Frame-Options/);
    await context.close();
  });
});
