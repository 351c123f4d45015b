import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  dayPath,
  feedAnchor,
  feedPath,
  monthPath,
  sectionPath,
  slugify,
  storyPath,
  tagPath,
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
  ])('turns %j into %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
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
});
