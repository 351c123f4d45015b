import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapFiles } from '../data/sitemap';
import { SITE } from '../lib/site';
import { sitemapXml, type SitemapUrl } from '../lib/sitemap';

export const getStaticPaths = (async () => {
  // Astro.site is not available here; SITE_URL is applied the same way astro.config.mjs does.
  const files = await sitemapFiles(import.meta.env.SITE ?? SITE.url);
  return files.map((urls, index) => ({ params: { n: String(index + 1) }, props: { urls } }));
}) satisfies GetStaticPaths;

/** One sitemap file: up to SITE.sitemapLimit pages with their last change and languages. */
export const GET: APIRoute<{ urls: SitemapUrl[] }> = ({ props }) =>
  new Response(sitemapXml(props.urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
