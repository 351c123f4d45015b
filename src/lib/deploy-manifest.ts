/**
 * The deploy step's memory of the last build's output, so a warm build does not read, hash
 * and compress again a file that has not changed. For each file it keeps what the step
 * learnt from it: its size and mtime, its content digest, the sizes of the `.br` and `.gz`
 * written beside it, and for pages the CSP hashes of their inline code. A file whose size
 * and mtime are those of the manifest, and whose `.br` and `.gz` are the ones written for it,
 * is taken as it is; anything else is read again.
 */
import { copyIsCurrent } from './prune.ts';

/** A page's inline code as the policy needs it: the CSP hashes, and what no hash allows. */
export interface InlineHashes {
  styles: string[];
  scripts: string[];
  blocked: string[];
}

/** What the deploy step recorded of one file of the output. */
export interface DeployEntry {
  size: number;
  mtimeMs: number;
  /** SHA-256 of the content, hex: the key of its compressed forms in the cache. */
  digest: string;
  /** The Brotli quality it was compressed at, when it is compressible. */
  quality?: number;
  /** Sizes of the `.br` and `.gz` written beside it; absent when none was (compressing did not make it smaller). */
  br?: number;
  gz?: number;
  /** For pages and XSLT stylesheets: their inline code's hashes. */
  inline?: InlineHashes;
}

/** Size and modification time of a file as `stat` gives them. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** What a file looks like now: itself and its `.br` and `.gz`, where they exist. */
export interface FileNow extends FileStamp {
  /** The Brotli quality it would be compressed at today, when it is compressible. */
  quality?: number;
  br?: FileStamp;
  gz?: FileStamp;
}

/** The same time, to the precision a copy can be stamped with its original's (see {@link copyIsCurrent}). */
function sameTime(a: number, b: number): boolean {
  return copyIsCurrent(a, b) && copyIsCurrent(b, a);
}

function copyMatches(recorded: number | undefined, copy: FileStamp | undefined, source: FileStamp): boolean {
  if (recorded === undefined) return copy === undefined;
  return copy !== undefined && copy.size === recorded && sameTime(copy.mtimeMs, source.mtimeMs);
}

/**
 * Whether a file is the one the manifest describes, with the compressed copies written for
 * it, so its recorded digest and inline hashes can be used without reading it. It is when
 * its size and mtime are exactly the recorded ones (a build that writes a page again gives
 * it a new mtime, even when the size is the same), it would be compressed at the same
 * quality, and each copy is there with the recorded size and the page's time (a copy
 * deleted, truncated or written by something else is made again), or, when none was
 * written, none is there.
 *
 * @example
 * const entry = { size: 900, mtimeMs: 1795781590022.0764, digest: 'ab12', quality: 6, br: 300, gz: 350 };
 * const copies = { br: { size: 300, mtimeMs: 1795781590022 }, gz: { size: 350, mtimeMs: 1795781590022 } };
 * isUnchanged(entry, { size: 900, mtimeMs: 1795781590022.0764, quality: 6, ...copies }); // true
 * isUnchanged(entry, { size: 900, mtimeMs: 1795781600000.5, quality: 6, ...copies }); // false: written again
 */
export function isUnchanged(entry: DeployEntry | undefined, now: FileNow): entry is DeployEntry {
  if (entry === undefined) return false;
  if (entry.size !== now.size || entry.mtimeMs !== now.mtimeMs || entry.quality !== now.quality) return false;
  return copyMatches(entry.br, now.br, now) && copyMatches(entry.gz, now.gz, now);
}

/** The version of the manifest's format and of what it records; another version is ignored. */
const VERSION = 1;

/**
 * The manifest as JSON, each distinct set of inline hashes written once (the pages of one
 * layout share theirs).
 *
 * @example
 * manifestJson(new Map([['index.html', { size: 9, mtimeMs: 1, digest: 'ab', inline: { styles: ['h'], scripts: [], blocked: [] } }]]));
 * // '{"version":1,"inline":[{"styles":["h"],"scripts":[],"blocked":[]}],"files":{"index.html":{"size":9,...,"inline":0}}}'
 */
export function manifestJson(entries: ReadonlyMap<string, DeployEntry>): string {
  const inline: InlineHashes[] = [];
  const indexOf = new Map<string, number>();
  const files: Record<string, Omit<DeployEntry, 'inline'> & { inline?: number }> = {};
  for (const [path, { inline: code, ...rest }] of [...entries].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (code === undefined) {
      files[path] = rest;
      continue;
    }
    const key = JSON.stringify(code);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = inline.push(code) - 1;
      indexOf.set(key, index);
    }
    files[path] = { ...rest, inline: index };
  }
  return JSON.stringify({ version: VERSION, inline, files });
}

/**
 * The manifest read back from {@link manifestJson}; empty when there is none, it is damaged,
 * or it is of another version: every file is then read again, which is slower but never wrong.
 *
 * @example
 * readManifest(manifestJson(new Map([['a.css', { size: 9, mtimeMs: 1, digest: 'ab' }]]))).get('a.css');
 * // { size: 9, mtimeMs: 1, digest: 'ab' }
 * readManifest('not json').size; // 0
 */
export function readManifest(json: string | undefined): Map<string, DeployEntry> {
  const entries = new Map<string, DeployEntry>();
  if (json === undefined) return entries;
  try {
    const parsed = JSON.parse(json) as {
      version?: unknown;
      inline?: InlineHashes[];
      files?: Record<string, Omit<DeployEntry, 'inline'> & { inline?: number }>;
    };
    if (parsed.version !== VERSION || !parsed.files || !Array.isArray(parsed.inline)) return entries;
    for (const [path, { inline: index, ...rest }] of Object.entries(parsed.files)) {
      if (index === undefined) {
        entries.set(path, rest);
        continue;
      }
      const code = parsed.inline[index];
      // A reference to no inline set: the entry cannot be trusted, so the file is read again.
      if (code !== undefined) entries.set(path, { ...rest, inline: code });
    }
  } catch {
    // not JSON: no manifest
  }
  return entries;
}
