/**
 * Structured data: for a story page, a schema.org NewsArticle and the BreadcrumbList that
 * places it (edition › section › story), with the site as its publisher; for an edition's
 * front, the site as a NewsMediaOrganization. Each page's JSON-LD is one graph. Typed with
 * schema-dts, so a misspelt property or a value of the wrong type fails `astro check`.
 */
import type {
  BreadcrumbList,
  Graph,
  ImageObject,
  NewsArticle,
  NewsMediaOrganizationLeaf,
  Organization,
} from 'schema-dts';
import type { WireDate } from './dates.ts';
import { PNG_ICONS } from './icons.ts';
import { SITE } from './site.ts';
import { absoluteUrl } from './slug.ts';

/**
 * A date as the story carries it (a {@link WireDate}). A date-only entry has no `time`:
 * structured data then gives the date alone (`2023-06-20`), never an invented midnight.
 */
export type JsonLdDate = Pick<WireDate, 'iso' | 'date' | 'time' | 'instant'>;

/** An image with the size it was built at. */
export interface SizedImage {
  url: string;
  width: number;
  height: number;
}

/** An agency: its credit as `name`, with its `url` and `legalName` where known. */
export interface OrganizationInput {
  name: string;
  url?: string | undefined;
  legalName?: string | undefined;
}

/** The site as the publishing organisation, with absolute URLs. */
export interface PublisherInput {
  name: string;
  /** The site's home page: the organisation's address, and the base of its `@id`. */
  url: string;
  logo: SizedImage;
  /** The page that says what the site publishes and how. */
  publishingPrinciples?: string | undefined;
  /** The page that says how mistakes are corrected and where corrections are shown. */
  correctionsPolicy?: string | undefined;
  /** The page that says how to reach the newsdesk. */
  contactPage?: string | undefined;
}

/** Everything the graph says about one story, with absolute URLs. */
export interface ArticleInput {
  /** The story's canonical URL. */
  url: string;
  headline: string;
  description: string;
  published: JsonLdDate;
  updated?: JsonLdDate | undefined;
  /** BCP 47 language of the story. */
  lang: string;
  section: { name: string; url: string };
  keywords: readonly string[];
  /** The dateline place, e.g. "Astana". */
  place: string;
  /** The agency that filed the story: author, source and copyright holder. */
  agency: OrganizationInput;
  /** The site: the publisher, named by `@id` and described once in the page's graph. */
  publisher: PublisherInput;
  /** The edition the story belongs to: the first breadcrumb. */
  edition: { name: string; url: string };
  /**
   * Images, in this order: the story photo's crops (16:9, 4:3, 1:1; largest first, see
   * `photoCrops`), then the share card. At least one: a story without a photo has the card alone.
   */
  images: readonly SizedImage[];
  /** The story's versions in other languages (a shared `translationKey`): `workTranslation`. */
  translations?: readonly { url: string; lang: string }[] | undefined;
}

/**
 * A date for schema.org, sitemaps and Open Graph (W3C date-time): the full date-time with its
 * zone, as written, when the entry has a time; its calendar date when it has none.
 *
 * @example
 * schemaDate(parseWireDate('2023-06-20')); // "2023-06-20"
 * schemaDate(parseWireDate('2023-06-20T10:05:00+06:00')); // "2023-06-20T10:05:00+06:00"
 */
export function schemaDate(when: JsonLdDate): string {
  return when.time === undefined ? when.date : when.iso;
}

function organization({ name, url, legalName }: OrganizationInput): Organization {
  return {
    '@type': 'Organization',
    name,
    ...(legalName && legalName !== name && { legalName }),
    ...(url && { url }),
  };
}

function imageObject({ url, width, height }: SizedImage): ImageObject {
  return { '@type': 'ImageObject', url, contentUrl: url, width: `${width}`, height: `${height}` };
}

/**
 * The site as the publisher, from {@link SITE}: its name, home page, logo (a built PNG icon,
 * at its size) and the publisher pages that state its policies, as absolute URLs on `site`.
 *
 * @example
 * sitePublisher('https://wire-reader.example/').correctionsPolicy; // "https://wire-reader.example/corrections/"
 */
export function sitePublisher(site: string): PublisherInput {
  const { logo, publishingPrinciples, correctionsPolicy, contactPage } = SITE.publisher;
  const size = PNG_ICONS[logo];
  return {
    name: SITE.name,
    url: absoluteUrl('/', site),
    logo: { url: absoluteUrl(`/${logo}`, site), width: size, height: size },
    publishingPrinciples: absoluteUrl(publishingPrinciples, site),
    correctionsPolicy: absoluteUrl(correctionsPolicy, site),
    contactPage: absoluteUrl(contactPage, site),
  };
}

/**
 * The `@id` of the site's organisation node: its home page with `#organization`, the same on
 * every page, so that every graph that names it names one node.
 *
 * @example
 * publisherId({ url: 'https://wire-reader.example/' }); // "https://wire-reader.example/#organization"
 */
export function publisherId({ url }: Pick<PublisherInput, 'url'>): string {
  return `${url}#organization`;
}

/**
 * The site as a schema.org NewsMediaOrganization: name, address, logo, and the policies and
 * contact page it has (a policy left out of the input is left out, never guessed).
 *
 * @example
 * publisherNode(sitePublisher('https://wire-reader.example/'))['@type']; // "NewsMediaOrganization"
 */
export function publisherNode(input: PublisherInput): NewsMediaOrganizationLeaf {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': publisherId(input),
    name: input.name,
    url: input.url,
    logo: imageObject(input.logo),
    ...(input.publishingPrinciples && { publishingPrinciples: input.publishingPrinciples }),
    ...(input.correctionsPolicy && { correctionsPolicy: input.correctionsPolicy }),
    ...(input.contactPage && {
      contactPoint: { '@type': 'ContactPoint', contactType: 'newsdesk', url: input.contactPage },
    }),
  };
}

/**
 * The JSON-LD graph of an edition's front: the site as the organisation that publishes it.
 *
 * @example
 * frontGraph(sitePublisher('https://wire-reader.example/'))['@graph'][0]['@id']; // "https://wire-reader.example/#organization"
 */
export function frontGraph(publisher: PublisherInput): Graph & { '@graph': [NewsMediaOrganizationLeaf] } {
  return { '@context': 'https://schema.org', '@graph': [publisherNode(publisher)] };
}

/**
 * The JSON-LD graph of a story page: a NewsArticle with headline, dates, images, author,
 * publisher, source, place, section, keywords, language and page, its breadcrumbs, and the
 * site's organisation node ({@link publisherNode}), which the article's `publisher` names by
 * `@id`. The agency that filed the story is its author, source and copyright holder.
 *
 * @example
 * const graph = articleGraph({
 *   url: 'https://wire-reader.example/stories/a/', headline: 'H', description: 'D',
 *   published: parseWireDate('2023-06-20'), lang: 'en',
 *   section: { name: 'World', url: 'https://wire-reader.example/sections/world/' }, keywords: [],
 *   place: 'Astana', agency: { name: 'EFE' }, publisher: sitePublisher('https://wire-reader.example/'),
 *   edition: { name: 'Wire Reader', url: 'https://wire-reader.example/' },
 *   images: [{ url: 'https://wire-reader.example/cards/x.png', width: 1200, height: 630 }],
 * });
 * graph['@graph'][0]['@type']; // "NewsArticle"
 */
export function articleGraph(
  input: ArticleInput,
): Graph & { '@graph': [NewsArticle, BreadcrumbList, NewsMediaOrganizationLeaf] } {
  if (input.images.length === 0) throw new Error(`${input.url}: a NewsArticle needs at least one image`);
  const agency = organization(input.agency);
  const article: NewsArticle = {
    '@type': 'NewsArticle',
    '@id': `${input.url}#article`,
    headline: input.headline,
    description: input.description,
    datePublished: schemaDate(input.published),
    dateModified: schemaDate(input.updated ?? input.published),
    image: input.images.map(imageObject),
    author: agency,
    sourceOrganization: agency,
    copyrightHolder: agency,
    copyrightYear: Number(input.published.date.slice(0, 4)),
    publisher: { '@id': publisherId(input.publisher) },
    locationCreated: { '@type': 'Place', name: input.place },
    articleSection: input.section.name,
    ...(input.keywords.length > 0 && { keywords: [...input.keywords] }),
    inLanguage: input.lang,
    ...(input.translations &&
      input.translations.length > 0 && {
        workTranslation: input.translations.map(({ url, lang }) => ({
          '@type': 'NewsArticle' as const,
          '@id': `${url}#article`,
          url,
          inLanguage: lang,
        })),
      }),
    isAccessibleForFree: true,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url, url: input.url },
    url: input.url,
  };
  const crumbs: BreadcrumbList = {
    '@type': 'BreadcrumbList',
    itemListElement: [
      { name: input.edition.name, url: input.edition.url },
      { name: input.section.name, url: input.section.url },
      { name: input.headline, url: input.url },
    ].map(({ name, url }, index) => ({ '@type': 'ListItem', position: index + 1, name, item: url })),
  };
  return { '@context': 'https://schema.org', '@graph': [article, crumbs, publisherNode(input.publisher)] };
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<` is escaped, so no value can
 * close the script element.
 *
 * @example
 * jsonLdScript({ a: '</script>' }); // '{"a":"\\u003c/script>"}'
 */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replaceAll('<', '\\u003c');
}
