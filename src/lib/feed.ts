/**
 * RSS items and channel extras for @astrojs/rss. Items carry the whole story as the page
 * shows it (photo, text rendered by the site's one Markdown path with dateline and credit,
 * corrections, copyright), in an element that gives the story's language and direction,
 * and the photo or share card as Media RSS. Pure: the route builds the images and passes
 * their absolute URLs in.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { calendarDay } from './dates.ts';
import { datetimeValue, type WireWhen } from './desk.ts';
import { formatMessage, furnitureLang, messagesFor } from './i18n/index.ts';
import { escapeHtml } from './markdown.ts';
import { SITE } from './site.ts';
import { absoluteUrl, editionPath, feedPath, sectionPath, tagPath } from './slug.ts';
import { storyHtml, type Story } from './story.ts';

/** An image a feed item points at: a built file's absolute URL, its media type and size. */
export interface FeedImage {
  url: string;
  /** Media type, e.g. `image/jpeg`. */
  type: string;
  width: number;
  height: number;
}

/** The images the route made for one item: the story's photo as built, and its own share card. */
export interface ItemMedia {
  photo?: FeedImage | undefined;
  /** The story's own share card; a section's or the edition's card is no picture of the story. */
  card?: FeedImage | undefined;
}

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

/**
 * The format a story photo is built in for feeds: PNG stays PNG (it may be transparent),
 * anything else becomes JPEG, which every feed reader shows.
 *
 * @example
 * feedPhotoFormat('png'); // "png"
 * feedPhotoFormat('avif'); // "jpg"
 */
export function feedPhotoFormat(format: string): 'jpg' | 'png' {
  return format.toLowerCase() === 'png' ? 'png' : 'jpg';
}

/**
 * The media type of an image format as astro:assets names formats.
 *
 * @example
 * imageType('jpg'); // "image/jpeg"
 * imageType('webp'); // "image/webp"
 */
export function imageType(format: string): string {
  const type = IMAGE_TYPES[format.toLowerCase()];
  if (type === undefined) throw new Error(`image format "${format}": no media type known for it`);
  return type;
}

/** HTML attributes from name/value pairs, values escaped; undefined values left out. */
function attributes(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter((pair): pair is [string, string | number] => pair[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');
}

/** The story's photo as a figure, with its caption and credit as the page shows them. */
function photoFigure(story: Story, photo: FeedImage | undefined): string {
  const image = story.image;
  if (!image || !photo) return '';
  const img = `<img${attributes({ src: photo.url, alt: image.alt, width: photo.width, height: photo.height })}>`;
  const credit = image.credit ? `<span class="photo-credit">${escapeHtml(image.credit)}</span>` : '';
  const caption = [image.caption ? escapeHtml(image.caption) : '', credit].filter(Boolean).join(' ');
  return `<figure>${img}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>\n`;
}

/**
 * The story's correction notes as the page words them: the heading (`Correction`, or
 * `Corrections` for several) from the story's language's message table, then each note
 * with its date. Where the language has no table, the heading is English and says so.
 */
function correctionsHtml(story: Story): string {
  if (story.corrections.length === 0) return '';
  const m = messagesFor(story.lang);
  const heading = story.corrections.length > 1 ? m.corrections : m.correction;
  const notes = story.corrections
    .map(
      ({ date, text }) =>
        `<li><time datetime="${escapeHtml(date.iso)}">${escapeHtml(date.text)}</time>: ${escapeHtml(text)}</li>`,
    )
    .join('');
  return `<section><h2${attributes({ lang: furnitureLang(story.lang) })}>${escapeHtml(heading)}</h2><ul>${notes}</ul></section>\n`;
}

/**
 * An item's whole story as HTML, as the story page shows it: the photo with its caption
 * and credit, the text with dateline and credit, the correction notes and the agency's
 * copyright line. All of it sits in one element that carries the story's language and
 * direction: feed readers know nothing of the page's `<html lang dir>`, so without it an
 * Arabic story is laid out left to right and a Latin run such as `(EFE).-` in its
 * dateline scrambles the words around it. `media.photo` is the photo as the build made it
 * (an absolute URL): a story photo the route did not build is left out.
 *
 * @example
 * itemHtml(arabicStory, 'https://wire-reader.example');
 * // '<div lang="ar" dir="rtl">\n<p><span class="dateline">القاهرة، 25 يناير (EFE).-</span> ...</div>'
 * itemHtml(storyWithPhoto, site, { photo: { url: 'https://wire-reader.example/_astro/x.jpg', type: 'image/jpeg', width: 1200, height: 800 } });
 * // '<div lang="en" dir="ltr">\n<figure><img src="https://wire-reader.example/_astro/x.jpg" ...'
 */
export function itemHtml(story: Story, site: string, media: ItemMedia = {}): string {
  const rights = story.copyright ? `<p>${escapeHtml(story.copyright)}</p>\n` : '';
  return (
    `<div lang="${escapeHtml(story.lang)}" dir="${story.dir}">\n` +
    photoFigure(story, media.photo) +
    storyHtml(story, site) +
    correctionsHtml(story) +
    rights +
    '</div>'
  );
}

/**
 * The Media RSS element of an item: the story's photo (with its caption and credit) when
 * the route built one, else the story's own share card, else nothing.
 *
 * @example
 * mediaContent(story, { card: { url: 'https://wire-reader.example/cards/ab.png', type: 'image/png', width: 1200, height: 630 } });
 * // '<media:content url="https://wire-reader.example/cards/ab.png" type="image/png" medium="image" width="1200" height="630"/>'
 */
export function mediaContent(story: Story, media: ItemMedia): string {
  const photo = story.image && media.photo;
  const image = photo ?? media.card;
  if (!image) return '';
  const head = `<media:content${attributes({ url: image.url, type: image.type, medium: 'image', width: image.width, height: image.height })}`;
  const description = photo ? story.image?.caption || story.image?.alt : undefined;
  const credit = photo ? story.image?.credit : undefined;
  const children =
    (description ? `<media:description type="plain">${escapeHtml(description)}</media:description>` : '') +
    (credit ? `<media:credit>${escapeHtml(credit)}</media:credit>` : '');
  return children ? `${head}>${children}</media:content>` : `${head}/>`;
}

/** Namespaces the feeds use beyond RSS 2.0 and content:encoded. */
export const FEED_XMLNS = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
} as const;

/** Noon, in milliseconds after midnight. */
const NOON_MS = 12 * 3_600_000;

/**
 * The instant a feed item's RFC 822 `pubDate` gives. A story that gives a time gets that
 * instant. A story that gives a date alone gets 12:00 UTC of that date, not midnight:
 * readers show `pubDate` in their own zone, and midnight UTC is the day before everywhere
 * west of UTC (a story dated June 20 showed as June 19, 8 p.m., in New York). Noon UTC is
 * on the dated day from UTC−12 to UTC+11. Only the feed's `pubDate` moves: the site still
 * sorts such a story at midnight UTC (`story.pubDate`), feed items keep the site's order,
 * and `dc:date` gives the date alone.
 *
 * @example
 * feedPubDate(parseWireDate('2023-06-20')).toUTCString(); // "Tue, 20 Jun 2023 12:00:00 GMT"
 * feedPubDate(parseWireDate('2023-06-20T10:36:00+06:00')).toUTCString(); // "Tue, 20 Jun 2023 04:36:00 GMT"
 */
export function feedPubDate(published: WireWhen): Date {
  return published.time === undefined ? new Date(calendarDay(published).getTime() + NOON_MS) : published.instant;
}

/**
 * One feed item: absolute link and permanent guid, the standfirst as description (plain
 * text, escaped as HTML), the whole story as content:encoded ({@link itemHtml}), the
 * urgency label (`Flash`, `Urgent`), the section and tags as categories, the agency as
 * `dc:creator` (RSS `author` must be an e-mail address, which an agency credit is not),
 * and the photo or share card as `media:content` ({@link mediaContent}).
 *
 * Dates: RFC 822 `pubDate` needs a time of day ({@link feedPubDate}): a story's own time
 * when it gives one, else 12:00 UTC of its date. `dc:date` then says what the story
 * really gives, in W3C date format: `2023-06-20` for a date alone, `2023-06-20T10:36+06:00`
 * with a time.
 *
 * @example
 * feedItem(story, 'https://wire-reader.example').link;
 * // "https://wire-reader.example/stories/tokayev-peace-initiatives/"
 */
export function feedItem(story: Story, site: string, media: ItemMedia = {}): RSSFeedItem {
  return {
    title: story.title,
    link: absoluteUrl(story.path, site),
    pubDate: feedPubDate(story.published),
    // RSS readers read <description> as HTML: escaped once more here, the standfirst
    // reaches the reader as the text the editor wrote, never as markup.
    description: escapeHtml(story.description),
    content: itemHtml(story, site, media),
    // A flash or urgent story says so in a category feed readers can filter on.
    categories: [...new Set([...(story.urgencyLabel ? [story.urgencyLabel] : []), story.section, ...story.tags])],
    customData:
      `<dc:creator>${escapeHtml(story.agency)}</dc:creator><dc:date>${datetimeValue(story.published)}</dc:date>` +
      mediaContent(story, media),
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

/**
 * What a feed carries: its newest `limit` stories (`stories` is newest first) and, index
 * for index, each one's share card as the archive planned it (undefined where none). One
 * function for the feed routes' pages and for the cache key of the section feeds, which
 * covers exactly what they show.
 *
 * @example
 * const { stories, cards } = latestWithCards(edition.stories, cardPlan.byStory, 50);
 * stories.length === cards.length; // true
 */
export function latestWithCards<C>(
  stories: readonly Story[],
  cardOf: ReadonlyMap<string, C>,
  limit: number,
): { stories: Story[]; cards: (C | undefined)[] } {
  const latest = stories.slice(0, limit);
  return { stories: latest, cards: latest.map((story) => cardOf.get(story.id)) };
}

/**
 * Which feed: an edition's feed of all its stories (`name` is the edition's name, e.g.
 * "Español"), a section's or a tag's (`name` as the stories give it), in the edition's
 * language `lang`.
 */
export interface FeedSubject {
  kind: 'edition' | 'section' | 'tag';
  name: string;
  lang: string;
}

/**
 * A feed's channel title and description, in its edition's language, as plain text. The
 * one place they are worded: the feed route puts them in its channel, and every page
 * that advertises the feed (`<link rel="alternate" title>`) uses the same title, so a
 * reader subscribes to the name it was offered. The default edition's feed is the site
 * itself (`Wire Reader`); another edition's is the site and the edition (`Wire Reader:
 * Español`); a section's names the section, and a tag's the tag's heading, so a tag and
 * a section of the same name differ.
 *
 * @example
 * feedText({ kind: 'edition', name: 'English', lang: 'en' }).title; // "Wire Reader"
 * feedText({ kind: 'edition', name: 'Español', lang: 'es' }).title; // "Wire Reader: Español"
 * feedText({ kind: 'section', name: 'Conflicts & War', lang: 'en' }).description;
 * // "Conflicts & War: the latest wire stories on Wire Reader."
 * feedText({ kind: 'tag', name: 'Kazakhstan', lang: 'en' }).title; // "Wire Reader: Stories tagged Kazakhstan"
 */
export function feedText({ kind, name, lang }: FeedSubject): { title: string; description: string } {
  const m = messagesFor(lang);
  const site = SITE.name;
  const titled = (feedName: string) => formatMessage(m.feedTitle, { site, name: feedName }, lang);
  switch (kind) {
    case 'edition':
      return { title: lang === SITE.lang ? site : titled(name), description: m.siteDescription };
    case 'section':
      return { title: titled(name), description: formatMessage(m.sectionDescription, { section: name, site }, lang) };
    case 'tag':
      return {
        title: titled(formatMessage(m.tagHeading, { tag: name }, lang)),
        description: formatMessage(m.tagDescription, { tag: name, site }, lang),
      };
  }
}

/**
 * The page a feed belongs to: its edition's front, its section's or its tag's first page.
 * The feed itself is that page's `rss.xml` ({@link subjectFeedPath}).
 *
 * @example
 * feedListingPath({ kind: 'edition', name: 'Español', lang: 'es' }); // "/es/"
 * feedListingPath({ kind: 'tag', name: 'Kazakhstan', lang: 'en' }); // "/tags/kazakhstan/"
 */
export function feedListingPath({ kind, name, lang }: FeedSubject): string {
  if (kind === 'edition') return editionPath(lang);
  return kind === 'section' ? sectionPath(name, lang) : tagPath(name, lang);
}

/**
 * The site path of a feed.
 *
 * @example
 * subjectFeedPath({ kind: 'section', name: 'Conflicts & War', lang: 'en' }); // "/sections/conflicts-war/rss.xml"
 * subjectFeedPath({ kind: 'tag', name: 'España', lang: 'es' }); // "/es/tags/espana/rss.xml"
 */
export function subjectFeedPath(subject: FeedSubject): string {
  return feedPath(feedListingPath(subject));
}

/**
 * A feed as a page advertises it (`<link rel="alternate" type="application/rss+xml">`):
 * its channel title ({@link feedText}) and its path.
 *
 * @example
 * advertisedFeed({ kind: 'edition', name: 'English', lang: 'en' }); // { title: "Wire Reader", href: "/rss.xml" }
 */
export function advertisedFeed(subject: FeedSubject): { title: string; href: string } {
  return { title: feedText(subject).title, href: subjectFeedPath(subject) };
}

/** What one feed is about. */
export interface FeedSpec {
  /** Plain text, as readers show it: `@astrojs/rss` escapes it for XML (escaping it here too shows `&amp;`). */
  title: string;
  /** Plain text, like `title`. */
  description: string;
  /** The feed's own path, e.g. "/rss.xml". */
  selfPath: string;
  /** The page the feed belongs to, e.g. "/" or a section's path. */
  pagePath: string;
  /** Stories, newest first; only the first `limit` are included. */
  stories: readonly Story[];
  /** The built photo and share card of each story, by id (see {@link ItemMedia}). */
  media?: ReadonlyMap<string, ItemMedia> | undefined;
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
    items: spec.stories.slice(0, spec.limit).map((story) => feedItem(story, spec.site, spec.media?.get(story.id))),
    trailingSlash: true,
  };
}
