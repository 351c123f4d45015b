import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { isStoryPage } from '../../src/lib/search';
import { builtFiles, readBuilt, SEED_STORY_PATH, siteDir } from '../helpers/site';

const pages = builtFiles('.html');
const storyPages = pages.filter((page) => isStoryPage(page));
const bundle = () => join(siteDir(), 'pagefind');

interface Entry {
  version: string;
  languages: Record<string, { hash: string; page_count: number }>;
}

describe('the search index', () => {
  it('is built into /pagefind/ with one index per story language', () => {
    const entry = JSON.parse(readFileSync(join(bundle(), 'pagefind-entry.json'), 'utf8')) as Entry;
    expect(Object.keys(entry.languages)).toEqual(['en']);
    expect(readdirSync(bundle())).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js']));
  });

  it('holds every story page and nothing else', () => {
    const entry = JSON.parse(readFileSync(join(bundle(), 'pagefind-entry.json'), 'utf8')) as Entry;
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    expect(storyPages.length).toBeGreaterThan(0);
    expect(indexed).toBe(storyPages.length);
  });

  it("does not deploy Pagefind's ready-made interfaces, which the site does not use", () => {
    expect(readdirSync(bundle()).filter((file) => /-ui\.|highlight/.test(file))).toEqual([]);
  });
});

describe('a story page, for the index', () => {
  const $ = cheerio.load(readBuilt(SEED_STORY_PATH));

  it('marks the article as the only part to index and leaves navigation and related lists out', () => {
    expect(
      $('[data-pagefind-body]')
        .toArray()
        .map((el) => el.tagName),
    ).toEqual(['article']);
    expect($('header.masthead nav').attr('data-pagefind-ignore')).toBeDefined();
    expect($('.related').attr('data-pagefind-ignore')).toBeDefined();
    expect($('article .tags').attr('data-pagefind-ignore')).toBeDefined();
  });

  it('gives the section, agency, language and year as filters, and the date to sort by', () => {
    expect($('[data-pagefind-filter="section"]').text().trim()).toBe('Conflicts & War');
    expect($('[data-pagefind-filter="agency"]').text().trim()).toBe('EFE');
    expect($('article').attr('data-pagefind-filter')).toBe('language:en');
    expect($('time[data-pagefind-filter]').attr('data-pagefind-filter')).toBe('year:2023');
    expect($('time[data-pagefind-sort]').attr('data-pagefind-sort')).toBe('date[datetime]');
    expect($('time[data-pagefind-sort]').attr('datetime')).toBe('2023-06-20');
  });

  it('gives the headline and standfirst as searchable metadata, not as text for the excerpt', () => {
    expect($('article h1').attr('data-pagefind-meta')).toBe('title');
    expect($('article h1').attr('data-pagefind-ignore')).toBeDefined();
    expect($('.story-body').attr('data-pagefind-meta')).toBe('standfirst[data-standfirst]');
    expect($('.story-body').attr('data-pagefind-index-attrs')).toBeUndefined();
    expect($('.story-body').attr('data-standfirst')).toMatch(/^Kazakhstan’s president backs/);
  });

  it("keeps the dateline, shown with each result, out of the index's text but in its metadata", () => {
    const fragments = join(bundle(), 'fragment');
    // Pagefind's fragment files: gzip, a `pagefind_dcd` signature, then the page's JSON.
    const fragment = (
      readdirSync(fragments).map((file) =>
        JSON.parse(
          gunzipSync(readFileSync(join(fragments, file)))
            .toString('utf8')
            .replace(/^pagefind_dcd/, ''),
        ),
      ) as { url: string; content: string; meta: Record<string, string> }[]
    ).find(({ url }) => url === SEED_STORY_PATH);
    expect(fragment?.meta.dateline).toBe('Astana, Jun 20 (EFE).-');
    expect(fragment?.meta.title).toBe($('article h1').text());
    expect(fragment?.meta.standfirst).toMatch(/^Kazakhstan’s president backs/);
    expect(fragment?.content).toMatch(/^Kazakh President Kassym-Jomart Tokayev on Tuesday/);
  });
});

describe('the search form in the header', () => {
  it.each(pages.filter((page) => !page.startsWith('/search/')))('%s has a plain GET form to /search/', (page) => {
    const $ = cheerio.load(readBuilt(page));
    const form = $('header.masthead form[role="search"]');
    expect(form).toHaveLength(1);
    expect(form.attr('action')).toBe('/search/');
    expect(form.attr('method')).toBe('get');
    const input = form.find('input[type="search"][name="q"]');
    expect(input).toHaveLength(1);
    expect(input.attr('aria-label')).toBe('Search stories');
  });

  it.each(pages.filter((page) => !page.startsWith('/search/')))(
    '%s links the search page in its place when JavaScript is off, and hides the box then',
    (page) => {
      const html = readBuilt(page);
      // The <noscript> holds the link (cheerio reads its content as text, as a browser with scripting does).
      const masthead = cheerio.load(html)('header.masthead noscript').text();
      expect(masthead).toBe('<a class="site-search-link" href="/search/">Search</a>');
      expect(html).toMatch(/@media \(scripting: ?none\) ?\{[^}]*\.site-search[,{]/);
    },
  );
});

describe('the search page', () => {
  const $ = cheerio.load(readBuilt('/search/'));

  it('is a GET form with a search box named q and filters as real controls', () => {
    const form = $('main form[role="search"]');
    expect(form.attr('action')).toBe('/search/');
    expect(form.attr('method')).toBe('get');
    expect(form.find('input[type="search"][name="q"]')).toHaveLength(1);
    const selects = form
      .find('select')
      .toArray()
      .map((select) => $(select).attr('name'));
    expect(selects).toEqual(['section', 'agency', 'language', 'year', 'sort']);
    expect(form.find('select[name="section"] option').last().attr('value')).toBe('Conflicts & War');
    expect(form.find('select[name="year"] option').last().attr('value')).toBe('2023');
  });

  it('has a live region for the result count', () => {
    expect($('#search-status').attr('aria-live')).toBe('polite');
    expect($('#search-status').attr('role')).toBe('status');
  });

  it('loads one external module script, with no inline script, handler or style attribute', () => {
    const scripts = $('script').toArray();
    expect(scripts).toHaveLength(1);
    expect($(scripts[0]).attr('type')).toBe('module');
    expect($(scripts[0]).attr('src')).toMatch(/^\/_astro\/[\w.-]+\.js$/);
    expect($(scripts[0]).text()).toBe('');
    const html = readBuilt('/search/');
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
  });

  it('offers a way on without JavaScript: home, sections, archive, topics, feeds', () => {
    const fallback = cheerio.load($('main noscript').html() ?? '');
    expect(fallback('h2').text()).toBe('Search needs JavaScript');
    const links = fallback('a')
      .toArray()
      .map((a) => fallback(a).attr('href'));
    expect(links).toEqual(
      expect.arrayContaining(['/', '/feeds/', '/sections/conflicts-war/', '/archive/', '/tags/kazakhstan/']),
    );
  });

  it('hides its form when JavaScript is off, as it cannot search then', () => {
    expect(readBuilt('/search/')).toMatch(/@media \(scripting: ?none\) ?\{[^}]*\.search-form[,{]/);
  });
});
