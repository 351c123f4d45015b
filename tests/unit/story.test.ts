import { describe, expect, it } from 'vitest';
import { collectionProblems, newestFirst, toStory } from '../../src/lib/story';

const data = {
  title: 'T',
  description: 'D',
  pubDate: new Date('2023-06-20'),
  updatedDate: undefined,
  dateline: { place: 'Astana' },
  agency: 'EFE',
  section: 'Conflicts & War',
  tags: ['Kazakhstan'],
  lang: 'en',
  related: [],
};

describe('toStory', () => {
  it('derives the dateline from pubDate when the dateline has no date, and the permalink from the id', () => {
    const story = toStory('tokayev', 'Body.', data);
    expect(story.dateline).toBe('Astana, Jun 20 (EFE).-');
    expect(story.path).toBe('/stories/tokayev/');
    expect(story.sectionPath).toBe('/sections/conflicts-war/');
  });

  it('uses the dateline’s own date when it has one', () => {
    const story = toStory('x', '', { ...data, dateline: { place: 'Astana', date: new Date('2023-06-19') } });
    expect(story.dateline).toBe('Astana, Jun 19 (EFE).-');
  });
});

describe('newestFirst', () => {
  it('sorts by date, newest first, and by id on equal dates', () => {
    const stories = [
      { id: 'b', pubDate: new Date('2023-01-01') },
      { id: 'c', pubDate: new Date('2024-01-01') },
      { id: 'a', pubDate: new Date('2023-01-01') },
    ];
    expect(newestFirst(stories).map((s) => s.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('collectionProblems', () => {
  const entry = (id: string, related: string[] = [], section = 'World', tags: string[] = []) => ({
    id,
    filePath: `content/${id}.md`,
    data: { related, section, tags },
  });

  it('finds nothing wrong in a sound collection', () => {
    expect(collectionProblems([entry('a', ['b']), entry('b', ['a'])])).toEqual([]);
  });

  it('names the file and the field of an unknown or self-referring related id', () => {
    expect(collectionProblems([entry('a', ['b', 'nope', 'a']), entry('b')])).toEqual([
      'content/a.md: related[1]: no story has the id "nope"',
      'content/a.md: related[2]: a story cannot be related to itself',
    ]);
  });

  it('refuses two spellings of a section or tag that would share one page', () => {
    expect(collectionProblems([entry('a', [], 'Conflicts & War'), entry('b', [], 'Conflicts and War')])).toEqual([]);
    expect(collectionProblems([entry('a', [], 'Conflicts & War'), entry('b', [], 'conflicts & war')])).toEqual([
      'content/b.md: section: "conflicts & war" and "Conflicts & War" would share one page; use one spelling',
    ]);
    expect(collectionProblems([entry('a', [], 'W', ['EU']), entry('b', [], 'W', ['eu'])])).toEqual([
      'content/b.md: tags[0]: "eu" and "EU" would share one page; use one spelling',
    ]);
  });
});
