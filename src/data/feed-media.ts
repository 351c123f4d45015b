import rss from '@astrojs/rss';
import type { APIRoute, ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { CARD_HEIGHT, CARD_WIDTH, type Card } from '../lib/cards';
import {
  feedListingPath,
  latestWithCards,
  feedOptions,
  feedPhotoFormat,
  feedText,
  imageType,
  type FeedSubject,
  type ItemMedia,
} from '../lib/feed';
import { SITE } from '../lib/site';
import { absoluteUrl, feedPath } from '../lib/slug';
import type { Story } from '../lib/story';
import { editionParam, getArchive } from './archive';
import { keyed } from './pages';

/**
 * The images of a feed's items, by story id: each story photo built by astro:assets (JPEG,
 * or PNG for a PNG, at most `SITE.feedPhotoWidth` wide) and each story's own share card,
 * as absolute URLs. `cards` holds each story's card as the archive planned it: only a
 * card of the story's own (kind `story`) is used, not its section's.
 *
 * @example
 * const media = await feedMedia(stories, cards, 'https://wire-reader.example');
 * media.get('tokayev')?.photo?.url; // "https://wire-reader.example/_astro/photo.Hash.jpg"
 */
export async function feedMedia(
  stories: readonly Story[],
  cards: readonly (Card | undefined)[],
  site: string,
): Promise<Map<string, ItemMedia>> {
  const media = new Map<string, ItemMedia>();
  await Promise.all(
    stories.map(async (story, index) => {
      const card = cards[index];
      const own = card?.content.kind === 'story' ? card : undefined;
      const src = story.image?.src;
      let photo: ItemMedia['photo'];
      if (src !== undefined && typeof src !== 'string') {
        const format = feedPhotoFormat(src.format);
        const built = await getImage({
          src: src as ImageMetadata,
          width: Math.min(src.width, SITE.feedPhotoWidth),
          format,
        });
        photo = {
          url: absoluteUrl(built.src, site),
          type: imageType(format),
          width: Number(built.attributes.width),
          height: Number(built.attributes.height),
        };
      }
      media.set(story.id, {
        photo,
        card: own && {
          url: absoluteUrl(own.path, site),
          type: 'image/png',
          width: CARD_WIDTH,
          height: CARD_HEIGHT,
        },
      });
    }),
  );
  return media;
}

/** One feed as a route gives it (see {@link feedResponse}). */
export interface FeedRoute {
  /** Which feed: its title, description, address and language follow from it (src/lib/feed.ts `feedText`). */
  subject: FeedSubject;
  /** The feed's stories, newest first, and each one's planned share card (src/lib/feed.ts `latestWithCards`). */
  stories: readonly Story[];
  cards: readonly (Card | undefined)[];
  /** The route's `site` (Astro.site); SITE.url when the build has none. */
  site: URL | undefined;
}

/**
 * The RSS response of a feed route: the items' photos and share cards ({@link feedMedia}),
 * then `@astrojs/rss` with the site's feed options, at most `SITE.feedLimit` items, the
 * channel worded by `feedText` (the title pages advertise the feed under). The edition,
 * section and tag feed routes differ only in what they pass in.
 *
 * @example
 * export const GET: APIRoute = ({ props, site }) =>
 *   feedResponse({ subject: { kind: 'section', name: 'Economy', lang: 'en' }, ...latestWithCards(stories, cards.byStory, SITE.feedLimit), site });
 */
export async function feedResponse(feed: FeedRoute): Promise<Response> {
  const href = feed.site?.href ?? SITE.url;
  const media = await feedMedia(feed.stories, feed.cards, href);
  const pagePath = feedListingPath(feed.subject);
  return rss(
    feedOptions({
      ...feedText(feed.subject),
      selfPath: feedPath(pagePath),
      pagePath,
      stories: feed.stories,
      media,
      limit: SITE.feedLimit,
      lang: feed.subject.lang,
      site: href,
    }),
  );
}

/** What a section's or a tag's feed route gets for one feed: the group's name, what the feed carries, its edition. */
export interface GroupFeedProps {
  name: string;
  stories: Story[];
  cards: (Card | undefined)[];
  lang: string;
}

/**
 * The paths of every section's or every tag's feed in every edition (`kind` is the
 * route's parameter): `/sections/<section>/rss.xml`, `/tags/<tag>/rss.xml`, under
 * `/<lang>` for the other editions. Each carries only its group's latest stories and
 * their cards in its props, and is {@link keyed} over them, so an incremental build
 * renders again only the feeds whose stories changed: a new story re-renders the feeds
 * of its own section and tags, not the other hundreds.
 *
 * @example
 * export const getStaticPaths = (() => groupFeedPaths('tag')) satisfies GetStaticPaths;
 */
export async function groupFeedPaths<K extends 'section' | 'tag'>(kind: K) {
  const { editions, cards } = await getArchive();
  return keyed(
    [...editions.values()].flatMap((edition) =>
      [...(kind === 'section' ? edition.sections : edition.tags)].map(([slug, { name, stories }]) => ({
        params: { edition: editionParam(edition.lang), ...({ [kind]: slug } as Record<K, string>) },
        props: {
          name,
          ...latestWithCards(stories, cards.byStory, SITE.feedLimit),
          lang: edition.lang,
        } satisfies GroupFeedProps,
      })),
    ),
  );
}

/**
 * The `GET` of a section's or a tag's feed route, with {@link groupFeedPaths}: one feed
 * route for both, the channel worded by `feedText`.
 *
 * @example
 * export const GET = groupFeed('tag');
 */
export function groupFeed(kind: 'section' | 'tag'): APIRoute<GroupFeedProps> {
  return ({ props, site }) =>
    feedResponse({
      subject: { kind, name: props.name, lang: props.lang },
      stories: props.stories,
      cards: props.cards,
      site,
    });
}
