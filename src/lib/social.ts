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
  /** The languages the page is also published in (a story's translations): `og:locale:alternate`. */
  alternateLangs?: readonly string[] | undefined;
  image: { url: string; width: number; height: number; alt: string; type: string };
  article?:
    { published: JsonLdDate; modified?: JsonLdDate | undefined; section: string; tags: readonly string[] } | undefined;
}

/**
 * The locales Facebook reads in `og:locale` (its `ll_CC` codes for real languages). Two are
 * not ISO: `ar_AR` and `es_LA`, its umbrella locales for Arabic and for Spanish outside
 * Spain. A page in a language Facebook does not list keeps its Intl locale.
 */
const FACEBOOK_LOCALES = new Set(
  (
    'af_ZA am_ET ar_AR as_IN az_AZ be_BY bg_BG bn_IN br_FR bs_BA ca_ES co_FR cs_CZ cy_GB da_DK de_DE el_GR ' +
    'en_GB en_IN en_US eo_EO es_CL es_CO es_ES es_LA es_MX es_VE et_EE eu_ES fa_IR ff_NG fi_FI fo_FO fr_CA ' +
    'fr_FR fy_NL ga_IE gl_ES gn_PY gu_IN ha_NG he_IL hi_IN hr_HR ht_HT hu_HU hy_AM id_ID ig_NG is_IS it_IT ' +
    'ja_JP jv_ID ka_GE kk_KZ km_KH kn_IN ko_KR ku_TR ky_KG la_VA lg_UG lo_LA lt_LT lv_LV mg_MG mi_NZ mk_MK ' +
    'ml_IN mn_MN mr_IN ms_MY mt_MT my_MM nb_NO ne_NP nl_BE nl_NL nn_NO om_ET or_IN pa_IN pl_PL ps_AF pt_BR ' +
    'pt_PT qu_PE rm_CH ro_RO ru_RU rw_RW sa_IN sc_IT se_NO si_LK sk_SK sl_SI sn_ZW so_SO sq_AL sr_RS sv_SE ' +
    'sw_KE ta_IN te_IN tg_TJ th_TH tk_TM tl_PH tr_TR tt_RU uk_UA ur_PK uz_UZ vi_VN wo_SN xh_ZA yi_DE yo_NG ' +
    'zh_CN zh_HK zh_TW zu_ZA'
  ).split(' '),
);

/**
 * A language's Facebook locale when its own territory has none: the umbrella ones, and the
 * main one of a language Facebook has several of (Swiss German is `de_DE`, Angolan
 * Portuguese `pt_PT`). Traditional Chinese is Taiwan's unless it is Hong Kong's.
 */
const FACEBOOK_DEFAULTS: Readonly<Record<string, string>> = {
  ar: 'ar_AR',
  de: 'de_DE',
  en: 'en_US',
  es: 'es_LA',
  fr: 'fr_FR',
  nl: 'nl_NL',
  pt: 'pt_PT',
  'zh-Hans': 'zh_CN',
  'zh-Hant': 'zh_TW',
};

/** {@link ogLocale} by tag, kept: every page asks, and Intl.Locale is dear to make. */
const ogLocales = new Map<string, string>();

/**
 * The Open Graph locale (`language_TERRITORY`) of a BCP 47 tag, as Facebook reads it: the
 * tag's territory (else the likeliest one) where Facebook has that locale, else the
 * language's umbrella or main one (`ar_AR`, `es_LA`); a language Facebook lacks keeps its
 * Intl locale.
 *
 * @example
 * ogLocale('en'); // "en_US"
 * ogLocale('es'); // "es_ES"
 * ogLocale('es-419'); // "es_LA"
 * ogLocale('ar'); // "ar_AR"
 */
export function ogLocale(lang: string): string {
  let found = ogLocales.get(lang);
  if (found === undefined) {
    const { language, script, region } = new Intl.Locale(lang).maximize();
    const own = `${language}_${region ?? language.toUpperCase()}`;
    if (FACEBOOK_LOCALES.has(own)) found = own;
    else {
      const fallback = FACEBOOK_DEFAULTS[`${language}-${script}`] ?? FACEBOOK_DEFAULTS[language];
      found = fallback ?? [...FACEBOOK_LOCALES].find((locale) => locale.startsWith(`${language}_`)) ?? own;
    }
    ogLocales.set(lang, found);
  }
  return found;
}

/**
 * The `og:locale:alternate` values of a page: the Facebook locale of each other language it
 * is published in, once each, never the page's own.
 *
 * @example
 * ogAlternateLocales('en', ['es', 'ar', 'en-US']); // ["es_ES", "ar_AR"]
 */
export function ogAlternateLocales(lang: string, others: readonly string[]): string[] {
  const own = ogLocale(lang);
  return [...new Set(others.map(ogLocale))].filter((locale) => locale !== own);
}

/**
 * The meta tags of a page: Open Graph (title, description, type, URL, site, locale and the
 * locales of its other languages, image with size, type and alt; article times, section and
 * tags), `twitter:card` and `twitter:image:alt`.
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
    ...ogAlternateLocales(input.lang, input.alternateLangs ?? []).map((locale) => ({
      property: 'og:locale:alternate',
      content: locale,
    })),
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
    );
    for (const tag of input.article.tags) tags.push({ property: 'article:tag', content: tag });
  }
  // X reads the image from og:image, but has no fallback for its description: say it again.
  tags.push(
    { name: 'twitter:card', content: 'summary_large_image' },
    { name: 'twitter:image:alt', content: input.image.alt },
  );
  return tags;
}
