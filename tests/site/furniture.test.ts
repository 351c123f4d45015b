import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { builtFiles, readBuilt, SEED_STORY_PATH, siteDir } from '../helpers/site';

const pages = builtFiles('.html');
const LOGO = readFileSync(new URL('../../src/assets/logo.svg', import.meta.url), 'utf8');

describe('the masthead', () => {
  it.each(pages)('%s opens with the wordmark linked home and the sections bar', (path) => {
    const $ = cheerio.load(readBuilt(path));
    const brand = $('header .brand a');
    expect(brand.attr('href')).toBe('/');
    expect(brand.text().trim()).toBe('Wire Reader');
    expect(brand.find('svg[aria-hidden="true"]')).toHaveLength(1);
    const bar = $('header nav[aria-label="Sections"] a')
      .toArray()
      .map((a) => $(a).attr('href'));
    expect(bar[0]).toBe('/');
    expect(bar).toContain('/sections/conflicts-war/');
    expect(bar.at(-1)).toBe('/archive/');
  });

  it('draws the wordmark from src/assets/logo.svg', () => {
    const $ = cheerio.load(readBuilt('/'));
    const drawn = $('header .brand svg').html() ?? '';
    for (const shape of LOGO.match(/<(rect|path)\b[^>]*>/g) ?? []) {
      const tag = shape.match(/^<(\w+)/)?.[1] ?? '';
      expect(drawn).toContain(`<${tag}`);
    }
    expect(LOGO).toMatch(/<path d="[^"]+"/);
    expect(drawn).toContain(LOGO.match(/d="([^"]+)"/)?.[1]);
  });

  it.each([
    ['/', '/', 'page'],
    ['/sections/conflicts-war/', '/sections/conflicts-war/', 'page'],
    [SEED_STORY_PATH, '/sections/conflicts-war/', 'true'],
    ['/archive/2023/06/20/', '/archive/', 'page'],
    ['/about/', undefined, undefined],
  ])('on %s marks %s as current (%s), and nothing else', (path, href, value) => {
    const $ = cheerio.load(readBuilt(path));
    const current = $('header nav [aria-current]')
      .toArray()
      .map((a) => [$(a).attr('href'), $(a).attr('aria-current')]);
    expect(current).toEqual(href ? [[href, value]] : []);
  });
});

describe('the footer', () => {
  it.each(pages)('%s links the publisher pages, the feeds page and the archive', (path) => {
    const $ = cheerio.load(readBuilt(path));
    const links = $('footer a')
      .toArray()
      .map((a) => [$(a).text(), $(a).attr('href')]);
    expect(links).toEqual([
      ['About', '/about/'],
      ['Corrections', '/corrections/'],
      ['Contact', '/contact/'],
      ['Terms of use', '/terms/'],
      ['RSS feeds', '/feeds/'],
      ['Archive', '/archive/'],
    ]);
  });
});

describe('publisher pages', () => {
  it.each([
    ['/about/', 'About Wire Reader'],
    ['/corrections/', 'Corrections policy'],
    ['/contact/', 'Contact'],
    ['/terms/', 'Terms of use'],
  ])('%s is built from src/publisher/ with its title as the h1 and its text below', (path, title) => {
    const $ = cheerio.load(readBuilt(path));
    expect($('h1').text()).toBe(title);
    expect($('title').text()).toBe(`${title} | Wire Reader`);
    expect($('.prose p').length).toBeGreaterThan(1);
    expect($('.prose h1')).toHaveLength(0);
  });
});

describe('RSS links', () => {
  it.each(pages)('%s sends every visible RSS link to /feeds/ and autodiscovers the feeds themselves', (path) => {
    const $ = cheerio.load(readBuilt(path));
    const visible = $('a')
      .toArray()
      .filter((a) => /\bRSS\b|feed/i.test($(a).text()) && path !== '/feeds/index.html');
    for (const a of visible) expect($(a).attr('href'), $(a).text()).toMatch(/^\/feeds\/(#feed-[\w-]+)?$/);
    const alternates = $('link[rel="alternate"][type="application/rss+xml"]')
      .toArray()
      .map((link) => $(link).attr('href') ?? '');
    expect(alternates.length).toBeGreaterThan(0);
    for (const href of alternates) expect(href).toMatch(/^https:\/\/.+\/rss\.xml$/);
  });

  it('lands a section’s “Follow with RSS” link on that section’s feed on the feeds page', () => {
    const section = cheerio.load(readBuilt('/sections/conflicts-war/'));
    const href = section('a:contains("with RSS")').attr('href');
    expect(href).toBe('/feeds/#feed-conflicts-war');
    const feeds = cheerio.load(readBuilt('/feeds/'));
    expect(feeds('#feed-conflicts-war a').attr('href')).toBe('/sections/conflicts-war/rss.xml');
  });

  it('lands a tag’s “Follow with RSS” link on that tag’s feed on the feeds page, under Topics', () => {
    const tag = cheerio.load(readBuilt('/tags/kazakhstan/'));
    expect(tag('a:contains("with RSS")').text()).toBe('Follow Kazakhstan with RSS');
    expect(tag('a:contains("with RSS")').attr('href')).toBe('/feeds/#feed-tag-kazakhstan');
    expect(tag('link[rel="alternate"][type="application/rss+xml"]').last().attr('href')).toBe(
      'https://wire-reader.example/tags/kazakhstan/rss.xml',
    );
    const feeds = cheerio.load(readBuilt('/feeds/'));
    expect(feeds('#feed-tag-kazakhstan a').attr('href')).toBe('/tags/kazakhstan/rss.xml');
    expect(feeds('#feed-tag-kazakhstan').parent().prev('h2').text().trim()).toBe('Topics');
  });

  it('ships no XSL stylesheet any more', () => {
    expect(existsSync(join(siteDir(), 'rss.xsl'))).toBe(false);
  });
});

describe('the front page', () => {
  it('lists the sections beside the wire, each with its latest headlines', () => {
    const $ = cheerio.load(readBuilt('/'));
    const side = $('aside.side');
    expect(side.find('h2').text().trim()).toBe('By section');
    expect(side.find('h3 a').attr('href')).toBe('/sections/conflicts-war/');
    expect(side.find(`.headlines a[href="${SEED_STORY_PATH}"]`)).toHaveLength(1);
  });

  it('leaves the latest headlines off tag fronts, so a new story does not change every tag page', () => {
    const tags = builtFiles('/index.html').filter((file) => /^\/tags\/[^/]+\/index\.html$/.test(file));
    expect(tags.length).toBeGreaterThan(0);
    for (const file of tags) {
      const $ = cheerio.load(readBuilt(file));
      expect($('h1').text(), file).not.toBe('');
      expect($('aside.side'), file).toHaveLength(0);
    }
  });

  it('links earlier stories to the archive', () => {
    const $ = cheerio.load(readBuilt('/'));
    expect($('a:contains("Earlier stories")').attr('href')).toBe('/archive/2023/06/');
  });
});

describe('the story page in print', () => {
  it('carries its address for the printed copy', () => {
    const $ = cheerio.load(readBuilt(SEED_STORY_PATH));
    expect($('.print-only').text()).toBe(`https://wire-reader.example${SEED_STORY_PATH}`);
  });
});
