import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE } from '../../src/lib/site';
import { generateStories, writeCorpus } from '../bench/corpus';
import { runAstro } from '../helpers/astro';

/** A generated archive of 65 stories: enough for several pages, a capped feed and related lists. */
const COUNT = 65;
const scratch = mkdtempSync(join(tmpdir(), 'wire-archive-'));
const dist = join(scratch, 'dist');
const read = (path: string) => readFileSync(join(dist, path.endsWith('/') ? `${path}index.html` : path), 'utf8');

beforeAll(() => {
  writeCorpus(join(scratch, 'content'), generateStories(COUNT, 3));
  const build = runAstro('build', { content: join(scratch, 'content'), scratch });
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.output}`);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe(`an archive of ${COUNT} stories`, () => {
  it('shows the latest stories on the front, linked to archive pages numbered from the oldest', () => {
    const last = Math.ceil(COUNT / SITE.pageSize);
    const front = cheerio.load(read('/'));
    expect(front('.wire > li').length).toBe(SITE.pageSize);
    expect(front('link[rel="prev"]').attr('href')).toBeUndefined();
    // The front links to an archive page with stories it has no room for.
    const older = front('.pagination a[rel="next"]').attr('href') ?? '';
    const links = (page: cheerio.CheerioAPI) =>
      page('.wire > li a[href^="/stories/"]')
        .toArray()
        .map((a) => page(a).attr('href'));
    // At the item of the newest story it has no room for: the page may begin with stories the front shows.
    const [olderPath = '', fragment = ''] = older.split('#');
    const olderLinks = links(cheerio.load(read(olderPath)));
    const at = cheerio
      .load(read(olderPath))(`li[id="${decodeURIComponent(fragment)}"] a[href^="/stories/"]`)
      .attr('href');
    const shown = links(front);
    expect(at).toBeDefined();
    expect(olderLinks.slice(0, olderLinks.indexOf(at)).every((href) => shown.includes(href))).toBe(true);
    expect(olderLinks.slice(olderLinks.indexOf(at)).some((href) => shown.includes(href))).toBe(false);
    for (let n = 1; n <= last; n++) {
      const $ = cheerio.load(read(`/page/${n}/`));
      expect($('.wire > li').length).toBe(n < last ? SITE.pageSize : COUNT - SITE.pageSize * (last - 1));
      const newer = n < last ? `/page/${n + 1}/` : '/';
      const olderPage = n > 1 ? `/page/${n - 1}/` : undefined;
      expect($('link[rel="prev"]').attr('href')).toBe(newer);
      expect($('link[rel="next"]').attr('href')).toBe(olderPage);
      expect($('.pagination a[rel="prev"]').attr('href')).toBe(newer);
      expect($('.pagination a[rel="next"]').attr('href')).toBe(olderPage);
      expect($('.pagination span').text()).toBe(`Page ${n}`);
    }
    expect(existsSync(join(dist, `page/${last + 1}`))).toBe(false);
    expect(existsSync(join(dist, 'page/0'))).toBe(false);
  });

  it('lists every story once across the archive pages, newest first', () => {
    const last = Math.ceil(COUNT / SITE.pageSize);
    const dates = Array.from({ length: last }, (_, i) => `/page/${last - i}/`).flatMap((path) => {
      const $ = cheerio.load(read(path));
      return $('.day')
        .toArray()
        .flatMap((day) =>
          $(day)
            .find('.wire > li')
            .toArray()
            .map(() => $(day).find('.day-heading time').attr('datetime') ?? ''),
        );
    });
    expect(dates).toHaveLength(COUNT);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it(`caps the site feed at the latest ${SITE.feedLimit} stories`, () => {
    const parser = new XMLParser({ isArray: (name) => name === 'item' });
    const items = parser.parse(read('/rss.xml')).rss.channel.item as { pubDate: string }[];
    expect(items).toHaveLength(SITE.feedLimit);
    const times = items.map((item) => Date.parse(item.pubDate));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('gives every story a related list of at most five other stories that exist', () => {
    const stories = readdirSync(join(dist, 'stories'));
    expect(stories).toHaveLength(COUNT);
    let listed = 0;
    for (const slug of stories) {
      const $ = cheerio.load(read(`/stories/${slug}/`));
      const links = $('.related h3 a')
        .toArray()
        .map((a) => $(a).attr('href') ?? '');
      expect(links.length).toBeLessThanOrEqual(SITE.relatedLimit);
      expect(links).not.toContain(`/stories/${slug}/`);
      for (const link of links) expect(existsSync(join(dist, link, 'index.html'))).toBe(true);
      listed += links.length;
    }
    expect(listed).toBe(COUNT * SITE.relatedLimit);
  });

  it('keeps every article page under 40 KB', () => {
    for (const slug of readdirSync(join(dist, 'stories'))) {
      expect(Buffer.byteLength(read(`/stories/${slug}/`))).toBeLessThan(40 * 1024);
    }
  });

  it('pages a section and a tag listing the same way', () => {
    const sections = readdirSync(join(dist, 'sections'));
    expect(sections.length).toBeGreaterThan(1);
    for (const section of sections) {
      const $ = cheerio.load(read(`/sections/${section}/`));
      expect($('.wire > li').length).toBeLessThanOrEqual(SITE.pageSize);
      expect(existsSync(join(dist, 'sections', section, 'rss.xml'))).toBe(true);
    }
    const tags = readdirSync(join(dist, 'tags'));
    const paged = tags.filter((tag) => existsSync(join(dist, 'tags', tag, 'page', '1')));
    expect(paged.length).toBeGreaterThan(0);
    for (const tag of paged) {
      const newest = Math.max(...readdirSync(join(dist, 'tags', tag, 'page')).map(Number));
      expect(
        cheerio
          .load(read(`/tags/${tag}/page/${newest}/`))('link[rel="prev"]')
          .attr('href'),
      ).toBe(`/tags/${tag}/`);
    }
  });
});
