import type { APIRoute, GetStaticPaths } from 'astro';
import { editionRoutes, getArchive, type Edition } from '../../data/archive';
import { feedResponse } from '../../data/feed-media';
import { latestWithCards } from '../../lib/feed';
import { formatMessage, messagesFor } from '../../lib/i18n';
import { SITE } from '../../lib/site';

/** Each edition's feed of all its stories: `/rss.xml` for the default language, `/<lang>/rss.xml` else. */
export const getStaticPaths = (() => editionRoutes()) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition }> = async ({ props: { edition }, site }) => {
  const m = messagesFor(edition.lang);
  const { cards } = await getArchive();
  return feedResponse({
    title:
      edition.lang === SITE.lang
        ? SITE.name
        : formatMessage(m.feedTitle, { site: SITE.name, name: edition.name }, edition.lang),
    description: m.siteDescription,
    pagePath: edition.path,
    ...latestWithCards(edition.stories, cards.byStory, SITE.feedLimit),
    lang: edition.lang,
    site,
  });
};
