/**
 * `npm run import -- <folder> --watch`: imports an agency drop folder, then stays up and
 * imports each item as it lands, so that with `npm run publisher` running, a story is live
 * seconds after the agency delivers it. Runs on plain Node (no Astro).
 *
 * - Items are imported once no file has changed for `quietMs` (never later than 5 s after
 *   the first change), all those that landed together in one run, in order of version.
 * - Scratch and partial files (`item.xml.part`, `*.tmp`, editors' backups, hidden files) are
 *   not items: an item delivered as `x.part` and renamed to `x` is imported once, whole.
 * - An item whose import failed (its photo not there yet, a bad file) is tried again when
 *   its file changes or a photo lands beside it: nothing the agency sent is dropped.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { isContentChange } from '../lib/publisher.ts';
import { dropFolderSources, importSources, isPhotoFile, type AgencyImportOptions } from './agency.ts';
import { watchTree } from './watch-tree.ts';

/** How a watch of a drop folder runs. */
export interface DropWatchOptions {
  /** Quiet time before importing what landed (ms). */
  quietMs?: number;
  /** Longest wait after the first change, however busy the folder (ms). */
  maxWaitMs?: number;
  /** Resolves when the watch should stop (after the running import). */
  stop: Promise<void>;
}

/**
 * Imports a drop folder, then each item that lands in it, until `stop` resolves. Returns the
 * exit code: 0, or 1 when the folder could not be read or its watch broke.
 *
 * @example
 * await watchDropFolder('/srv/agency/drop', { out: 'content', now: new Date() }, { stop: signalled });
 */
export async function watchDropFolder(
  folder: string,
  options: AgencyImportOptions,
  { quietMs = 250, maxWaitMs = 5000, stop }: DropWatchOptions,
): Promise<number> {
  const say = (message: string) => console.log(`import: ${message}`);
  /** Items whose import failed, by path: tried again when they or a photo change. */
  let failed = new Set<string>();
  /** Names changed since the last import, in the folder itself (items sit at its top). */
  const landed = new Set<string>();
  let firstChangeMs: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let broken = false;
  let brake = () => undefined as void;
  const rootBroken = new Promise<void>((resolve) => (brake = resolve));

  const importNow = async (names: readonly string[]) => {
    const photo = names.some(isPhotoFile);
    const retried = photo ? [...failed] : [];
    const sources = dropFolderSources(folder, [...new Set([...names, ...retried.map((path) => basename(path))])]);
    if (sources.length === 0) return;
    const result = await importSources(sources, { ...options, now: new Date() });
    const tried = new Set(sources.map((source) => source.label));
    failed = new Set([...[...failed].filter((path) => !tried.has(path) && existsSync(path)), ...result.failed]);
    if (result.failed.size > 0) {
      say(`${result.failed.size} item(s) not imported; each is tried again when it or a photo beside it changes`);
    }
  };

  const flush = () => {
    timer = undefined;
    firstChangeMs = undefined;
    const names = [...landed].sort();
    landed.clear();
    running = running
      .then(() => importNow(names))
      .catch((error: unknown) => {
        console.error(`import: ${error instanceof Error ? error.message : String(error)}`);
      });
  };

  // Watching starts before the folder is read, so that nothing landing meanwhile is missed:
  // what lands during the first import is imported after it.
  const watching = watchTree(
    folder,
    (path) => {
      if (path.includes('/') || !isContentChange(path)) return;
      landed.add(path);
      const now = Date.now();
      firstChangeMs ??= now;
      clearTimeout(timer);
      timer = setTimeout(flush, Math.max(0, Math.min(quietMs, firstChangeMs + maxWaitMs - now)));
    },
    {
      onError: (where, error) => {
        // Only the folder itself matters: items sit at its top, not in folders inside it.
        if (where !== '.') return;
        broken = true;
        console.error(`import: cannot watch ${folder}: ${error.message}; stopping`);
        brake();
      },
    },
  );
  running = importSources(dropFolderSources(folder), options).then(
    (first) => {
      failed = first.failed;
      say(`watching ${folder} for new items (Ctrl-C to stop)`);
    },
    (error: unknown) => {
      broken = true;
      console.error(`import: ${error instanceof Error ? error.message : String(error)}; stopping`);
      brake();
    },
  );
  try {
    await Promise.race([stop, rootBroken]);
    // What landed and waits for its quiet time is imported before stopping.
    clearTimeout(timer);
    if (landed.size > 0) flush();
    await running;
  } finally {
    watching.close();
  }
  say('stopped');
  return broken ? 1 : 0;
}
