/**
 * `npm run import -- <drop folder> --watch`: the importer stays up and imports each agency
 * item as it lands, the way agencies deliver (a partial file renamed when whole, a photo
 * after its item, a revision later), and stops cleanly on SIGTERM.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/lib/frontmatter';
import { ROOT } from '../helpers/astro';

const scratch = mkdtempSync(join(tmpdir(), 'wire-import-watch-'));
const drop = join(scratch, 'drop');
const content = join(scratch, 'content');
const fixtures = join(ROOT, 'tests/fixtures/agency');
mkdirSync(drop);
copyFileSync(join(fixtures, 'drop/dpa-bahnstreik.xml'), join(drop, 'dpa-bahnstreik.xml'));
// A copy still arriving when the watch starts: reported, not imported.
copyFileSync(join(fixtures, 'drop/dpa-bahnstreik.xml'), join(drop, 'dpa-copy.xml.tmp'));

const watcher = spawn(process.execPath, ['src/cli/import.ts', drop, '--watch', '--out', content], {
  cwd: ROOT,
  env: { ...process.env, NO_COLOR: '1' },
});
let stdout = '';
let stderr = '';
watcher.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
watcher.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
const exited = new Promise<number | null>((resolve) => watcher.on('exit', resolve));
afterAll(async () => {
  watcher.kill('SIGKILL');
  await exited;
  rmSync(scratch, { recursive: true, force: true });
});

/** Waits until `text` has been printed `times` times on stdout or stderr. */
async function printed(text: string, times = 1, ms = 30_000): Promise<void> {
  const count = () => `${stdout}${stderr}`.split(text).length - 1;
  for (const end = Date.now() + ms; count() < times;) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms for "${text}"\n${stdout}\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const EFE = join(content, 'efe/urn-newsml-efe-es-20230620-4410271.md');
const DPA = join(content, 'dpa/urn-newsml-dpa-com-20230620-230620-99-104215.md');

describe('npm run import -- <drop folder> --watch', { timeout: 60_000 }, () => {
  it('imports what the folder holds when it starts, then watches it', async () => {
    await printed('import: watching');
    expect(existsSync(DPA)).toBe(true);
    expect(stdout).toContain('dpa-copy.xml.tmp: skipped: a partial or scratch file');
  });

  it('imports an item delivered as a partial file only once it is renamed whole', async () => {
    // Its photo is to come in a folder of photos, as some agencies deliver them.
    const item = readFileSync(join(fixtures, 'drop/efe-tokayev-v1.xml'), 'utf8');
    expect(item).toContain('Href="efe-foto-astana.jpg"');
    writeFileSync(
      join(drop, 'efe.xml.part'),
      item.replace('Href="efe-foto-astana.jpg"', 'Href="fotos/efe-foto-astana.jpg"'),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(stdout + stderr).not.toContain('efe.xml.part');
    renameSync(join(drop, 'efe.xml.part'), join(drop, 'efe-tokayev-v1.xml'));
    // Its photo is not there yet: the item is refused, naming the photo, and waits.
    await printed('the photo file "fotos/efe-foto-astana.jpg" is missing beside the item');
    expect(existsSync(EFE)).toBe(false);
  });

  it('imports an item that waited for its photo once the photo lands in a new folder', async () => {
    mkdirSync(join(drop, 'fotos'));
    copyFileSync(join(fixtures, 'drop/efe-foto-astana.jpg'), join(drop, 'fotos/efe-foto-astana.jpg'));
    await printed('efe-tokayev-v1.xml: NewsML 1.2 urn:newsml:efe.es:20230620:4410271 v1: wrote');
    expect(existsSync(EFE)).toBe(true);
    expect(existsSync(EFE.replace(/\.md$/, '.jpg'))).toBe(true);
  });

  it('applies a revision that lands later to the same entry', async () => {
    copyFileSync(join(fixtures, 'revisions/efe-tokayev-v2.xml'), join(drop, 'efe-tokayev-v2.xml'));
    await printed('efe-tokayev-v2.xml: NewsML 1.2 urn:newsml:efe.es:20230620:4410271 v2: updated');
    const { data } = splitFrontmatter(readFileSync(EFE, 'utf8'), EFE);
    expect((data.source as { version?: number }).version).toBe(2);
  });

  it('stops on SIGTERM, saying so, with exit status 0', async () => {
    watcher.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('import: stopped');
  });

  it('refuses --watch without a folder, naming what it was given', () => {
    const run = spawnSync(process.execPath, ['src/cli/import.ts', join(drop, 'dpa-bahnstreik.xml'), '--watch'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--watch needs a drop folder to watch');
  });

  it('stops with exit status 1, saying why, when its drop folder is deleted', async () => {
    const gone = join(scratch, 'gone');
    mkdirSync(gone);
    const run = spawn(process.execPath, ['src/cli/import.ts', gone, '--watch', '--out', content], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let output = '';
    run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    run.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const status = new Promise<number | null>((resolve) => run.on('exit', resolve));
    for (const end = Date.now() + 30_000; !output.includes('import: watching');) {
      if (Date.now() > end) run.kill('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    rmSync(gone, { recursive: true });
    expect(await status).toBe(1);
    expect(output).toContain(`${gone} is gone (deleted or moved away); stopping`);
  });
});
