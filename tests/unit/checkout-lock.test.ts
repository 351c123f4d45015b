/**
 * The build lock of a checkout (src/integrations/checkout-lock.ts): builds of one checkout
 * share Astro's .astro/ folder, so they take turns. The race itself, two builds of
 * different content at once losing photos, needs two whole builds: see the commit that
 * added the lock for the reproduction.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRunning, releaseBuildLock, releaseLock, takeLock } from '../../src/integrations/checkout-lock';

let dir: string;
let lock: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wire-lock-'));
  lock = join(dir, 'build.lock');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The id of a process that has exited. */
function goneProcess(): number {
  const run = spawnSync(process.execPath, ['-e', '']);
  expect(run.pid).toBeGreaterThan(0);
  return run.pid as number;
}

/** Whether a promise has settled within `ms`. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);
}

describe('takeLock and releaseLock', () => {
  it('takes a free lock at once, naming this process, and gives it back', async () => {
    expect(await takeLock(lock, { pid: 4242 })).toBe(true);
    expect(readFileSync(lock, 'utf8')).toBe('4242');
    releaseLock(lock, 4242);
    expect(existsSync(lock)).toBe(false);
  });

  it('says so when this process already holds the lock, and keeps it', async () => {
    await takeLock(lock);
    expect(await takeLock(lock)).toBe(false);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
  });

  it('waits while a running process holds the lock, tells whom it waits for, and takes it once released', async () => {
    const holder = process.ppid;
    expect(isRunning(holder)).toBe(true);
    writeFileSync(lock, String(holder));
    const waitedFor: (number | undefined)[] = [];
    const taking = takeLock(lock, { pid: 4242, pollMs: 20, onWait: (pid) => waitedFor.push(pid) });
    expect(await settledWithin(taking, 300)).toBe(false);
    expect(waitedFor).toEqual([holder]);
    releaseLock(lock, holder);
    expect(await settledWithin(taking, 1_000)).toBe(true);
    expect(readFileSync(lock, 'utf8')).toBe('4242');
  });

  it('takes over the lock of a process that is gone (a build killed midway)', async () => {
    const gone = goneProcess();
    expect(isRunning(gone)).toBe(false);
    writeFileSync(lock, String(gone));
    expect(await settledWithin(takeLock(lock, { pid: 4242, pollMs: 20 }), 1_000)).toBe(true);
    expect(readFileSync(lock, 'utf8')).toBe('4242');
  });

  it.each([
    ['waits for a lock whose holder has not written its id yet', 0, false],
    ['takes over such a lock once it is old (its writer died first)', 60, true],
  ])('%s', async (_name, ageSeconds, taken) => {
    writeFileSync(lock, '');
    const then = new Date(Date.now() - ageSeconds * 1000);
    utimesSync(lock, then, then);
    expect(await settledWithin(takeLock(lock, { pid: 4242, pollMs: 20 }), 300)).toBe(taken);
  });

  it('leaves alone a lock another process holds when asked to give it back', () => {
    writeFileSync(lock, String(process.ppid));
    releaseLock(lock, 4242);
    expect(readFileSync(lock, 'utf8')).toBe(String(process.ppid));
  });
});

describe('releaseBuildLock', () => {
  it.each([
    { holder: 'this process', pid: () => process.pid, left: false },
    { holder: 'another running process', pid: () => process.ppid, left: true },
  ])("gives back the checkout's lock after a build when $holder holds it: left in place $left", ({ pid, left }) => {
    mkdirSync(join(dir, '.astro'));
    const checkoutLock = join(dir, '.astro/build.lock');
    writeFileSync(checkoutLock, String(pid()));
    releaseBuildLock(dir);
    expect(existsSync(checkoutLock)).toBe(left);
  });
});
