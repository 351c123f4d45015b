import { describe, expect, it } from 'vitest';
import { parseWireDate } from '../../src/lib/dates';
import { ogAlternateLocales, ogLocale, socialMeta, type SocialInput } from '../../src/lib/social';

const input: SocialInput = {
  title: 'Headline',
  description: 'Standfirst.',
  siteName: 'Wire Reader',
  url: 'https://x.example/stories/a/',
  type: 'article',
  lang: 'es',
  image: { url: 'https://x.example/cards/k.png', width: 1200, height: 630, alt: 'Headline card', type: 'image/png' },
  article: {
    published: parseWireDate('2023-06-20'),
    modified: parseWireDate('2023-06-21T10:00:00Z'),
    section: 'World',
    tags: ['Kazakhstan', 'China'],
  },
};
const find = (tags: ReturnType<typeof socialMeta>, key: string) =>
  tags.filter((tag) => ('property' in tag ? tag.property : tag.name) === key).map((tag) => tag.content);

describe('socialMeta', () => {
  const tags = socialMeta(input);
  it.each([
    ['og:image', ['https://x.example/cards/k.png']],
    ['og:image:width', ['1200']],
    ['og:image:height', ['630']],
    ['og:image:alt', ['Headline card']],
    ['og:image:type', ['image/png']],
    ['og:locale', ['es_ES']],
    ['og:url', ['https://x.example/stories/a/']],
    ['article:published_time', ['2023-06-20']],
    ['article:modified_time', ['2023-06-21T10:00:00Z']],
    ['article:section', ['World']],
    ['article:tag', ['Kazakhstan', 'China']],
    ['twitter:card', ['summary_large_image']],
    ['twitter:image:alt', ['Headline card']],
  ])('sets %s', (key, expected) => {
    expect(find(tags, key)).toEqual(expected);
  });

  it('leaves out og:url for a page with no address and article tags for a page that is no article', () => {
    const page = socialMeta({ ...input, url: undefined, type: 'website', article: undefined });
    expect(find(page, 'og:url')).toEqual([]);
    expect(page.some((tag) => 'property' in tag && tag.property.startsWith('article:'))).toBe(false);
  });
});

describe('ogLocale', () => {
  it.each([
    ['en', 'en_US'],
    ['en-GB', 'en_GB'],
    ['en-AU', 'en_US'],
    ['es', 'es_ES'],
    ['es-ES', 'es_ES'],
    ['es-419', 'es_LA'],
    ['es-AR', 'es_LA'],
    ['es-MX', 'es_MX'],
    ['es-US', 'es_LA'],
    ['ar', 'ar_AR'],
    ['ar-EG', 'ar_AR'],
    ['ar-SA', 'ar_AR'],
    ['fr', 'fr_FR'],
    ['fr-CA', 'fr_CA'],
    ['fr-BE', 'fr_FR'],
    ['pt', 'pt_BR'],
    ['pt-PT', 'pt_PT'],
    ['pt-AO', 'pt_PT'],
    ['de', 'de_DE'],
    ['de-CH', 'de_DE'],
    ['it-CH', 'it_IT'],
    ['nl-BE', 'nl_BE'],
    ['zh', 'zh_CN'],
    ['zh-Hant', 'zh_TW'],
    ['zh-HK', 'zh_HK'],
    ['zh-MO', 'zh_TW'],
    ['ca-AD', 'ca_ES'],
    ['ru', 'ru_RU'],
    ['he', 'he_IL'],
    // Facebook has no Luxembourgish: the Intl locale stays.
    ['lb', 'lb_LU'],
  ])('%s is %s, a locale Facebook reads', (lang, locale) => {
    expect(ogLocale(lang)).toBe(locale);
  });

  it('never gives Intl’s ar_EG or es_419, which Facebook does not read', () => {
    const locales = ['ar', 'ar-EG', 'ar-MA', 'es-419', 'es-CU'].map(ogLocale);
    expect(locales.filter((locale) => ['ar_EG', 'ar_MA', 'es_419', 'es_CU'].includes(locale))).toEqual([]);
  });

  it('answers each tag for itself when tags take turns', () => {
    expect(['en', 'ar', 'en-GB', 'en', 'ar'].map(ogLocale)).toEqual(['en_US', 'ar_AR', 'en_GB', 'en_US', 'ar_AR']);
  });
});

describe('og:locale:alternate', () => {
  it.each([
    ['a story with a Spanish and an Arabic version', 'en', ['es', 'ar'], ['es_ES', 'ar_AR']],
    ['its own language among the others, and a repeat', 'es', ['en', 'es', 'en-US'], ['en_US']],
    ['two tags Facebook reads as one locale', 'en', ['es-419', 'es-AR'], ['es_LA']],
    ['a story in one language', 'ar', [], []],
  ])('%s', (_name, lang, others, locales) => {
    expect(ogAlternateLocales(lang, others)).toEqual(locales);
    const tags = socialMeta({ ...input, lang, alternateLangs: others });
    expect(find(tags, 'og:locale:alternate')).toEqual(locales);
    // Right after og:locale, as Open Graph orders a structured property.
    const names = tags.map((tag) => ('property' in tag ? tag.property : tag.name));
    const at = names.indexOf('og:locale');
    expect(names.slice(at + 1, at + 1 + locales.length)).toEqual(locales.map(() => 'og:locale:alternate'));
  });
});
