/**
 * Slugs and permalinks: the one place URLs for stories, editions, sections, tags and feeds
 * are made. Paths keep Unicode letters (readable in any script); {@link absoluteUrl}
 * percent-encodes them where a feed or a canonical link needs a plain URL.
 */
import { baseLanguage } from './i18n/index.ts';
import { SITE } from './site.ts';

/**
 * Turns any text into a URL slug: lower case, accents dropped, runs of other
 * characters folded into single hyphens. Letters and digits of every script are kept.
 *
 * @example
 * slugify('Conflicts & War'); // "conflicts-war"
 * slugify('Tokayev calls for support'); // "tokayev-calls-for-support"
 */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKC')
      .normalize('NFD')
      // Accents and vowel marks come off Latin, Greek and Arabic letters (é → e, ά → α,
      // تَصْوِير → تصوير); other scripts keep theirs, since their marks are part of the
      // spelling (Devanagari vowel signs, Cyrillic й).
      .replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Arabic}])\p{M}+/gu, '$1')
      .replace(/\u0640/g, '')
      .normalize('NFC')
      .toLowerCase()
      .replace(/[’'`]/g, '')
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
  );
}

/**
 * The edition a language belongs to: its primary language subtag (`es-419` → `es`).
 *
 * @example
 * editionOf('es-419'); // "es"
 */
export function editionOf(lang: string): string {
  return baseLanguage(lang);
}

/**
 * The path prefix of an edition: none for the site's default language, `/<lang>` otherwise.
 *
 * @example
 * editionPrefix('en'); // ""
 * editionPrefix('es'); // "/es"
 */
export function editionPrefix(edition: string, defaultLang: string = SITE.lang): string {
  return edition === defaultLang ? '' : `/${edition}`;
}

/**
 * The front page of an edition.
 *
 * @example
 * editionPath('en'); // "/"
 * editionPath('ar'); // "/ar/"
 */
export function editionPath(edition: string, defaultLang: string = SITE.lang): string {
  return `${editionPrefix(edition, defaultLang)}/`;
}

/**
 * The site path of a story, from its permanent id (never from its file name).
 *
 * @example
 * storyPath('tokayev-peace-initiatives'); // "/stories/tokayev-peace-initiatives/"
 */
export function storyPath(id: string): string {
  return `/stories/${id}/`;
}

/**
 * The site path of a section's first page.
 *
 * @example
 * sectionPath('Conflicts & War'); // "/sections/conflicts-war/"
 * sectionPath('Economía', 'es'); // "/es/sections/economia/"
 */
export function sectionPath(section: string, edition: string = SITE.lang): string {
  return `${editionPrefix(edition)}/sections/${slugify(section)}/`;
}

/**
 * The site path of a tag's first page.
 *
 * @example
 * tagPath('Kazakhstan'); // "/tags/kazakhstan/"
 * tagPath('كازاخستان', 'ar'); // "/ar/tags/كازاخستان/"
 */
export function tagPath(tag: string, edition: string = SITE.lang): string {
  return `${editionPrefix(edition)}/tags/${slugify(tag)}/`;
}

/**
 * The path of the feed that belongs to a listing path (the site root or a section).
 *
 * @example
 * feedPath('/'); // "/rss.xml"
 * feedPath('/sections/conflicts-war/'); // "/sections/conflicts-war/rss.xml"
 */
export function feedPath(listingPath: string): string {
  return `${listingPath.endsWith('/') ? listingPath : `${listingPath}/`}rss.xml`;
}

/**
 * Makes a path absolute against the site's public address.
 *
 * @example
 * absoluteUrl('/stories/a/', 'https://wire-reader.example'); // "https://wire-reader.example/stories/a/"
 */
export function absoluteUrl(path: string, site: string | URL): string {
  return new URL(path, site).href;
}
