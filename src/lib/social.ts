/**
 * Open Graph and X (Twitter) meta tags: how a shared link shows as a card with an image.
 */
import { schemaDate, type JsonLdDate } from './jsonld.ts';

/** A meta tag: Open Graph ones use `property`, X's use `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

/** What a page tells social sites about itself. */
export interface SocialInput {
  title: string;
  description: string;
  siteName: string;
  /** The canonical URL; left out for pages with no address of their own. */
  url?: string | undefined;
  type: 'website' | 'article';
  lang: string;
  image: { url: string; width: number; height: number; alt: string; type: string };
  article?:
    { published: JsonLdDate; modified?: JsonLdDate | undefined; section: string; tags: readonly string[] } | undefined;
}

/** {@link ogLocale} by tag, kept: every page asks, and Intl.Locale is dear to make. */
const ogLocales = new Map<string, string>();

/**
 * The Open Graph locale (`language_TERRITORY`) of a BCP 47 tag, with the likeliest territory
 * when the tag names none.
 *
 * @example
 * ogLocale('en'); // "en_US"
 * ogLocale('es-419'); // "es_419"
 * ogLocale('ar'); // "ar_EG"
 */
export function ogLocale(lang: string): string {
  let found = ogLocales.get(lang);
  if (found === undefined) {
    const locale = new Intl.Locale(lang).maximize();
    found = `${locale.language}_${locale.region ?? locale.language.toUpperCase()}`;
    ogLocales.set(lang, found);
  }
  return found;
}

/**
 * The meta tags of a page: Open Graph (title, description, type, URL, site, locale, image
 * with size, type and alt; article times, section and tags), `twitter:card` and
 * `twitter:image:alt`.
 *
 * @example
 * socialMeta(input).find((tag) => 'name' in tag)?.content; // "summary_large_image"
 */
export function socialMeta(input: SocialInput): MetaTag[] {
  const tags: MetaTag[] = [
    { property: 'og:site_name', content: input.siteName },
    { property: 'og:title', content: input.title },
    { property: 'og:description', content: input.description },
    { property: 'og:type', content: input.type },
    ...(input.url ? [{ property: 'og:url', content: input.url }] : []),
    { property: 'og:locale', content: ogLocale(input.lang) },
    { property: 'og:image', content: input.image.url },
    { property: 'og:image:type', content: input.image.type },
    { property: 'og:image:width', content: String(input.image.width) },
    { property: 'og:image:height', content: String(input.image.height) },
    { property: 'og:image:alt', content: input.image.alt },
  ];
  if (input.article) {
    const { published, modified, section } = input.article;
    tags.push(
      { property: 'article:published_time', content: schemaDate(published) },
      { property: 'article:modified_time', content: schemaDate(modified ?? published) },
      { property: 'article:section', content: section },
      ...input.article.tags.map((tag) => ({ property: 'article:tag', content: tag })),
    );
  }
  // X reads the image from og:image, but has no fallback for its description: say it again.
  tags.push(
    { name: 'twitter:card', content: 'summary_large_image' },
    { name: 'twitter:image:alt', content: input.image.alt },
  );
  return tags;
}
