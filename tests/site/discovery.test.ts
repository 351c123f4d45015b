import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/lib/site';
import { builtFiles, pagePaths, readBuilt, SEED_STORY_PATH, siteDir } from '../helpers/site';
import { xmlErrors } from '../helpers/xml';

const origin = new URL(process.env.SITE_URL ?? SITE.url).origin;
const parser = new XMLParser({ isArray: (name) => ['url', 'sitemap'].includes(name), parseTagValue: false });

/** The built file an absolute URL of this site is served from. */
function fileOf(url: string): string {
  const { origin: from, pathname } = new URL(url);
  expect(from).toBe(origin);
  return join(siteDir(), pathname.endsWith('/') ? `${pathname}index.html` : pathname);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString(), file).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

function readXml(url: string) {
  const xml = readFileSync(fileOf(url), 'utf8');
  expect(xmlErrors(xml), url).toEqual([]);
  return parser.parse(xml);
}

describe('robots.txt and the sitemaps', () => {
  const robots = readBuilt('/robots.txt');
  const indexUrl = /^Sitemap: (\S+sitemap-index\.xml)$/m.exec(robots)?.[1] ?? '';
  const sitemapUrls = (readXml(indexUrl).sitemapindex.sitemap as { loc: string }[]).map((s) => s.loc);
  const listed = sitemapUrls.flatMap((url) => readXml(url).urlset.url as { loc: string; lastmod: string }[]);

  it('robots.txt allows crawling and names the sitemap index and the news sitemap, absolute', () => {
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/$/m);
    expect(indexUrl).toBe(`${origin}/sitemap-index.xml`);
    expect(robots).toContain(`Sitemap: ${origin}/news-sitemap.xml`);
  });

  it('the sitemap index leads to every story, each with its lastmod', () => {
    const stories = pagePaths().filter((path) => path.startsWith('/stories/'));
    expect(stories).toContain(SEED_STORY_PATH);
    for (const path of stories) {
      const entry = listed.find((url) => url.loc === `${origin}${path}`);
      expect(entry, path).toBeDefined();
      expect(entry?.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}/);
    }
  });

  it('lists exactly the indexable pages: every page with a canonical link, and not the 404 page', () => {
    const indexable = pagePaths()
      .filter((path) => cheerio.load(readBuilt(path))('link[rel="canonical"]').length > 0)
      .map((path) => `${origin}${path}`)
      .sort();
    expect(listed.map((url) => url.loc).sort()).toEqual(indexable);
    expect(listed.some((url) => url.loc.includes('404'))).toBe(false);
  });

  it('every listed URL is a built page', () => {
    for (const { loc } of listed) expect(existsSync(fileOf(loc)), loc).toBe(true);
  });

  it('the news sitemap is a valid, empty urlset when no story is from the last two days', () => {
    const news = readXml(`${origin}/news-sitemap.xml`);
    expect(news.urlset['@_xmlns:news'] ?? 'x').toBeDefined();
    expect(news.urlset.url ?? []).toEqual([]);
  });
});

describe('share cards and structured data', () => {
  it('every page has an og:image that is a built 1200x630 PNG of the stated size, with alt and type', () => {
    for (const path of pagePaths()) {
      const $ = cheerio.load(readBuilt(path));
      const image = $('meta[property="og:image"]').attr('content') ?? '';
      expect(image, path).not.toBe('');
      const width = Number($('meta[property="og:image:width"]').attr('content'));
      const height = Number($('meta[property="og:image:height"]').attr('content'));
      expect([width, height], path).toEqual([1200, 630]);
      expect(pngSize(fileOf(image)), image).toEqual([width, height]);
      expect($('meta[property="og:image:alt"]').attr('content'), path).toBeTruthy();
      expect($('meta[property="og:image:type"]').attr('content'), path).toBe('image/png');
      expect($('meta[name="twitter:card"]').attr('content'), path).toBe('summary_large_image');
    }
  });

  it('the story page has a NewsArticle with the dateline place, the agency and an image that is a built file of its size', () => {
    const $ = cheerio.load(readBuilt(SEED_STORY_PATH));
    const graph = JSON.parse($('script[type="application/ld+json"]').text())['@graph'];
    const article = graph.find((node: { '@type': string }) => node['@type'] === 'NewsArticle');
    expect(article.locationCreated).toEqual({ '@type': 'Place', name: 'Astana' });
    expect(article.author).toMatchObject({ '@type': 'Organization', name: 'EFE', url: 'https://www.efe.com/' });
    // The site publishes it: named by @id, described once in the graph (tests/site/structured-data.test.ts).
    const publisher = graph.find((node: { '@id'?: string }) => node['@id'] === article.publisher['@id']);
    expect(publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: SITE.name });
    expect(article.datePublished).toBe('2023-06-20');
    for (const image of [...article.image, publisher.logo]) {
      expect(pngSize(fileOf(image.url)), image.url).toEqual([Number(image.width), Number(image.height)]);
    }
    expect(graph.find((node: { '@type': string }) => node['@type'] === 'BreadcrumbList').itemListElement).toHaveLength(
      3,
    );
  });

  it('the story page carries its Open Graph article tags', () => {
    const $ = cheerio.load(readBuilt(SEED_STORY_PATH));
    expect($('meta[property="article:published_time"]').attr('content')).toBe('2023-06-20');
    expect($('meta[property="article:section"]').attr('content')).toBe('Conflicts & War');
    expect($('meta[property="article:tag"]').length).toBe(6);
    expect($('meta[property="og:locale"]').attr('content')).toBe('en_US');
  });

  it('leaves no card manifest in the built site (only the search index has JSON files)', () => {
    expect(builtFiles('.json').filter((file) => !file.startsWith(`${SITE.searchBundlePath}`))).toEqual([]);
  });
});

describe('icons', () => {
  it('every icon and manifest link of every page resolves to a built file', () => {
    const hrefs = new Set<string>();
    for (const path of pagePaths()) {
      const $ = cheerio.load(readBuilt(path));
      $('link[rel="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]').each((_, link) => {
        hrefs.add($(link).attr('href') ?? '');
      });
    }
    expect([...hrefs].sort()).toEqual([
      '/apple-touch-icon.png',
      '/favicon.ico',
      '/favicon.svg',
      '/manifest.webmanifest',
    ]);
    for (const href of hrefs) expect(existsSync(join(siteDir(), href)), href).toBe(true);
  });

  it('the favicon.ico holds PNG images, the touch icon is 180 pixels and the manifest icons have their stated sizes', () => {
    const ico = readFileSync(join(siteDir(), 'favicon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBeGreaterThan(0);
    expect(pngSize(join(siteDir(), 'apple-touch-icon.png'))).toEqual([180, 180]);
    const manifest = JSON.parse(readBuilt('/manifest.webmanifest')) as { icons: { src: string; sizes: string }[] };
    for (const icon of manifest.icons) {
      expect(pngSize(join(siteDir(), icon.src)).join('x')).toBe(icon.sizes);
    }
  });
});
