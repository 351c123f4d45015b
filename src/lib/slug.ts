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
 * The most UTF-8 bytes one address part (a story id, or a section or tag slug) may take:
 * it becomes a folder name in `dist/`, and file systems stop at 255 bytes.
 */
export const MAX_SLUG_BYTES = 200;

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/**
 * The slug a headline gives a story that has no `slug` of its own: {@link slugify}, cut at
 * a hyphen to at most {@link MAX_SLUG_BYTES} bytes, so a long headline in any script still
 * makes an address. Empty when the headline has no letter or digit.
 *
 * @example
 * titleSlug('Tokayev calls for support'); // "tokayev-calls-for-support"
 * titleSlug('¿¡…!?'); // ""
 */
export function titleSlug(title: string): string {
  const slug = slugify(title);
  if (utf8Length(slug) <= MAX_SLUG_BYTES) return slug;
  let kept = '';
  for (const word of slug.split('-')) {
    const next = kept ? `${kept}-${word}` : word;
    if (utf8Length(next) > MAX_SLUG_BYTES) break;
    kept = next;
  }
  if (kept) return kept;
  // One word longer than the limit: keep whole characters up to it.
  for (const char of slug) {
    if (utf8Length(kept + char) > MAX_SLUG_BYTES) break;
    kept += char;
  }
  return kept;
}

/**
 * What is wrong with a name (section or tag) or an explicit slug as an address part, or
 * `undefined`: no letter or digit to make an address from, or too long for one.
 *
 * @example
 * urlPartProblem('section', '!!!');
 * // 'section "!!!" has no letter or digit to make its address from'
 * urlPartProblem('tag', 'Kazakhstan'); // undefined
 */
export function urlPartProblem(kind: string, name: string): string | undefined {
  const slug = slugify(name);
  if (!slug) return `${kind} "${name}" has no letter or digit to make its address from`;
  const bytes = utf8Length(slug);
  if (bytes > MAX_SLUG_BYTES) {
    return `${kind} "${name.slice(0, 40)}…" makes an address part of ${bytes} bytes; the most is ${MAX_SLUG_BYTES}`;
  }
  return undefined;
}

/**
 * The `id` of a story's item in a listing, and so the fragment that leads to it there.
 *
 * @example
 * storyAnchor('tokayev-peace-call'); // "story-tokayev-peace-call"
 */
export function storyAnchor(id: string): string {
  return `story-${id}`;
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

/**
 * The site path of an edition's archive (`/archive/`, `/es/archive/`).
 *
 * @example
 * archivePath(); // "/archive/"
 * archivePath('es'); // "/es/archive/"
 */
export function archivePath(edition: string = SITE.lang): string {
  return `${editionPrefix(edition)}/archive/`;
}

/**
 * The site path of a day's archive page in an edition, from a `YYYY-MM-DD` date.
 *
 * @example
 * dayPath('2023-06-20'); // "/archive/2023/06/20/"
 * dayPath('2023-06-20', 'ar'); // "/ar/archive/2023/06/20/"
 */
export function dayPath(date: string, edition: string = SITE.lang): string {
  return `${archivePath(edition)}${date.replaceAll('-', '/')}/`;
}

/**
 * The site path of a month's archive page, from `YYYY-MM` (or a `YYYY-MM-DD` date in it).
 *
 * @example
 * monthPath('2023-06'); // "/archive/2023/06/"
 * monthPath('2023-06-20'); // "/archive/2023/06/"
 * monthPath('2023-06', 'es'); // "/es/archive/2023/06/"
 */
export function monthPath(month: string, edition: string = SITE.lang): string {
  return `${archivePath(edition)}${month.slice(0, 7).replace('-', '/')}/`;
}

/**
 * The fragment id of a listing's feed on the /feeds/ page, so "Follow with RSS" links land on it.
 *
 * @example
 * feedAnchor('/'); // "feed-all"
 * feedAnchor('/sections/conflicts-war/'); // "feed-conflicts-war"
 * feedAnchor('/tags/kazakhstan/'); // "feed-tag-kazakhstan"
 */
export function feedAnchor(listingPath: string): string {
  const parts = listingPath.split('/').filter(Boolean);
  const name = parts.at(-1);
  // A tag may share its slug with a section: its feed's anchor says it is a tag's.
  return parts.at(-2) === 'tags' ? `feed-tag-${name}` : `feed-${name ?? 'all'}`;
}
