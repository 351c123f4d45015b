/**
 * The publisher's folder watch (src/cli/watch-tree.ts) on real folders: every way an editor,
 * a copy tool or an agency feed changes a file must be seen, every time, not just the first.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchTree, type TreeWatch } from '../../src/cli/watch-tree';

let scratch: string;
let root: string;
let watching: TreeWatch;
let seen: string[];

/** What the watch reported since the last call, once the file system has settled. */
async function reported(): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 150));
  return [...new Set(seen.splice(0))];
}

/** Saves a file the way many editors and rsync do: a new copy renamed over the old one. */
function saveByRename(path: string, text: string): void {
  writeFileSync(`${path}.part`, text);
  renameSync(`${path}.part`, path);
}

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'wire-watch-'));
  root = join(scratch, 'content');
  mkdirSync(join(root, '2024/06'), { recursive: true });
  writeFileSync(join(root, '2024/06/astana.md'), 'one');
  seen = [];
  watching = watchTree(root, (path) => seen.push(path));
});
afterEach(() => {
  watching.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('watchTree', () => {
  it('sees every save of a file saved by renaming a new copy over it, and a plain write after', async () => {
    const file = join(root, '2024/06/astana.md');
    for (const text of ['two', 'three']) {
      saveByRename(file, text);
      expect(await reported()).toContain('2024/06/astana.md');
    }
    writeFileSync(file, 'four');
    expect(await reported()).toEqual(['2024/06/astana.md']);
  });

  it('watches a folder made after it started, and the files written in it later', async () => {
    mkdirSync(join(root, '2024/07/01'), { recursive: true });
    expect(await reported()).toContain('2024/07');
    writeFileSync(join(root, '2024/07/01/flash.md'), 'one');
    expect(await reported()).toEqual(['2024/07/01/flash.md']);
    writeFileSync(join(root, '2024/07/01/flash.md'), 'two');
    expect(await reported()).toEqual(['2024/07/01/flash.md']);
  });

  it('watches a folder moved in, with the folders inside it', async () => {
    mkdirSync(join(scratch, 'drop/efe'), { recursive: true });
    writeFileSync(join(scratch, 'drop/efe/item.md'), 'one');
    renameSync(join(scratch, 'drop'), join(root, 'drop'));
    expect(await reported()).toEqual(['drop']);
    writeFileSync(join(root, 'drop/efe/item.md'), 'two');
    expect(await reported()).toEqual(['drop/efe/item.md']);
  });

  it('reports a deleted folder, and watches one made again under the same name', async () => {
    rmSync(join(root, '2024'), { recursive: true });
    expect(await reported()).toContain('2024');
    mkdirSync(join(root, '2024/06'), { recursive: true });
    await reported();
    writeFileSync(join(root, '2024/06/again.md'), 'one');
    expect(await reported()).toEqual(['2024/06/again.md']);
  });

  it('reports nothing when nothing changed', async () => {
    expect(await reported()).toEqual([]);
  });

  describe('a folder it cannot watch', () => {
    /** An error as Node raises it when the system's inotify watches run out. */
    const noSpace = () =>
      Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' });

    it('is named, with the error, when its watch cannot be set, and the other folders are still watched', async () => {
      const problems: string[] = [];
      const other = watchTree(root, (path) => seen.push(path), {
        onError: (folder, error) => problems.push(`${folder}: ${error.message}`),
        watchFolder: (path, listener) => {
          if (path.endsWith('2024/06')) throw noSpace();
          return watch(path, listener);
        },
      });
      try {
        expect(problems).toEqual(['2024/06: ENOSPC: System limit for number of file watchers reached']);
        mkdirSync(join(root, '2025'));
        expect(await reported()).toContain('2025');
      } finally {
        other.close();
      }
    });

    it('is named when its watch breaks later, but a folder deleted meanwhile is not', async () => {
      const problems: string[] = [];
      const watches = new Map<string, FSWatcher>();
      const other = watchTree(root, () => undefined, {
        onError: (folder) => problems.push(folder),
        watchFolder: (path, listener) => {
          const watcher = watch(path, listener);
          watches.set(path.slice(root.length + 1) || '.', watcher);
          return watcher;
        },
      });
      try {
        watches.get('2024/06')?.emit('error', noSpace());
        expect(problems).toEqual(['2024/06']);
        rmSync(join(root, '2024'), { recursive: true });
        watches.get('2024')?.emit('error', noSpace());
        expect(problems).toEqual(['2024/06']);
      } finally {
        other.close();
      }
    });

    it('is not a problem when it is gone before its watch is set', () => {
      const problems: string[] = [];
      const other = watchTree(root, () => undefined, {
        onError: (folder) => problems.push(folder),
        watchFolder: (path, listener) => {
          if (path.endsWith('2024/06')) {
            rmSync(path, { recursive: true });
            throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
          }
          return watch(path, listener);
        },
      });
      other.close();
      expect(problems).toEqual([]);
    });
  });
});
