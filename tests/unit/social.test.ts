import { describe, expect, it } from 'vitest';
import { parseWireDate } from '../../src/lib/dates';
import { ogLocale, socialMeta, type SocialInput } from '../../src/lib/social';

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
    ['ar', 'ar_EG'],
    ['ru', 'ru_RU'],
  ])('%s is %s', (lang, locale) => {
    expect(ogLocale(lang)).toBe(locale);
  });

  it('answers each tag for itself when tags take turns', () => {
    expect(['en', 'ar', 'en-GB', 'en', 'ar'].map(ogLocale)).toEqual(['en_US', 'ar_EG', 'en_GB', 'en_US', 'ar_EG']);
  });
});
