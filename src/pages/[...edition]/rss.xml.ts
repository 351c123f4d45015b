import type { APIRoute, GetStaticPaths } from 'astro';
import { editionRoutes, getArchive, type Edition } from '../../data/archive';
import { feedResponse } from '../../data/feed-media';
import { latestWithCards } from '../../lib/feed';
import { SITE } from '../../lib/site';

/** Each edition's feed of all its stories: `/rss.xml` for the default language, `/<lang>/rss.xml` else. */
export const getStaticPaths = (() => editionRoutes()) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition }> = async ({ props: { edition }, site }) => {
  const { cards } = await getArchive();
  return feedResponse({
    subject: { kind: 'edition', name: edition.name, lang: edition.lang },
    ...latestWithCards(edition.stories, cards.byStory, SITE.feedLimit),
    site,
  });
};
