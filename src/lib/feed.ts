/**
 * RSS items and channel extras for @astrojs/rss. Items carry the whole story, rendered by
 * the site's one Markdown path, with the dateline and the credit as on the page, in an
 * element that gives the story's language and direction.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { datetimeValue } from './desk.ts';
import { escapeHtml } from './markdown.ts';
import { absoluteUrl } from './slug.ts';
import { storyHtml, type Story } from './story.ts';

/**
 * An item's whole story as HTML, in one element that carries the story's language and
 * direction: feed readers know nothing of the page's `<html lang dir>`, so without it an
 * Arabic story is laid out left to right and a Latin run such as `(EFE).-` in its
 * dateline scrambles the words around it.
 *
 * @example
 * itemHtml(arabicStory, 'https://wire-reader.example');
 * // '<div lang="ar" dir="rtl"><p><span class="dateline">القاهرة، 25 يناير (EFE).-</span> ...</div>'
 */
export function itemHtml(story: Story, site: string): string {
  return `<div lang="${escapeHtml(story.lang)}" dir="${story.dir}">\n${storyHtml(story, site)}</div>`;
}

/** Namespaces the feeds use beyond RSS 2.0 and content:encoded. */
export const FEED_XMLNS = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
} as const;

/**
 * One feed item: absolute link and permanent guid, the standfirst as description (plain
 * text, escaped as HTML), the whole story as content:encoded ({@link itemHtml}), the urgency label (`Flash`,
 * `Urgent`), the section and tags as categories, and the agency as
 * `dc:creator` (RSS `author` must be an e-mail address, which an agency credit is not).
 *
 * Dates: RFC 822 `pubDate` needs a time of day. A story that gives a time gets that
 * instant; a story that gives only a date gets 00:00:00 GMT of that date (the instant the
 * site sorts it by). `dc:date` then says what the story really gives, in W3C date format:
 * `2023-06-20` for a date alone, `2023-06-20T10:36+06:00` with a time.
 *
 * @example
 * feedItem(story, 'https://wire-reader.example').link;
 * // "https://wire-reader.example/stories/tokayev-peace-initiatives/"
 */
export function feedItem(story: Story, site: string): RSSFeedItem {
  return {
    title: story.title,
    link: absoluteUrl(story.path, site),
    pubDate: story.pubDate,
    // RSS readers read <description> as HTML: escaped once more here, the standfirst
    // reaches the reader as the text the editor wrote, never as markup.
    description: escapeHtml(story.description),
    content: itemHtml(story, site),
    // A flash or urgent story says so in a category feed readers can filter on.
    categories: [...new Set([...(story.urgencyLabel ? [story.urgencyLabel] : []), story.section, ...story.tags])],
    customData: `<dc:creator>${escapeHtml(story.agency)}</dc:creator><dc:date>${datetimeValue(story.published)}</dc:date>`,
  };
}

/**
 * Channel elements @astrojs/rss has no option for: the language and the `atom:link`
 * that names the feed's own address.
 *
 * @example
 * channelExtras({ lang: 'en', selfUrl: 'https://wire-reader.example/rss.xml' });
 * // '<language>en</language><atom:link href="https://wire-reader.example/rss.xml" rel="self" type="application/rss+xml"/>'
 */
export function channelExtras({ lang, selfUrl }: { lang: string; selfUrl: string }): string {
  return (
    `<language>${escapeHtml(lang)}</language>` +
    `<atom:link href="${escapeHtml(selfUrl)}" rel="self" type="application/rss+xml"/>`
  );
}

/** What one feed is about. */
export interface FeedSpec {
  title: string;
  description: string;
  /** The feed's own path, e.g. "/rss.xml". */
  selfPath: string;
  /** The page the feed belongs to, e.g. "/" or a section's path. */
  pagePath: string;
  /** Stories, newest first; only the first `limit` are included. */
  stories: readonly Story[];
  limit: number;
  lang: string;
  site: string;
}

/**
 * Options for `@astrojs/rss` for one feed, capped to the latest stories.
 *
 * @example
 * const options = feedOptions({
 *   title: 'Wire Reader', description: 'Wire stories', selfPath: '/rss.xml', pagePath: '/',
 *   stories, limit: 50, lang: 'en', site: 'https://wire-reader.example',
 * });
 * options.items.length; // at most 50
 */
export function feedOptions(spec: FeedSpec) {
  return {
    title: spec.title,
    description: spec.description,
    site: absoluteUrl(spec.pagePath, spec.site),
    xmlns: { ...FEED_XMLNS },
    customData: channelExtras({ lang: spec.lang, selfUrl: absoluteUrl(spec.selfPath, spec.site) }),
    items: spec.stories.slice(0, spec.limit).map((story) => feedItem(story, spec.site)),
    trailingSlash: true,
  };
}
