import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStories, writeCorpus } from '../bench/corpus';
import sharp from 'sharp';
import { copyProject, ROOT } from '../helpers/astro';
import { startPublisher as start, type Published, type RunningPublisher } from '../helpers/publisher';
import { treeDifferences } from '../helpers/tree';

/**
 * The long-running publisher (`npm run publisher`): it builds, then publishes each change to
 * the content folder with a build in a process that stays up. Its output must be what a clean
 * build of the same content makes, byte for byte, however many builds the process has run;
 * a story that breaks the build must leave the last good site in place and say which file
 * is wrong; and a builder that has grown must be replaced without losing a change.
 *
 * It runs in a scratch copy of the project (node_modules linked), with its own content,
 * output and cache folders.
 */
const scratch = mkdtempSync(join(tmpdir(), 'wire-publisher-'));
const project = join(scratch, 'project');
const content = join(scratch, 'content');
const dist = join(scratch, 'dist');
const env = {
  ...process.env,
  WIRE_CONTENT_DIR: content,
  WIRE_OUT_DIR: dist,
  WIRE_CACHE_DIR: join(scratch, 'cache'),
  WIRE_BUILD_TIME: '2024-12-31T12:00:00Z',
  NO_COLOR: '1',
};

/** Waits until `ready()` holds, looking every 100 ms, for at most `ms`. */
async function until(ready: () => boolean, what: string, ms = 120_000): Promise<void> {
  for (const end = Date.now() + ms; !ready();) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether a builder process of the scratch project is running. */
const builderRunning = () => spawnSync('pgrep', ['-f', join(project, 'src/cli/publisher-builder.ts')]).status === 0;

/** Starts the publisher in a process group of its own, as a terminal would. */
const startPublisher = (args: string[] = [], childEnv: NodeJS.ProcessEnv = env) =>
  start({ project, env: childEnv, args, detached: true });

const [template] = generateStories(1, 77);
const newStory = (folder: string, slug: string) => {
  if (!template) throw new Error('no generated story');
  writeCorpus(join(content, folder), [{ ...template, slug, pubDate: '2024-12-30' }]);
};

let publisher: RunningPublisher;
let first: Published;

beforeAll(async () => {
  copyProject(project);
  writeCorpus(content, generateStories(40, 5));
  publisher = startPublisher();
  first = await publisher.next();
}, 240_000);
afterAll(async () => {
  await publisher.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the publisher', { timeout: 240_000 }, () => {
  it('builds the whole site when it starts', () => {
    expect(first.ok, publisher.log()).toBe(true);
    expect(first.rendered).toBeGreaterThan(40);
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
  });

  it('publishes a story dropped into the content folder, rendering it and not the archive', async () => {
    newStory('incoming', 'dropped-by-the-wire');
    const built = await publisher.next();
    expect(built.ok, publisher.log()).toBe(true);
    expect(built.changes.some((change) => change.startsWith('incoming'))).toBe(true);
    expect(existsSync(join(dist, 'stories/dropped-by-the-wire/index.html'))).toBe(true);
    expect(built.kept).toBeGreaterThan(0);
    expect(built.rendered).toBeLessThan(first.rendered);
  });

  it('keeps the last good site when a story breaks the build, and names the file', async () => {
    writeFileSync(join(content, 'broken.md'), '---\ntitle: A story with no date\n---\n\nText.\n');
    const built = await publisher.next();
    expect(built.ok).toBe(false);
    expect(publisher.log()).toContain('broken.md');
    expect(publisher.log()).toContain('publisher: the build failed');
    expect(existsSync(join(dist, 'stories/dropped-by-the-wire/index.html'))).toBe(true);
  });

  it('publishes the fix, and takes a deleted story off the site', async () => {
    rmSync(join(content, 'broken.md'));
    rmSync(join(content, 'incoming'), { recursive: true });
    const built = await publisher.next();
    expect(built.ok, publisher.log()).toBe(true);
    expect(existsSync(join(dist, 'stories/dropped-by-the-wire/index.html'))).toBe(false);
  });

  it('publishes a photo replaced under the same name, though its story’s file is unchanged', async () => {
    // The builder keeps unchanged stories from build to build: a photo's new bytes must
    // still reach its story's page (and the clean-build comparison below).
    const folder = join(content, 'photo');
    newStory('photo', 'with-a-photo');
    const [file] = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'));
    const story = join(folder, file ?? '');
    const photo = join(story, '../photo.jpg');
    const original = readFileSync(join(ROOT, 'tests/fixtures/agency/drop/efe-foto-astana.jpg'));
    writeFileSync(photo, original);
    writeFileSync(
      story,
      readFileSync(story, 'utf8').replace(/^---\n/, '---\nimage:\n  src: ./photo.jpg\n  alt: A square in Astana\n'),
    );
    const page = join(dist, 'stories/with-a-photo/index.html');
    const photoSrc = () => /<img[^>]*\ssrc="([^"]+)"/.exec(readFileSync(page, 'utf8'))?.[1];
    expect((await publisher.next()).ok, publisher.log()).toBe(true);
    const before = photoSrc();
    expect(before).toBeDefined();
    writeFileSync(photo, await sharp(original).flop().jpeg().toBuffer());
    expect((await publisher.next()).ok, publisher.log()).toBe(true);
    expect(photoSrc()).not.toBe(before);
  });

  it('leaves the same site, byte for byte, as a clean build of the same content', async () => {
    newStory('late', 'filed-late');
    const cleanDist = join(scratch, 'clean/dist');
    const built = await publisher.next();
    expect(built.ok, publisher.log()).toBe(true);
    const run = spawnSync('npx', ['astro', 'build'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...env, WIRE_OUT_DIR: cleanDist, WIRE_CACHE_DIR: join(scratch, 'clean/cache') },
      // A build lock the publisher kept would make it wait for ever: fail instead.
      timeout: 180_000,
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`.slice(-3000)).toBe(0);
    expect(treeDifferences(dist, cleanDist)).toEqual([]);
  });

  it('sees every save of a story saved by renaming a new copy over it', async () => {
    const folder = join(content, 'late');
    const file = join(
      folder,
      readdirSync(folder, { recursive: true, encoding: 'utf8' }).find((name) => name.endsWith('.md')) ?? '',
    );
    const page = join(dist, 'stories/filed-late/index.html');
    for (const headline of ['First correction of the late story', 'Second correction of the late story']) {
      writeFileSync(`${file}.part`, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${headline}`));
      renameSync(`${file}.part`, file);
      const built = await publisher.next();
      expect(built.ok, publisher.log()).toBe(true);
      expect(readFileSync(page, 'utf8')).toContain(headline);
    }
  });

  it('on Ctrl-C, finishes the running build, then stops with its builder', async () => {
    const mark = publisher.log().length;
    newStory('last', 'published-while-stopping');
    await until(() => publisher.log().slice(mark).includes('publisher: building: '), 'the build to start');
    const exited = publisher.exited();
    // The terminal sends Ctrl-C to the whole process group, the builder too.
    process.kill(-(publisher.child.pid ?? 0), 'SIGINT');
    expect(await exited).toBe(0);
    expect(publisher.log()).toContain('stopping after the running build');
    expect(existsSync(join(dist, 'stories/published-while-stopping/index.html'))).toBe(true);
    await until(() => !builderRunning(), 'the builder to end', 10_000);
  });

  it('replaces a builder that has grown past its limit, and publishes with the fresh one', async () => {
    const small = startPublisher(['--max-rss-mib', '1']);
    try {
      expect((await small.next()).ok, small.log()).toBe(true);
      newStory('before-replacing', 'published-before-replacing');
      expect((await small.next()).ok, small.log()).toBe(true);
      expect(small.log()).toContain('starting a fresh builder (resident memory');
      // The fresh builder catches up first (nothing changed), then publishes what comes.
      expect((await small.next()).ok, small.log()).toBe(true);
      newStory('after-replacing', 'published-by-a-fresh-builder');
      expect((await small.next()).ok, small.log()).toBe(true);
      expect(existsSync(join(dist, 'stories/published-before-replacing/index.html'))).toBe(true);
      expect(existsSync(join(dist, 'stories/published-by-a-fresh-builder/index.html'))).toBe(true);
    } finally {
      await small.stop();
    }
  });

  it('publishes an embargoed story when its embargo ends, with nobody touching its file', async () => {
    // Builds publish as of the clock here, not a pinned time, or no embargo would ever end.
    const { WIRE_BUILD_TIME: _pinned, ...unpinned } = env;
    const live = startPublisher([], unpinned);
    try {
      expect((await live.next()).ok, live.log()).toBe(true);
      newStory('held', 'held-until-the-embargo');
      const folder = join(content, 'held');
      const file = join(
        folder,
        readdirSync(folder, { recursive: true, encoding: 'utf8' }).find((name) => name.endsWith('.md')) ?? '',
      );
      const ends = new Date(Date.now() + 30_000).toISOString().replace(/\.\d+Z$/, 'Z');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, `---\nembargo: ${ends}\n`));
      const page = join(dist, 'stories/held-until-the-embargo/index.html');
      expect((await live.next()).ok, live.log()).toBe(true);
      expect(existsSync(page)).toBe(false);
      // Looked for after the build is reported, off the path to the next build.
      await until(() => live.log().includes('the embargo on held/'), 'the embargo to be found', 20_000);
      const lifted = await live.next();
      expect(lifted.ok, live.log()).toBe(true);
      expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(ends));
      expect(existsSync(page)).toBe(true);
    } finally {
      await live.stop();
    }
  });

  it('stops with its builder when the program that started it goes away', async () => {
    const orphan = startPublisher();
    try {
      expect((await orphan.next()).ok, orphan.log()).toBe(true);
      const exited = orphan.exited();
      orphan.child.disconnect();
      expect(await exited).toBe(0);
      expect(orphan.log()).toContain('publisher: stopped');
      await until(() => !builderRunning(), 'the builder to end', 10_000);
    } finally {
      await orphan.stop();
    }
  });

  it("with --strict, refuses to publish while SITE_URL is not the site's address, and writes nothing", async () => {
    const withoutSite: NodeJS.ProcessEnv = { ...env };
    delete withoutSite.SITE_URL;
    const strictDist = join(scratch, 'strict/dist');
    const strict = startPublisher(['--strict'], {
      ...withoutSite,
      WIRE_OUT_DIR: strictDist,
      WIRE_CACHE_DIR: join(scratch, 'strict/cache'),
    });
    try {
      const built = await strict.next();
      expect(built.ok, strict.log()).toBe(false);
      expect(strict.log()).toContain('SITE_URL is not set');
      expect(strict.log()).toContain('strict build');
      expect(existsSync(join(strictDist, 'index.html'))).toBe(false);
    } finally {
      await strict.stop();
    }
  });
});
