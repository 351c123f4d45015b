import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { editionRoutes, getArchive, type Edition } from '../../data/archive';
import { feedMedia } from '../../data/feed-media';
import { feedOptions } from '../../lib/feed';
import { formatMessage, messagesFor } from '../../lib/i18n';
import { SITE } from '../../lib/site';
import { feedPath } from '../../lib/slug';

/** Each edition's feed of all its stories: `/rss.xml` for the default language, `/<lang>/rss.xml` else. */
export const getStaticPaths = (() => editionRoutes()) satisfies GetStaticPaths;

export const GET: APIRoute<{ edition: Edition }> = async ({ props: { edition }, site }) => {
  const m = messagesFor(edition.lang);
  const { cards } = await getArchive();
  const href = site?.href ?? SITE.url;
  const stories = edition.stories.slice(0, SITE.feedLimit);
  const media = await feedMedia(
    stories,
    stories.map((story) => cards.byStory.get(story.id)),
    href,
  );
  return rss(
    feedOptions({
      title:
        edition.lang === SITE.lang
          ? SITE.name
          : formatMessage(m.feedTitle, { site: SITE.name, name: edition.name }, edition.lang),
      description: m.siteDescription,
      selfPath: feedPath(edition.path),
      pagePath: edition.path,
      stories,
      media,
      limit: SITE.feedLimit,
      lang: edition.lang,
      site: href,
    }),
  );
};
