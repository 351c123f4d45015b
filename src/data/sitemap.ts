import { paginate } from '../lib/paginate';
import { SITE } from '../lib/site';
import { chunk, newest, newsSelection, type NewsStory, type SitemapUrl } from '../lib/sitemap';
import { absoluteUrl, dayPath, monthPath, sectionPath, tagPath } from '../lib/slug';
import type { Story } from '../lib/story';
import { getArchive } from './archive';

/** Site pages outside the story listings that are worth indexing. */
const STATIC_PATHS = ['/feeds/', SITE.searchPath, '/about/', '/corrections/', '/contact/', '/terms/', '/archive/'];

const lastmodOf = (story: Story) => story.updated ?? story.published;

/**
 * Every indexable page of the site with its last change, split into sitemap files of
 * SITE.sitemapLimit: the listings (home, sections, tags, with every page/N), the static
 * pages and every story. The 404 page is not a page of the site and is left out.
 */
async function load(site: string): Promise<SitemapUrl[][]> {
  const { stories, sections, tags, days, months } = await getArchive();
  const urls: SitemapUrl[] = [];
  const listing = (basePath: string, list: readonly Story[]) => {
    const lastmod = newest(list.map(lastmodOf));
    for (const { page } of paginate(list, { pageSize: SITE.pageSize, basePath })) {
      urls.push({ loc: absoluteUrl(page.url.current, site), lastmod });
    }
  };
  listing('/', stories);
  for (const path of STATIC_PATHS) urls.push({ loc: absoluteUrl(path, site), lastmod: newest(stories.map(lastmodOf)) });
  for (const { name, stories: list } of sections.values()) listing(sectionPath(name), list);
  for (const { name, stories: list } of tags.values()) listing(tagPath(name), list);
  // Day and month archives: a day's page changes only when one of its own stories does.
  for (const { month, days: monthDays } of months) {
    urls.push({
      loc: absoluteUrl(monthPath(month), site),
      lastmod: newest(monthDays.flatMap((day) => day.items.map(lastmodOf))),
    });
  }
  for (const day of days)
    urls.push({ loc: absoluteUrl(dayPath(day.date), site), lastmod: newest(day.items.map(lastmodOf)) });
  for (const story of stories) {
    // Language editions add their translations here as `alternates` (hreflang), the story itself included.
    urls.push({ loc: absoluteUrl(story.path, site), lastmod: lastmodOf(story) });
  }
  return chunk(urls, SITE.sitemapLimit);
}

let files: Promise<SitemapUrl[][]> | undefined;

/** The sitemap files of this build, worked out once. */
export function sitemapFiles(site: string): Promise<SitemapUrl[][]> {
  files ??= load(site);
  return files;
}

/** The site path of sitemap file `n` (from 1). */
export const sitemapPath = (n: number) => `/sitemap-${n}.xml`;

/** The site path of Google News sitemap file `n` (from 1), used only when there are more than one. */
export const newsSitemapPath = (n: number) => `/news-sitemap-${n}.xml`;

/** The Google News sitemap files of this build: stories of the news window, newest first. */
export async function newsSitemapFiles(site: string): Promise<NewsStory[][]> {
  const { stories, buildTime } = await getArchive();
  const candidates = stories.map((story) => ({
    url: absoluteUrl(story.path, site),
    title: story.title,
    lang: story.lang,
    published: story.published,
  }));
  return newsSelection(candidates, { buildTime, windowHours: SITE.newsWindowHours, limit: SITE.newsSitemapLimit });
}
