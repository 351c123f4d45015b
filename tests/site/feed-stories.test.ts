/**
 * Feed items of the language-editions fixture site (tests/fixtures/editions), read as a
 * subscriber's reader reads them: the feed parsed with a real XML parser, then each item's
 * `content:encoded` parsed as HTML.
 */
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
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
