/**
 * The importer's and the publisher's index of the archive: for every entry under content/,
 * the story id the build gives it, the agency item id it came from, the section and tag
 * spellings it uses, and its embargo. Kept between imports and refreshed by size and
 * modification time, so an import into a 100,000-story archive reads only the files that
 * changed since the last one.
 *
 * Pure: the caller lists the files, reads them and stores the index (src/cli/content-index.ts).
 */
import { splitFrontmatter, storyId } from './frontmatter.ts';
import { checkFields } from './text.ts';

/** What the importer needs to know about one entry. */
export interface IndexedEntry {
  /** The entry's path relative to the content folder, with `/` separators. */
  file: string;
  size: number;
  mtimeMs: number;
  /** The story id the build gives it; absent when the frontmatter cannot be read. */
  id?: string;
  /** The agency's item id (`source.id`), for revisions and kills. */
  sourceId?: string;
  /** The section and tags as written, for reusing their spelling. */
  names: string[];
  /** The embargo as written, when the entry has one: the publisher builds again when it ends. */
  embargo?: string;
}

/** A file as listed on disk. */
export interface ListedFile {
  file: string;
  size: number;
  mtimeMs: number;
}

/** The version of the stored index: a stored index of another version is read again from scratch. */
export const CONTENT_INDEX_VERSION = 2;

/**
 * What the importer needs from one entry's text. An entry the build would refuse still
 * gives what can be read from it (its id from the raw fields when the text rules fail),
 * so that a twin is found either way; unreadable frontmatter gives no id.
 *
 * @example
 * indexEntry({ file: 'a.md', size: 40, mtimeMs: 1 }, '---\ntitle: Hello world\nsection: World\n---\n\nText.\n');
 * // { file: 'a.md', size: 40, mtimeMs: 1, id: 'hello-world', names: ['World'] }
 */
export function indexEntry(listed: ListedFile, text: string): IndexedEntry {
  const entry: IndexedEntry = { ...listed, names: [] };
  let data: Record<string, unknown>;
  try {
    data = splitFrontmatter(text, listed.file).data;
  } catch {
    return entry; // the build names what is wrong with it
  }
  let checked = data;
  try {
    checked = checkFields(data).data;
  } catch {
    // Refused text: the raw fields still say which id the editor meant.
  }
  entry.id = storyId(checked, listed.file);
  const source = checked.source as { id?: unknown } | undefined;
  if (source && typeof source.id === 'string') entry.sourceId = source.id;
  const tags = Array.isArray(checked.tags) ? (checked.tags as unknown[]) : [];
  entry.names = [checked.section, ...tags].filter((name): name is string => typeof name === 'string');
  if (typeof checked.embargo === 'string') entry.embargo = checked.embargo;
  return entry;
}

/**
 * The index for the files listed now: entries whose size and modification time are
 * unchanged are kept from `previous`, the others are read (through `read`) and indexed
 * again; files no longer listed drop out.
 *
 * @example
 * const { entries, read } = refreshIndex(stored, listing, (file) => readFileSync(join('content', file), 'utf8'));
 * read; // 1 (only the new story was opened)
 */
export function refreshIndex(
  previous: readonly IndexedEntry[],
  listing: readonly ListedFile[],
  readText: (file: string) => string,
): { entries: IndexedEntry[]; read: number } {
  const known = new Map(previous.map((entry) => [entry.file, entry]));
  let read = 0;
  const entries = listing.map((listed) => {
    const before = known.get(listed.file);
    if (before && before.size === listed.size && before.mtimeMs === listed.mtimeMs) return before;
    read++;
    return indexEntry(listed, readText(listed.file));
  });
  return { entries, read };
}

/**
 * The stored form of an index.
 *
 * @example
 * parseStoredIndex(storeIndex(entries)); // entries
 */
export function storeIndex(entries: readonly IndexedEntry[]): string {
  return JSON.stringify({ version: CONTENT_INDEX_VERSION, entries });
}

/**
 * Reads a stored index; anything that is not one of this version (a damaged file, an older
 * layout) gives an empty index, so every file is read again: never a wrong answer.
 *
 * @example
 * parseStoredIndex('not json'); // []
 */
export function parseStoredIndex(text: string): IndexedEntry[] {
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof stored !== 'object' || stored === null) return [];
  const { version, entries } = stored as { version?: unknown; entries?: unknown };
  if (version !== CONTENT_INDEX_VERSION || !Array.isArray(entries)) return [];
  const valid = entries.every(
    (entry: Partial<IndexedEntry> | null) =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof entry.file === 'string' &&
      typeof entry.size === 'number' &&
      typeof entry.mtimeMs === 'number' &&
      Array.isArray(entry.names) &&
      (entry.embargo === undefined || typeof entry.embargo === 'string'),
  );
  return valid ? (entries as IndexedEntry[]) : [];
}
