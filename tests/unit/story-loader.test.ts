import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storySchemas } from '../../src/lib/schema';
import { storyLoader } from '../../src/loaders/stories';

/** A story file: the frontmatter lines given, after the fields every story has. */
const story = (...lines: string[]) =>
  [
    '---',
    'title: A headline',
    'description: A standfirst.',
    'pubDate: 2023-06-20',
    'dateline:',
    '  place: Astana',
    'agency: EFE',
    'section: World',
    'lang: en',
    ...lines,
    '---',
    'Astana, Jun 20 (EFE).- The text.',
    '',
  ].join('\n');

/** Enough of Astro's loader context to run the story loader, counting Astro's parseData calls. */
function fakeContext(root: string) {
  const entries = new Map<string, { id: string; data: Record<string, unknown>; digest?: string }>();
  const meta = new Map<string, string>();
  const parsed: string[] = [];
  const context = {
    config: { root: pathToFileURL(`${root}/`) },
    store: {
      has: (id: string) => entries.has(id),
      get: (id: string) => entries.get(id),
      set: (entry: { id: string; data: Record<string, unknown>; digest?: string }) => entries.set(entry.id, entry),
      delete: (id: string) => entries.delete(id),
      keys: () => [...entries.keys()],
    },
    meta: { get: (key: string) => meta.get(key), set: (key: string, value: string) => meta.set(key, value) },
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
    // Astro's check with the entry's image() helper: marks what it made.
    parseData: ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      parsed.push(id);
      return Promise.resolve({ ...data, checkedByAstro: true });
    },
  };
  return { context: context as unknown as LoaderContext, entries, parsed };
}

describe('the story loader', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'wire-loader-'));
    mkdirSync(join(root, 'content'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const load = async () => {
    const { context, entries, parsed } = fakeContext(root);
    const loader = storyLoader({
      base: 'content',
      checks: storySchemas({ now: new Date('2026-01-01') }).withPhotoPath,
    });
    await loader.load(context);
    return { entries, parsed };
  };

  it('checks a story itself, and has Astro check only a published story with a photo', async () => {
    writeFileSync(join(root, 'content/plain.md'), story('slug: plain'));
    writeFileSync(join(root, 'content/photo.md'), story('slug: photo', 'image:', '  src: photo.jpg', '  alt: A photo'));
    writeFileSync(
      join(root, 'content/held.md'),
      story('slug: held', 'status: withheld', 'image:', '  src: held.jpg', '  alt: A held photo'),
    );
    const { entries, parsed } = await load();
    expect(parsed).toEqual(['photo']);
    expect(entries.get('photo')?.data).toMatchObject({ checkedByAstro: true, image: { src: 'photo.jpg' } });
    expect(entries.get('plain')?.data).toMatchObject({ title: 'A headline', tags: [] });
    expect(entries.get('plain')?.data).not.toHaveProperty('checkedByAstro');
    // A held photo is left out until the story is published, and marked so in its digest.
    expect(entries.get('held')?.data.image).toBeUndefined();
    expect(entries.get('held')?.digest).toMatch(/-photo-held$/);
  });

  it.each([
    ['a misspelt field', story('secton: World'), 'content/bad.md: Unrecognized key: "secton"'],
    ['a wrong list', story('tags: World'), 'content/bad.md: tags: tags must be a list'],
    [
      'a held photo with an unknown field',
      story('status: withheld', 'image:', '  src: held.jpg', '  width: 3'),
      'content/bad.md: image: image must be a mapping with src (and alt, caption, credit)',
    ],
    ['a held photo without src', story('status: withheld', 'image:', '  alt: x'), 'content/bad.md: image.src:'],
  ])('refuses %s in a line that names the file and the field', async (_name, text, line) => {
    writeFileSync(join(root, 'content/bad.md'), text);
    const error = await load().then(
      () => undefined,
      (problem: unknown) => problem as Error,
    );
    expect(error?.message).toContain(`\n${line}`);
  });
});
