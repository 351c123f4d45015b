/**
 * `npm run import -- <folder> --watch`: imports an agency drop folder, then stays up and
 * imports each item as it lands, so that with `npm run publisher` running, a story is live
 * seconds after the agency delivers it. Runs on plain Node (no Astro).
 *
 * - A change in the folder starts a look at it once no file has changed for `quietMs`
 *   (never later than 5 s after the first change). Every item file that is new or changed
 *   (by size, times and inode) since it was last tried is imported, all in one run, in
 *   order of version. The events only say when to look, so an event the system dropped
 *   during a long import costs nothing: the folder is looked at again after each import.
 * - Scratch and partial files (`item.xml.part`, `*.tmp`, editors' backups, hidden files) are
 *   not items: an item delivered as `x.part` and renamed to `x` is imported once, whole.
 * - A symbolic link is refused, never followed: it is reported as an error for its name.
 * - An item whose import failed (its photo not there yet, a bad file) is tried again when
 *   its file changes, or when anything else changes: a photo lands in the folder or a folder
 *   in it. Nothing the agency sent is dropped.
 * - The folder deleted, moved away or replaced stops the watch with exit status 1, so that a
 *   service manager restarts it or someone is told.
 */
import { lstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isContentChange } from '../lib/publisher.ts';
import { dropFolderSources, importSources, isDropItem, type AgencyImportOptions } from './agency.ts';
import { watchTree } from './watch-tree.ts';

/** How a watch of a drop folder runs. */
export interface DropWatchOptions {
  /** Quiet time before importing what landed (ms). */
  quietMs?: number;
  /** Longest wait after the first change, however busy the folder (ms). */
  maxWaitMs?: number;
  /** How often the folder itself is checked to be there, in case no event says it went (ms). */
  checkMs?: number;
  /** Resolves when the watch should stop (after the running import). */
  stop: Promise<void>;
}

/**
 * What a file was when it was last tried: a file written again or replaced has another.
 *
 * @example
 * stampOf('/srv/drop/efe-1.xml'); // '5123:1782300000000.123:1782300000000.123:4456'
 */
export function stampOf(path: string): string | undefined {
  // The file itself, not what a link points to: a link is refused, and a file put in its place is new.
  const stat = lstatSync(path, { throwIfNoEntry: false });
  return stat && `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
}

/**
 * The item files due for an import: those whose stamp differs from the one they had when
 * last tried (new files among them), and with `retry`, those that failed last time.
 *
 * @example
 * dueItems(new Map([['a.xml', '1'], ['b.xml', '2']]), new Map([['a.xml', '1'], ['b.xml', '3']]), new Set(), false); // ['b.xml']
 */
export function dueItems(
  tried: ReadonlyMap<string, string>,
  now: ReadonlyMap<string, string>,
  failed: ReadonlySet<string>,
  retry: boolean,
): string[] {
  return [...now]
    .filter(([path, stamp]) => tried.get(path) !== stamp || (retry && failed.has(path)))
    .map(([path]) => path);
}

/**
 * Imports a drop folder, then each item that lands in it, until `stop` resolves. Returns the
 * exit code: 0, or 1 when the folder could not be read, went away or its watch broke.
 *
 * @example
 * await watchDropFolder('/srv/agency/drop', { out: 'content', now: new Date() }, { stop: signalled });
 */
export async function watchDropFolder(
  folder: string,
  options: AgencyImportOptions,
  { quietMs = 250, maxWaitMs = 5000, checkMs = 5000, stop }: DropWatchOptions,
): Promise<number> {
  const say = (message: string) => console.log(`import: ${message}`);
  /** Each item file's stamp when it was last tried, by path. */
  let tried = new Map<string, string>();
  /** Items whose import failed, by path: tried again when they change, or anything but an item does. */
  let failed = new Set<string>();
  let retryFailed = false;
  let firstChangeMs: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopping = false;
  let broken = false;
  let brake = () => undefined as void;
  const rootBroken = new Promise<void>((resolve) => (brake = resolve));
  const stopBroken = (message: string) => {
    if (broken) return;
    broken = true;
    console.error(`import: ${message}; stopping`);
    brake();
  };

  /** Why the folder can no longer be watched (gone, moved away, replaced), if it cannot. */
  const inode = statSync(folder).ino;
  const folderProblem = (): string | undefined => {
    const stat = statSync(folder, { throwIfNoEntry: false });
    if (!stat?.isDirectory()) return `${folder} is gone (deleted or moved away)`;
    if (stat.ino !== inode) return `${folder} was replaced by another folder; start the watch again to watch it`;
    return undefined;
  };

  /** Imports every item new or changed since it was last tried; at the start, reports scratch files too. */
  const importDue = async (first: boolean) => {
    const retry = retryFailed;
    retryFailed = false;
    const problem = folderProblem();
    if (problem) return stopBroken(problem);
    let listed;
    try {
      listed = dropFolderSources(folder);
    } catch (error) {
      return stopBroken(`cannot read ${folder}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const items = listed.filter((source) => source.skipped === undefined);
    const now = new Map<string, string>();
    for (const { label } of items) {
      const stamp = stampOf(label);
      if (stamp !== undefined) now.set(label, stamp);
    }
    const due = new Set(dueItems(tried, now, failed, retry));
    tried = now;
    const sources = listed.filter((source) => due.has(source.label) || (first && source.skipped !== undefined));
    if (sources.length === 0) return;
    let result;
    try {
      result = await importSources(sources, { ...options, now: new Date() });
    } catch (error) {
      // Not one item's problem (the content folder unreadable, say): every item due is
      // tried again at the next change in the folder, and a watch that cannot start stops.
      for (const path of due) tried.delete(path);
      const message = error instanceof Error ? error.message : String(error);
      if (first) return stopBroken(message);
      console.error(`import: ${message}; ${due.size} item(s) tried again at the next change in the folder`);
      return;
    }
    failed = new Set([...[...failed].filter((path) => now.has(path) && !due.has(path)), ...result.failed]);
    if (result.failed.size > 0) {
      say(`${result.failed.size} item(s) not imported; each is tried again when it changes or a photo lands`);
    }
    // Events can be lost while a long import holds the process: look once more.
    if (due.size > 0) schedule(0);
  };

  const flush = (first = false) => {
    timer = undefined;
    firstChangeMs = undefined;
    running = running
      .then(() => importDue(first))
      .catch((error: unknown) => {
        console.error(`import: ${error instanceof Error ? error.message : String(error)}`);
      });
  };

  const schedule = (waitMs: number) => {
    if (stopping) return;
    const now = Date.now();
    firstChangeMs ??= now;
    clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(waitMs, firstChangeMs + maxWaitMs - now)));
  };

  // Watching starts before the folder is read, so that nothing landing meanwhile is missed:
  // what lands during the first import is imported after it.
  const watching = watchTree(
    folder,
    (path) => {
      if (!isContentChange(path)) return;
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (name.startsWith('.') && path !== '.') return;
      // Items sit at the top of the folder. Anything else that changes (a photo, a folder of
      // photos, a change the system could not name) may be what a failed item waits for.
      if (
        path.includes('/') ||
        !isDropItem(name) ||
        statSync(join(folder, path), { throwIfNoEntry: false })?.isDirectory()
      ) {
        retryFailed = true;
      }
      schedule(quietMs);
    },
    {
      onError: (where, error) => {
        // Only the folder itself matters to items; a photo folder's is reported, not fatal.
        if (where !== '.') {
          console.error(
            `import: cannot watch ${where} in ${folder}: ${error.message}; photos landing there wait for the next change`,
          );
          return;
        }
        stopBroken(`cannot watch ${folder}: ${error.message}`);
      },
    },
  );
  const checking = setInterval(() => {
    const problem = folderProblem();
    if (problem) stopBroken(problem);
  }, checkMs);
  flush(true);
  running = running.then(() => {
    if (!broken) say(`watching ${folder} for new items (Ctrl-C to stop)`);
  });
  try {
    await Promise.race([stop, rootBroken]);
    // What landed and waits for its quiet time is imported before stopping; nothing after.
    stopping = true;
    if (timer !== undefined && !broken) {
      clearTimeout(timer);
      flush();
    }
    await running;
  } finally {
    clearTimeout(timer);
    clearInterval(checking);
    watching.close();
  }
  say('stopped');
  return broken ? 1 : 0;
}
