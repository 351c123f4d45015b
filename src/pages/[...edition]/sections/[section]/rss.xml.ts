import type { APIRoute, GetStaticPaths } from 'astro';
import { editionParam, getArchive } from '../../../../data/archive';
import { feedResponse } from '../../../../data/feed-media';
import { keyed } from '../../../../data/pages';
import type { Card } from '../../../../lib/cards';
import { latestWithCards } from '../../../../lib/feed';
import { SITE } from '../../../../lib/site';
import type { Story } from '../../../../lib/story';

export const getStaticPaths = (async () => {
  const { editions, cards } = await getArchive();
  return keyed(
    [...editions.values()].flatMap((edition) =>
      [...edition.sections].map(([section, { name, stories }]) => ({
        params: { edition: editionParam(edition.lang), section },
        // Only the stories the feed carries, and their cards: its cache key covers what it shows.
        props: { name, ...latestWithCards(stories, cards.byStory, SITE.feedLimit), lang: edition.lang },
      })),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; stories: Story[]; cards: (Card | undefined)[]; lang: string }> = ({
  props,
  site,
}) =>
  feedResponse({
    subject: { kind: 'section', name: props.name, lang: props.lang },
    stories: props.stories,
    cards: props.cards,
    site,
  });
