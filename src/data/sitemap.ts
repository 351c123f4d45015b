import { editionAlternates, storyAlternates, type Alternate } from '../lib/editions';
import { paginate } from '../lib/paginate';
import { SITE } from '../lib/site';
import { chunk, newest, newsSelection, type NewsStory, type SitemapUrl } from '../lib/sitemap';
import { absoluteUrl, archivePath, dayPath, editionPrefix, monthPath, sectionPath, tagPath } from '../lib/slug';
import type { Story } from '../lib/story';
import { getArchive } from './archive';
import { buildMemo } from './build-memo';

/** Publisher pages: written in the default language only, so listed once. */
const PUBLISHER_PATHS = ['/about/', '/corrections/', '/contact/', '/terms/'];

/**
 * Each edition's pages outside its story listings that are worth indexing. Not its search
 * page: an empty form until a reader asks, so it is `noindex` and left out.
 */
const editionPaths = (lang: string) => [`${editionPrefix(lang)}/feeds/`, archivePath(lang)];

const lastmodOf = (story: Story) => story.updated ?? story.published;

const asSitemapAlternates = (alternates: readonly Alternate[]) =>
  alternates.map(({ hreflang, href }) => ({ lang: hreflang, href }));

/**
 * Every indexable page of the site with its last change, split into sitemap files of
 * SITE.sitemapLimit: each edition's listings (front page, sections, tags, with every
 * page/N), archives and own pages, the publisher pages and every story. Editions' front
 * pages and stories with translations carry their hreflang alternates. The 404 page is not
 * a page of the site and is left out.
 */
async function load(site: string): Promise<SitemapUrl[][]> {
  const { stories, editions, translations } = await getArchive();
  const urls: SitemapUrl[] = [];
  const listing = (basePath: string, list: readonly Story[], alternates: readonly Alternate[] = []) => {
    for (const { page } of paginate(list, { pageSize: SITE.pageSize, basePath })) {
      urls.push({
        loc: absoluteUrl(page.url.current, site),
        // Archive pages count from the oldest story and never change once full: each page's
        // own newest story dates it.
        lastmod: newest(page.data.map(lastmodOf)),
        ...(page.number === undefined && alternates.length > 0 && { alternates: asSitemapAlternates(alternates) }),
      });
    }
  };
  const fronts = editionAlternates([...editions.keys()], { site });
  const latest = newest(stories.map(lastmodOf));
  for (const path of PUBLISHER_PATHS) urls.push({ loc: absoluteUrl(path, site), lastmod: latest });
  for (const edition of editions.values()) {
    listing(edition.path, edition.stories, fronts);
    const editionLatest = newest(edition.stories.map(lastmodOf));
    for (const path of editionPaths(edition.lang)) urls.push({ loc: absoluteUrl(path, site), lastmod: editionLatest });
    for (const { name, stories: list } of edition.sections.values()) listing(sectionPath(name, edition.lang), list);
    for (const { name, stories: list } of edition.tags.values()) listing(tagPath(name, edition.lang), list);
    // Day and month archives: a day's page changes only when one of its own stories does.
    for (const { month, days: monthDays } of edition.months) {
      urls.push({
        loc: absoluteUrl(monthPath(month, edition.lang), site),
        lastmod: newest(monthDays.flatMap((day) => day.items.map(lastmodOf))),
      });
    }
    for (const day of edition.days) {
      urls.push({ loc: absoluteUrl(dayPath(day.date, edition.lang), site), lastmod: newest(day.items.map(lastmodOf)) });
    }
  }
  for (const story of stories) {
    // A story with translations lists every version as an alternate, itself and x-default included.
    const alternates = storyAlternates([story, ...(translations.get(story.id) ?? [])], { site });
    urls.push({
      loc: absoluteUrl(story.path, site),
      lastmod: lastmodOf(story),
      ...(alternates.length > 0 && { alternates: asSitemapAlternates(alternates) }),
    });
  }
  return chunk(urls, SITE.sitemapLimit);
}

const files = buildMemo(load);

/** The sitemap files of this build, worked out once (for the one site URL a build has). */
export function sitemapFiles(site: string): Promise<SitemapUrl[][]> {
  return files(site);
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
