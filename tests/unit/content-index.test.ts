import { describe, expect, it } from 'vitest';
import {
  CONTENT_INDEX_VERSION,
  indexEntry,
  parseStoredIndex,
  refreshIndex,
  storeIndex,
  type IndexedEntry,
} from '../../src/lib/content-index';

const at = (file: string, size = 10, mtimeMs = 1) => ({ file, size, mtimeMs });
const entry = (frontmatter: string) => `---\n${frontmatter}\n---\n\nText.\n`;

describe('indexEntry', () => {
  it.each([
    {
      what: 'an entry with a slug: line gives that slug as its id',
      text: entry('title: Anything\nslug: my-slug\nsection: World'),
      expected: { id: 'my-slug', names: ['World'] },
    },
    {
      what: 'an entry without one gives its headline made into a slug, as the build does',
      text: entry('title: Tokayev calls for support\nsection: World\ntags: [Russia, China]'),
      expected: { id: 'tokayev-calls-for-support', names: ['World', 'Russia', 'China'] },
    },
    {
      what: 'a headline with a combining accent gives the id the build gives it',
      text: entry('title: "Cafe\\u0301 talks"'),
      expected: { id: 'cafe-talks', names: [] },
    },
    {
      what: 'an agency entry gives its item id for revisions and kills',
      text: entry('title: Flash\nsource:\n  id: urn:newsml:efe.com:20230620:123\n  version: 2'),
      expected: { id: 'flash', sourceId: 'urn:newsml:efe.com:20230620:123', names: [] },
    },
    {
      what: 'an embargoed entry gives its embargo as written, for the publisher to build when it ends',
      text: entry('title: Held\nembargo: 2023-06-21T06:00:00Z'),
      expected: { id: 'held', embargo: '2023-06-21T06:00:00Z', names: [] },
    },
    {
      what: 'text the build refuses still gives the id its raw fields say',
      text: entry('title: "Bad\\u0007 bell"'),
      expected: { id: 'bad-bell', names: [] },
    },
    {
      what: 'frontmatter that is not YAML gives no id',
      text: entry('title: [unclosed'),
      expected: { names: [] },
    },
    {
      what: 'a file with no frontmatter gives no id',
      text: 'Just text.\n',
      expected: { names: [] },
    },
  ])('$what', ({ text, expected }) => {
    expect(indexEntry(at('a.md'), text)).toEqual({ ...at('a.md'), ...expected });
  });
});

describe('refreshIndex', () => {
  const texts: Record<string, string> = {
    'a.md': entry('title: Story A'),
    'b.md': entry('title: Story B'),
    'c.md': entry('title: Story C'),
  };
  const read = (opened: string[]) => (file: string) => {
    opened.push(file);
    return texts[file] ?? '';
  };
  const first = refreshIndex([], [at('a.md'), at('b.md')], read([])).entries;

  it.each([
    {
      what: 'nothing changed: no file is opened',
      listing: [at('a.md'), at('b.md')],
      opened: [],
      ids: ['story-a', 'story-b'],
    },
    {
      what: 'a new file: only it is opened',
      listing: [at('a.md'), at('b.md'), at('c.md')],
      opened: ['c.md'],
      ids: ['story-a', 'story-b', 'story-c'],
    },
    {
      what: 'a file with a new modification time is opened again',
      listing: [at('a.md', 10, 2), at('b.md')],
      opened: ['a.md'],
      ids: ['story-a', 'story-b'],
    },
    {
      what: 'a file with a new size is opened again',
      listing: [at('a.md'), at('b.md', 11)],
      opened: ['b.md'],
      ids: ['story-a', 'story-b'],
    },
    { what: 'a deleted file drops out', listing: [at('b.md')], opened: [], ids: ['story-b'] },
  ])('$what', ({ listing, opened, ids }) => {
    const seen: string[] = [];
    const { entries, read: count } = refreshIndex(first, listing, read(seen));
    expect(seen).toEqual(opened);
    expect(count).toBe(opened.length);
    expect(entries.map((e) => e.id)).toEqual(ids);
  });

  it('reads an edited file as it is now, not as the stored index had it', () => {
    const edited = refreshIndex(first, [at('a.md', 12, 3)], () => entry('title: Renamed'));
    expect(edited.entries.map((e) => e.id)).toEqual(['renamed']);
  });
});

describe('the stored index', () => {
  const entries: IndexedEntry[] = [{ ...at('a.md'), id: 'a', sourceId: 'urn:x', names: ['World'] }];

  it('reads back what was stored', () => {
    expect(parseStoredIndex(storeIndex(entries))).toEqual(entries);
  });

  it.each([
    { what: 'not JSON', text: '{"version":' },
    { what: 'JSON null', text: 'null' },
    { what: 'another version', text: JSON.stringify({ version: CONTENT_INDEX_VERSION + 1, entries }) },
    {
      what: 'entries without sizes',
      text: JSON.stringify({ version: CONTENT_INDEX_VERSION, entries: [{ file: 'a.md' }] }),
    },
    { what: 'entries that are not a list', text: JSON.stringify({ version: CONTENT_INDEX_VERSION, entries: {} }) },
    {
      what: 'an embargo that is not text',
      text: JSON.stringify({
        version: CONTENT_INDEX_VERSION,
        entries: [{ file: 'a.md', size: 1, mtimeMs: 1, names: [], embargo: 5 }],
      }),
    },
  ])('is empty when the stored file is $what, so every entry is read again', ({ text }) => {
    expect(parseStoredIndex(text)).toEqual([]);
  });
});
