import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { normalise, readSeed } from '../helpers/seed';
import { xmlErrors } from '../helpers/xml';
import { builtFiles, readBuilt } from '../helpers/site';

const site = 'https://wire-reader.example';
// Feeds are the rss.xml files; the sitemaps are XML too but no feeds.
const feeds = builtFiles('rss.xml');
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['item', 'category'].includes(name),
});
const seed = readSeed();
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

interface Item {
  title: string;
  link: string;
  guid: { '#text': string; '@_isPermaLink': string };
  description: string;
  pubDate: string;
  'content:encoded': string;
  category: string[];
  'dc:creator': string;
}

const channelOf = (path: string) => {
  const xml = readBuilt(path);
  expect(xmlErrors(xml)).toEqual([]);
  return { xml, rss: parser.parse(xml).rss, channel: parser.parse(xml).rss.channel };
};

describe('the feeds', () => {
  it('are the site feed, one per section and one per tag', () => {
    expect(feeds).toEqual([
      '/rss.xml',
      '/sections/conflicts-war/rss.xml',
      ...['china', 'european-union', 'kazakhstan', 'russia', 'sanctions', 'ukraine-war'].map(
        (tag) => `/tags/${tag}/rss.xml`,
      ),
    ]);
  });

  it.each(feeds)('%s is well-formed RSS 2.0 with the required channel elements and a self link', (path) => {
    const { xml, rss, channel } = channelOf(path);
    expect(rss['@_version']).toBe('2.0');
    expect(rss['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(channel.title).toBeTruthy();
    expect(channel.description).toBeTruthy();
    expect(channel.link).toMatch(/^https:\/\//);
    expect(channel.language).toBe('en');
    expect(channel['atom:link']).toMatchObject({
      '@_href': `${site}${path}`,
      '@_rel': 'self',
      '@_type': 'application/rss+xml',
    });
    // No XSLT: browsers are removing it, and Chromium shows a deprecation banner over feeds that use it.
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><rss /);
    expect(xml).not.toContain('xml-stylesheet');
  });

  it.each(feeds)('%s has absolute links, RFC 822 dates and unique permanent guids', (path) => {
    const items = channelOf(path).channel.item as Item[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.link.startsWith(`${site}/stories/`)).toBe(true);
      expect(item.guid['#text']).toBe(item.link);
      expect(item.guid['@_isPermaLink']).toBe('true');
      expect(item.pubDate).toMatch(RFC_822);
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
      expect(item['dc:creator']).toBe('EFE');
      expect(item.description).toBeTruthy();
    }
    expect(new Set(items.map((item) => item.guid['#text'])).size).toBe(items.length);
  });

  it.each(feeds)('%s carries the whole story, with dateline and credit, safe and with absolute URLs', (path) => {
    const { xml, channel } = channelOf(path);
    const item = (channel.item as Item[]).find((i) => i.title === seed.title);
    expect(item).toBeDefined();
    const html = item?.['content:encoded'] ?? '';
    const text = normalise(html.replace(/<[^>]+>/g, ''));
    for (const paragraph of seed.paragraphs) expect(text).toContain(normalise(paragraph));
    expect(html).not.toMatch(/<script|<iframe|\son\w+=|javascript:/i);
    expect(html.match(/(?:href|src)="([^"]*)"/g) ?? []).toEqual(
      (html.match(/(?:href|src)="([^"]*)"/g) ?? []).filter((attr) => attr.includes('="https://')),
    );
    expect(item?.category).toEqual(expect.arrayContaining(['Conflicts & War', 'Kazakhstan']));
    expect(xml.indexOf('<description>Kazakhstan')).toBeLessThan(xml.indexOf('<content:encoded>'));
  });
});

describe('the feeds page', () => {
  it('lists every feed with the address to copy into a reader', () => {
    const html = readBuilt('/feeds/');
    expect(html).toContain(' many others). Each feed carries the latest 50 stories.');
    for (const feed of feeds) {
      expect(html).toContain(`href="${feed}"`);
      expect(html).toContain(`<code>${site}${feed}</code>`);
    }
  });
});
