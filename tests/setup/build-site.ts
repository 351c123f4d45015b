import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePort } from '../helpers/net';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = fileURLToPath(new URL('../.build/site/', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the site was built into for this test run. */
    siteDir: string;
    /** Where the built site is served for browser tests, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
  }
}

async function waitFor(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`astro preview exited early:\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`astro preview did not answer at ${url} within 30 s:\n${log()}`);
}

/**
 * Builds the site once per test run, from content/, into tests/.build/site, then serves it
 * with `astro preview` on 127.0.0.1 for the browser tests; stops the server afterwards.
 */
export default async function setup(project: TestProject) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const env = { ...process.env, WIRE_OUT_DIR: outDir };
  const build = spawnSync('npx', ['astro', 'build', '--silent'], { cwd: root, env, encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`astro build failed (exit ${build.status}):\n${build.stdout}\n${build.stderr}`);
  }
  project.provide('siteDir', outDir);

  const port = await freePort();
  let output = '';
  const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/`, server, () => output);
  project.provide('baseUrl', baseUrl);

  return () => {
    if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  };
}
