/**
 * The code a story entry is made by (src/lib/code-version.ts): the loader digests exactly
 * the files reachable from the content config, so that a change to any of them gives every
 * entry a new digest, and a change elsewhere none.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importClosure, relativeImports } from '../../src/lib/code-version';

const ROOT = join(import.meta.dirname, '../..');

describe('relativeImports', () => {
  it.each([
    ['a named import', "import { a } from './a.ts';", ['./a.ts']],
    ['a type import', "import type { B } from '../lib/b';", ['../lib/b']],
    ['a re-export', "export type { WireDate } from './dates.ts';", ['./dates.ts']],
    ['a side-effect import', 'import "./setup.js";', ['./setup.js']],
    ['a dynamic import', "const m = await import('./lazy.ts');", ['./lazy.ts']],
    ['an import across lines', "import {\n  a,\n  b,\n} from './ab.ts';", ['./ab.ts']],
    ['no package import', "import { z } from 'astro/zod';\nimport fs from 'node:fs';", []],
    ['each path once', "import { a } from './a.ts';\nimport type { A } from './a.ts';", ['./a.ts']],
  ])('finds %s', (_what, source, expected) => {
    expect(relativeImports(source)).toEqual(expected);
  });
});

describe('importClosure', () => {
  const files = new Map([
    ['/s/config.ts', "import { load } from './loaders/load';\nimport { z } from 'astro/zod';"],
    [
      '/s/loaders/load.ts',
      "import { parse } from '../lib/parse.ts';\nimport '../lib';\nimport words from './words.json';",
    ],
    ['/s/loaders/words.json', '{}'],
    ['/s/lib/index.ts', "export { x } from './x.js';"],
    ['/s/lib/x.ts', ''],
    ['/s/lib/parse.ts', "import { load } from '../loaders/load.ts'; // a cycle"],
    ['/s/lib/pages.ts', "import { parse } from './parse.ts';"],
  ]);
  const read = (path: string) => files.get(path);

  it('follows imports with and without extensions, a .js path to its .ts file, data files, folders by their index, and cycles once', () => {
    expect(importClosure(['/s/config.ts'], read)).toEqual([
      '/s/config.ts',
      '/s/lib/index.ts',
      '/s/lib/parse.ts',
      '/s/lib/x.ts',
      '/s/loaders/load.ts',
      '/s/loaders/words.json',
    ]);
  });

  it('leaves out a missing file and a file nothing reached imports', () => {
    expect(importClosure(['/s/lib/parse.ts', '/s/nowhere.ts'], read)).not.toContain('/s/lib/pages.ts');
    expect(importClosure(['/s/nowhere.ts'], read)).toEqual([]);
  });

  it("holds the story loader's own code from the content config, and not the pages' or the search step's", () => {
    const closure = importClosure([join(ROOT, 'src/content.config.ts')], (path) =>
      statSync(path, { throwIfNoEntry: false })?.isFile() ? readFileSync(path, 'utf8') : undefined,
    ).map((file) => relative(ROOT, file));
    for (const file of ['src/loaders/stories.ts', 'src/lib/schema.ts', 'src/lib/dates.ts', 'src/data/build-time.ts']) {
      expect(closure).toContain(file);
    }
    for (const file of ['src/lib/search.ts', 'src/data/archive.ts', 'src/lib/feed.ts']) {
      expect(closure).not.toContain(file);
    }
  });
});
