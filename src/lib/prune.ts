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

/** Endings of precompressed copies that post-build steps write beside a file. */
const SIDECARS = ['.gz', '.br', '.zst'];

/**
 * The files to delete after a build that started at `startedMs` and produced (wrote, or
 * kept from the last build because their keys matched) the files in `kept`. A file stays
 * when it was written during this build or is in `kept`. A precompressed copy (`x.html.gz`,
 * `.br`, `.zst`) stays only beside a file that stays, and only when it is not older than
 * that file: so a compression step may skip copies that are still current, and a stale one
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
      return !(stays(source) && file.mtimeMs >= source.mtimeMs);
    })
    .map((file) => file.path)
    .sort();
}
