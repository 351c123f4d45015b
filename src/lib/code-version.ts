/**
 * Which of the site's own source files a piece of code is made of: the files reachable from
 * it through relative imports. The story loader digests them to know when the code that
 * turns a file into an entry changed, without counting files that code never runs.
 */
import { dirname, join } from 'node:path';

/** `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`, with a relative path. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.{1,2}\/[^'"\n]+)\1/g;

/**
 * The relative module paths a TypeScript or JavaScript source imports or re-exports,
 * statically or dynamically, in order of first mention. Package imports are left out: the
 * lockfile versions them.
 *
 * @example
 * relativeImports("import { a } from './a.ts';\nimport { z } from 'astro/zod';"); // ['./a.ts']
 */
export function relativeImports(source: string): string[] {
  return [...new Set([...source.matchAll(IMPORT)].map((match) => match[2] ?? ''))];
}

/**
 * Every file reachable from `entries` through relative imports, the entries among them,
 * sorted. `read` gives a file's text, or undefined when there is no such file (or a
 * folder); a path is tried as written (so that data files such as `./words.json` count),
 * as the `.ts` file a `.js` path names, with `.ts` or `.js` added, then as a folder's
 * `index.ts`.
 *
 * @example
 * const files = new Map([['/s/a.ts', "import './b';"], ['/s/b.ts', '']]);
 * importClosure(['/s/a.ts'], (path) => files.get(path)); // ['/s/a.ts', '/s/b.ts']
 */
export function importClosure(entries: readonly string[], read: (path: string) => string | undefined): string[] {
  const found = new Map<string, string>();
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (found.has(file)) continue;
    const source = read(file);
    if (source === undefined) continue;
    found.set(file, source);
    for (const path of relativeImports(source)) {
      const base = join(dirname(file), path);
      // TypeScript's own convention names a `.ts` file by its output, `./a.js`.
      const output = base.replace(/\.(m?)js$/, '.$1ts');
      const candidates = [base, output, `${base}.ts`, `${base}.js`, join(base, 'index.ts')];
      const target = candidates.find((candidate) => found.has(candidate) || read(candidate) !== undefined);
      if (target) pending.push(target);
    }
  }
  return [...found.keys()].sort();
}
