import { describe, expect, it } from 'vitest';
import { GOOD_FRONTMATTER } from '../helpers/stories';
import { z } from 'astro/zod';
import { isLanguageTag, makeStorySchema, storySchema, storySchemas } from '../../src/lib/schema';

const good = GOOD_FRONTMATTER;

describe('storySchema', () => {
  it('accepts a complete story and fills the defaults', () => {
    const story = storySchema.parse({ ...good, tags: undefined });
    expect(story.pubDate.instant.toISOString()).toBe('2023-06-20T00:00:00.000Z');
    expect(story.pubDate.date).toBe('2023-06-20');
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
    ['a tag with no letter or digit', { tags: ['🔥'] }, 'tags.0'],
    ['a section with no letter or digit', { section: '!!!' }, 'section'],
    ['a section over 255 bytes', { section: 'Sección '.repeat(40) }, 'section'],
    ['a tag over 255 bytes', { tags: ['t'.repeat(300)] }, 'tags.0'],
    ['a slug over 255 bytes', { slug: 'я'.repeat(200) }, 'slug'],
    ['a headline that gives no slug, without a slug', { title: '¿¡…!?' }, 'title'],
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

describe('storySchema addresses', () => {
  it('accepts a headline that gives no slug when a slug is given', () => {
    expect(storySchema.safeParse({ ...good, title: '¿¡…!?', slug: 'questions' }).success).toBe(true);
  });

  it('says why a tag makes no address', () => {
    const result = storySchema.safeParse({ ...good, tags: ['🔥'] });
    expect(result.error?.issues[0]?.message).toBe('tag "🔥" has no letter or digit to make its address from');
  });
});

describe('storySchema dates', () => {
  it.each([
    ['an impossible date', '2023-02-30', /February 2023 has no day 30/],
    ['a compact date', 20230620, /must be a date/],
    ['a year alone', 2023, /must be a date/],
    ['a boolean', true, /must be a date/],
    ['an empty value', null, /must be a date/],
    ['slashes', '2023/06/20', /not an ISO 8601 date/],
    ['an English date', 'June 20, 2023', /not an ISO 8601 date/],
  ])('refuses %s in pubDate', (_name, pubDate, message) => {
    const result = storySchema.safeParse({ ...good, pubDate });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((found) => found.path.join('.') === 'pubDate');
    expect(issue?.message).toMatch(message);
  });

  it('refuses a date too far ahead of the build’s now', () => {
    const schema = makeStorySchema({ now: new Date('2026-01-01T00:00:00Z') });
    const result = schema.safeParse({ ...good, pubDate: '2099-01-01' });
    expect(result.error?.issues[0]?.path).toEqual(['pubDate']);
  });

  it('accepts an update on the same day as a timed publication', () => {
    const result = storySchema.safeParse({ ...good, pubDate: '2023-06-20T10:00:00+06:00', updatedDate: '2023-06-20' });
    expect(result.success).toBe(true);
  });
});

describe('storySchemas', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  /** An image() helper as Astro gives each entry: its output names the entry it was made for. */
  const imageFor = (entry: string) => () => z.string().transform((src) => `${entry}:${src}`);
  const photo = { src: 'photo.jpg', alt: 'A photo' };

  it.each([
    ['a story without a photo', good],
    ['a story with a photo', { ...good, image: photo }],
    ['a photo with a caption and credit', { ...good, image: { ...photo, caption: 'Astana.', credit: 'EFE' } }],
    ['a photo without src', { ...good, image: { alt: 'x' } }],
    ['a photo whose src is not text', { ...good, image: { src: 7 } }],
    ['a photo with an unknown field', { ...good, image: { ...photo, width: 3 } }],
    ['a photo that is not a mapping', { ...good, image: 'photo.jpg' }],
    ['a blank title and a bad photo', { ...good, title: ' ', image: { src: 7 } }],
    ['a misspelt field', { ...good, secton: 'World' }],
    ['an update before publication', { ...good, updatedDate: '2023-06-19' }],
    ['a date too far ahead', { ...good, pubDate: '2099-01-01' }],
  ])('checks %s exactly as makeStorySchema with the same image helper', (_name, data) => {
    const expected = makeStorySchema({ now }, imageFor('a')()).safeParse(data);
    const actual = storySchemas({ now }).forEntry(imageFor('a')).safeParse(data);
    expect(actual.success).toBe(expected.success);
    expect(actual.data).toEqual(expected.data);
    expect(actual.error?.issues).toEqual(expected.error?.issues);
  });

  it.each([
    ['a story', good],
    ['a blank title', { ...good, title: ' ' }],
    ['a misspelt field', { ...good, secton: 'World' }],
    ['an update before publication', { ...good, updatedDate: '2023-06-19' }],
    ['a date too far ahead', { ...good, pubDate: '2099-01-01' }],
    ['a photo', { ...good, image: photo }],
    ['a photo without src', { ...good, image: { alt: 'x' } }],
    ['a photo whose src is not text', { ...good, image: { src: 7 } }],
    ['a photo with an unknown field', { ...good, image: { ...photo, width: 3 } }],
  ])('checks %s exactly as makeStorySchema, a photo’s src as its path', (_name, data) => {
    const expected = makeStorySchema({ now }).safeParse(data);
    const actual = storySchemas({ now }).withPhotoPath.safeParse(data);
    expect(actual.success).toBe(expected.success);
    expect(actual.data).toEqual(expected.data);
    expect(actual.error?.issues).toEqual(expected.error?.issues);
  });

  // The loader reports these as they are, with no error map of Astro's to word zod's defaults.
  it.each([
    ['tags', 'World'],
    ['related', 'some-id'],
    ['corrections', 'none'],
    ['remoteImages', 'https://example.com/a.jpg'],
    ['edNotes', 'note'],
    ['initials', 'ab'],
    ['dateline', 'Astana'],
    ['title', 7],
    ['urgency', 'flash'],
    ['source', 'EFE'],
    ['status', 7],
  ])('words a wrong %s in a message that names the field', (field, value) => {
    const issues = storySchemas({ now }).withPhotoPath.safeParse({ ...good, [field]: value }).error?.issues ?? [];
    expect(issues.map((issue) => issue.path.join('.'))).toEqual([field]);
    expect(issues[0]?.message).toContain(field);
    expect(issues[0]?.message).not.toMatch(/^Invalid input/);
  });

  it('passes each entry’s photo through that entry’s own image helper', () => {
    const schemaFor = storySchemas({ now }).forEntry;
    const first = schemaFor(imageFor('first'));
    const second = schemaFor(imageFor('second'));
    expect(second.parse({ ...good, image: photo }).image?.src).toBe('second:photo.jpg');
    expect(first.parse({ ...good, image: photo }).image?.src).toBe('first:photo.jpg');
  });

  it('reads now at each check, so a getter moves the future bound with the clock', () => {
    let clock = new Date('2023-01-01T00:00:00Z');
    const schema = storySchemas({
      get now() {
        return clock;
      },
    }).forEntry(imageFor('a'));
    const story = { ...good, pubDate: '2025-06-01' };
    expect(schema.safeParse(story).success).toBe(false);
    clock = new Date('2025-01-01T00:00:00Z');
    expect(schema.safeParse(story).success).toBe(true);
  });
});
