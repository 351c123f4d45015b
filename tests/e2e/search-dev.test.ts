import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/astro';
import { launchBrowser } from '../helpers/browser';
import { readSeed } from '../helpers/seed';
import { SEED_STORY_PATH } from '../helpers/site';

const scratch = mkdtempSync(join(tmpdir(), 'wire-dev-'));
let server: ChildProcess;
let site = '';
let log = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

beforeAll(async () => {
  const port = await freePort();
  site = `http://127.0.0.1:${port}`;
  // Vitest's own variables (NODE_ENV=test among them) would make astro dev answer 404.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_ENV$|TEST$)/.test(name)),
  );
  server = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: { ...env, WIRE_CACHE_DIR: join(scratch, 'cache'), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`astro dev exited early:\n${log}`);
    if (
      await fetch(`${site}/search/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`astro dev did not answer within 150 s:\n${log}`);
});
afterAll(() => {
  if (server?.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
});

describe('the dev server (npm run dev)', () => {
  it('serves a search index of the story pages it renders', async () => {
    const entry = (await (await fetch(`${site}/pagefind/pagefind-entry.json`)).json()) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages.en?.page_count).toBe(1);
  });

  it('serves the manifest of its bundles, as a build writes it', async () => {
    const response = await fetch(`${site}/pagefind/bundles.json`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const entry = (await (await fetch(`${site}/pagefind/pagefind-entry.json`)).json()) as {
      languages: Record<string, { hash: string }>;
    };
    expect(await response.json()).toEqual({
      bundles: [{ name: 'main', bundle: '/pagefind/', languages: { en: 1 }, index: entry.languages.en?.hash }],
    });
  });

  it('finds the seed story on /search/', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${site}/search/?q=dombrovskis`);
      await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') !== '');
      expect(await page.locator('#search-status').innerText()).toBe('1 story matches “dombrovskis”.');
      expect(await page.locator('#search-results h2 a').getAttribute('href')).toBe(SEED_STORY_PATH);
      expect(await page.locator('#search-results h2 a').innerText()).toBe(readSeed().title);
    } finally {
      await browser.close();
    }
  });
});
