/**
 * Dev server only (injected by search-index.ts): the addresses of the story pages the dev
 * search index reads. Only published stories have pages, so only they are listed.
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../data/archive';

export const prerender = false;

export const GET: APIRoute = async () => {
  const { stories } = await getArchive();
  return Response.json(stories.map((story) => story.path));
};
