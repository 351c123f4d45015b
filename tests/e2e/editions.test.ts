import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES, textDirection } from '../../src/lib/i18n';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { EDITION_STORIES, editions } from '../helpers/site';

const artifacts = fileURLToPath(new URL('../.artifacts/', import.meta.url));
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => browser?.close());

async function open(path: string, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  const response = await page.goto(`${editions.url()}${encodeURI(path)}`);
  expect(response?.status()).toBe(200);
  return page;
}

/**
 * The Spanish, Arabic, German and Italian pages: stories, fronts, a second page, a section, a tag, archives, search, the feeds
 * page, and the corrections page listing an Arabic and an English story.
 */
const PAGES = [
  EDITION_STORIES.es,
  EDITION_STORIES.ar,
  '/es/',
  '/es/page/2/',
  '/es/sections/economia/',
  '/es/feeds/',
  '/ar/',
  '/ar/sections/ثقافة/',
  '/ar/tags/مصر/',
  '/ar/feeds/',
  '/ar/archive/',
  '/ar/archive/2024/01/25/',
  '/es/search/',
  '/ar/search/',
  '/de/',
  '/stories/berlin-wahlt-ein-neues-abgeordnetenhaus/',
  '/de/search/',
  '/it/',
  '/corrections/',
  '/404.html',
];

describe('the Spanish and Arabic editions in a browser', () => {
  it.each(PAGES.flatMap((path) => (['light', 'dark'] as const).map((scheme) => ({ path, scheme }))))(
    'axe finds no WCAG 2.2 AA violation on $path in $scheme mode',
    async ({ path, scheme }) => {
      const page = await open(path, 1280, scheme);
      const violations = await axeViolations(page);
      await page.context().close();
      expect(violations).toEqual([]);
    },
  );

  it.each(PAGES)('%s needs no sideways scrolling at 320 px', async (path) => {
    const page = await open(path, 320);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    await page.context().close();
    expect(overflow).toBe(0);
  });
});

/** Each edition's front in the fixture: English at `/`, then Spanish, Arabic, German and Italian. */
const FRONTS = ['/', '/es/', '/ar/', '/de/', '/it/'];

/**
 * Where the masthead's parts stand: the site title's row (its top and bottom), the top of the
 * tagline, the editions list and the search box, and the tagline's words that are split
 * across lines or cut off.
 */
async function masthead(page: Page) {
  return page.evaluate(() => {
    const box = (selector: string) => document.querySelector(`.masthead-top ${selector}`)?.getBoundingClientRect();
    const tagline = document.querySelector('.masthead-top .tagline');
    const broken: string[] = [];
    const text = tagline?.firstChild;
    if (tagline && text) {
      const range = document.createRange();
      for (const match of (text.textContent ?? '').matchAll(/\S+/g)) {
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        if (range.getClientRects().length !== 1) broken.push(match[0]);
      }
      if (tagline.scrollWidth > tagline.clientWidth) broken.push('(the tagline overflows its box)');
    }
    const top = (selector: string) => Math.round(box(selector)?.top ?? Number.NaN);
    return {
      row: [Math.round(box('.brand')?.top ?? Number.NaN), Math.round(box('.brand')?.bottom ?? Number.NaN)],
      tagline: top('.tagline'),
      editions: top('.editions'),
      search: top('.site-search'),
      broken,
    };
  });
}

describe('the masthead of every edition', () => {
  /** The fronts as built, and the English front with each message table's tagline and search button put in. */
  const cases = [
    ...FRONTS.map((path) => ({ name: path, path, messages: undefined })),
    ...Object.entries(MESSAGES).map(([lang, messages]) => ({ name: `${lang} words`, path: '/', messages, lang })),
  ];

  it.each(cases)(
    'keeps the site title, tagline, editions and search box on one row at 1280 px: $name',
    async (test) => {
      const page = await open(test.path, 1280);
      if (test.messages && test.lang) {
        const { tagline, searchButton } = test.messages;
        const dir = textDirection(test.lang);
        await page.evaluate(
          (words) => {
            document.documentElement.lang = words.lang;
            document.documentElement.dir = words.dir;
            const set = (selector: string, text: string) => {
              const el = document.querySelector(selector);
              if (el) el.textContent = text;
            };
            set('.masthead-top .tagline', words.tagline);
            set('.masthead-top .site-search button', words.searchButton);
          },
          { lang: test.lang, dir, tagline, searchButton },
        );
      }
      const shown = await masthead(page);
      await page.context().close();
      const [rowTop = 0, rowBottom = 0] = shown.row;
      for (const part of ['tagline', 'editions', 'search'] as const) {
        expect(shown[part], part).toBeGreaterThanOrEqual(rowTop);
        expect(shown[part], part).toBeLessThan(rowBottom);
      }
      expect(shown.broken).toEqual([]);
    },
  );

  it.each(FRONTS)('splits no word of the tagline at 390 px: %s', async (path) => {
    const page = await open(path, 390);
    const shown = await masthead(page);
    await page.context().close();
    expect(shown.broken).toEqual([]);
  });

  it.each([390, 1280])('starts at the right on the Arabic front at %i px', async (width) => {
    const page = await open('/ar/', width);
    const [brand, row] = await page.evaluate(() =>
      ['.masthead-top .brand a', '.masthead-top'].map((selector) =>
        Math.round(document.querySelector(selector)?.getBoundingClientRect().right ?? Number.NaN),
      ),
    );
    await page.context().close();
    expect(brand).toBe(row);
  });

  it.each(
    ['/de/', '/ar/'].flatMap((path) => [
      { path, width: 390 },
      { path, width: 1280 },
    ]),
  )('is photographed on $path at $width px to tests/.artifacts', async ({ path, width }) => {
    const page = await open(path, width);
    const name = path.replaceAll('/', '') || 'en';
    const image = await page.screenshot({
      path: `${artifacts}masthead-${name}-${width}.png`,
      clip: { x: 0, y: 0, width, height: 260 },
    });
    await page.context().close();
    expect(image.length).toBeGreaterThan(5_000);
  });
});

describe('the Arabic story, right to left', () => {
  it.each([390, 1280])('mirrors its layout at %i px: text, labels and controls start on the right', async (width) => {
    const page = await open(EDITION_STORIES.ar, width);
    const boxes = await page.evaluate(() => {
      // The right edge of an inline box (arrows drawn before it included), or of a block's text.
      const right = (selector: string) => {
        const el = document.querySelector(selector);
        if (!el) return undefined;
        if (getComputedStyle(el).display !== 'block') return Math.round(el.getBoundingClientRect().right);
        const range = document.createRange();
        range.selectNodeContents(el);
        return Math.round(range.getBoundingClientRect().right);
      };
      const main = document.querySelector('main')?.getBoundingClientRect();
      const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
      const article = box('article');
      const aside = box('.related');
      return {
        // The related list starts on the right of its own column, which sits after the
        // article: below it on a phone, on its left (the inline end) on a wide screen.
        relatedStart: Math.round(aside?.right ?? 0),
        relatedAfter: !!article && !!aside && (aside.top >= article.bottom - 1 || aside.right <= article.left + 1),
        dir: getComputedStyle(document.documentElement).direction,
        mainRight: Math.round(main?.right ?? 0),
        mainLeft: Math.round(main?.left ?? 0),
        label: right('.section-label a'),
        backToTop: right('.back-to-top'),
        firstLine: right('.story-body p'),
        related: right('#related-heading'),
      };
    });
    await page.context().close();
    expect(boxes.dir).toBe('rtl');
    for (const edge of [boxes.label, boxes.backToTop, boxes.firstLine]) {
      expect(edge).toBeGreaterThan(boxes.mainRight - 4);
      expect(edge).toBeLessThanOrEqual(boxes.mainRight + 1);
    }
    expect(boxes.related).toBeGreaterThan(boxes.relatedStart - 4);
    expect(boxes.related).toBeLessThanOrEqual(boxes.relatedStart + 1);
    expect(boxes.relatedAfter).toBe(true);
  });

  it('keeps the agency credit a left-to-right run inside the Arabic text', async () => {
    const page = await open(EDITION_STORIES.ar, 1280);
    const credit = await page.evaluate(() => {
      const el = document.querySelector('.credit');
      return el ? [el.textContent, getComputedStyle(el).unicodeBidi] : [];
    });
    await page.context().close();
    expect(credit).toEqual(['EFE', 'isolate']);
  });

  it.each([
    { name: 'phone', width: 390 },
    { name: 'desktop', width: 1280 },
  ])('is photographed at $name width to tests/.artifacts', async ({ name, width }) => {
    const page = await open(EDITION_STORIES.ar, width);
    const image = await page.screenshot({ path: `${artifacts}article-ar-${name}.png`, fullPage: true });
    await page.context().close();
    expect(image.length).toBeGreaterThan(10_000);
  });
});

describe('an edition’s search page in a browser', () => {
  it.each([
    ['/es/search/?q=trimestre', /^1 noticia coincide con «trimestre»\.$/, 'Buscar'],
    ['/ar/search/?q=القاهرة', /^خبر واحد يطابق «القاهرة»\.$/, 'بحث'],
  ])('%s reports what it found in the edition’s language', async (path, summary, heading) => {
    const page = await open(path, 1280);
    await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') !== '');
    const shown = {
      status: await page.locator('#search-status').innerText(),
      heading: await page.locator('h1').innerText(),
      title: await page.title(),
    };
    await page.context().close();
    expect(shown.status).toMatch(summary);
    expect(shown.heading).toBe(heading);
    expect(shown.title).toContain('«');
  });
});
