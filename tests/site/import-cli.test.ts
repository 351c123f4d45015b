import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runAstro } from '../helpers/astro';
import { readSeed, SEED_COPY } from '../helpers/seed';
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

/** Runs the importer from another folder, so its content/ is that folder's. */
function runIn(cwd: string, args: string[]) {
  const result = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'node'),
    [join(ROOT, 'src', 'cli', 'import.ts'), ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const seed = readSeed();

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
    expect(stderr).toMatch(/content\/tokayev-peace-initiatives-ukraine\.md already has the id/);
  });

  it('refuses an entry whose id a hand-written story with no slug: line already has', () => {
    const folder = mkdtempSync(join(scratch, 'noslug-'));
    mkdirSync(join(folder, 'content', '2023'), { recursive: true });
    writeFileSync(
      join(folder, 'content', '2023', 'hand.md'),
      `---\ntitle: '${seed.title}'\ndescription: D.\npubDate: 2023-06-20\ndateline:\n  place: Astana\nagency: EFE\nsection: World\nlang: en\n---\n\nText.\n`,
    );
    const { status, stderr } = runIn(folder, [SEED_COPY, '--year', '2023']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/content\/2023\/hand\.md already has the id "tokayev-calls-for-support/);
  });

  it('sees a twin made by an edit after the last import, when its index of content/ is stored', () => {
    const folder = mkdtempSync(join(scratch, 'index-'));
    mkdirSync(join(folder, 'content'), { recursive: true });
    const other = (title: string) =>
      `---\ntitle: '${title}'\ndescription: D.\npubDate: 2023-06-20\ndateline:\n  place: Astana\nagency: EFE\nsection: World\nlang: en\n---\n\nText.\n`;
    writeFileSync(join(folder, 'content', 'other.md'), other('Another story'));
    // The first import stores the index, with other.md under another id.
    const first = runIn(folder, [SEED_COPY, '--year', '2023', '--out', join(folder, 'content', 'first.md')]);
    expect(first.status, first.stderr).toBe(0);
    // An editor retitles other.md to the seed's headline; the next import must see it.
    writeFileSync(join(folder, 'content', 'other.md'), other(`${seed.title}`));
    rmSync(join(folder, 'content', 'first.md'));
    const { status, stderr } = runIn(folder, [SEED_COPY, '--year', '2023']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/content\/other\.md already has the id "tokayev-calls-for-support/);
  });

  it('never writes through a symbolic link given as --out, even a dangling one', () => {
    const folder = mkdtempSync(join(scratch, 'link-'));
    const aim = join(folder, 'elsewhere.md');
    const link = join(folder, 'story.md');
    symlinkSync(aim, link);
    for (const force of [[], ['--force']]) {
      const { status, stderr } = run([SEED_COPY, '--year', '2023', '--out', link, ...force]);
      expect(status).toBe(1);
      expect(stderr).toMatch(/--out: .*story\.md is a symbolic link; not writing through it/);
      expect(existsSync(aim)).toBe(false);
    }
  });

  it('refuses a file that is not UTF-8, naming the line', () => {
    const latin1 = join(scratch, 'latin1.txt');
    writeFileSync(
      latin1,
      Buffer.concat([Buffer.from('World\nHeadline\nM'), Buffer.from([0xe1]), Buffer.from('laga, Jun 20 (EFE).- x\n')]),
    );
    const { status, stderr } = run([latin1, '--year', '2023', '--out', join(scratch, 'latin1.md')]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^import: line 3: not UTF-8: byte 0xE1 at column 2/);
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
