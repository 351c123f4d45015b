import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  dayPath,
  feedAnchor,
  feedPath,
  MAX_SLUG_BYTES,
  monthPath,
  sectionPath,
  slugify,
  storyPath,
  tagPath,
  titleSlug,
  urlPartProblem,
} from '../../src/lib/slug';

describe('slugify', () => {
  it.each([
    ['Conflicts & War', 'conflicts-war'],
    [
      'Tokayev calls for support for Chinese, other countries’ peace initiatives for Ukraine',
      'tokayev-calls-for-support-for-chinese-other-countries-peace-initiatives-for-ukraine',
    ],
    ['  Économie — Société  ', 'economie-societe'],
    ['Ukraine war', 'ukraine-war'],
    ['Казахстан', 'казахстан'],
    ['2nd EU-Central Asia Forum', '2nd-eu-central-asia-forum'],
    ['Economía', 'economia'],
    ['معرض القاهرة الدولي للكتاب', 'معرض-القاهرة-الدولي-للكتاب'],
    ['تَصْوِير ـ فنون', 'تصوير-فنون'],
    ['Πολιτική Ελλάδα', 'πολιτικη-ελλαδα'],
    ['Новый год в Москве', 'новый-год-в-москве'],
    ['東京 オリンピック', '東京-オリンピック'],
    ['한국 경제', '한국-경제'],
    ['हिन्दी समाचार', 'हिन्दी-समाचार'],
    ['ＥＦＥ　Ｎｅｗｓ', 'efe-news'],
  ])('turns %j into %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});

describe('slugs in any script', () => {
  it('are never empty for a headline with a letter or a digit', () => {
    for (const text of ['مصر', 'Ελλάδα', 'Россия', '中国', '日本', '서울', 'ישראל', 'ไทย', '2024']) {
      expect(slugify(text)).not.toBe('');
    }
  });

  it('keep distinct words distinct, so unrelated names do not collide', () => {
    const names = ['مصر', 'مطر', 'Россия', 'Росія', '中国', '中國', 'हिन्दी', 'हिंदी', 'Sevilla', 'Sevillá'];
    const slugs = names.map(slugify);
    // Only the accent on a Latin letter folds (Sevillá → sevilla); everything else stays apart.
    expect(new Set(slugs).size).toBe(names.length - 1);
  });

  it('put editions’ sections and tags under the edition', () => {
    expect(sectionPath('Economía', 'es')).toBe('/es/sections/economia/');
    expect(sectionPath('Economy', 'en')).toBe('/sections/economy/');
    expect(tagPath('مصر', 'ar')).toBe('/ar/tags/مصر/');
  });

  it('are percent-encoded in absolute addresses, for feeds and canonical links', () => {
    expect(absoluteUrl(tagPath('مصر', 'ar'), 'https://wire-reader.example')).toBe(
      'https://wire-reader.example/ar/tags/%D9%85%D8%B5%D8%B1/',
    );
  });
});

describe('permalinks', () => {
  it('puts stories, sections and tags under their own folders with a trailing slash', () => {
    expect(storyPath('abc')).toBe('/stories/abc/');
    expect(sectionPath('Conflicts & War')).toBe('/sections/conflicts-war/');
    expect(tagPath('European Union')).toBe('/tags/european-union/');
  });

  it('places each feed beside its listing', () => {
    expect(feedPath('/')).toBe('/rss.xml');
    expect(feedPath('/sections/conflicts-war/')).toBe('/sections/conflicts-war/rss.xml');
    expect(feedPath('/sections/sport')).toBe('/sections/sport/rss.xml');
  });

  it('makes paths absolute against the site address', () => {
    expect(absoluteUrl('/stories/a/', 'https://wire-reader.example')).toBe('https://wire-reader.example/stories/a/');
    expect(absoluteUrl('/rss.xml', 'https://host.example/base/')).toBe('https://host.example/rss.xml');
  });
});

describe('archive and feed addresses', () => {
  it('puts a day and a month under /archive/ by year, month and day', () => {
    expect(dayPath('2023-06-20')).toBe('/archive/2023/06/20/');
    expect(monthPath('2023-06')).toBe('/archive/2023/06/');
    expect(monthPath('2023-06-20')).toBe('/archive/2023/06/');
  });

  it('names each feed’s place on the feeds page after its listing', () => {
    expect(feedAnchor('/')).toBe('feed-all');
    expect(feedAnchor('/sections/conflicts-war/')).toBe('feed-conflicts-war');
  });

  it('keeps a tag’s feed apart from a section’s of the same name', () => {
    expect(feedAnchor('/tags/economy/')).toBe('feed-tag-economy');
    expect(feedAnchor('/es/tags/espana/')).toBe('feed-tag-espana');
    expect(feedAnchor('/sections/economy/')).not.toBe(feedAnchor('/tags/economy/'));
  });
});

describe('titleSlug and urlPartProblem', () => {
  it('cuts a long slug at a hyphen, and a single long word at a character', () => {
    expect(titleSlug(`${'word '.repeat(60)}end`).length).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(titleSlug(`${'word '.repeat(60)}end`).endsWith('word')).toBe(true);
    expect(new TextEncoder().encode(titleSlug('я'.repeat(300))).length).toBe(200);
    expect(titleSlug('¿¡…!?')).toBe('');
  });

  it.each([
    ['section', '!!!', /section "!!!" has no letter or digit/],
    ['tag', '🔥', /tag "🔥" has no letter or digit/],
    ['tag', 'x'.repeat(256), /makes an address part of 256 bytes; the most is 200/],
    ['slug', 'я'.repeat(101), /202 bytes/],
  ])('refuses a %s of %j', (kind, name, message) => {
    expect(urlPartProblem(kind, name)).toMatch(message);
  });

  it('accepts names of any script', () => {
    expect(urlPartProblem('tag', 'Казахстан')).toBeUndefined();
    expect(urlPartProblem('section', 'الشرق الأوسط')).toBeUndefined();
  });
});
