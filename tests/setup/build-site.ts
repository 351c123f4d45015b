import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = fileURLToPath(new URL('../.build/site/', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the site was built into for this test run. */
    siteDir: string;
  }
}

/** Builds the site once per test run, from content/, into tests/.build/site. */
export default function setup(project: TestProject) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const result = spawnSync('npx', ['astro', 'build', '--silent'], {
    cwd: root,
    env: { ...process.env, WIRE_OUT_DIR: outDir },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`astro build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  project.provide('siteDir', outDir);
}
