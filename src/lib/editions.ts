/**
 * Language editions and translations: which versions of a story exist, and the hreflang
 * alternates that tie them (and the editions' front pages) together, both ways, with an
 * `x-default`. Pure: the archive and the sitemap call these with the site's address.
 */
import {
  hasMessages,
  messageParts,
  messagesFor,
  ownLanguageName,
  textDirection,
  type MessagePart,
} from './i18n/index.ts';
import { SITE } from './site.ts';
import { absoluteUrl, editionOf, editionPath } from './slug.ts';

/** One `<link rel="alternate" hreflang href>`: a language tag (or `x-default`) and an absolute URL. */
export interface Alternate {
  hreflang: string;
  href: string;
}

/** What the alternates need to know of a story. */
export interface StoryVersion {
  id: string;
  lang: string;
  path: string;
  pubDate: Date;
}

/** Where the alternates point and which language is the site's default. */
export interface AlternateOptions {
  /** The site's public address, e.g. "https://wire-reader.example". */
  site: string;
  /** The site's default language; its version is the `x-default`. */
  defaultLang?: string;
}

const canonicalTag = (tag: string) => Intl.getCanonicalLocales(tag)[0] ?? tag;

/**
 * Groups stories by `translationKey`: each group holds every language version of one story,
 * ordered by language tag. Stories without a key are in no group.
 *
 * @example
 * translationGroups([{ id: 'a', lang: 'en', translationKey: 'k' }, { id: 'b', lang: 'es', translationKey: 'k' }])
 *   .get('k')?.map((s) => s.id); // ["a", "b"]
 */
export function translationGroups<T extends { lang: string; translationKey?: string | undefined }>(
  stories: readonly T[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const story of stories) {
    if (story.translationKey === undefined) continue;
    const group = groups.get(story.translationKey);
    if (group) group.push(story);
    else groups.set(story.translationKey, [story]);
  }
  for (const group of groups.values()) group.sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0));
  return groups;
}

/**
 * The hreflang alternates of a story that exists in several languages: one per version,
 * itself included, and an `x-default` (the version in the site's default language, else the
 * first published). Every version gets the same set, so the links go both ways. A story in
 * one language only has none.
 *
 * @example
 * storyAlternates(
 *   [
 *     { id: 'quake', lang: 'en', path: '/stories/quake/', pubDate: new Date('2024-01-01') },
 *     { id: 'sismo', lang: 'es', path: '/stories/sismo/', pubDate: new Date('2024-01-01') },
 *   ],
 *   { site: 'https://wire-reader.example' },
 * );
 * // [{ hreflang: 'en', href: 'https://wire-reader.example/stories/quake/' },
 * //  { hreflang: 'es', href: 'https://wire-reader.example/stories/sismo/' },
 * //  { hreflang: 'x-default', href: 'https://wire-reader.example/stories/quake/' }]
 */
export function storyAlternates(versions: readonly StoryVersion[], options: AlternateOptions): Alternate[] {
  if (versions.length < 2) return [];
  const defaultLang = options.defaultLang ?? SITE.lang;
  const sorted = [...versions].sort((a, b) => {
    const [x, y] = [canonicalTag(a.lang), canonicalTag(b.lang)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const original = [...versions].sort(
    (a, b) => a.pubDate.getTime() - b.pubDate.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )[0] as StoryVersion;
  const fallback = sorted.find((version) => editionOf(version.lang) === defaultLang) ?? original;
  return [
    ...sorted.map((version) => ({
      hreflang: canonicalTag(version.lang),
      href: absoluteUrl(version.path, options.site),
    })),
    { hreflang: 'x-default', href: absoluteUrl(fallback.path, options.site) },
  ];
}

/**
 * The hreflang alternates of the editions' front pages: one per edition and an `x-default`
 * (the default language's edition, else the first). A site of one edition has none.
 *
 * @example
 * editionAlternates(['en', 'es'], { site: 'https://wire-reader.example' }).map((a) => a.href);
 * // ["https://wire-reader.example/", "https://wire-reader.example/es/", "https://wire-reader.example/"]
 */
export function editionAlternates(editions: readonly string[], options: AlternateOptions): Alternate[] {
  if (editions.length < 2) return [];
  const defaultLang = options.defaultLang ?? SITE.lang;
  const sorted = [...editions].sort();
  const fallback = sorted.includes(defaultLang) ? defaultLang : (sorted[0] as string);
  const href = (edition: string) => absoluteUrl(editionPath(edition, defaultLang), options.site);
  return [
    ...sorted.map((edition) => ({ hreflang: edition, href: href(edition) })),
    { hreflang: 'x-default', href: href(fallback) },
  ];
}

/** One line of the 404 page for a reader of another edition: in that edition's language. */
export interface EditionNotice {
  /** The edition's language, for the line's `lang` (and the link's `hreflang`). */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The edition's front page. */
  href: string;
  /** The line, its link a `{ slot: 'home' }`. */
  parts: MessagePart[];
  /** The link's text. */
  link: string;
}

/**
 * What the 404 page (written in the site's language) says to the readers of each other
 * edition, each in their own language: "Page not found. Go to the latest stories." from the
 * edition's message table, linking its front page. A language without a table has no words
 * of its own to say it in: its line is the link alone, named as the edition switcher names
 * it (`Italiano`), never English words marked as that language.
 *
 * @example
 * notFoundNotices([{ lang: 'en', path: '/' }, { lang: 'es', path: '/es/' }], 'en');
 * // [{ lang: 'es', dir: 'ltr', href: '/es/', link: 'las últimas noticias',
 * //    parts: ['Página no encontrada. Vaya a ', { slot: 'home' }, '.'] }]
 */
export function notFoundNotices(
  editions: readonly { lang: string; path: string }[],
  pageLang: string,
): EditionNotice[] {
  return editions
    .filter((edition) => edition.lang !== pageLang)
    .map(({ lang, path }) => {
      const own = hasMessages(lang) ? messagesFor(lang) : undefined;
      return {
        lang,
        dir: textDirection(lang),
        href: path,
        parts: own ? messageParts(own.notFoundElsewhere) : [{ slot: 'home' }],
        link: own ? own.latestStoriesLink : ownLanguageName(lang),
      };
    });
}
