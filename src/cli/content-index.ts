/**
 * The importer's index of content/, stored between imports under node_modules/.cache so
 * that an import reads only the entries that changed (src/lib/content-index.ts has the
 * rules). Files are found with the build's own walk: symbolic links are never followed.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStoredIndex, refreshIndex, storeIndex, type IndexedEntry } from '../lib/content-index.ts';
import { storyFiles } from '../loaders/walk.ts';

/** Where indexes are kept, in this project whatever the working folder: one file per content folder. */
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/wire-reader/', import.meta.url));

/**
 * The index of a content folder, brought up to date with what is on disk and stored again.
 * A missing folder gives an empty index; a cache that cannot be written only costs time.
 *
 * @example
 * const { entries, read } = await loadContentIndex('content');
 */
export async function loadContentIndex(folder: string): Promise<{ entries: IndexedEntry[]; read: number }> {
  const root = resolve(folder);
  if (!existsSync(root)) return { entries: [], read: 0 };
  const store = join(CACHE_DIR, `content-index-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.json`);
  const previous = existsSync(store) ? parseStoredIndex(readFileSync(store, 'utf8')) : [];
  const { files } = await storyFiles(root);
  const listing = files.map((file) => {
    const { size, mtimeMs } = lstatSync(join(root, file));
    return { file, size, mtimeMs };
  });
  const result = refreshIndex(previous, listing, (file) => readFileSync(join(root, file), 'utf8'));
  if (result.read > 0 || previous.length !== result.entries.length) {
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      writeFileSync(`${store}.tmp`, storeIndex(result.entries));
      renameSync(`${store}.tmp`, store);
    } catch {
      // A read-only node_modules: the next import reads the archive again, nothing worse.
    }
  }
  return result;
}
