/**
 * Fixes in installed dependencies that their authors have not released yet, applied after
 * every install (`npm install` runs src/cli/patch-vendor.ts). Each fix names the package
 * version it is for, and replaces one exact piece of its built code; a fix for another
 * version is skipped with a warning, so an upgrade that carries the real fix needs only the
 * fix's removal here.
 */
import { BUILD_MEMOS, CODE_HASH, STORE_LINES } from './registries.ts';

/** One fix: in `files` of `pkg` at `version`, each `from` becomes `to`. */
export interface VendorFix {
  pkg: string;
  version: string;
  why: string;
  files: readonly string[];
  /** Pieces of minified code, unique in their file: a piece found in no file is an error. */
  replacements: readonly { from: string; to: string }[];
}

/**
 * Astro (7.3.5) sets three strings in its content store's meta at every sync (its version
 * and two config digests), and any set marks the store dirty, so the whole store is
 * serialised again even when no entry changed: 3.4 s of a 17 s nothing-changed build at
 * 10,000 stories (CPU profile, devalue's stringify). Setting a string to the value it
 * already has changes nothing, so it no longer marks the store dirty; an unchanged store
 * is then not written.
 *
 * Astro (7.3.5) writes a changed content store whole: in its chunked form
 * (`experimental.collectionStorage`) it serialises every entry again, one line each, when
 * one entry was added (2.8–3.4 s at 10,000 stories, and ten times that at 100,000). An
 * entry is never changed in place (a change sets a new object), so the line an entry was
 * read from, or last written as, is remembered by the entry and written again as it is.
 * And it measures each line's UTF-8 length one character at a time, with an encoder call
 * for each, to cut the chunks: 33 s for 10,000 stories. A line that fits the chunk whole is
 * measured once, and a line longer than a chunk (the story loader's index of every file, a
 * 25 MB line at 100,000 stories, written at every change) is cut without an encoder call
 * per character: 65 s of every 100,000-story sync that wrote the store.
 *
 * Astro (7.3.5) builds the chunked content store into the build's own code: each chunk file
 * becomes a module holding the chunk as one string literal, which the bundler parses, copies
 * and writes out at every build, and Node parses again to run it: at 100,000 stories 100 MB
 * of store, bundled in 14.7 s of a cold build. A static build runs that code only on this
 * machine, during the build, so each chunk's module reads the chunk file instead.
 *
 * Astro (7.3.5) keeps each build's route cache, every `getStaticPaths()` result with its
 * props, for as long as the process runs: the cache is kept per manifest in a WeakMap, and
 * the manifest lives in the build's prerender entry module, which Node never unloads. One
 * `astro build` does not notice; the publisher's builder, which builds again and again in
 * one process, kept every build's 10,000 stories (about 65 MB a build, found in its heap
 * snapshots). The default prerenderer's teardown, empty until now, empties the cache once
 * the pages are generated.
 *
 * Astro (7.3.5) keeps the content store a build's pages read in a module-level singleton
 * of the build's bundled content runtime, which Node never unloads either: every entry of
 * every build (about 37 MB a build at 10,000 stories, the last thing the builder's heap
 * snapshots showed growing). The singleton registers a release of its store with the
 * build memos (`BUILD_MEMOS`), in a process that collects them; elsewhere nothing changes.
 *
 * Astro (7.3.5) keeps every built page's output URL in its routes (`distURL`), and the
 * bundler keeps the routes: Rolldown holds the output options' callbacks (`entryFileNames`)
 * for the life of the process, and their closure holds the build's routes. About 15,000
 * URLs a build at 10,000 stories, which the builder's heap snapshots showed piling up once
 * the store was released); the build's prerender module keeps the same lists in its
 * manifest's routes. The URLs are needed until the `astro:build:done` hooks have run; then
 * the build empties the lists in place, which both share.
 *
 * Astro (7.3.5) lists every page it generates in the build log with two writes, one for
 * the path and one for `(cached)` when the incremental build kept the page: 263,000 writes
 * at 100,000 stories, each a system call, which took a third of the time Astro spends on
 * the pages it keeps (CPU profile of a nothing-changed build). Kept pages are listed in
 * batches of up to 4,096 lines, each batch one write, flushed before any page is rendered
 * and when the pages are done, so the log keeps its order and every line it had.
 *
 * Astro (7.3.5) hashes each page's code for its incremental build, the content store left
 * out, but keeps the hashes to itself. The publisher's builder keeps unchanged stories from
 * one build to the next (src/data/build-memo.ts), which is safe only while the code that
 * made them is the same; the build now leaves the hashes on `globalThis` (`CODE_HASH`).
 *
 * Satori (0.63.2, the newest) places each glyph HarfBuzz positions at the pen's y *plus*
 * its y offset, but HarfBuzz's offsets point up and SVG's y points down: marks HarfBuzz
 * raises are drawn lowered. In Arabic the dots of a joined final ة sink into the letter,
 * so "دولة" reads "دوله" on every share card.
 */
export const VENDOR_FIXES: readonly VendorFix[] = [
  {
    pkg: 'astro',
    version: '7.3.5',
    why: 'an unchanged content store is not serialised again at every sync',
    files: ['dist/content/mutable-data-store.js'],
    replacements: [
      {
        from: 'new Map();\n    collection.set(String(key), value);',
        to: 'new Map();\n    if (typeof value === "string" && collection.get(String(key)) === value) return;\n    collection.set(String(key), value);',
      },
    ],
  },
  {
    pkg: 'astro',
    version: '7.3.5',
    why: 'a chunked content store serialises only the entries that changed, and cuts its chunks fast',
    files: ['dist/content/data-store.js', 'dist/content/data-store-writer.js', 'dist/content/mutable-data-store.js'],
    replacements: [
      {
        // A parser remembers lines only when asked: the store the next sync writes asks; the
        // build's own read-only copy of the store, which is never written, does not.
        from: 'class ChunkedCollectionParser {\n  #entries = /* @__PURE__ */ new Map();',
        to: 'class ChunkedCollectionParser {\n  constructor(rememberLines = false) {\n    this.rememberLines = rememberLines;\n  }\n  #entries = /* @__PURE__ */ new Map();',
      },
      {
        // Reading a chunked store to write it again: remember each entry's line, as written, by the entry.
        from: '      this.#entries.set(parsed[0], parsed[1]);',
        to: `      const [id, entry] = parsed;\n      if (this.rememberLines && entry !== null && typeof entry === "object") (globalThis[Symbol.for("${STORE_LINES}")] ??= new WeakMap()).set(entry, { id, line: record + "\\n" });\n      this.#entries.set(id, entry);`,
      },
      {
        from: '          const parser = new ChunkedCollectionParser();\n          for (const fileName of manifest[collectionName]) {',
        to: '          const parser = new ChunkedCollectionParser(true);\n          for (const fileName of manifest[collectionName]) {',
      },
      {
        // Filling a chunk: a line that fits whole is measured once, not a character at a
        // time with an encoder call each (33 s for the 11 MB of 10,000 stories).
        from: 'function getChunkEnd(str, startIndex, maxBytes) {\n  let index = startIndex;',
        to: 'function getChunkEnd(str, startIndex, maxBytes) {\n  const whole = ENCODER.encode(str.slice(startIndex)).length;\n  if (whole <= maxBytes) return { endIndex: str.length, bytes: whole };\n  let index = startIndex;',
      },
      {
        // A line longer than a chunk (the story loader's index of files, 25 MB at 100,000
        // stories) is cut by counting each character's UTF-8 bytes, not by an encoder call
        // for each: 65 s of a 100,000-story sync. A lone surrogate counts 3, as the encoder
        // writes it (U+FFFD).
        from: '    const charBytes = ENCODER.encode(str.slice(index, index + charLength)).length;',
        to: '    const charBytes = codePoint < 128 ? 1 : codePoint < 2048 ? 2 : codePoint < 65536 ? 3 : 4;',
      },
      {
        // Writing it: an entry already read or written as a line is that line again.
        from: '      const serialized = `${devalue.stringify([id, entry])}\n`;',
        to: `      const lines = globalThis[Symbol.for("${STORE_LINES}")] ??= new WeakMap();\n      const known = entry !== null && typeof entry === "object" ? lines.get(entry) : void 0;\n      const serialized = known?.id === id ? known.line : \`\${devalue.stringify([id, entry])}\n\`;\n      if (known?.id !== id && entry !== null && typeof entry === "object") lines.set(entry, { id, line: serialized });`,
      },
    ],
  },
  {
    pkg: 'astro',
    version: '7.3.5',
    why: 'the build reads the chunked content store from its files instead of bundling it as code',
    files: ['dist/content/vite-plugin-content-virtual-mod.js', 'dist/content/data-store.js'],
    replacements: [
      {
        // Each chunk becomes a module whose default export reads its file when called, instead
        // of a module of the whole chunk as one string literal for the bundler to parse and
        // copy. A function, not the text: a module keeps its exports for the whole build, and
        // the text is needed only until the store is parsed (110 MB at 100,000 stories).
        from: '          const contents = await fs.promises.readFile(\n            new URL(`./${fileName}`, dataStoreDir),\n            "utf-8"\n          );\n          return {\n            code: `export default ${JSON.stringify(contents)}`,',
        to: '          const chunkPath = fileURLToPath(new URL(`./${fileName}`, dataStoreDir));\n          return {\n            code: `import { readFileSync } from "node:fs";\\nexport default () => readFileSync(${JSON.stringify(chunkPath)}, "utf8");`,',
      },
      {
        // The store's parser calls such a module's export for the chunk's text.
        from: '        parser.add(typeof part === "string" ? part : part.default);',
        to: '        parser.add(typeof part === "string" ? part : typeof part.default === "function" ? part.default() : part.default);',
      },
    ],
  },
  {
    pkg: 'astro',
    version: '7.3.5',
    why: 'a build lets go of the content store its sync wrote',
    files: ['dist/core/sync/index.js'],
    replacements: [
      {
        // The content layer stays registered after a build's sync, and with it the whole store
        // the sync loaded and wrote (141 MB live at the end of a 100,000-story page step). The
        // build reads the store from its own copy, and only the dev server asks the registered
        // layer for more, so a build unregisters it.
        from: '      await contentLayer.sync();\n      if (!skip?.cleanup) {\n        contentLayer.dispose();\n      }',
        to: '      await contentLayer.sync();\n      if (!skip?.cleanup) {\n        contentLayer.dispose();\n        if (command === "build" && globalContentLayer.get() === contentLayer) globalContentLayer.dispose();\n      }',
      },
    ],
  },
  {
    pkg: 'astro',
    version: '7.3.5',
    why: "a finished build's route cache is emptied, so a process that builds again does not keep it",
    files: ['dist/core/build/default-prerenderer.js'],
    replacements: [
      {
        from: 'async teardown() {\n    }',
        to:
          'async teardown() {\n      const app = prerenderer.app;\n      if (!app) return;\n' +
          '      const { getRouteCache } = await import("../render/route-cache.js");\n' +
          '      (app.routeCache ?? getRouteCache(app.manifest)).clearAll();\n    }',
      },
    ],
  },
  {
    pkg: 'astro',
    version: '7.3.5',
    why: "a process that runs many builds can let go of each build's content store",
    files: ['dist/content/data-store.js'],
    replacements: [
      {
        from: '        instance = ImmutableDataStore.fromModule().then((store) => new InMemorySource(store));\n      }',
        to:
          '        instance = ImmutableDataStore.fromModule().then((store) => new InMemorySource(store));\n' +
          `        globalThis[Symbol.for("${BUILD_MEMOS}")]?.add(() => {\n          instance = void 0;\n        });\n      }`,
      },
    ],
  },
  {
    pkg: 'astro',
    version: '7.3.5',
    why: "a finished build lets go of its pages' output URLs, which the bundler's callbacks would keep",
    files: ['dist/core/build/index.js'],
    replacements: [
      {
        from: '      logger: this.logger\n    });\n    if (this.logger.level && levels[this.logger.level()] <= levels["info"]) {',
        to:
          '      logger: this.logger\n    });\n' +
          '    for (const { route } of Object.values(allPages).flat()) route.distURL?.splice(0);\n' +
          '    if (this.logger.level && levels[this.logger.level()] <= levels["info"]) {',
      },
    ],
  },
  {
    pkg: 'astro',
    version: '7.3.5',
    why: 'pages kept from the last build are logged in batches, not with two writes each',
    files: ['dist/core/build/generate.js'],
    replacements: [
      {
        from: 'const THRESHOLD_SLOW_RENDER_TIME_MS = 500;',
        to:
          'const THRESHOLD_SLOW_RENDER_TIME_MS = 500, keptLines = [];\n' +
          'function flushKeptLines(logger) {\n' +
          '  if (keptLines.length > 0) logger.info("SKIP_FORMAT", keptLines.splice(0).join("\\n"));\n' +
          '}',
      },
      {
        from: '`))}`);\n  const routeToHeaders = /* @__PURE__ */ new Map();',
        to: '`))}`);\n  keptLines.length = 0;\n  const routeToHeaders = /* @__PURE__ */ new Map();',
      },
      {
        from:
          '      logger.info(null, `  ${colors.green("\\u251C\\u2500")} ${colors.dim(filePath)}`, false);\n' +
          '      logger.info(\n' +
          '        "SKIP_FORMAT",\n' +
          '        restored ? ` ${colors.green("(restored)")}` : ` ${colors.green("(cached)")}`\n' +
          '      );\n',
        to:
          '      keptLines.push(`  ${colors.green("\\u251C\\u2500")} ${colors.dim(filePath)} ${colors.green(restored ? "(restored)" : "(cached)")}`);\n' +
          '      if (keptLines.length >= 4096) flushKeptLines(logger);\n',
      },
      {
        from: '  }\n  logger.info(null, `  ${colors.blue("\\u251C\\u2500")}',
        to: '  }\n  flushKeptLines(logger);\n  logger.info(null, `  ${colors.blue("\\u251C\\u2500")}',
      },
      {
        from: '    }\n    for (const paths of generationPhases) {\n      for (const { route: generatedRoute } of paths) {',
        to: '    }\n    flushKeptLines(logger);\n    for (const paths of generationPhases) {\n      for (const { route: generatedRoute } of paths) {',
      },
      {
        // A build that fails still logs every page it kept before the failure.
        from: '  } finally {\n    await prerenderer.teardown?.();',
        to: '  } finally {\n    flushKeptLines(logger);\n    await prerenderer.teardown?.();',
      },
    ],
  },
  {
    pkg: 'astro',
    version: '7.3.5',
    why: "a build tells the site's own code the hash of its pages' code",
    files: ['dist/core/build/plugins/plugin-incremental.js'],
    replacements: [
      {
        from: '      internals.pageDependencyHashes = hashes;\n      internals.contentEntryRenderHashes',
        to:
          '      internals.pageDependencyHashes = hashes;\n' +
          `      globalThis[Symbol.for("${CODE_HASH}")] = [...hashes].map((entry) => entry.join(" ")).sort().join("\\n");\n` +
          '      internals.contentEntryRenderHashes',
      },
    ],
  },
  {
    pkg: 'satori',
    version: '0.63.2',
    why: 'draw HarfBuzz y offsets upwards (Arabic dots above ة)',
    files: [
      'dist/index.js',
      'dist/index.cjs',
      'dist/experimental.js',
      'dist/experimental.cjs',
      'dist/standalone.js',
      'dist/standalone.cjs',
    ],
    replacements: [
      { from: 'z=c+Y.dy*b,', to: 'z=c-Y.dy*b,' },
      { from: 'z=c+u.dy*b,', to: 'z=c-u.dy*b,' },
      { from: 'j=c+k.dy*U,', to: 'j=c-k.dy*U,' },
    ],
  },
];

/**
 * One file of a dependency with a fix's replacements applied: each `from` found once is
 * replaced; a file already fixed (its `to` there, its `from` not) is returned unchanged.
 * Throws, naming the file, when no replacement applies or one is ambiguous, so a changed
 * build of the package never goes unfixed in silence.
 *
 * @example
 * patchSource('a=1;z=c+Y.dy*b,', [{ from: 'z=c+Y.dy*b,', to: 'z=c-Y.dy*b,' }], 'dist/index.js'); // "a=1;z=c-Y.dy*b,"
 */
export function patchSource(source: string, replacements: VendorFix['replacements'], file: string): string {
  let patched = source;
  let applied = 0;
  for (const { from, to } of replacements) {
    // A fix whose result holds its own piece would be applied again at every install.
    if (to.includes(from)) throw new Error(`${file}: the fix for "${from}" contains that piece again`);
    const count = patched.split(from).length - 1;
    if (count > 1) throw new Error(`${file}: "${from}" occurs ${count} times; the fix needs it once`);
    if (count === 1) {
      patched = patched.replace(from, () => to);
      applied++;
    } else if (patched.includes(to)) applied++;
  }
  if (applied === 0) {
    throw new Error(
      `${file}: none of ${replacements.map(({ from }) => `"${from}"`).join(', ')} found; the fix no longer fits`,
    );
  }
  return patched;
}
