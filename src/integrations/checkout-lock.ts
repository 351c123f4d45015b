import { mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Files of Astro's `.astro/` folder that one build writes for its own content and reads back
 * later in the same build: the import map of the content's photos and of its modules. Astro
 * rewrites them only when the content changed since its cache's last build, so a file left
 * by a build of other content would be read as this build's.
 */
export const BUILD_STATE_FILES = ['content-assets.mjs', 'content-modules.mjs'] as const;

/** Marks, on the process, that the lock is given back when it exits. */
const EXIT_RELEASE = Symbol.for('wire-reader.checkout-lock.exit-release');

/** The lock file in a project's `.astro/` folder. */
const buildLockPath = (dotAstro: string) => join(dotAstro, 'build.lock');

/**
 * Gives back this process's lock on the checkout at `root` (a folder path) once its build
 * has ended, for a process that stays up after building (the publisher's builder), so that
 * `npm run build` and the tests' builds of the same checkout can take their turn between
 * its builds.
 *
 * @example
 * await build({ root }); releaseBuildLock(root);
 */
export function releaseBuildLock(root: string): void {
  releaseLock(buildLockPath(join(root, '.astro')));
}

/** How long an unreadable lock file (its writer died before naming itself) is waited for. */
const UNNAMED_LOCK_MS = 10_000;

/** Whether a process of this id is running (one of another user counts as running). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Options of {@link takeLock}. */
export interface LockOptions {
  /** This process's id, written into the lock (default `process.pid`). */
  pid?: number;
  /** Milliseconds between tries (default 200). */
  pollMs?: number;
  /** Told once, with the holder's id, when the lock is held and this call starts waiting. */
  onWait?: (holder: number | undefined) => void;
}

/**
 * Takes the lock file at `path` for this process: creates it holding the process id, waiting
 * while a running process holds it, and taking it over from a process that is gone (killed
 * mid-build). Resolves to `true` when taken, `false` when this process already held it.
 * Between processes that take a stale lock at the same moment it is not airtight: it keeps
 * builds of one checkout apart, it is no general mutex.
 *
 * @example
 * const taken = await takeLock('/repo/.astro/build.lock'); // true; false when already ours
 * releaseLock('/repo/.astro/build.lock');
 */
export async function takeLock(path: string, options: LockOptions = {}): Promise<boolean> {
  const { pid = process.pid, pollMs = 200, onWait } = options;
  let told = false;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(pid));
      closeSync(fd);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = lockHolder(path);
    if (holder === pid) return false;
    const unnamedAndOld = holder === undefined && ageMs(path) > UNNAMED_LOCK_MS;
    if ((holder !== undefined && !isRunning(holder)) || unnamedAndOld) {
      rmSync(path, { force: true });
      continue;
    }
    if (!told) {
      onWait?.(holder);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * Gives the lock at `path` back when this process (`pid`) holds it; leaves another's alone.
 *
 * @example
 * releaseLock('/repo/.astro/build.lock');
 */
export function releaseLock(path: string, pid: number = process.pid): void {
  if (lockHolder(path) === pid) rmSync(path, { force: true });
}

/** The process id a lock file names, or undefined (no file, or not written yet). */
function lockHolder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * One build at a time per checkout. Astro 7 keeps part of a build's state in the project's
 * `.astro/` folder whatever `cacheDir` and `outDir` say: the photo and module import maps
 * of the content being built ({@link BUILD_STATE_FILES}), and the prerender bundle when the
 * output folder lies outside the working directory. Two builds of different content from
 * one checkout at once (the test suite's fixture sites, the benchmark, an editor's build
 * while the tests run) read each other's maps, and lose photos, or delete each other's
 * bundle and fail. So `astro build` and `astro sync` take `.astro/build.lock` first (a
 * second one waits, saying for whom) and hold it until the process exits (or, in the
 * publisher's builder, which builds again and again, until {@link releaseBuildLock}); and with it
 * taken, they delete the import maps a build of other content may have left, so Astro
 * writes this build's own.
 */
export function oneBuildPerCheckout(): AstroIntegration {
  return {
    name: 'wire-reader-one-build-per-checkout',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'sync') return;
        const dotAstro = fileURLToPath(new URL('.astro/', config.root));
        mkdirSync(dotAstro, { recursive: true });
        const lock = buildLockPath(dotAstro);
        const taken = await takeLock(lock, {
          onWait: (holder) =>
            logger.info(`waiting for ${holder === undefined ? 'another build' : `build ${holder}`} of this checkout`),
        });
        if (!taken) return;
        // Once per process: a process that builds many times (the publisher's builder) would
        // otherwise add a listener per build.
        const registered = globalThis as { [EXIT_RELEASE]?: boolean };
        if (!registered[EXIT_RELEASE]) process.once('exit', () => releaseLock(lock));
        registered[EXIT_RELEASE] = true;
        for (const file of BUILD_STATE_FILES) rmSync(join(dotAstro, file), { force: true });
      },
    },
  };
}
