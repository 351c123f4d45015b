import type { APIRoute, GetStaticPaths } from 'astro';
import { editionParam, getArchive } from '../../data/archive';
import { feedStylesheet } from '../../lib/feed-stylesheet';

/** Each edition's feed stylesheet, in its language: `/rss.xsl`, `/<lang>/rss.xsl`. */
export const getStaticPaths = (async () => {
  const { editions } = await getArchive();
  return [...editions.values()].map((edition) => ({
    params: { edition: editionParam(edition.lang) },
    props: { lang: edition.lang },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ lang: string }> = ({ props }) =>
  new Response(feedStylesheet(props.lang), { headers: { 'Content-Type': 'text/xsl; charset=utf-8' } });
