/**
 * Sitemaps (sitemaps.org), with hreflang alternates, and the Google News sitemap: which
 * stories go in, and the XML. Pure: the build time, the site URL and the limits are passed in.
 */
import { schemaDate, type JsonLdDate } from './jsonld.ts';

/** One page in a sitemap. */
export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  /** When the page last changed. */
  lastmod?: JsonLdDate | undefined;
  /** The same page in other languages: `hreflang` and absolute URL (include the page itself). */
  alternates?: readonly { lang: string; href: string }[] | undefined;
}

/** A story as the news sitemap needs it. */
export interface NewsStory {
  url: string;
  title: string;
  lang: string;
  published: JsonLdDate;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/**
 * Escapes text for XML element content and attribute values.
 *
 * @example
 * xmlEscape('Salt & "pepper" <b>'); // "Salt &amp; &quot;pepper&quot; &lt;b&gt;"
 */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/**
 * Splits a list into consecutive chunks of at most `size`; an empty list gives one empty chunk,
 * so there is always a first file to serve.
 *
 * @example
 * chunk([1, 2, 3], 2); // [[1, 2], [3]]
 * chunk([], 2); // [[]]
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * A sitemap `<urlset>`, with `xhtml:link` alternates where a page has other languages.
 *
 * @example
 * sitemapXml([{ loc: 'https://x.example/' }]).includes('<loc>https://x.example/</loc>'); // true
 */
export function sitemapXml(urls: readonly SitemapUrl[]): string {
  const hasAlternates = urls.some((url) => url.alternates && url.alternates.length > 0);
  const body = urls
    .map(({ loc, lastmod, alternates = [] }) => {
      const parts = [`<loc>${xmlEscape(loc)}</loc>`];
      if (lastmod) parts.push(`<lastmod>${schemaDate(lastmod)}</lastmod>`);
      for (const { lang, href } of alternates) {
        parts.push(`<xhtml:link rel="alternate" hreflang="${xmlEscape(lang)}" href="${xmlEscape(href)}"/>`);
      }
      return `<url>${parts.join('')}</url>`;
    })
    .join('\n');
  const xmlns = `xmlns="${SITEMAP_NS}"${hasAlternates ? ` xmlns:xhtml="${XHTML_NS}"` : ''}`;
  return `${XML_DECLARATION}<urlset ${xmlns}>\n${body}\n</urlset>\n`;
}

/**
 * A sitemap index naming sitemap files.
 *
 * @example
 * sitemapIndexXml([{ loc: 'https://x.example/sitemap-1.xml' }]).includes('<sitemapindex'); // true
 */
export function sitemapIndexXml(files: readonly { loc: string; lastmod?: JsonLdDate | undefined }[]): string {
  const body = files
    .map(
      ({ loc, lastmod }) =>
        `<sitemap><loc>${xmlEscape(loc)}</loc>${lastmod ? `<lastmod>${schemaDate(lastmod)}</lastmod>` : ''}</sitemap>`,
    )
    .join('\n');
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${body}\n</sitemapindex>\n`;
}

/**
 * The newest of some dates (undefined for none).
 *
 * @example
 * newest([{ date: '2023-01-01', instant: new Date('2023-01-01') }, { date: '2023-06-20', instant: new Date('2023-06-20') }])?.date;
 * // "2023-06-20"
 */
export function newest(dates: readonly (JsonLdDate | undefined)[]): JsonLdDate | undefined {
  let found: JsonLdDate | undefined;
  for (const date of dates) if (date && (!found || date.instant > found.instant)) found = date;
  return found;
}

/**
 * The language code Google News wants: ISO 639 (`en`, `es`, `ar`), except Chinese, which
 * is `zh-cn` (simplified) or `zh-tw` (traditional).
 *
 * @example
 * newsLanguage('es-419'); // "es"
 * newsLanguage('zh-Hant-HK'); // "zh-tw"
 * newsLanguage('zh'); // "zh-cn"
 */
export function newsLanguage(lang: string): string {
  const locale = new Intl.Locale(lang).maximize();
  if (locale.language !== 'zh') return locale.language;
  return locale.script === 'Hant' ? 'zh-tw' : 'zh-cn';
}

/**
 * The stories for the Google News sitemap: published within `windowHours` before the build
 * time (both ends included), never after it (an embargoed or scheduled story is not out
 * yet), newest first, split into files of at most `limit`.
 *
 * @example
 * const at = (iso: string) => ({ url: iso, title: iso, lang: 'en', published: { date: iso.slice(0, 10), time: '00:00', offset: 'Z', instant: new Date(iso) } });
 * newsSelection([at('2023-06-19T12:00:00Z'), at('2023-06-16T00:00:00Z')], {
 *   buildTime: new Date('2023-06-20T12:00:00Z'), windowHours: 48, limit: 1000,
 * }).map((file) => file.length);
 * // [1]
 */
export function newsSelection<T extends NewsStory>(
  stories: readonly T[],
  { buildTime, windowHours, limit }: { buildTime: Date; windowHours: number; limit: number },
): T[][] {
  const end = buildTime.getTime();
  const start = end - windowHours * 3_600_000;
  const recent = stories
    .filter((story) => {
      const at = story.published.instant.getTime();
      return at >= start && at <= end;
    })
    .sort((a, b) => b.published.instant.getTime() - a.published.instant.getTime());
  return chunk(recent, limit);
}

/**
 * A Google News sitemap: each story with the publication name and language, publication
 * date and title. With no story it is still a valid, empty `<urlset>`.
 *
 * @example
 * newsSitemapXml([], 'Wire Reader').includes('xmlns:news'); // true
 */
export function newsSitemapXml(stories: readonly NewsStory[], publication: string): string {
  const body = stories
    .map(
      (story) =>
        `<url><loc>${xmlEscape(story.url)}</loc><news:news><news:publication>` +
        `<news:name>${xmlEscape(publication)}</news:name><news:language>${newsLanguage(story.lang)}</news:language>` +
        `</news:publication><news:publication_date>${schemaDate(story.published)}</news:publication_date>` +
        `<news:title>${xmlEscape(story.title)}</news:title></news:news></url>`,
    )
    .join('\n');
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${body}${body ? '\n' : ''}</urlset>\n`;
}

/**
 * robots.txt: everything may be crawled; the sitemap index and the news sitemap are named.
 *
 * @example
 * robotsTxt(['https://x.example/sitemap-index.xml']);
 * // "User-agent: *\nAllow: /\n\nSitemap: https://x.example/sitemap-index.xml\n"
 */
export function robotsTxt(sitemaps: readonly string[]): string {
  return `User-agent: *\nAllow: /\n\n${sitemaps.map((url) => `Sitemap: ${url}\n`).join('')}`;
}
