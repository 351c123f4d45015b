import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAstro } from '../helpers/astro';

/**
 * Three fixture stories (tests/fixtures/desk): one giving a date alone, one filed at 10:36
 * in Astana and updated at 12:05, one filed at 23:30 in Bogotá (already the 21st in UTC).
 * The site is built twice: as it is, then with a story from the next month added, to show
 * that earlier archive pages do not change.
 */
const fixtures = fileURLToPath(new URL('../fixtures/desk/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'wire-desk-'));
const before = join(scratch, 'before');
const after = join(scratch, 'after');
const read = (dist: string, path: string) =>
  readFileSync(join(dist, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
const page = (path: string) => cheerio.load(read(join(before, 'dist'), path));

const JULY_STORY = `---
title: A story from the next month
slug: next-month
description: Filed after the June archive was built.
pubDate: 2023-07-01T08:00:00Z
dateline:
  place: Madrid
agency: EFE
section: World
lang: en
---

A later paragraph.
`;

function build(folder: string) {
  const result = runAstro('build', { content: join(folder, 'content'), scratch: folder });
  if (result.status !== 0) throw new Error(`astro build failed:\n${result.output}`);
}

beforeAll(() => {
  cpSync(fixtures, join(before, 'content'), { recursive: true });
  build(before);
  cpSync(fixtures, join(after, 'content'), { recursive: true });
  writeFileSync(join(after, 'content', 'next-month.md'), JULY_STORY);
  build(after);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The NewsArticle of a page's JSON-LD graph. */
const jsonLd = ($: cheerio.CheerioAPI) =>
  (JSON.parse($('script[type="application/ld+json"]').text()) as { '@graph': { '@type': string }[] })['@graph'].find(
    (node) => node['@type'] === 'NewsArticle',
  ) as Record<string, unknown>;
const feedItems = () => {
  const parser = new XMLParser({ isArray: (name) => name === 'item' });
  const items = parser.parse(read(join(before, 'dist'), '/rss.xml')).rss.channel.item as {
    link: string;
    pubDate: string;
    'dc:date': string;
  }[];
  return new Map(items.map((item) => [new URL(item.link).pathname, item]));
};

describe('a story that gives a date alone', () => {
  const path = '/stories/dates-only-story/';

  it('shows the date and no time of day on its page', () => {
    const $ = page(path);
    const times = $('.story-times time');
    expect(times).toHaveLength(1);
    expect(times.attr('datetime')).toBe('2023-06-19');
    expect(times.text()).toBe('Monday, June 19, 2023');
    expect($('.story-times').text()).not.toMatch(/\d:\d/);
  });

  it('gives the date alone in JSON-LD', () => {
    expect(jsonLd(page(path)).datePublished).toBe('2023-06-19');
  });

  it('gives the date alone as dc:date in the feed, and noon GMT as the RFC 822 pubDate convention', () => {
    const item = feedItems().get(path);
    expect(item?.['dc:date']).toBe('2023-06-19');
    expect(item?.pubDate).toBe('Mon, 19 Jun 2023 12:00:00 GMT');
  });

  it('shows no time in the wire list', () => {
    const item = page('/')(`.wire li:has(a[href="${path}"])`);
    expect(item.find('time')).toHaveLength(0);
  });
});

describe('a story that gives its time', () => {
  const path = '/stories/timed-story/';

  it('shows the published and updated times with their zone on its page', () => {
    const times = page(path)('.story-times time')
      .toArray()
      .map((time) => [page(path)(time).attr('datetime'), page(path)(time).text()]);
    expect(times).toEqual([
      ['2023-06-20T10:36+06:00', 'Tuesday, June 20, 2023, 10:36 GMT+6'],
      ['2023-06-20T12:05+06:00', 'Tuesday, June 20, 2023, 12:05 GMT+6'],
    ]);
  });

  it('gives the times with their offset, as the entry writes them, in JSON-LD', () => {
    expect(jsonLd(page(path))).toMatchObject({
      datePublished: '2023-06-20T10:36:00+06:00',
      dateModified: '2023-06-20T12:05:00+06:00',
    });
  });

  it('gives the instant in the feed, and the local time as dc:date', () => {
    const item = feedItems().get(path);
    expect(item?.pubDate).toBe('Tue, 20 Jun 2023 04:36:00 GMT');
    expect(item?.['dc:date']).toBe('2023-06-20T10:36+06:00');
  });

  it('shows its time in the wire list, on the front page and on its day’s page', () => {
    for (const listing of ['/', '/archive/2023/06/20/', '/sections/world/']) {
      const item = page(listing)(`.wire li:has(a[href="${path}"])`);
      expect(item.find('.wire-time time').attr('datetime'), listing).toBe('2023-06-20T10:36+06:00');
      expect(item.find('.wire-time').text().trim(), listing).toBe('10:36 GMT+6');
    }
  });

  it('prints a Spanish story’s time in Spanish, at its own offset, under its own local day, on the Spanish desk', () => {
    const item = page('/es/')(`.wire li:has(a[href="/stories/historia-tarde/"])`);
    expect(item.attr('lang')).toBe('es');
    expect(item.find('.wire-time').text().trim()).toBe('23:30 GMT-5');
    const heading = item.closest('.day').find('.day-heading');
    expect(heading.find('time').attr('datetime')).toBe('2023-06-20');
    expect(heading.find('time').text()).toBe('martes, 20 de junio de 2023');
    expect(heading.find('a').attr('href')).toBe('/es/archive/2023/06/20/');
    expect(page('/')('a[href="/stories/historia-tarde/"]')).toHaveLength(0);
  });
});

describe('the wire desk', () => {
  it('groups the front page by day, newest first, each day linked to its archive page', () => {
    const $ = page('/');
    const days = $('.day')
      .toArray()
      .map((day) => ({
        date: $(day).find('.day-heading time').attr('datetime'),
        href: $(day).find('.day-heading a').attr('href'),
        stories: $(day).find('.wire > li .headline a').length,
      }));
    expect(days).toEqual([
      { date: '2023-06-20', href: '/archive/2023/06/20/', stories: 1 },
      { date: '2023-06-19', href: '/archive/2023/06/19/', stories: 1 },
    ]);
  });

  it('shows each item’s section, headline, standfirst, dateline place and agency', () => {
    const item = page('/')('.wire li:has(a[href="/stories/timed-story/"])');
    expect(item.find('.section-label a').attr('href')).toBe('/sections/world/');
    expect(item.find('.headline').text().trim()).toBe('Timed fixture story filed in Astana');
    expect(item.find('.standfirst').text()).toMatch(/^A fixture story that gives its time/);
    expect(item.find('.meta').text()).toBe('Astana · EFE');
  });
});

describe('day and month archives', () => {
  it('list every story of a day on its page, and every day of a month on the month’s page', () => {
    const day = page('/archive/2023/06/20/');
    expect(day('h1 time').attr('datetime')).toBe('2023-06-20');
    expect(
      day('.wire .headline a')
        .toArray()
        .map((a) => day(a).attr('href')),
    ).toEqual(['/stories/timed-story/']);
    const spanish = page('/es/archive/2023/06/20/');
    expect(spanish('h1 time').text()).toBe('martes, 20 de junio de 2023');
    expect(spanish('.wire .headline a').attr('href')).toBe('/stories/historia-tarde/');
    expect(day('a[href="/archive/2023/06/19/"]').text()).toMatch(/Monday, June 19, 2023/);
    const month = page('/archive/2023/06/');
    expect(
      month('.archive-list a')
        .toArray()
        .map((a) => month(a).attr('href')),
    ).toEqual(['/archive/2023/06/20/', '/archive/2023/06/19/']);
    expect(page('/archive/')('a[href="/archive/2023/06/"]').text()).toBe('June 2023');
  });

  it.each(['/archive/2023/06/', '/archive/2023/06/19/', '/archive/2023/06/20/'])(
    'leave %s byte for byte the same when a story of a later month arrives',
    (path) => {
      expect(read(join(after, 'dist'), path)).toBe(read(join(before, 'dist'), path));
      expect(read(join(after, 'dist'), '/archive/2023/07/01/')).toContain('/stories/next-month/');
    },
  );
});
