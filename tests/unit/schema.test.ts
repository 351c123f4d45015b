import { describe, expect, it } from 'vitest';
import { isLanguageTag, storySchema } from '../../src/lib/schema';

const good = {
  title: 'Tokayev calls for support',
  description: 'A standfirst.',
  pubDate: '2023-06-20',
  dateline: { place: 'Astana' },
  agency: 'EFE',
  section: 'Conflicts & War',
  tags: ['Kazakhstan'],
  lang: 'en',
};

describe('storySchema', () => {
  it('accepts a complete story and fills the defaults', () => {
    const story = storySchema.parse({ ...good, tags: undefined });
    expect(story.pubDate.toISOString()).toBe('2023-06-20T00:00:00.000Z');
    expect(story.tags).toEqual([]);
    expect(story.related).toEqual([]);
  });

  it.each([
    ['a missing title', { title: undefined }, 'title'],
    ['a blank title', { title: '   ' }, 'title'],
    ['a date that is not a date', { pubDate: 'next Tuesday' }, 'pubDate'],
    ['an empty section', { section: '' }, 'section'],
    ['a missing dateline place', { dateline: {} }, 'dateline.place'],
    ['a lang that is not a language tag', { lang: 'english' }, 'lang'],
    ['an unknown language', { lang: 'zz' }, 'lang'],
    ['a misspelt field', { secton: 'World' }, 'secton'],
    ['an update before publication', { updatedDate: '2023-06-19' }, 'updatedDate'],
    ['a slug with capitals', { slug: 'Tokayev-Call' }, 'slug'],
    ['an empty tag', { tags: ['ok', ''] }, 'tags.1'],
  ])('refuses %s, naming the field', (_name, change, field) => {
    const result = storySchema.safeParse({ ...good, ...change });
    expect(result.success).toBe(false);
    const paths =
      result.error?.issues.map((issue) =>
        issue.path.length ? issue.path.join('.') : String((issue as { keys?: string[] }).keys),
      ) ?? [];
    expect(paths).toContain(field);
  });
});

describe('isLanguageTag', () => {
  it.each([
    ['en', true],
    ['es-419', true],
    ['en-GB', true],
    ['kk-Cyrl', true],
    ['english', false],
    ['zz', false],
    ['en_US', false],
    ['', false],
  ])('%j → %s', (tag, valid) => {
    expect(isLanguageTag(tag)).toBe(valid);
  });
});
