import { describe, expect, it } from 'vitest';
import { cacheKey } from '../../src/lib/cache-key';
import { parseWireDate } from '../../src/lib/dates';
import { toStory, type Story, type StoryInput } from '../../src/lib/story';
import { storyInput } from '../helpers/stories';

const data = storyInput({
  title: 'Tokayev calls for support for peace initiatives',
  description: 'The Kazakh president spoke in Astana.',
  pubDate: parseWireDate('2023-06-20'),
  section: 'Conflicts & War',
  tags: ['Kazakhstan', 'Ukraine'],
});

/** A story of the built archive: its text read lazily, covered by the file's digest. */
const stored = (id: string, changes: Partial<StoryInput> = {}, digest = `digest-of-${id}`): Story =>
  toStory(id, () => 'Text read from the file.', { ...data, ...changes }, digest);

const nav = [{ name: 'Conflicts & War', href: '/sections/conflicts-war/' }];

/** The shown data of a story page, as src/data/pages.ts keys it. */
const storyPage = (related: Story[], shared = { nav }, own = stored('own')) =>
  cacheKey({ params: { id: own.id }, props: { story: own, related }, shared });

describe('cacheKey', () => {
  const base = storyPage([stored('rel')]);

  it('is the same for the same shown data, built again from scratch', () => {
    expect(storyPage([stored('rel')])).toBe(base);
  });

  it.each<[string, Partial<StoryInput>]>([
    ['title', { title: 'Another headline' }],
    ['description', { description: 'Another summary.' }],
    ['published date', { pubDate: parseWireDate('2023-06-21') }],
    ['published time of day', { pubDate: parseWireDate('2023-06-20T10:36:00+06:00') }],
    ['updated date', { updatedDate: parseWireDate('2023-06-22') }],
    ['dateline place', { dateline: { place: 'Almaty' } }],
    ['agency', { agency: 'AFP' }],
    ['section name', { section: 'World' }],
    ['tags', { tags: ['Kazakhstan'] }],
    ['language', { lang: 'es' }],
    ['editor-chosen related ids', { related: ['other'] }],
  ])("changes when a related story's %s changes, even with the same digest", (_field, changes) => {
    expect(storyPage([stored('rel', changes)])).not.toBe(base);
  });

  it("changes when a related story's text changes (its digest does)", () => {
    expect(storyPage([stored('rel', {}, 'digest-of-new-text')])).not.toBe(base);
  });

  it("changes when the page's own story changes, its related list changes order, or the navigation changes", () => {
    expect(storyPage([stored('rel')], { nav }, stored('own', { title: 'New' }))).not.toBe(base);
    expect(storyPage([stored('a'), stored('b')])).not.toBe(storyPage([stored('b'), stored('a')]));
    expect(storyPage([stored('rel')], { nav: [...nav, { name: 'World', href: '/sections/world/' }] })).not.toBe(base);
  });

  it('does not read a lazily read body: the digest stands for it', () => {
    const story = toStory(
      'lazy',
      () => {
        throw new Error('the body was read');
      },
      data,
      'd',
    );
    expect(() => cacheKey({ story })).not.toThrow();
  });

  it('covers a body given as plain text', () => {
    expect(cacheKey(toStory('x', 'One.', data))).not.toBe(cacheKey(toStory('x', 'Two.', data)));
  });

  it.each<[string, unknown, unknown]>([
    ['object key order does not matter', { a: 1, b: 2 }, { b: 2, a: 1 }],
    ['an undefined field counts as absent', { a: 1, b: undefined }, { a: 1 }],
  ])('treats equal data as equal: %s', (_name, a, b) => {
    expect(cacheKey(a)).toBe(cacheKey(b));
  });

  it.each<[string, unknown, unknown]>([
    ['dates', new Date(1), new Date(2)],
    ['a string and a number', '1', 1],
    ['maps by their values', new Map([['a', 1]]), new Map([['a', 2]])],
    ['sets by their members', new Set(['a']), new Set(['b'])],
    ['null and absent', { a: null }, {}],
    ['array order', [1, 2], [2, 1]],
  ])('tells different data apart: %s', (_name, a, b) => {
    expect(cacheKey(a)).not.toBe(cacheKey(b));
  });

  it('remembers digests in the memo its caller passes, giving the same key as its own memo', () => {
    const story = { id: 'kept', title: 'T'.repeat(200), tags: ['a', 'b'] };
    const memo = new WeakMap<object, string>();
    const key = cacheKey({ story, nav: [] }, memo);
    expect(memo.has(story)).toBe(true);
    expect(cacheKey({ story: { ...story }, nav: [] })).toBe(key);
    expect(cacheKey({ story: { ...story, title: 'U'.repeat(200) }, nav: [] }, memo)).not.toBe(key);
  });

  it('refuses a function, which no key can see into', () => {
    expect(() => cacheKey({ props: { render: () => 'x' } })).toThrow(/page\.props\.render is a function/);
  });

  it.each([
    [
      'in an array',
      { props: { related: [{ id: 'a' }, { id: 'b', at: Symbol('x') }] } },
      'page.props.related[1].at is a symbol',
    ],
    ['in a map value', { props: { byId: new Map([['a', { f: () => 1 }]]) } }, 'page.props.byId.a.f is a function'],
    ['as a map key', { nav: new Map([[() => 1, 'x']]) }, 'page.nav.key0 is a function'],
    ['in a set', { tags: new Set(['a', Symbol('b')]) }, 'page.tags[1] is a symbol'],
  ])('names where a value it refuses is: %s', (_name, shown, where) => {
    expect(() => cacheKey(shown)).toThrow(`cacheKey: ${where}`);
  });

  it('refuses a class instance, whose private state a key cannot see', () => {
    class Hidden {
      #secret = 1;
      get secret() {
        return this.#secret;
      }
    }
    expect(() => cacheKey({ props: { thing: new Hidden() } })).toThrow(/page\.props\.thing is a Hidden/);
  });
});
