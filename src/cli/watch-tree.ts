/**
 * Watches a folder and every folder under it, each with a watch of its own. Node's
 * `fs.watch(dir, { recursive: true })` on Linux puts a watch on every file, and a file
 * saved by writing a copy and renaming it over the old one (editors, rsync, `sed -i`,
 * agency feeds delivering `x.part` then `x`) keeps the watch of the file it replaced: its
 * later changes go unseen. A folder's own watch sees every file in it created, written,
 * renamed or deleted, however it is saved. Symbolic links are not followed, as the story
 * loader does not follow them.
 */
import { lstatSync, readdirSync, watch, type FSWatcher, type WatchListener } from 'node:fs';
import { join } from 'node:path';

/** A running watch; `close()` ends it. */
export interface TreeWatch {
  close: () => void;
}

/** How `watchTree` reports a folder it cannot watch, and (for tests) how it watches one. */
export interface TreeWatchOptions {
  /**
   * Called with a folder (relative to the root, `.` for the root itself) that exists but
   * cannot be watched, or whose watch broke: changes in it go unseen. The usual cause on
   * Linux is ENOSPC, the system's limit on inotify watches (`fs.inotify.max_user_watches`).
   * A folder that is gone is not a problem; its parent's watch reports it.
   */
  onError?: (folder: string, error: Error) => void;
  /** Watches one folder; `fs.watch` unless a test needs it to fail. */
  watchFolder?: (path: string, listener: WatchListener<string>) => FSWatcher;
}

/**
 * Calls `onChange` with the path (relative to `root`, `/` separated) of whatever changes
 * under `root`: a file or folder added, written, renamed or deleted. Folders added later,
 * or moved in, are watched from then on.
 *
 * Each folder costs one inotify watch; where one cannot be had, `onError` is told.
 *
 * @example
 * const watching = watchTree('content', (path) => console.log('changed', path), {
 *   onError: (folder, error) => console.error(`cannot watch ${folder}: ${error.message}`),
 * });
 * watching.close();
 */
export function watchTree(
  root: string,
  onChange: (path: string) => void,
  { onError = () => undefined, watchFolder = (path, listener) => watch(path, listener) }: TreeWatchOptions = {},
): TreeWatch {
  const watchers = new Map<string, FSWatcher>();

  const forget = (folder: string) => {
    for (const [path, watcher] of watchers) {
      if (path === folder || path.startsWith(`${folder}/`)) {
        watcher.close();
        watchers.delete(path);
      }
    }
  };

  const isFolder = (path: string) => {
    try {
      return lstatSync(join(root, path)).isDirectory();
    } catch {
      return false;
    }
  };

  /** Watches `folder` unless it is watched already, then any folder in it not yet watched. */
  const add = (folder: string) => {
    if (!watchers.has(folder)) {
      let watcher: FSWatcher;
      try {
        watcher = watchFolder(join(root, folder), (_event, name) => seen(folder, name));
      } catch (error) {
        // A folder gone already is reported by its parent's watch; one still there is lost.
        if (isFolder(folder)) onError(folder || '.', error as Error);
        return;
      }
      watcher.on('error', (error) => {
        forget(folder);
        if (isFolder(folder)) onError(folder || '.', error);
      });
      watchers.set(folder, watcher);
    }
    let entries: string[] = [];
    try {
      entries = readdirSync(join(root, folder), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
    } catch {
      // deleted meanwhile
    }
    for (const name of entries) {
      const path = folder ? `${folder}/${name}` : name;
      if (!watchers.has(path)) add(path);
    }
  };

  const seen = (folder: string, name: string | null) => {
    if (name === null) {
      // The change could not be named: look at the folder again, and report the folder.
      add(folder);
      onChange(folder || '.');
      return;
    }
    const path = folder ? `${folder}/${name}` : name;
    if (isFolder(path)) add(path);
    else if (watchers.has(path)) forget(path);
    onChange(path);
  };

  add('');
  return {
    close: () => {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
