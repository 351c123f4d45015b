import { describe, expect, it } from 'vitest';
import { rankRelated, salientTerms, type RelatedInput } from '../../src/lib/related';

const day = 86_400_000;
const story = (id: string, over: Partial<RelatedInput> = {}): RelatedInput => ({
  id,
  section: 'World',
  tags: [],
  date: 0,
  ...over,
});

describe('rankRelated', () => {
  it('lists the editor’s choices first, in the editor’s order', () => {
    const stories = [
      story('a', { tags: ['x'], related: ['d', 'c'] }),
      story('b', { tags: ['x'] }),
      story('c'),
      story('d'),
    ];
    expect(rankRelated(stories).get('a')?.slice(0, 3)).toEqual(['d', 'c', 'b']);
  });

  it('never lists the story itself, even when the editor names it, nor an id twice', () => {
    const stories = [story('a', { tags: ['x'], related: ['a', 'b', 'b'] }), story('b', { tags: ['x'] }), story('c')];
    const related = rankRelated(stories).get('a') ?? [];
    expect(related).not.toContain('a');
    expect(new Set(related).size).toBe(related.length);
    expect(related).toEqual(['b', 'c']);
  });

  it('ranks a story sharing a rare tag above one sharing a common tag', () => {
    const stories = [
      story('a', { tags: ['rare', 'common'] }),
      story('shares-common', { tags: ['common'] }),
      story('shares-rare', { tags: ['rare'] }),
      ...Array.from({ length: 20 }, (_, i) => story(`filler-${i}`, { section: 'Other', tags: ['common'] })),
    ];
    expect(rankRelated(stories).get('a')?.[0]).toBe('shares-rare');
  });

  it('ranks stories sharing more tags higher', () => {
    const stories = [
      story('a', { tags: ['x', 'y'] }),
      story('one', { tags: ['x'] }),
      story('two', { tags: ['x', 'y'] }),
    ];
    expect(rankRelated(stories).get('a')).toEqual(['two', 'one']);
  });

  it('breaks ties by section, then by nearness in time, then by id', () => {
    const stories = [
      story('a', { tags: ['x'], date: 10 * day }),
      story('other-section', { section: 'Sport', tags: ['x'], date: 10 * day }),
      story('far', { tags: ['x'], date: 1 * day }),
      story('near', { tags: ['x'], date: 9 * day }),
      story('near-too', { tags: ['x'], date: 11 * day }),
    ];
    expect(rankRelated(stories).get('a')).toEqual(['near-too', 'near', 'far', 'other-section']);
  });

  it('finds related stories through section and text when no tag is shared', () => {
    const stories = [
      story('a', { section: 'Economy', date: 5 * day, terms: ['inflation', 'tenge'] }),
      story('text', { section: 'Sport', date: 0, terms: ['tenge'] }),
      story('section', { section: 'Economy', date: 4 * day }),
      story('nothing', { section: 'Sport', date: 5 * day }),
    ];
    const related = rankRelated(stories, { limit: 2 }).get('a');
    expect(related).toEqual(['text', 'section']);
  });

  it('returns at most the limit, and the same answer every time', () => {
    const stories = Array.from({ length: 30 }, (_, i) => story(`s${i}`, { tags: [`t${i % 3}`], date: i * day }));
    const first = rankRelated(stories, { limit: 4 });
    const second = rankRelated([...stories], { limit: 4 });
    for (const { id } of stories) {
      expect(first.get(id)?.length).toBe(4);
      expect(first.get(id)).toEqual(second.get(id));
    }
  });

  it('gives a lone story an empty list', () => {
    expect(rankRelated([story('a', { tags: ['x'] })]).get('a')).toEqual([]);
  });
});

describe('salientTerms', () => {
  it('keeps longer words once, in order, without common function words', () => {
    expect(
      salientTerms('Tokayev calls for support for Chinese, other countries’ peace initiatives for Ukraine'),
    ).toEqual(['tokayev', 'calls', 'support', 'chinese', 'countries', 'peace', 'initiatives', 'ukraine']);
  });
});
