import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, rmdir, stat, unlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { staleFiles } from '../lib/prune.ts';

/** Astro's incremental-build manifest, in the cache folder. */
const MANIFEST = 'incremental-build.json';
/** Our note, in the cache folder, of which output folder the cache last built, and whether that build finished. */
const STATE = 'wire-incremental.json';

/**
 * Incremental builds that leave `dist/` in place. Astro's `experimental.incrementalBuild`
 * skips a page whose cache key and code are unchanged, and with `emptyOutDir: false` it
 * leaves that page's file where it is instead of copying it back. This integration does
 * the rest:
 * - at the start, when the cache last built another output folder, or its last build did
 *   not finish, it drops Astro's manifest so every page is rendered again: a file left in
 *   the folder is then never trusted;
 * - at the end, it deletes every file the build neither wrote nor kept (the pages of
 *   deleted stories, of emptied tags, old archive pages) and the folders left empty.
 * Steps that write into `dist/` after the build (compression, search indexing) must come
 * after this integration in `integrations`.
 */
export function incremental({ leave = [] }: { leave?: readonly string[] } = {}): AstroIntegration {
  // Folders a later step owns (the search bundles): it replaces or deletes them itself.
  const owned = leave.map((folder) => `${folder.replace(/^\/+|\/+$/g, '')}/`);
  let outDir = '';
  let cacheDir = '';
  let startedMs = 0;
  const statePath = () => join(cacheDir, STATE);
  return {
    name: 'wire-reader-incremental',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        startedMs = Date.now();
        let state: { outDir?: string; finished?: boolean } = {};
        try {
          state = JSON.parse(readFileSync(statePath(), 'utf8')) as typeof state;
        } catch {
          // no state yet: a first build
        }
        if (existsSync(join(cacheDir, MANIFEST)) && (state.outDir !== outDir || state.finished !== true)) {
          logger.info(`the cache did not last finish a build of ${outDir}: rendering every page`);
          rmSync(join(cacheDir, MANIFEST), { force: true });
        }
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(statePath(), JSON.stringify({ outDir, finished: false }));
      },
      'astro:build:done': async ({ assets, logger }) => {
        const kept = new Set<string>();
        for (const urls of assets.values()) {
          for (const url of urls) kept.add(relative(outDir, fileURLToPath(url)).split(sep).join('/'));
        }
        const names = (await readdir(outDir, { recursive: true })) as string[];
        const files = [];
        const folders = [];
        for (const name of names) {
          const path = name.split(sep).join('/');
          if (owned.some((folder) => `${path}/`.startsWith(folder))) continue;
          const info = await stat(join(outDir, name));
          if (info.isFile()) files.push({ path, mtimeMs: info.mtimeMs });
          else if (info.isDirectory()) folders.push(name);
        }
        const stale = staleFiles(files, { startedMs, kept });
        for (const path of stale) await unlink(join(outDir, path));
        // Folders left empty, deepest first.
        for (const folder of folders.sort((a, b) => b.length - a.length)) {
          await rmdir(join(outDir, folder)).catch(() => undefined);
        }
        if (stale.length > 0) logger.info(`removed ${stale.length} file(s) this build no longer makes`);
        writeFileSync(statePath(), JSON.stringify({ outDir, finished: true }));
      },
    },
  };
}
