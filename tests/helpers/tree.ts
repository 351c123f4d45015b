import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file under `dir` by its path relative to it (`/` separated), with its bytes.
 *
 * @example
 * tree('dist').get('index.html')?.toString('utf8');
 */
export function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]) {
    const path = join(dir, name);
    try {
      files.set(relative(dir, path).split(sep).join('/'), readFileSync(path));
    } catch {
      // a folder
    }
  }
  return files;
}

/**
 * How an output folder differs from a clean build's, path by path: missing from it, left
 * over in it, or with other bytes. Empty when the two are the same byte for byte.
 *
 * @example
 * treeDifferences('inc/dist', 'clean/dist'); // ['rss.xml: different bytes']
 */
export function treeDifferences(builtDir: string, cleanDir: string): string[] {
  const a = tree(builtDir);
  const b = tree(cleanDir);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.flatMap((path) => {
    const left = a.get(path);
    const right = b.get(path);
    if (!left) return [`${path}: missing from the incremental build`];
    if (!right) return [`${path}: left over in the incremental build, not in a clean one`];
    return left.equals(right) ? [] : [`${path}: different bytes`];
  });
}
