import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { editionParam, getArchive } from '../../../../data/archive';
import { feedMedia } from '../../../../data/feed-media';
import { keyed } from '../../../../data/pages';
import { feedOptions } from '../../../../lib/feed';
import { formatMessage, messagesFor } from '../../../../lib/i18n';
import { escapeHtml } from '../../../../lib/markdown';
import { SITE } from '../../../../lib/site';
import { feedPath, sectionPath } from '../../../../lib/slug';
import type { Story } from '../../../../lib/story';
import type { Card } from '../../../../lib/cards';

export const getStaticPaths = (async () => {
  const { editions, cards } = await getArchive();
  return keyed(
    [...editions.values()].flatMap((edition) =>
      [...edition.sections].map(([section, { name, stories }]) => {
        // Only the stories the feed carries, and their cards: its cache key covers what it shows.
        const shown = stories.slice(0, SITE.feedLimit);
        return {
          params: { edition: editionParam(edition.lang), section },
          props: { name, stories: shown, cards: shown.map((story) => cards.byStory.get(story.id)), lang: edition.lang },
        };
      }),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; stories: Story[]; cards: (Card | undefined)[]; lang: string }> = async ({
  props,
  site,
}) => {
  const m = messagesFor(props.lang);
  const href = site?.href ?? SITE.url;
  const media = await feedMedia(props.stories, props.cards, href);
  return rss(
    feedOptions({
      title: formatMessage(m.feedTitle, { site: SITE.name, name: props.name }, props.lang),
      description: escapeHtml(
        formatMessage(m.sectionDescription, { section: props.name, site: SITE.name }, props.lang),
      ),
      selfPath: feedPath(sectionPath(props.name, props.lang)),
      pagePath: sectionPath(props.name, props.lang),
      stories: props.stories,
      media,
      limit: SITE.feedLimit,
      lang: props.lang,
      site: href,
    }),
  );
};
