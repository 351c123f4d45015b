/**
 * writeDeployFiles (src/integrations/deploy.ts) across builds, on a small site in a temporary
 * folder: a warm build leaves unchanged files and their copies alone, and never serves a
 * stale copy or leaves a changed page's inline style out of the policy.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST, writeDeployFiles } from '../../src/integrations/deploy';
import { listingHandoff, listTree, stampOf, type Stamp } from '../../src/integrations/tree';
import { readManifest } from '../../src/lib/deploy-manifest';
import { cspHash } from '../../src/lib/headers';

const page = (color: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>t</title><style>p{color:${color}}</style></head>` +
  `<body>${`<p>${text} Astana, Jun 20 (EFE).- The wire copy, word for word.</p>`.repeat(40)}</body></html>`;

let root = '';
let site = '';
let cacheDir = '';
const build = () => writeDeployFiles(site, { cacheDir });
const write = (file: string, text: string) => {
  mkdirSync(join(site, file, '..'), { recursive: true });
  writeFileSync(join(site, file), text);
};
const mtimeNs = (file: string) => statSync(join(site, file), { bigint: true }).mtimeNs;
const styleSources = (result: Awaited<ReturnType<typeof build>>) =>
  result.headers.all
    .find(([name]) => name.toLowerCase() === 'content-security-policy')?.[1]
    .split(';')
    .find((part) => part.trim().startsWith('style-src')) ?? '';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'deploy-files-'));
  site = join(root, 'dist');
  cacheDir = join(root, 'cache');
  write('index.html', page('red', 'Front'));
  write('stories/a/index.html', page('navy', 'Story A'));
  write('stories/b/index.html', page('teal', 'Story B'));
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('writeDeployFiles on a warm build', () => {
  it('leaves an unchanged page and its copies alone: not rewritten, hashes from the manifest', async () => {
    const first = await build();
    expect(first.unchanged).toBe(0);
    const before = { br: mtimeNs('stories/b/index.html.br'), gz: mtimeNs('stories/b/index.html.gz') };
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await build();
    expect(second.unchanged).toBe(3);
    expect(second.fromCache).toBe(0);
    expect({ br: mtimeNs('stories/b/index.html.br'), gz: mtimeNs('stories/b/index.html.gz') }).toEqual(before);
    expect(styleSources(second)).toBe(styleSources(first));
    expect(styleSources(second)).toContain(cspHash('p{color:teal}'));
  });

  it('gives a page changed in place with the same size new copies and its new style hash in the policy', async () => {
    await build();
    const file = 'stories/a/index.html';
    const old = statSync(join(site, file));
    const changed = page('blue', 'Story A'); // navy -> blue: four letters for four
    expect(changed.length).toBe(readFileSync(join(site, file)).length);
    write(file, changed);
    // As a later build writes it: another mtime, the same size.
    utimesSync(join(site, file), old.atime, new Date(old.mtimeMs + 2000));
    const result = await build();
    expect(result.unchanged).toBe(2);
    expect(brotliDecompressSync(readFileSync(join(site, `${file}.br`))).toString()).toBe(changed);
    expect(gunzipSync(readFileSync(join(site, `${file}.gz`))).toString()).toBe(changed);
    expect(styleSources(result)).toContain(cspHash('p{color:blue}'));
    expect(styleSources(result)).not.toContain(cspHash('p{color:navy}'));
  });

  it.each([
    ['deleted', (path: string) => rmSync(path)],
    ['cut short', (path: string) => writeFileSync(path, readFileSync(path).subarray(0, 10))],
  ])('writes again a copy of an unchanged page that was %s', async (_name, damage) => {
    await build();
    const file = 'stories/b/index.html';
    damage(join(site, `${file}.br`));
    const result = await build();
    expect(result.unchanged).toBe(2);
    expect(brotliDecompressSync(readFileSync(join(site, `${file}.br`))).equals(readFileSync(join(site, file)))).toBe(
      true,
    );
  });

  it('takes the compressed forms of a page written again with the same bytes from the cache', async () => {
    await build();
    const file = join(site, 'stories/a/index.html');
    const old = statSync(file);
    // As a later build writes it: the same bytes, another mtime.
    writeFileSync(file, readFileSync(file));
    utimesSync(file, old.atime, new Date(old.mtimeMs + 2000));
    const result = await build();
    expect(result.unchanged).toBe(2);
    expect(result.fromCache).toBe(2);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(readFileSync(file))).toBe(true);
  });

  it('makes a cached form again when it has gone from the cache', async () => {
    await build();
    const file = join(site, 'stories/a/index.html');
    const digest = createHash('sha256').update(readFileSync(file)).digest('hex');
    rmSync(join(cacheDir, 'precompress', `${digest}.gz`));
    const old = statSync(file);
    utimesSync(file, old.atime, new Date(old.mtimeMs + 2000));
    const result = await build();
    expect(result.fromCache).toBe(1);
    expect(gunzipSync(readFileSync(`${file}.gz`)).equals(readFileSync(file))).toBe(true);
    expect(existsSync(join(cacheDir, 'precompress', `${digest}.gz`))).toBe(true);
  });

  it('drops a file gone from the output from the manifest, and its forms from the cache', async () => {
    await build();
    const gone = readFileSync(join(site, 'stories/a/index.html'));
    rmSync(join(site, 'stories/a'), { recursive: true });
    await build();
    const manifest = readManifest(readFileSync(join(cacheDir, 'precompress', MANIFEST), 'utf8'));
    expect([...manifest.keys()].sort()).toEqual(['index.html', 'stories/b/index.html']);
    const digest = createHash('sha256').update(gone).digest('hex');
    expect(existsSync(join(cacheDir, 'precompress', `${digest}.gz`))).toBe(false);
  });
});

describe('writeDeployFiles with many files of the same content', () => {
  // Each search bundle has the same pagefind.js: their compressed forms share one cache
  // entry, made while the others are being compressed.
  it.each([1, 2])('gives every copy the whole of its file (build %i)', async (builds) => {
    const script = `export const words = ${JSON.stringify(Array.from({ length: 6000 }, (_, n) => `w${(n * 7919) % 104729}`))};\n`;
    for (let n = 0; n < 40; n++) write(`pagefind-${String(n).padStart(2, '0')}/pagefind.js`, script);
    for (let n = 1; n <= builds; n++) {
      // The second build finds the entry cached and the files rewritten (new bundles).
      if (n === 2)
        for (let k = 0; k < 40; k++)
          utimesSync(
            join(site, `pagefind-${String(k).padStart(2, '0')}/pagefind.js`),
            new Date(),
            new Date(Date.now() + 5000),
          );
      await build();
    }
    for (let n = 0; n < 40; n++) {
      const file = join(site, `pagefind-${String(n).padStart(2, '0')}/pagefind.js`);
      expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString(), `${file}.br`).toBe(script);
      expect(gunzipSync(readFileSync(`${file}.gz`)).toString(), `${file}.gz`).toBe(script);
    }
  });
});

describe('writeDeployFiles alongside steps still writing their folders', () => {
  /** A step that writes `<folder>/` (a page with its own inline style, and a script) when told to finish. */
  const lateStep = (folder = 'late', colour = 'olive') => {
    let finish: (error?: Error) => void = () => undefined;
    const done = new Promise<void>((resolve, reject) => {
      finish = (error) => {
        if (error) return reject(error);
        write(`${folder}/index.html`, page(colour, 'Late'));
        write(`${folder}/late.js`, `export const late = ${JSON.stringify('x'.repeat(4000))};\n`);
        resolve();
      };
    });
    return {
      finish,
      step: { what: `the ${folder} step`, holds: (name: string) => name === folder, done: () => done },
    };
  };
  const until = async (test: () => boolean) => {
    for (let waited = 0; !test(); waited += 10) {
      if (waited > 10_000) throw new Error('gave up waiting');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('compresses the rest of the site before the step is done, then its folders, with their hashes in the policy', async () => {
    // A half-written file of the step's, there when the deploy step starts: not read before the step is done.
    write('late/index.html', '<p>half');
    const { finish, step } = lateStep();
    const deploying = writeDeployFiles(site, { cacheDir, alongside: [step] });
    await until(() => existsSync(join(site, 'stories/b/index.html.br')));
    expect(existsSync(join(site, 'late/index.html.br'))).toBe(false);
    finish();
    const result = await deploying;
    expect(result.compressed).toBe(5);
    expect(brotliDecompressSync(readFileSync(join(site, 'late/index.html.br'))).toString()).toBe(page('olive', 'Late'));
    expect(existsSync(join(site, 'late/late.js.gz'))).toBe(true);
    expect(styleSources(result)).toContain(cspHash('p{color:olive}'));
    expect(styleSources(result)).toContain(cspHash('p{color:red}'));
    const manifest = readManifest(readFileSync(join(cacheDir, 'precompress', MANIFEST), 'utf8'));
    expect([...manifest.keys()].sort()).toEqual([
      'index.html',
      'late/index.html',
      'late/late.js',
      'stories/a/index.html',
      'stories/b/index.html',
    ]);
  });

  it('fails with the step’s own error, and keeps no manifest of a build that did not finish', async () => {
    const { finish, step } = lateStep();
    const deploying = writeDeployFiles(site, { cacheDir, alongside: [step] });
    finish(new Error('Search index: Pagefind stopped'));
    await expect(deploying).rejects.toThrow('Search index: Pagefind stopped');
    expect(existsSync(join(cacheDir, 'precompress', MANIFEST))).toBe(false);
  });

  it('does each step’s folders once that step is done, whichever finishes first', async () => {
    const cards = lateStep('cards', 'olive');
    const search = lateStep('pagefind', 'purple');
    const deploying = writeDeployFiles(site, { cacheDir, alongside: [cards.step, search.step] });
    await until(() => existsSync(join(site, 'stories/b/index.html.br')));
    search.finish();
    cards.finish();
    const result = await deploying;
    expect(result.compressed).toBe(7);
    for (const folder of ['cards', 'pagefind']) {
      expect(existsSync(join(site, `${folder}/late.js.br`)), folder).toBe(true);
    }
    expect(styleSources(result)).toContain(cspHash('p{color:olive}'));
    expect(styleSources(result)).toContain(cspHash('p{color:purple}'));
  });

  it('fails with a later step’s error though an earlier one finished', async () => {
    const cards = lateStep('cards');
    const search = lateStep('pagefind');
    const deploying = writeDeployFiles(site, { cacheDir, alongside: [cards.step, search.step] });
    search.finish(new Error('Search index: Pagefind stopped'));
    cards.finish();
    await expect(deploying).rejects.toThrow('Search index: Pagefind stopped');
    expect(existsSync(join(site, 'cards/late.js.br'))).toBe(true);
  });
});

describe('writeDeployFiles with a listing handed on by an earlier step', () => {
  /** A listing of the site's top-level entries `within` accepts, as the incremental step hands it on. */
  const handed = (within: (name: string) => boolean) => {
    const stamps = new Map<string, Stamp>();
    for (const file of listTree(site, within).files) stamps.set(file, stampOf(join(site, file)) as Stamp);
    const handoff = listingHandoff();
    handoff.put({ within, stamps });
    return { handoff, stamps };
  };

  it('gives the same site and headers as a walk of the folder, and an unchanged page stays unread', async () => {
    const walked = await build();
    await new Promise((resolve) => setTimeout(resolve, 20));
    write('stories/c/index.html', page('maroon', 'Story C'));
    const { handoff } = handed(() => true);
    const result = await writeDeployFiles(site, { cacheDir, handoff });
    expect(result.unchanged).toBe(3);
    expect(result.compressed).toBe(4);
    expect(existsSync(join(site, 'stories/c/index.html.br'))).toBe(true);
    expect(styleSources(result)).toContain(cspHash('p{color:maroon}'));
    for (const source of styleSources(walked).trim().split(/\s+/).slice(1)) {
      expect(styleSources(result)).toContain(source);
    }
  });

  it('takes its files from the listing, not the folder, and walks the top-level entries the listing does not cover', async () => {
    const { handoff, stamps } = handed((name) => name !== 'index.html');
    // Left out of the listing: so the deploy step has not walked the folders it covers.
    stamps.delete('stories/b/index.html');
    const result = await writeDeployFiles(site, { cacheDir, handoff });
    expect(existsSync(join(site, 'stories/a/index.html.br'))).toBe(true);
    expect(existsSync(join(site, 'stories/b/index.html.br'))).toBe(false);
    expect(existsSync(join(site, 'index.html.br'))).toBe(true);
    expect(result.compressed).toBe(2);
  });

  it('walks the folder again once the listing is cleared, as each build starts', async () => {
    const { handoff, stamps } = handed(() => true);
    stamps.delete('stories/b/index.html');
    await writeDeployFiles(site, { cacheDir, handoff });
    handoff.clear();
    const next = await writeDeployFiles(site, { cacheDir, handoff });
    expect(next.compressed).toBe(3);
    expect(existsSync(join(site, 'stories/b/index.html.br'))).toBe(true);
  });

  it('walks the folders of steps still writing, though the listing covers them', async () => {
    const { handoff } = handed(() => true);
    let finish = () => undefined as void;
    const done = new Promise<void>((resolve) => {
      finish = () => {
        write('late/index.html', page('olive', 'Late'));
        resolve();
      };
    });
    const deploying = writeDeployFiles(site, {
      cacheDir,
      handoff,
      alongside: [{ what: 'the late step', holds: (name) => name === 'late', done: () => done }],
    });
    finish();
    const result = await deploying;
    expect(existsSync(join(site, 'late/index.html.br'))).toBe(true);
    expect(result.compressed).toBe(4);
  });
});
