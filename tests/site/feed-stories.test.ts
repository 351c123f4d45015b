/**
 * Feed items of the language-editions fixture site (tests/fixtures/editions), read as a
 * subscriber's reader reads them: the feed parsed with a real XML parser, then each item's
 * `content:encoded` parsed as HTML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { EDITION_STORIES, editions } from '../helpers/site';
import { xmlErrors } from '../helpers/xml';

const SITE = 'https://wire-reader.example';
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'item' });

interface Item {
  link: string;
  'content:encoded': string;
}

/** The feed's channel; the feed must be well-formed XML. */
function channel(path: string) {
  const xml = editions.read(path);
  expect(xmlErrors(xml), path).toEqual([]);
  return parser.parse(xml).rss.channel as { language: string; item: Item[] };
}

/** The item of one story in a feed, its HTML parsed. */
function item(feedPath: string, storyPath: string) {
  const found = channel(feedPath).item.find((i) => i.link === new URL(encodeURI(storyPath), SITE).href);
  expect(found, `${feedPath} has ${storyPath}`).toBeDefined();
  const html = found?.['content:encoded'] ?? '';
  return { item: found as Item, html, $: cheerio.load(html, null, false) };
}

describe('feed items carry the story’s language and direction', () => {
  it.each([
    ['/ar/rss.xml', EDITION_STORIES.ar, 'ar', 'rtl'],
    ['/ar/sections/ثقافة/rss.xml', EDITION_STORIES.ar, 'ar', 'rtl'],
    ['/rss.xml', EDITION_STORIES.en, 'en', 'ltr'],
    ['/es/rss.xml', EDITION_STORIES.es, 'es', 'ltr'],
  ])('%s wraps the whole story in one element with its lang and dir', (feedPath, storyPath, lang, dir) => {
    const { $ } = item(feedPath, storyPath);
    const roots = $.root().children();
    expect(roots).toHaveLength(1);
    expect([roots.attr('lang'), roots.attr('dir')]).toEqual([lang, dir]);
    // The dateline opens the story inside the wrapper, so it is laid out in the story's direction.
    expect(roots.find('p').first().children().first().is('span.dateline')).toBe(true);
  });

  it('gives the Arabic feed <language>ar</language>', () => {
    expect(channel('/ar/rss.xml').language).toBe('ar');
  });
});

/** A built file of the editions site, by its absolute URL. */
const builtFile = (url: string) => join(editions.dir(), decodeURI(new URL(url).pathname));

describe('feed items carry the whole story as the page shows it', () => {
  it.each([
    ['/rss.xml', EDITION_STORIES.en, 'Correction'],
    ['/ar/rss.xml', EDITION_STORIES.ar, 'تصحيح'],
  ])('%s gives the correction note the story page shows, after the text', (feedPath, storyPath, heading) => {
    const { $ } = item(feedPath, storyPath);
    const page = cheerio.load(editions.read(storyPath));
    const pageNotes = page('article .corrections li')
      .toArray()
      .map((li) => page(li).text());
    expect(pageNotes).toHaveLength(1);
    expect($('section h2').text()).toBe(heading);
    expect(page('#corrections-heading').text()).toBe(heading);
    expect(
      $('section li')
        .toArray()
        .map((li) => $(li).text()),
    ).toEqual(pageNotes);
    expect($('section').prev().find('.credit').length).toBe(1);
  });

  it('gives the agency’s copyright line last, as the page does', () => {
    const { $ } = item('/rss.xml', EDITION_STORIES.en);
    const page = cheerio.load(editions.read(EDITION_STORIES.en));
    expect($.root().children().children().last().text()).toBe('(c) EFE 2023');
    expect(page('.rights').text().trim()).toBe('(c) EFE 2023');
  });

  // A story photo in the feed is checked on the agency site (tests/site/agency-import.test.ts).
  it.each([
    ['/ar/rss.xml', EDITION_STORIES.ar],
    ['/rss.xml', EDITION_STORIES.en],
  ])(
    '%s gives a story without a photo no figure, and its own share card as media:content',
    async (feedPath, storyPath) => {
      const { $, item: found } = item(feedPath, storyPath);
      expect($('figure').length).toBe(0);
      const media = (found as unknown as { 'media:content': Record<string, string> })['media:content'];
      const ogImage = cheerio.load(editions.read(storyPath))('meta[property="og:image"]').attr('content');
      expect(media).toMatchObject({ '@_url': ogImage, '@_type': 'image/png', '@_width': '1200', '@_height': '630' });
      const file = await sharp(readFileSync(builtFile(media['@_url'] ?? ''))).metadata();
      expect([file.format, file.width, file.height]).toEqual(['png', 1200, 630]);
    },
  );

  it.each(['/rss.xml', '/ar/rss.xml', '/es/rss.xml', '/es/sections/economia/rss.xml', '/sections/economy/rss.xml'])(
    '%s stays safe: no script, handler or javascript: URL, every href and src absolute',
    (feedPath) => {
      for (const { 'content:encoded': html } of channel(feedPath).item) {
        expect(html).not.toMatch(/<script|<iframe|<style|\son\w+=|javascript:/i);
        const urls = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1]);
        expect(urls.filter((url) => !url?.startsWith('https://wire-reader.example/'))).toEqual([]);
      }
    },
  );
});
