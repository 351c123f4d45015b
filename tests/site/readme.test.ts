/**
 * The README's shell examples run as written from the repository root: paths they name
 * exist, the scripts they call are in package.json, and the quick ones are run. A command
 * not run here must match an entry of NOT_RUN, with the reason; a command that no rule
 * covers fails, so a new example cannot slip in untested.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/astro';
import { npmScripts, pathArguments, shellExamples, shellWords } from '../helpers/readme';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SCRIPTS = Object.keys(
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
);
const examples = shellExamples(README);
const scratch = mkdtempSync(join(tmpdir(), 'wire-readme-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Options whose value is a place the command writes to, so it need not exist beforehand. */
const OUTPUT_OPTIONS = ['--out'];

/** Commands the test does not run, each with the reason. Their paths and scripts are still checked. */
const NOT_RUN: { pattern: RegExp; why: string }[] = [
  {
    pattern: /^npm install && npm (start|test)$/,
    why: 'the set-up commands: CI runs `npm install && npm test` itself, and `npm start` serves until stopped',
  },
  { pattern: /^npm run dev$/, why: 'a live-reloading server that runs until stopped' },
  {
    pattern: /^((SITE_URL|WIRE_SEARCH_BUNDLE_STORIES)=\S+ )?npm run build( -- .*)?$/,
    why: 'a whole production build; the suite builds the site itself',
  },
  {
    pattern: /^(WIRE_\w+=\S+ )*npx node --cpu-prof .*node_modules\/astro\/bin\/astro\.mjs build$/,
    why: 'a whole production build under the CPU profiler; the suite builds the site itself',
  },
];

/** How the quick commands are run: the command line to give bash instead of the example's own. */
const RUNNERS: { pattern: RegExp; why: string; command: (example: string, out: string) => string }[] = [
  {
    pattern: /^npm run import -- \S+ --watch$/,
    why: 'the importer watching a drop folder, into a scratch folder: stopped with Ctrl-C (SIGINT) after 8 s, it must have imported the folder and say it stopped',
    command: (example, out) =>
      `timeout -s INT 8 ${example} --out ${out}/ > ${out}.log 2>&1; grep -q '^import: watching ' ${out}.log && grep -q '^import: stopped$' ${out}.log && ls ${out}/efe/*.md`,
  },
  {
    pattern: /^npm run import -- /,
    why: 'the importer, writing into a scratch folder instead of content/',
    command: (example, out) =>
      /\s--out\s+\S+/.test(example) ? example.replace(/(\s--out\s+)\S+/, `$1${out}/`) : `${example} --out ${out}/`,
  },
  {
    pattern: /^npm run preview:nginx$/,
    why: 'the nginx preview serves until stopped: its --help is run instead (test:deploy runs nginx itself)',
    command: (example) => `${example} -- --help`,
  },
  {
    pattern: /^npm run publisher( -- .*)?$/,
    why: 'the publisher builds and watches until stopped: its --help is run instead (tests/site/publisher.test.ts runs it)',
    command: () => 'npm run publisher -- --help',
  },
  {
    pattern: /^npm run bench( |$)/,
    why: 'the benchmark as a dry run: its options are read and checked, nothing is built',
    command: (example) => (example.includes(' -- ') ? `${example} --dry-run` : `${example} -- --dry-run`),
  },
];

describe('README.md', () => {
  it('has shell examples to check', () => {
    expect(examples.length).toBeGreaterThan(3);
  });

  it.each(['npm install && npm start', 'npm install && npm test'])('keeps the set-up command "%s"', (command) => {
    expect(examples.map((example) => example.command)).toContain(command);
  });

  it.each(npmScripts(README).map(({ line, script }) => ({ line, script, where: `README.md:${line}` })))(
    '$where names npm script "$script", which package.json has',
    ({ script, where }) => {
      expect(SCRIPTS, `${where}: "npm run ${script}" is not a script in package.json`).toContain(script);
    },
  );

  it.each(['import', 'bench', 'preview:nginx', 'publisher'])('npm run %s -- --help prints its usage', (script) => {
    const run = spawnSync('npm', ['run', '--silent', script, '--', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Usage: npm run ${script}`));
  });
});

describe.each(examples.map((example) => ({ ...example, where: `README.md:${example.line}` })))(
  '$where: $command',
  ({ command, where }) => {
    const words = shellWords(command);

    it('names only files that are in the repository', () => {
      for (const path of pathArguments(words, OUTPUT_OPTIONS)) {
        const inside = !isAbsolute(path) && !relative(ROOT, join(ROOT, path)).startsWith('..');
        expect(inside, `${where}: "${path}" is outside the repository; use a path inside it`).toBe(true);
        expect(existsSync(join(ROOT, path)), `${where}: "${path}" does not exist`).toBe(true);
      }
    });

    const runner = RUNNERS.find((rule) => rule.pattern.test(command));
    const skipped = NOT_RUN.find((rule) => rule.pattern.test(command));

    it('is either run here or listed as not run, with the reason', () => {
      expect(
        runner ?? skipped,
        `${where}: no rule of tests/site/readme.test.ts covers "${command}"; add it to RUNNERS or NOT_RUN`,
      ).toBeDefined();
    });

    if (runner) {
      it(`runs as written (${runner.why})`, () => {
        const out = mkdtempSync(join(scratch, 'run-'));
        const run = spawnSync('bash', ['-c', runner.command(command, out)], {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
          timeout: 120_000,
        });
        expect(run.status, `${where}: "${command}" failed:\n${run.stdout}\n${run.stderr}`).toBe(0);
      });
    }
  },
);
