import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArchive } from '../data/archive';
import { feedOptions } from '../lib/feed';
import { SITE } from '../lib/site';

export const GET: APIRoute = async ({ site }) => {
  const { stories } = await getArchive();
  return rss(
    feedOptions({
      title: SITE.name,
      description: SITE.description,
      selfPath: '/rss.xml',
      pagePath: '/',
      stories,
      limit: SITE.feedLimit,
      lang: SITE.lang,
      site: site?.href ?? SITE.url,
    }),
  );
};
