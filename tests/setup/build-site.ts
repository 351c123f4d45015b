import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { copyProject } from '../helpers/astro';
import { freePort } from '../helpers/net';

const root = fileURLToPath(new URL('../..', import.meta.url));
const buildDir = fileURLToPath(new URL('../.build/', import.meta.url));
const outDir = join(buildDir, 'site/');
const editions = {
  fixtures: fileURLToPath(new URL('../fixtures/editions/', import.meta.url)),
  content: join(buildDir, 'editions-content/'),
  outDir: join(buildDir, 'editions/'),
  cacheDir: join(buildDir, 'editions-cache/'),
  /** A copy of the project the editions site is built from (see copyProject). */
  project: join(buildDir, 'editions-project/'),
};

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the site was built into for this test run. */
    siteDir: string;
    /** Where the built site is served for browser tests, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    /** The site built from the language-editions fixtures (tests/fixtures/editions). */
    editionsDir: string;
    /** Where the editions site is served. */
    editionsUrl: string;
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

/** Runs a command in `cwd` (the repository root); rejects with its output when it fails. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = root): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      status === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(' ')} failed (exit ${status}):\n${output}`)),
    );
  });
}

/**
 * The editions fixture: an English story and an Arabic one as written, the Spanish version
 * of the English story imported from raw wire text with `npm run import -- --lang es`
 * (as an editor would), and 21 short Spanish stories so the Spanish edition has two pages.
 */
async function prepareEditions(): Promise<void> {
  rmSync(editions.content, { recursive: true, force: true });
  cpSync(join(editions.fixtures, 'content'), editions.content, { recursive: true });
  await run(
    'npm',
    [
      'run',
      'import',
      '--silent',
      '--',
      join(editions.fixtures, 'wire/spain-gdp-q2-2023.es.txt'),
      '--lang',
      'es',
      '--year',
      '2023',
      '--tags',
      'España,PIB',
      '--translation-key',
      'spain-gdp-q2-2023',
      '--out',
      editions.content,
    ],
    process.env,
  );
  for (let n = 1; n <= 21; n++) {
    const day = String(n).padStart(2, '0');
    writeFileSync(
      join(editions.content, `breve-${day}.md`),
      [
        '---',
        `title: 'Nota breve número ${n}'`,
        `description: 'Resumen de la nota breve número ${n}.'`,
        `pubDate: 2023-05-${day}`,
        'dateline:',
        '  place: Madrid',
        'agency: EFE',
        'section: Breves',
        'lang: es',
        '---',
        '',
        `Texto de la nota breve número ${n}, publicada por la agencia.`,
        '',
      ].join('\n'),
    );
  }
}

/** Builds a site into `dir` and serves it with `astro preview`; returns its address and a stop function. */
async function serve(env: NodeJS.ProcessEnv): Promise<{ url: string; stop: () => void }> {
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
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/`, server, () => output);
  return {
    url,
    stop: () => {
      if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    },
  };
}

/**
 * Builds the site once per test run, from content/, into tests/.build/site, and the
 * language-editions fixture into tests/.build/editions (side by side), then serves both
 * with `astro preview` on 127.0.0.1 for the browser tests; stops the servers afterwards.
 */
export default async function setup(project: TestProject) {
  for (const dir of [outDir, editions.outDir]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  const siteEnv = { ...process.env, WIRE_OUT_DIR: outDir };
  const editionsEnv = {
    ...process.env,
    WIRE_CONTENT_DIR: editions.content,
    WIRE_OUT_DIR: editions.outDir,
    WIRE_CACHE_DIR: editions.cacheDir,
    // Archive search bundles of up to 5 stories, so that the editions' search pages merge
    // four bundles as a large archive's do: main (February), 2023-05 (21 stories, alone),
    // 2023-07 and recent (January 2024).
    WIRE_SEARCH_BUNDLE_STORIES: '5',
  };
  // Builds of one checkout take turns (src/integrations/checkout-lock.ts): the editions site
  // is built from a copy of the project, beside the main one.
  rmSync(editions.project, { recursive: true, force: true });
  copyProject(editions.project);
  const build = (env: NodeJS.ProcessEnv, cwd?: string) => run('npx', ['astro', 'build', '--silent'], env, cwd);
  await Promise.all([build(siteEnv), prepareEditions().then(() => build(editionsEnv, editions.project))]);
  project.provide('siteDir', outDir);
  project.provide('editionsDir', editions.outDir);

  const servers = await Promise.all([serve(siteEnv), serve(editionsEnv)]);
  project.provide('baseUrl', servers[0].url);
  project.provide('editionsUrl', servers[1].url);
  return () => {
    for (const server of servers) server.stop();
  };
}
