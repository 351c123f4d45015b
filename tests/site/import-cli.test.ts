import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runAstro } from '../helpers/astro';
import { SEED_COPY } from '../helpers/seed';
import { readBuilt, SEED_STORY_PATH } from '../helpers/site';

const scratch = mkdtempSync(join(tmpdir(), 'wire-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(args: string[], input?: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync('npm', ['run', '--silent', 'import', '--', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run import', () => {
  it('prints its help', () => {
    const { status, stdout } = run(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/Usage: npm run import -- <file \| folder \| -> \[options\]/);
    expect(stdout).toMatch(/--force/);
  });

  it('refuses a call without an input, with the usage', () => {
    const { status, stderr } = run([]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/give one input/);
  });

  it('reads standard input, reports what it left out, and refuses to overwrite without --force', () => {
    const out = join(scratch, 'stdin', 'story.md');
    const first = run(['-', '--year', '2023', '--out', out], readFileSync(SEED_COPY, 'utf8'));
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/wrote .*story\.md \(17 paragraphs/);
    expect(first.stderr).toMatch(/standard input:40: left out page furniture: "Related Articles"/);
    const again = run(['-', '--year', '2023', '--out', out], readFileSync(SEED_COPY, 'utf8'));
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/story\.md exists; pass --force to overwrite it/);
    expect(run(['-', '--year', '2023', '--out', out, '--force'], readFileSync(SEED_COPY, 'utf8')).status).toBe(0);
  });

  it('refuses an entry whose slug another story under content/ already has', () => {
    const { status, stderr } = run([SEED_COPY, '--year', '2023']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/content\/tokayev-peace-initiatives-ukraine\.md already has the slug/);
  });

  it('fails with the line and what it expected on a text with no dateline', () => {
    const bad = join(scratch, 'bad.txt');
    writeFileSync(bad, 'World\nHeadline\nNo dateline here.\n');
    const { status, stderr } = run([bad, '--year', '2023', '--out', join(scratch, 'bad.md')]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^import: line 3: no dateline found: expected a paragraph opening like/);
  });

  it('imports the seed into an entry whose built page reads exactly like the committed story', () => {
    const content = join(scratch, 'content');
    const imported = run([SEED_COPY, '--year', '2023', '--tags', 'Kazakhstan', '--out', `${content}/`]);
    expect(imported.status).toBe(0);
    const build = runAstro('build', { content, scratch });
    expect(build.status, build.output).toBe(0);
    const outDir = build.dist;
    const text = (html: string) => cheerio.load(html)('.story-body').text();
    const fromImport = readFileSync(join(outDir, SEED_STORY_PATH, 'index.html'), 'utf8');
    expect(text(fromImport)).toBe(text(readBuilt(SEED_STORY_PATH)));
    expect(cheerio.load(fromImport)('h1').text()).toBe(cheerio.load(readBuilt(SEED_STORY_PATH))('h1').text());
  });
});
