import type { APIRoute, GetStaticPaths } from 'astro';
import { newsSitemapFiles } from '../data/sitemap';
import { SITE } from '../lib/site';
import { newsSitemapXml, type NewsStory } from '../lib/sitemap';

export const getStaticPaths = (async () => {
  const files = await newsSitemapFiles(import.meta.env.SITE ?? SITE.url);
  // One file is served as /news-sitemap.xml itself; numbered files exist only beyond the limit.
  if (files.length === 1) return [];
  return files.map((stories, index) => ({ params: { n: String(index + 1) }, props: { stories } }));
}) satisfies GetStaticPaths;

/** One Google News sitemap file of at most SITE.newsSitemapLimit stories. */
export const GET: APIRoute<{ stories: NewsStory[] }> = ({ props }) =>
  new Response(newsSitemapXml(props.stories, SITE.name), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
