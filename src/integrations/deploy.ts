/**
 * The build's last step for hosting: the response headers (`_headers`, `_headers.nginx.conf`)
 * with a Content-Security-Policy that allows every inline style and script of the built site
 * by hash, and `.gz` and `.br` files beside every text file. List it after any integration
 * that writes files into the output (Pagefind's index, sitemaps), so those are covered too.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import {
  isUnchanged,
  manifestJson,
  readManifest,
  type DeployEntry,
  type InlineHashes,
} from '../lib/deploy-manifest.ts';
import {
  contentSecurityPolicy,
  cspHash,
  immutablePrefixes,
  inlineCode,
  netlifyHeaders,
  nginxHeaders,
  siteHeaders,
  type HeaderSet,
  type InlineCode,
} from '../lib/headers.ts';
import { brotlied, brotliQuality, eachLimited, gzipped, isCompressible, worthServing } from '../lib/precompress.ts';
import { listTree, stampOf, type ListingHandoff, type SiteListing } from './tree.ts';

/** The generated header files, beside the site (a static host does not serve them as pages). */
export const HEADER_FILES = { netlify: '_headers', nginx: '_headers.nginx.conf' } as const;

export interface DeployFilesResult {
  headers: HeaderSet;
  /** Files with a `.gz` and a `.br` beside them. */
  compressed: number;
  /** Files taken as they were, with their copies, from the manifest of the last build: not read at all. */
  unchanged: number;
  /** Compressed forms taken from the cache rather than made again. */
  fromCache: number;
  /** Compressible files left alone because compressing did not make them smaller. */
  skipped: string[];
}

/**
 * Another step of the build that is still writing some top-level folders of the site when
 * the deploy step starts (the search index, the share cards): the deploy step compresses the
 * rest of the site meanwhile, without looking into those folders, and then them once the step
 * is done.
 */
export interface StillWriting {
  /** What the step is, for the log (`the search index`). */
  what: string;
  /** Whether a top-level folder of the site is one the step writes. */
  holds: (folder: string) => boolean;
  /** Settles when the step is done; a rejection fails the deploy step with the step's error. */
  done: () => Promise<unknown>;
}

/** The deploy step's record of the last build's output (src/lib/deploy-manifest.ts), in its cache folder. */
export const MANIFEST = 'manifest.json';

/** Changed files read and compressed at once: enough to keep the disk and the thread pool busy. */
const PARALLEL = 32;

function hashInline({ styles, scripts, blocked }: InlineCode): InlineHashes {
  return { styles: styles.map(cspHash), scripts: scripts.map(cspHash), blocked };
}

/** Pages and XSLT stylesheets: files whose inline code the policy must allow. */
const isPage = (file: string) => /\.html?$/i.test(file);
const isXslt = (file: string) => /\.xslt?$/i.test(file);
/** The Brotli quality a file is compressed at, or undefined when it is not compressed. */
const qualityOf = (file: string) => (isCompressible(file) ? brotliQuality(file) : undefined);

/**
 * Writes the header files into a built site and precompresses it. A manifest in `cacheDir`
 * records each file's size, mtime, digest, copies and inline-code hashes: a file that is as
 * recorded, with its `.br` and `.gz` as written, is not read again, and its hashes come from
 * the manifest. Other files are read; their compressed forms and inline code are kept in
 * `cacheDir` by content hash, so a page written again with the same bytes is not compressed
 * again. Entries no file uses any more are removed. With `alongside`, the folders other steps
 * are still writing are done last, each step's once it is, in the order given (see
 * {@link StillWriting}). With `handoff`, the files an earlier step of the build listed and
 * stamped (and nothing has written since) are taken from its listing, not walked again.
 *
 * @example
 * await writeDeployFiles('/srv/site/dist', { cacheDir: 'node_modules/.astro' });
 */
export async function writeDeployFiles(
  siteDir: string,
  {
    cacheDir,
    logger,
    alongside = [],
    handoff,
  }: {
    cacheDir: string;
    logger?: AstroIntegrationLogger;
    alongside?: readonly StillWriting[];
    /** A listing an earlier step of this build made of the site (src/integrations/incremental.ts), used instead of walking the folders it covers. */
    handoff?: ListingHandoff;
  },
): Promise<DeployFilesResult> {
  const started = performance.now();
  // Taken now: it describes the site as the steps before this one left it.
  const handed = handoff?.current();
  // Each awaited after the rest of the site is done; a failure meanwhile is not an unhandled rejection.
  const stepsDone = alongside.map((step) => {
    const done = step.done();
    done.catch(() => undefined);
    return done;
  });
  const files: string[] = [];
  const styleHashes = new Set<string>();
  const scriptHashes = new Set<string>();
  const blocked: string[] = [];
  const cache = join(cacheDir, 'precompress');
  await mkdir(cache, { recursive: true });
  // What the cache holds, listed once: a cold build would otherwise try (and fail) to read
  // two cache files for every file it compresses.
  const inCache = new Set(await readdir(cache));
  const used = new Set<string>([MANIFEST]);
  const before = readManifest(await readFile(join(cache, MANIFEST), 'utf8').catch(() => undefined));
  const after = new Map<string, DeployEntry>();
  // What each page holds inline, by content: a page written again with the same bytes is not parsed again.
  const inlineKey = (file: string, digest: string) => (isXslt(file) ? `${digest}-xml` : digest);
  const inlineBefore = new Map<string, InlineHashes>();
  for (const [file, { digest, inline }] of before) if (inline) inlineBefore.set(inlineKey(file, digest), inline);
  const waits: string[] = [];
  const counts = { compressed: 0, unchanged: 0, fromCache: 0, skipped: [] as string[] };
  const brotliName = (digest: string, quality: number) => `${digest}-q${quality}.br`;
  const gzipName = (digest: string) => `${digest}.gz`;

  /**
   * A cached output by name, or `make()` written to the cache. Files of the same content
   * (each search bundle's pagefind.js) share a name and are compressed at the same time:
   * they share one call, and the cache file appears whole (written aside, then renamed), so
   * that no call reads another's half-written file as a hit. The cache folder is listed
   * once, so a cold build does not try to open every entry first.
   */
  const pending = new Map<string, Promise<Buffer>>();
  const cached = (name: string, make: () => Promise<Buffer>): Promise<Buffer> => {
    let result = pending.get(name);
    if (!result) {
      result = (async () => {
        if (inCache.has(name)) {
          try {
            const hit = await readFile(join(cache, name));
            counts.fromCache++;
            return hit;
          } catch {
            // gone since it was listed: made again below
          }
        }
        const made = await make();
        const aside = join(cache, `${name}.${process.pid}.tmp`);
        await writeFile(aside, made);
        await rename(aside, join(cache, name));
        inCache.add(name);
        return made;
      })();
      pending.set(name, result);
      // Kept only while it runs: later calls read the cache file, so buffers do not pile up.
      const done = () => pending.delete(name);
      result.then(done, done);
    }
    return result;
  };

  /** Records a file's entry for the next build, and its part of the policy. */
  const take = (file: string, entry: DeployEntry) => {
    after.set(file, entry);
    entry.inline?.styles.forEach((hash) => styleHashes.add(hash));
    entry.inline?.scripts.forEach((hash) => scriptHashes.add(hash));
    for (const what of entry.inline?.blocked ?? []) blocked.push(`${file}: ${what}`);
    if (entry.quality !== undefined) used.add(brotliName(entry.digest, entry.quality)).add(gzipName(entry.digest));
    if (entry.br !== undefined) counts.compressed++;
  };

  /**
   * Compresses and hashes the files under the top-level entries `within` accepts: first,
   * without reading any file, it takes those that are as the manifest records them.
   */
  const pass = async (within: (name: string) => boolean, { handed }: { handed?: SiteListing } = {}) => {
    // What a handed listing holds is taken from it, without a walk or a stat; the rest is walked.
    const walked = listTree(siteDir, (name) => within(name) && !(handed?.within(name) ?? false)).files;
    const taken = handed ? [...handed.stamps.keys()].filter((file) => within(file.split('/', 1)[0] ?? file)) : [];
    const listed = [...walked, ...taken].sort();
    const present = new Set(listed);
    const stamp = (file: string) => handed?.stamps.get(file) ?? stampOf(join(siteDir, file));
    const mine = listed.filter(
      (file) => !/\.(gz|br)$/.test(file) && !Object.values(HEADER_FILES).includes(file as never),
    );
    // One at a time: spreading 100,000 arguments overflows the call stack.
    for (const file of mine) files.push(file);
    const changed: string[] = [];
    for (const file of mine) {
      if (!isPage(file) && !isXslt(file) && !isCompressible(file)) continue;
      const info = stamp(file);
      // Gone since it was listed: nothing to serve, so nothing to compress.
      if (!info) continue;
      const copy = (ending: string) => (present.has(file + ending) ? stamp(file + ending) : undefined);
      const recorded = before.get(file);
      const now = {
        size: info.size,
        mtimeMs: info.mtimeMs,
        quality: qualityOf(file),
        br: copy('.br'),
        gz: copy('.gz'),
      };
      if (isUnchanged(recorded, now)) {
        counts.unchanged++;
        take(file, recorded);
      } else changed.push(file);
    }

    await eachLimited(changed, PARALLEL, async (file) => {
      const path = join(siteDir, file);
      const info = await stat(path);
      const quality = qualityOf(file);
      const source = await readFile(path);
      const digest = createHash('sha256').update(source).digest('hex');
      const entry: DeployEntry = { size: source.length, mtimeMs: info.mtimeMs, digest };
      if (isPage(file) || isXslt(file)) {
        entry.inline =
          inlineBefore.get(inlineKey(file, digest)) ??
          hashInline(inlineCode(source.toString('utf8'), { xml: isXslt(file) }));
      }
      if (quality !== undefined) {
        entry.quality = quality;
        const brotli = await cached(brotliName(digest, quality), () => brotlied(source, quality));
        const gzip = await cached(gzipName(digest), () => gzipped(source));
        if (!worthServing(source.length, brotli.length) || !worthServing(source.length, gzip.length)) {
          counts.skipped.push(file);
          // A copy from when the file compressed well would be served instead of it.
          await Promise.all([rm(`${path}.br`, { force: true }), rm(`${path}.gz`, { force: true })]);
        } else {
          await Promise.all([writeFile(`${path}.br`, brotli), writeFile(`${path}.gz`, gzip)]);
          // Same time as the original, so Last-Modified does not depend on the encoding (and
          // src/lib/prune.ts takes the copies as current): as seconds, which set it to within a
          // microsecond, where a Date (whole milliseconds, rounded) can move it to the next second.
          const [atime, mtime] = [info.atimeMs / 1000, info.mtimeMs / 1000];
          await Promise.all([utimes(`${path}.br`, atime, mtime), utimes(`${path}.gz`, atime, mtime)]);
          entry.br = brotli.length;
          entry.gz = gzip.length;
        }
      }
      take(file, entry);
    });
  };

  // The rest of the site while the other steps write their folders, then each step's folders.
  // The handed listing is for the first pass only: the other steps write their folders after it was made.
  await pass((name) => !alongside.some((step) => step.holds(name)), { handed });
  for (const [index, step] of alongside.entries()) {
    const waited = performance.now();
    await stepsDone[index];
    waits.push(`${((performance.now() - waited) / 1000).toFixed(1)} s waiting for ${step.what}`);
    await pass((name) => step.holds(name) && !alongside.slice(0, index).some((earlier) => earlier.holds(name)));
  }

  if (blocked.length > 0) {
    throw new Error(
      `The Content-Security-Policy would block inline code that a hash cannot allow; ` +
        `move it into a <style> element or a script file:\n  ${blocked.sort().join('\n  ')}`,
    );
  }
  // Written last, so it never describes a copy that was not written; files gone from the
  // output are not in it.
  await writeFile(join(cache, `${MANIFEST}.tmp`), manifestJson(after));
  await rename(join(cache, `${MANIFEST}.tmp`), join(cache, MANIFEST));
  // What the cache held when listed, and what this build added: not listed again (263,000
  // entries at 100,000 stories). An entry another build added meanwhile waits for the next.
  for (const entry of inCache) {
    if (!used.has(entry)) await rm(join(cache, entry), { force: true });
  }

  // Pagefind compiles WebAssembly in the browser; any other .wasm file would too.
  const wasm = files.some((file) => file.startsWith('pagefind/') || file.endsWith('.wasm'));
  const headers = siteHeaders(contentSecurityPolicy({ styleHashes, scriptHashes, wasm }), immutablePrefixes(files));
  await writeFile(join(siteDir, HEADER_FILES.netlify), netlifyHeaders(headers));
  await writeFile(join(siteDir, HEADER_FILES.nginx), nginxHeaders(headers));

  logger?.info(
    `headers: ${styleHashes.size} inline style and ${scriptHashes.size} inline script hashes in the CSP; ` +
      `${counts.compressed} files precompressed, ${counts.unchanged} of them unchanged since the last build ` +
      `(${counts.fromCache} .br and .gz forms from the cache) in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      (waits.length > 0 ? `, of it ${waits.join(', ')}` : ''),
  );
  if (counts.skipped.length > 0) {
    logger?.info(`not compressed (no smaller): ${counts.skipped.join(', ')}`);
  }
  return { headers, ...counts };
}

/**
 * The Astro integration: runs {@link writeDeployFiles} on the output when a build is done;
 * with `alongside`, while earlier integrations still write their folders in the background;
 * with `handoff`, on the listing the incremental step left (give both the same one).
 *
 * @example
 * // astro.config.mjs
 * integrations: [deployFiles()],
 * const search = searchIndex({ background: true });
 * integrations: [search, deployFiles({ alongside: [{ what: 'the search index', holds: isSearchBundle, done: search.indexed }] })],
 */
export default function deployFiles({
  alongside,
  handoff,
}: { alongside?: readonly StillWriting[]; handoff?: ListingHandoff } = {}): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'wire-reader:deploy-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        await writeDeployFiles(fileURLToPath(dir), { cacheDir, logger, alongside, handoff });
      },
    },
  };
}
