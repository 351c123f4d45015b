import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { normalise, readSeed } from '../helpers/seed';
import { builtFiles, readBuilt, SEED_STORY_PATH } from '../helpers/site';

const seed = readSeed();
const storyPath = SEED_STORY_PATH;
const $ = cheerio.load(readBuilt(storyPath));
const bodyParagraphs = $('.story-body p')
  .toArray()
  .map((p) => normalise($(p).text()));

describe('the article page', () => {
  it('holds each of the 17 body paragraphs of the seed word for word, in order', () => {
    expect(seed.paragraphs).toHaveLength(17);
    expect(bodyParagraphs).toEqual(seed.paragraphs.map(normalise));
  });

  it('opens the text with the dateline and closes it with the agency credit', () => {
    expect(bodyParagraphs[0]).toMatch(/^Astana, Jun 20 \(EFE\)\.- Kazakh President Kassym-Jomart Tokayev on Tuesday/);
    expect(bodyParagraphs.at(-1)).toMatch(/had more than doubled\.” EFE$/);
    expect($('.story-body .dateline').text()).toBe('Astana, Jun 20 (EFE).-');
    expect($('.story-body .credit').text()).toBe('EFE');
  });

  it('has the headline as its only h1', () => {
    expect($('h1')).toHaveLength(1);
    expect($('h1').text()).toBe(seed.title);
  });

  it('shows section, headline, date, body, Related Articles and back-to-top in that order', () => {
    const order = ['.section-label', 'h1', 'time[datetime]', '.story-body', '#related-heading', '.back-to-top'];
    const html = $.html();
    const positions = order.map((selector) => {
      const element = $(selector).first();
      expect(element.length, selector).toBe(1);
      return html.indexOf($.html(element));
    });
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect($('.section-label').text().trim()).toBe(seed.section);
    expect($('article time').first().attr('datetime')).toBe('2023-06-20');
    expect($('#related-heading').text()).toBe('Related Articles');
  });

  it('links the section label to a section page that exists and lists the story', () => {
    const href = $('.section-label a').attr('href') ?? '';
    expect(href).toBe('/sections/conflicts-war/');
    expect(readBuilt(href)).toContain(`href="${storyPath}"`);
  });

  it('says so in Related Articles when there is nothing to list, linking the section and the feed', () => {
    const related = $('.related');
    const links = related
      .find('a')
      .toArray()
      .map((a) => $(a).attr('href'));
    if (related.find('li').length === 0) {
      expect(normalise(related.find('p').text())).toBe(
        'No related stories yet. Read more in Conflicts & War, or follow new stories through an RSS feed.',
      );
      expect(links).toEqual(['/sections/conflicts-war/', '/feeds/']);
    } else {
      expect(related.find('li').length).toBeLessThanOrEqual(5);
    }
  });

  it('has a back-to-top link whose target exists before the first control of the page', () => {
    const href = $('.back-to-top').attr('href') ?? '';
    expect(href).toMatch(/^#./);
    const target = $(`[id="${href.slice(1)}"]`);
    expect(target).toHaveLength(1);
    expect(target.find('a').first().hasClass('skip-link')).toBe(true);
  });
});

describe('every built page', () => {
  const pages = builtFiles('.html');

  it('includes home, section, tag, story and 404 pages', () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        '/index.html',
        '/404.html',
        `${storyPath}index.html`,
        '/sections/conflicts-war/index.html',
      ]),
    );
    expect(pages.some((page) => page.startsWith('/tags/'))).toBe(true);
  });

  // The search page is the one page that needs a script (tests/site/search.test.ts).
  it.each(pages.filter((page) => !page.startsWith('/search/')))('%s ships no script but JSON-LD', (page) => {
    const doc = cheerio.load(readBuilt(page));
    const scripts = doc('script')
      .toArray()
      .map((script) => doc(script).attr('type'));
    expect(scripts.filter((type) => type !== 'application/ld+json')).toEqual([]);
  });

  it.each(pages)('%s has one h1, one main, a skip link, a feed link and a lang', (page) => {
    const doc = cheerio.load(readBuilt(page));
    expect(doc('h1')).toHaveLength(1);
    expect(doc('main#main')).toHaveLength(1);
    expect(doc('a.skip-link').attr('href')).toBe('#main');
    expect(doc('link[rel="alternate"][type="application/rss+xml"]').length).toBeGreaterThan(0);
    expect(doc('html').attr('lang')).toMatch(/^[a-z]{2,3}/);
  });

  it.each(pages)('%s never glues a word to a link', (page) => {
    const html = readBuilt(page);
    expect(html.match(/[\p{L}\d,.:;]<a\s[^>]*>[^<]*<\/a>|<\/a>[\p{L}\d]/gu) ?? []).toEqual([]);
  });

  it.each(pages)('%s links only to pages and feeds that exist', (page) => {
    const doc = cheerio.load(readBuilt(page));
    const files = new Set(builtFiles(''));
    for (const a of doc('a[href^="/"], link[href^="https://wire-reader.example/"]').toArray()) {
      const href = new URL(doc(a).attr('href') ?? '', 'https://wire-reader.example').pathname;
      const file = href.endsWith('/') ? `${href}index.html` : href;
      expect(files.has(file), `${page} → ${href}`).toBe(true);
    }
  });
});

describe('the home page', () => {
  it('lists the story under its day with its section, headline, standfirst, place and agency', () => {
    const home = cheerio.load(readBuilt('/'));
    const item = home(`.wire li:has(a[href="${storyPath}"])`);
    expect(item).toHaveLength(1);
    expect(item.find('.section-label').text().trim()).toBe('Conflicts & War');
    expect(item.find('h3.headline').text().trim()).toBe(seed.title);
    expect(item.find('.standfirst').text()).toMatch(/Kazakhstan’s president backs/);
    expect(item.find('.meta').text()).toBe('Astana · EFE');
    expect(item.closest('.day').find('.day-heading time').attr('datetime')).toBe('2023-06-20');
  });
});

describe('the first round trip', () => {
  it('fits the article page, styles included, in 14 KB gzipped (ten TCP segments)', () => {
    const html = readBuilt(storyPath);
    expect(html).toMatch(/<style>/);
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    expect(gzipSync(html).length).toBeLessThan(14 * 1024);
  });
});
