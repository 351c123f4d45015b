import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { emptiedFolders, staleFiles, type OutputFile } from '../lib/prune.ts';
import { listTree, type ListingHandoff, type Stamp } from './tree.ts';

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
export function incremental({
  leave = () => false,
  handoff,
}: {
  /** Whether a top-level folder of the output belongs to a later step (the search bundles), which replaces or deletes it itself. */
  leave?: (folder: string) => boolean;
  /** Where to leave the listing of what remains, with each file's stamp, for the later steps (search and deploy). */
  handoff?: ListingHandoff;
} = {}): AstroIntegration {
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
        handoff?.clear(); // an earlier build's listing is not this one's
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
      'astro:build:done': ({ assets, logger }) => {
        const started = performance.now();
        const kept = new Set<string>();
        for (const urls of assets.values()) {
          for (const url of urls) kept.add(relative(outDir, fileURLToPath(url)).split(sep).join('/'));
        }
        // The search bundles belong to the search step, which keeps, rewrites or deletes them:
        // they are not walked (at 10,000 stories they hold two thirds of the files).
        const within = (name: string) => !leave(name);
        const tree = listTree(outDir, within);
        const stamps = new Map<string, Stamp>();
        const files: OutputFile[] = tree.files.map((path) => {
          const { size, mtimeMs } = statSync(join(outDir, path));
          stamps.set(path, { size, mtimeMs });
          return { path, mtimeMs };
        });
        const stale = new Set(staleFiles(files, { startedMs, kept }));
        for (const path of stale) {
          unlinkSync(join(outDir, path));
          stamps.delete(path);
        }
        const remaining = [...tree.others, ...files.map((file) => file.path).filter((path) => !stale.has(path))];
        for (const folder of emptiedFolders(tree.folders, remaining)) {
          try {
            rmdirSync(join(outDir, folder));
          } catch {
            // something was put there meanwhile: leave it
          }
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`${files.length} files checked, ${stale.size} this build no longer makes removed, in ${seconds} s`);
        handoff?.put({ within, stamps });
        writeFileSync(statePath(), JSON.stringify({ outDir, finished: true }));
      },
    },
  };
}
