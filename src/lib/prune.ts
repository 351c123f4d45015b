/**
 * Which files of an output folder an incremental build leaves behind as stale. The build
 * does not empty the folder: pages whose cache key is unchanged stay where they are, pages
 * that changed are written over, and whatever the build did not produce must go, so no
 * page of a deleted, moved or killed story survives.
 */

/** A file in the output folder: its path relative to the folder, with `/` separators, and its mtime. */
export interface OutputFile {
  path: string;
  mtimeMs: number;
}

/**
 * Whether a precompressed copy is current for its original, by modification times: when it
 * is less than a millisecond older, or newer. A compression step stamps each copy with its
 * original's time (so `Last-Modified` does not depend on the encoding), but Node cannot set a
 * time to the nanosecond that ext4, tmpfs and overlayfs keep: through a `Date` it is rounded
 * to the millisecond (a page at `…590.022076447` s gives a copy at `…590.022000074` s, a
 * fraction of a millisecond "older"), through a number of seconds it is off by up to a few
 * hundred nanoseconds either way. A copy written before its original was written again is
 * older by the time between two builds, far more than a millisecond, and stays stale.
 *
 * @example
 * copyIsCurrent(1795781590022.0001, 1795781590022.0764); // true: stamped with the page's time
 * copyIsCurrent(1795781590021.0764, 1795781590022.0764); // false: from before the page changed
 */
export function copyIsCurrent(copyMtimeMs: number, sourceMtimeMs: number): boolean {
  return copyMtimeMs > sourceMtimeMs - 1;
}

/** Endings of precompressed copies that post-build steps write beside a file. */
const SIDECARS = ['.gz', '.br', '.zst'];

/**
 * The files to delete after a build that started at `startedMs` and produced (wrote, or
 * kept from the last build because their keys matched) the files in `kept`. A file stays
 * when it was written during this build or is in `kept`. A precompressed copy (`x.html.gz`,
 * `.br`, `.zst`) stays only beside a file that stays, and only when it is not older than
 * that file (see {@link copyIsCurrent}): so a compression step may skip copies that are still current, and a stale one
 * is never served.
 *
 * @example
 * staleFiles(
 *   [{ path: 'a/index.html', mtimeMs: 1 }, { path: 'gone/index.html', mtimeMs: 1 }, { path: 'rss.xml', mtimeMs: 9 }],
 *   { startedMs: 5, kept: new Set(['a/index.html']) },
 * ); // ['gone/index.html']
 */
export function staleFiles(
  files: readonly OutputFile[],
  { startedMs, kept }: { startedMs: number; kept: ReadonlySet<string> },
): string[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const stays = (file: OutputFile) => file.mtimeMs >= startedMs || kept.has(file.path);
  return files
    .filter((file) => {
      const ending = SIDECARS.find((sidecar) => file.path.endsWith(sidecar));
      if (ending === undefined) return !stays(file);
      const source = byPath.get(file.path.slice(0, -ending.length));
      if (source === undefined) return !stays(file);
      return !(stays(source) && copyIsCurrent(file.mtimeMs, source.mtimeMs));
    })
    .map((file) => file.path)
    .sort();
}

/**
 * The folders of an output folder that hold nothing once the stale files are gone, deepest
 * first, so each can be removed after the folders inside it. `folders` are all the folders
 * (relative, `/`-separated), `remaining` every entry that stays (files, and anything else
 * that is not a folder). Only these are removed, instead of trying every folder of the site.
 *
 * @example
 * emptiedFolders(['a', 'a/b', 'c'], ['c/index.html']); // ['a/b', 'a']
 */
export function emptiedFolders(folders: readonly string[], remaining: readonly string[]): string[] {
  const used = new Set<string>();
  for (const path of remaining) {
    for (let cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1)) {
      const folder = path.slice(0, cut);
      if (used.has(folder)) break;
      used.add(folder);
    }
  }
  const depth = (folder: string) => folder.split('/').length;
  return folders.filter((folder) => !used.has(folder)).sort((a, b) => depth(b) - depth(a) || (a < b ? -1 : 1));
}
