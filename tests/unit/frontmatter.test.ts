import { describe, expect, it } from 'vitest';
import { splitFrontmatter, storyId } from '../../src/lib/frontmatter';

describe('splitFrontmatter', () => {
  it('splits YAML frontmatter from the body, keeping dates as written', () => {
    expect(splitFrontmatter('---\ntitle: Hi\npubDate: 2023-06-20\n---\n\nBody.\n', 'a.md')).toEqual({
      data: { title: 'Hi', pubDate: '2023-06-20' },
      body: '\nBody.\n',
    });
  });

  it('reads CRLF files and a byte-order mark', () => {
    expect(splitFrontmatter('\uFEFF---\r\ntitle: Hi\r\n---\r\nBody.', 'a.md')).toEqual({
      data: { title: 'Hi' },
      body: 'Body.',
    });
  });

  it.each([
    ['no frontmatter', 'Just text.', /^content\/a\.md: the file must open with YAML frontmatter/],
    ['unclosed frontmatter', '---\ntitle: Hi\nBody.', /^content\/a\.md: the file must open with YAML frontmatter/],
    ['bad YAML', '---\ntitle: Hi\ntags: [a, b\n---\nBody.', /^content\/a\.md:3: the frontmatter is not valid YAML/],
    ['a list instead of fields', '---\n- a\n- b\n---\nBody.', /^content\/a\.md: the frontmatter must be a mapping/],
  ])('names the file for %s', (_name, source, message) => {
    expect(() => splitFrontmatter(source, 'content/a.md')).toThrow(message);
  });
});

describe('storyId', () => {
  it.each([
    [{ slug: 'kept', title: 'New title' }, 'a.md', 'kept'],
    [{ title: 'Conflicts & War' }, '2023/a.md', 'conflicts-war'],
    [{ title: '***' }, '2023/a.md', '2023/a.md'],
    [{}, 'b.md', 'b.md'],
  ])('%j in %s → %s', (data, path, id) => {
    expect(storyId(data, path)).toBe(id);
  });
});
