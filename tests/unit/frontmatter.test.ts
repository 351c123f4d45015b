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

  it('reads the frontmatter as written, an unpaired surrogate included (which YAML refuses), not as UTF-8 bytes', () => {
    expect(() => splitFrontmatter('---\ntitle: A\uD800B and more words\n---\nBody.', 'content/a.md')).toThrow(
      /^content\/a\.md:2: the frontmatter is not valid YAML/,
    );
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

describe('the frontmatter fence', () => {
  it.each([
    [
      'a value ending in ---',
      '---\ndescription: Talks ended---\n---\n\nBody.\n',
      { description: 'Talks ended---' },
      '\nBody.\n',
    ],
    ['a value holding ---', '---\ntitle: a --- b\n---\nBody.', { title: 'a --- b' }, 'Body.'],
    ['a fence with trailing spaces', '--- \ntitle: T\n---  \nBody.', { title: 'T' }, 'Body.'],
    ['a body rule after the fence', '---\ntitle: T\n---\n\n---\n', { title: 'T' }, '\n---\n'],
  ])('closes only on --- alone on its line: %s', (_name, source, data, body) => {
    expect(splitFrontmatter(source, 'a.md')).toEqual({ data, body });
  });

  it('refuses a file whose frontmatter never closes', () => {
    expect(() => splitFrontmatter('---\ndescription: Talks ended---\n\nBody.\n', 'content/a.md')).toThrow(
      /content\/a\.md: the file must open with YAML frontmatter/,
    );
  });

  it('keeps dates as text: YAML never makes a Date', () => {
    expect(splitFrontmatter('---\npubDate: 2023-02-30\nupdatedDate: 2023-06-20T10:00:00Z\n---\n', 'a.md').data).toEqual(
      {
        pubDate: '2023-02-30',
        updatedDate: '2023-06-20T10:00:00Z',
      },
    );
  });
});

describe('storyId of a long headline', () => {
  it('cuts the slug at a hyphen to fit a folder name', () => {
    const title =
      'Президент Казахстана Касым-Жомарт Токаев призвал поддержать мирные инициативы Китая и других стран по Украине на встрече в Астане';
    const id = storyId({ title }, 'a.md');
    expect(new TextEncoder().encode(id).length).toBeLessThanOrEqual(200);
    expect(title.toLowerCase().replaceAll(' ', '-').startsWith(id)).toBe(true);
  });
});
