import type { APIRoute } from 'astro';
import { newsSitemapFiles, newsSitemapPath } from '../data/sitemap';
import { SITE } from '../lib/site';
import { newsSitemapXml, sitemapIndexXml } from '../lib/sitemap';
import { absoluteUrl } from '../lib/slug';

/**
 * The Google News sitemap: stories of the last two days before the build. Beyond
 * SITE.newsSitemapLimit stories it becomes an index of /news-sitemap-N.xml files.
 */
export const GET: APIRoute = async ({ site }) => {
  const base = site?.href ?? SITE.url;
  const files = await newsSitemapFiles(base);
  const xml =
    files.length === 1
      ? newsSitemapXml(files[0] ?? [], SITE.name)
      : sitemapIndexXml(files.map((_, index) => ({ loc: absoluteUrl(newsSitemapPath(index + 1), base) })));
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
