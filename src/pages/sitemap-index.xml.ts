import type { APIRoute } from 'astro';
import { sitemapFiles, sitemapPath } from '../data/sitemap';
import { SITE } from '../lib/site';
import { newest, sitemapIndexXml } from '../lib/sitemap';
import { absoluteUrl } from '../lib/slug';

/** The sitemap index robots.txt names: one sitemap file per SITE.sitemapLimit pages. */
export const GET: APIRoute = async ({ site }) => {
  const base = site?.href ?? SITE.url;
  const files = await sitemapFiles(base);
  const xml = sitemapIndexXml(
    files.map((urls, index) => ({
      loc: absoluteUrl(sitemapPath(index + 1), base),
      lastmod: newest(urls.map((url) => url.lastmod)),
    })),
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
