import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseWireDate } from '../../src/lib/dates';
import {
  chunk,
  newsLanguage,
  newsSelection,
  newsSitemapXml,
  newest,
  robotsTxt,
  sitemapIndexXml,
  sitemapXml,
  type NewsStory,
} from '../../src/lib/sitemap';
import { xmlErrors } from '../helpers/xml';

const buildTime = new Date('2026-11-27T12:00:00Z');
const HOUR = 3_600_000;
const story = (id: string, hoursBefore: number, lang = 'en'): NewsStory & { id: string } => ({
  id,
  url: `https://x.example/stories/${id}/`,
  title: `Story ${id}`,
  lang,
  published: parseWireDate(new Date(buildTime.getTime() - hoursBefore * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z')),
});
const select = (stories: NewsStory[], limit = 1000) => newsSelection(stories, { buildTime, windowHours: 48, limit });
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });

describe('newsSelection', () => {
  it.each([
    ['one published at the build time', 0, true],
    ['one published an hour ago', 1, true],
    ['one published exactly two days before the build', 48, true],
    ['one published a second more than two days before', 48 + 1 / 3600, false],
    ['one published three days before', 72, false],
    ['one dated a minute after the build (embargoed, not out yet)', -1 / 60, false],
    ['one dated a day after the build', -24, false],
  ])('takes %s: %s', (_name, hours, taken) => {
    expect(select([story('a', hours)])[0]).toHaveLength(taken ? 1 : 0);
  });

  it('puts the newest first', () => {
    const [first] = select([story('old', 30), story('new', 1), story('mid', 10)]);
    expect(first?.map((s) => s.url)).toEqual([
      'https://x.example/stories/new/',
      'https://x.example/stories/mid/',
      'https://x.example/stories/old/',
    ]);
  });

  it('splits at the limit, keeping every recent story once', () => {
    const many = Array.from({ length: 2501 }, (_, i) => story(`s${i}`, (i / 2501) * 47));
    const files = select(many);
    expect(files.map((file) => file.length)).toEqual([1000, 1000, 501]);
    expect(new Set(files.flat().map((s) => s.url)).size).toBe(2501);
  });

  it('gives exactly one file at exactly the limit, and one empty file when nothing is recent', () => {
    expect(select(Array.from({ length: 1000 }, (_, i) => story(`s${i}`, 1))).map((f) => f.length)).toEqual([1000]);
    expect(select([story('old', 100)])).toEqual([[]]);
  });
});

describe('newsLanguage', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['es-419', 'es'],
    ['ar', 'ar'],
    ['zh', 'zh-cn'],
    ['zh-CN', 'zh-cn'],
    ['zh-Hans', 'zh-cn'],
    ['zh-TW', 'zh-tw'],
    ['zh-Hant', 'zh-tw'],
    ['zh-HK', 'zh-tw'],
  ])('writes %s as %s', (lang, expected) => {
    expect(newsLanguage(lang)).toBe(expected);
  });
});

describe('newsSitemapXml', () => {
  it('carries publication name and language, date and title for each story, escaped', () => {
    const xml = newsSitemapXml([{ ...story('a', 1, 'es'), title: 'Sal & “pimienta” <b>' }], 'Wire & Co');
    expect(xmlErrors(xml)).toEqual([]);
    const url = parser.parse(xml).urlset.url;
    expect(url.loc).toBe('https://x.example/stories/a/');
    expect(url['news:news']).toEqual({
      'news:publication': { 'news:name': 'Wire & Co', 'news:language': 'es' },
      'news:publication_date': '2026-11-27T11:00:00Z',
      'news:title': 'Sal & “pimienta” <b>',
    });
  });

  it('is a valid empty urlset when there is nothing recent', () => {
    const xml = newsSitemapXml([], 'Wire Reader');
    expect(xmlErrors(xml)).toEqual([]);
    expect(parser.parse(xml).urlset).toMatchObject({
      '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      '@_xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
    });
    expect(xml).not.toContain('<url>');
  });
});

describe('sitemapXml and sitemapIndexXml', () => {
  it('writes loc, a date-only lastmod as a date and hreflang alternates', () => {
    const xml = sitemapXml([
      {
        loc: 'https://x.example/stories/a/?x=1&y=2',
        lastmod: parseWireDate('2023-06-20'),
        alternates: [
          { lang: 'en', href: 'https://x.example/stories/a/' },
          { lang: 'es', href: 'https://x.example/es/stories/a/' },
        ],
      },
      { loc: 'https://x.example/feeds/' },
    ]);
    expect(xmlErrors(xml)).toEqual([]);
    const [first, second] = parser.parse(xml).urlset.url;
    expect(first.loc).toBe('https://x.example/stories/a/?x=1&y=2');
    expect(first.lastmod).toBe('2023-06-20');
    expect(first['xhtml:link'].map((l: Record<string, string>) => l['@_hreflang'])).toEqual(['en', 'es']);
    expect(second).toEqual({ loc: 'https://x.example/feeds/' });
  });

  it('declares the xhtml namespace only when some page has alternates', () => {
    expect(sitemapXml([{ loc: 'https://x.example/' }])).not.toContain('xmlns:xhtml');
  });

  it('names each sitemap file in the index', () => {
    const xml = sitemapIndexXml([
      { loc: 'https://x.example/sitemap-1.xml', lastmod: parseWireDate('2023-06-20T10:00:00Z') },
      { loc: 'https://x.example/sitemap-2.xml' },
    ]);
    expect(xmlErrors(xml)).toEqual([]);
    expect(parser.parse(xml).sitemapindex.sitemap).toEqual([
      { loc: 'https://x.example/sitemap-1.xml', lastmod: '2023-06-20T10:00:00Z' },
      { loc: 'https://x.example/sitemap-2.xml' },
    ]);
  });
});

describe('chunk and newest', () => {
  it('splits at the size and keeps an empty list as one empty chunk', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 50_000)).toEqual([[]]);
  });

  it('finds the newest date and ignores missing ones', () => {
    const a = parseWireDate('2023-01-01');
    const b = parseWireDate('2023-06-20T10:00:00Z');
    expect(newest([a, undefined, b])).toBe(b);
    expect(newest([])).toBeUndefined();
  });
});

describe('robotsTxt', () => {
  it('allows crawling and names every sitemap', () => {
    expect(robotsTxt(['https://x.example/sitemap-index.xml', 'https://x.example/news-sitemap.xml'])).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://x.example/sitemap-index.xml\nSitemap: https://x.example/news-sitemap.xml\n',
    );
  });
});
