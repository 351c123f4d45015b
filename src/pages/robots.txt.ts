import type { APIRoute } from 'astro';
import { SITE } from '../lib/site';
import { robotsTxt } from '../lib/sitemap';
import { absoluteUrl } from '../lib/slug';

/** robots.txt, made absolute against SITE_URL: names the sitemap index and the news sitemap. */
export const GET: APIRoute = ({ site }) => {
  const base = site?.href ?? SITE.url;
  return new Response(robotsTxt([absoluteUrl('/sitemap-index.xml', base), absoluteUrl('/news-sitemap.xml', base)]), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
