import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, where astro runs. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where one astro run reads stories from and writes to (see astro.config.mjs and src/content.config.ts). */
export interface AstroFolders {
  /** Stories folder; content/ when left out. */
  content?: string;
  /** A scratch folder: the site goes to `<scratch>/dist`, Astro's cache to `<scratch>/cache`. */
  scratch: string;
}

/** Extra command-line arguments (`--strict`) and environment (`TZ`, `SITE_URL`) for one run. */
export interface AstroExtras {
  args?: string[];
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs `astro build` or `astro sync` on a stories folder with its own output and cache
 * folders, so runs never touch dist/ or each other; returns its exit status and output.
 */
export function runAstro(command: 'build' | 'sync', { content, scratch }: AstroFolders, extras: AstroExtras = {}) {
  const run = spawnSync('npx', ['astro', command, ...(extras.args ?? [])], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...extras.env,
      ...(content && { WIRE_CONTENT_DIR: content }),
      WIRE_OUT_DIR: join(scratch, 'dist'),
      WIRE_CACHE_DIR: join(scratch, 'cache'),
      NO_COLOR: '1',
    },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`, dist: join(scratch, 'dist') };
}

/** What a build reads from the project root, besides node_modules and the content. */
const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/**
 * Copies the project into `dir` (empty or missing), node_modules linked, for a build that
 * must not share this checkout's `.astro/` folder: Astro keeps part of a build's state
 * there, so builds of one checkout take turns (src/integrations/checkout-lock.ts), and one
 * from a copy runs beside them. Returns `dir`.
 */
export function copyProject(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const name of PROJECT_FILES) {
    if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}
