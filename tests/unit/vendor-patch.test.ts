import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import satori from 'satori';
import { describe, expect, it, vi } from 'vitest';
import { cardFonts } from '../../src/lib/card-render';
import { BUILD_MEMOS } from '../../src/lib/registries';
import { patchSource, VENDOR_FIXES } from '../../src/lib/vendor-patch';

const fix = [{ from: 'z=c+Y.dy*b,', to: 'z=c-Y.dy*b,' }];

describe('the fixes as a module', () => {
  it('is imported by the installer only, so that a changed fix does not change the code hash of every page', () => {
    const importers = readdirSync('src', { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|mjs|astro)$/.test(file))
      .filter((file) => /from '[./]+lib\/vendor-patch(\.ts)?'/.test(readFileSync(join('src', file), 'utf8')));
    expect(importers).toEqual(['cli/patch-vendor.ts']);
  });
});

describe('patchSource', () => {
  it.each([
    ['replaces the piece', 'a;z=c+Y.dy*b,q', 'a;z=c-Y.dy*b,q'],
    ['leaves a fixed file as it is', 'a;z=c-Y.dy*b,q', 'a;z=c-Y.dy*b,q'],
    ['keeps $ signs in the code as they are', '$&;z=c+Y.dy*b,$1', '$&;z=c-Y.dy*b,$1'],
  ])('%s', (_what, source, expected) => {
    expect(patchSource(source, fix, 'dist/index.js')).toBe(expected);
  });

  it.each([
    ['a file the fix no longer fits', 'a;z=c+Y.dy*k,', /dist\/index\.js: none of "z=c\+Y\.dy\*b," found/],
    ['a piece found twice', 'z=c+Y.dy*b,z=c+Y.dy*b,', /dist\/index\.js: "z=c\+Y\.dy\*b," occurs 2 times/],
  ])('refuses %s, naming the file', (_what, source, message) => {
    expect(() => patchSource(source, fix, 'dist/index.js')).toThrow(message);
  });

  it('refuses a fix that holds its own piece, which every later install would apply again', () => {
    const growing = [{ from: 'set(k, v);', to: 'if (same) return;\nset(k, v);' }];
    expect(() => patchSource('a;set(k, v);', growing, 'dist/store.js')).toThrow(
      /dist\/store\.js: the fix for "set\(k, v\);" contains that piece again/,
    );
  });
});

describe('the installed packages', () => {
  const require = createRequire(import.meta.url);
  it.each(VENDOR_FIXES.flatMap((vendor) => vendor.files.map((file) => [vendor.pkg, file, vendor] as const)))(
    '%s %s carries its fix (npm install runs src/cli/patch-vendor.ts)',
    (pkg, file, vendor) => {
      const root = dirname(require.resolve(`${pkg}/package.json`));
      const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
      expect(version, `the fix is for ${pkg} ${vendor.version}: check it still applies, then update it`).toBe(
        vendor.version,
      );
      const source = readFileSync(join(root, file), 'utf8');
      expect(vendor.replacements.some(({ to }) => source.includes(to))).toBe(true);
      expect(vendor.replacements.some(({ from }) => source.includes(from))).toBe(false);
    },
  );

  it("leaves Astro's content store unwritten when a sync sets its strings to the values they have", async () => {
    const root = dirname(require.resolve('astro/package.json'));
    const { MutableDataStore } = (await import(
      pathToFileURL(join(root, 'dist/content/mutable-data-store.js')).href
    )) as {
      MutableDataStore: {
        prototype: { writeToDisk: () => Promise<void> };
        fromFile: (file: URL) => Promise<{
          metaStore: () => { set: (key: string, value: string) => void };
          waitUntilSaveComplete: () => Promise<void>;
          writeToDisk: () => Promise<void>;
        }>;
      };
    };
    const folder = mkdtempSync(join(tmpdir(), 'wire-store-'));
    try {
      const file = pathToFileURL(join(folder, 'data-store.json'));
      const first = await MutableDataStore.fromFile(file);
      first.metaStore().set('astro-version', '7.3.5');
      await first.waitUntilSaveComplete();
      const writes = vi.spyOn(MutableDataStore.prototype, 'writeToDisk');
      const again = await MutableDataStore.fromFile(file);
      again.metaStore().set('astro-version', '7.3.5');
      await again.waitUntilSaveComplete();
      expect(writes).not.toHaveBeenCalled();
      again.metaStore().set('astro-version', '7.3.6');
      await again.waitUntilSaveComplete();
      expect(writes).toHaveBeenCalledTimes(1);
      writes.mockRestore();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("writes the entries of Astro's chunked content store that did not change as the lines they were read from", async () => {
    const root = dirname(require.resolve('astro/package.json'));
    interface Store {
      scopedStore: (collection: string) => { set: (entry: { id: string; data: Record<string, unknown> }) => boolean };
      writeToDisk: () => Promise<void>;
    }
    const { MutableDataStore } = (await import(
      pathToFileURL(join(root, 'dist/content/mutable-data-store.js')).href
    )) as { MutableDataStore: { fromDir: (dir: URL, chunkSize: number, logger: unknown) => Promise<Store> } };
    const folder = mkdtempSync(join(tmpdir(), 'wire-chunked-store-'));
    const dir = pathToFileURL(`${folder}/`);
    // The store as it is on disk: its chunk files in the order its manifest lists them.
    const text = () => {
      const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Record<string, string[]>;
      return (manifest.stories ?? []).map((name) => readFileSync(join(folder, name), 'utf8')).join('');
    };
    const open = () => MutableDataStore.fromDir(dir, 64, { warn: () => undefined });
    try {
      const first = await open();
      for (const id of ['a-story', 'b-story'])
        first.scopedStore('stories').set({ id, data: { title: `Title of ${id}` } });
      await first.writeToDisk();
      const written = text();
      // The line of `a-story` as devalue writes it, and the same value with its parts in
      // another order: a line only a reader that kept it, not a new serialisation, gives back.
      const line = written.split('\n')[0] ?? '';
      expect(line).toBe('[[1,2],"a-story",{"id":1,"data":3},{"title":4},"Title of a-story"]');
      const reordered = '[[1,2],"a-story",{"id":1,"data":4},"Title of a-story",{"title":3}]';
      const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { stories: string[] };
      writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ stories: ['hand.txt'] }));
      writeFileSync(join(folder, 'hand.txt'), written.replace(line, reordered));
      expect(manifest.stories.length).toBeGreaterThan(1);

      const again = await open();
      again.scopedStore('stories').set({ id: 'c-story', data: { title: 'Title of c-story' } });
      await again.writeToDisk();
      const lines = text().split('\n');
      expect(lines[0]).toBe(reordered);
      expect(lines).toContain('[[1,2],"c-story",{"id":1,"data":3},{"title":4},"Title of c-story"]');
      expect(lines.filter((entry) => entry !== '')).toHaveLength(3);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("cuts a line longer than a chunk of Astro's chunked store at whole characters, at the chunk size", async () => {
    const root = dirname(require.resolve('astro/package.json'));
    interface Store {
      scopedStore: (collection: string) => {
        set: (entry: { id: string; data: Record<string, unknown> }) => boolean;
        get: (id: string) => { data: Record<string, unknown> } | undefined;
      };
      writeToDisk: () => Promise<void>;
    }
    const { MutableDataStore } = (await import(
      pathToFileURL(join(root, 'dist/content/mutable-data-store.js')).href
    )) as { MutableDataStore: { fromDir: (dir: URL, chunkSize: number, logger: unknown) => Promise<Store> } };
    const folder = mkdtempSync(join(tmpdir(), 'wire-long-line-'));
    const dir = pathToFileURL(`${folder}/`);
    // One, two, three and four UTF-8 bytes a character, so cuts fall inside each kind.
    const text = 'aé中😀'.repeat(200);
    try {
      const store = await MutableDataStore.fromDir(dir, 64, { warn: () => undefined });
      store.scopedStore('stories').set({ id: 'long', data: { text } });
      await store.writeToDisk();
      const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { stories: string[] };
      const chunks = manifest.stories.map((name) => readFileSync(join(folder, name)));
      expect(chunks.length).toBeGreaterThan(30);
      for (const chunk of chunks) {
        // Astro cuts only between characters: a chunk may pass the size by less than one.
        expect(chunk.length).toBeLessThanOrEqual(64 + 3);
        // Each chunk is whole characters: it decodes as UTF-8 on its own.
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(chunk)).not.toThrow();
      }
      const again = await MutableDataStore.fromDir(dir, 64, { warn: () => undefined });
      expect(again.scopedStore('stories').get('long')?.data).toEqual({ text });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("keeps no lines for the build's read-only copy of the chunked store, which is never written", async () => {
    const root = dirname(require.resolve('astro/package.json'));
    const { ImmutableDataStore } = (await import(pathToFileURL(join(root, 'dist/content/data-store.js')).href)) as {
      ImmutableDataStore: { manifestToMap: (manifest: Record<string, string[]>) => Map<string, Map<string, object>> };
    };
    const chunk = '[[1,2],"a-story",{"id":1,"data":3},{"title":4},"Title of a-story"]\n';
    const entry = ImmutableDataStore.manifestToMap({ stories: [chunk] })
      .get('stories')
      ?.get('a-story');
    expect(entry).toEqual({ id: 'a-story', data: { title: 'Title of a-story' } });
    const lines = (globalThis as Record<symbol, WeakMap<object, unknown> | undefined>)[
      Symbol.for('wire-reader.astro-store-lines')
    ];
    expect(lines?.has(entry as object) ?? false).toBe(false);
  });

  it("builds each chunk of Astro's content store as a module that reads the chunk's file, not one holding it", async () => {
    const root = dirname(require.resolve('astro/package.json'));
    const { astroContentVirtualModPlugin } = (await import(
      pathToFileURL(join(root, 'dist/content/vite-plugin-content-virtual-mod.js')).href
    )) as {
      astroContentVirtualModPlugin: (options: { settings: unknown; fs: unknown }) => {
        config: (config: unknown, env: { command: string }) => void;
        load: { handler: (this: { error: (message: string) => never }, id: string) => Promise<{ code: string }> };
      };
    };
    const folder = mkdtempSync(join(tmpdir(), 'wire-store-chunk-'));
    try {
      const cacheDir = pathToFileURL(`${folder}/`);
      const settings = {
        config: {
          root: cacheDir,
          srcDir: new URL('src/', cacheDir),
          cacheDir,
          experimental: { collectionStorage: 'chunked' },
          legacy: {},
        },
        dotAstroDir: new URL('.astro/', cacheDir),
      };
      const plugin = astroContentVirtualModPlugin({ settings, fs: { existsSync } });
      plugin.config({}, { command: 'build' });
      const chunk = '[[1,2],"a-story",{"id":1,"data":3},{"title":4},"Title of a-story"]\n';
      mkdirSync(join(folder, 'data-store'));
      writeFileSync(join(folder, 'data-store', '0123456789abcdef.txt'), chunk);
      const error = (message: string): never => {
        throw new Error(message);
      };
      const { code } = await plugin.load.handler.call(
        { error },
        '\0astro:data-layer-content-chunk:0123456789abcdef.txt.mjs',
      );
      expect(code).not.toContain('Title of a-story');
      // The module, run as the build runs it, keeps no text: its export reads the chunk's
      // text when called, and the store's parser calls it.
      writeFileSync(join(folder, 'chunk.mjs'), code);
      const module = (await import(pathToFileURL(join(folder, 'chunk.mjs')).href)) as { default: () => string };
      expect(typeof module.default).toBe('function');
      expect(module.default()).toBe(chunk);
      const { ImmutableDataStore } = (await import(pathToFileURL(join(root, 'dist/content/data-store.js')).href)) as {
        ImmutableDataStore: {
          manifestToMap: (manifest: Record<string, unknown[]>) => Map<string, Map<string, object>>;
        };
      };
      expect(
        ImmutableDataStore.manifestToMap({ stories: [module] })
          .get('stories')
          ?.get('a-story'),
      ).toEqual({
        id: 'a-story',
        data: { title: 'Title of a-story' },
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("empties a finished build's route cache, which the build's prerender module would keep for the process's life", async () => {
    const root = dirname(require.resolve('astro/package.json'));
    const load = (file: string) => import(pathToFileURL(join(root, file)).href);
    const { createDefaultPrerenderer } = (await load('dist/core/build/default-prerenderer.js')) as {
      createDefaultPrerenderer: (options: object) => { app?: object; teardown: () => Promise<void> };
    };
    const { RouteCache } = (await load('dist/core/render/route-cache.js')) as {
      RouteCache: new (logger: object) => {
        set: (route: object, entry: object) => void;
        get: (route: object) => unknown;
      };
    };
    const routeCache = new RouteCache({ warn: () => undefined });
    const route = { route: '/stories/[id]', component: 'src/pages/stories/[id].astro' };
    routeCache.set(route, { staticPaths: [{ params: { id: 'astana' }, props: { story: {} } }] });
    const prerenderer = createDefaultPrerenderer({});
    prerenderer.app = { routeCache, manifest: {} };
    await prerenderer.teardown();
    expect(routeCache.get(route)).toBeUndefined();
  });

  it("lets a process that collects build memos release the content store a build's pages read", async () => {
    const root = dirname(require.resolve('astro/package.json'));
    // A fresh copy of the module, as each build bundles its own: its singleton starts empty.
    const { globalDataStore } = (await import(
      `${pathToFileURL(join(root, 'dist/content/data-store.js')).href}?memo-test`
    )) as { globalDataStore: { get: () => Promise<object> } };
    const registry = Symbol.for(BUILD_MEMOS);
    const holder = globalThis as { [registry]?: Set<() => void> };
    const before = holder[registry];
    try {
      holder[registry] = new Set();
      const first = await globalDataStore.get();
      expect(await globalDataStore.get()).toBe(first);
      expect(holder[registry].size).toBe(1);
      for (const release of holder[registry]) release();
      expect(await globalDataStore.get()).not.toBe(first);
    } finally {
      if (before) holder[registry] = before;
      else delete holder[registry];
    }
  });

  it('draws the dots of a joined final ة above the letter, where HarfBuzz puts them', async () => {
    const fonts = cardFonts();
    // The top of the ink of a word: the smallest y of its glyph outlines in Satori's SVG.
    const top = async (text: string) => {
      const svg = await satori(
        {
          type: 'div',
          props: { style: { display: 'flex', fontSize: 200, fontWeight: 700, direction: 'rtl' }, children: text },
        } as Parameters<typeof satori>[0],
        { width: 800, height: 400, fonts },
      );
      return Math.min(...[...svg.matchAll(/[MLQC][-\d.]+ ([-\d.]+)/g)].map((match) => Number(match[1])));
    };
    // ة is ه with two dots above: its ink must reach higher than ه's.
    expect(await top('ـة')).toBeLessThan((await top('ـه')) - 20);
    expect(await top('كلمة')).toBeLessThan(await top('كلمه'));
  });
});
