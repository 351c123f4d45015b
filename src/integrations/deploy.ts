/**
 * The build's last step for hosting: the response headers (`_headers`, `_headers.nginx.conf`)
 * with a Content-Security-Policy that allows every inline style and script of the built site
 * by hash, and `.gz` and `.br` files beside every text file. List it after any integration
 * that writes files into the output (Pagefind's index, sitemaps), so those are covered too.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import {
  contentSecurityPolicy,
  cspHash,
  inlineCode,
  netlifyHeaders,
  nginxHeaders,
  siteHeaders,
  type HeaderSet,
  type InlineCode,
} from '../lib/headers.ts';
import { brotlied, brotliQuality, eachLimited, gzipped, isCompressible, worthServing } from '../lib/precompress.ts';

/** The generated header files, beside the site (a static host does not serve them as pages). */
export const HEADER_FILES = { netlify: '_headers', nginx: '_headers.nginx.conf' } as const;

export interface DeployFilesResult {
  headers: HeaderSet;
  /** Files given a `.gz` and a `.br`. */
  compressed: number;
  /** Compressed forms taken from the cache rather than made again. */
  fromCache: number;
  /** Compressible files left alone because compressing did not make them smaller. */
  skipped: string[];
}

const INLINE_CACHE = 'inline-code.json';

/** A page's inline code as the policy needs it: the CSP hashes, and what no hash allows. */
interface CachedInline {
  styles: string[];
  scripts: string[];
  blocked: string[];
}

function hashInline({ styles, scripts, blocked }: InlineCode): CachedInline {
  return { styles: styles.map(cspHash), scripts: scripts.map(cspHash), blocked };
}

async function readInlineCache(path: string): Promise<Record<string, CachedInline>> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, CachedInline>;
  } catch {
    return {};
  }
}

/** Every file under a folder, as slash-separated paths relative to it. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * Writes the header files into a built site and precompresses it. The compressed forms and
 * each page's inline code are kept in `cacheDir` by content hash and reused on the next
 * build, so only changed files are parsed and compressed again; entries no file uses any
 * more are removed.
 *
 * @example
 * await writeDeployFiles('/srv/site/dist', { cacheDir: 'node_modules/.astro' });
 */
export async function writeDeployFiles(
  siteDir: string,
  { cacheDir, logger }: { cacheDir: string; logger?: AstroIntegrationLogger },
): Promise<DeployFilesResult> {
  const started = performance.now();
  const files = (await filesUnder(siteDir)).filter(
    (file) => !/\.(gz|br)$/.test(file) && !Object.values(HEADER_FILES).includes(file as never),
  );
  const styleHashes = new Set<string>();
  const scriptHashes = new Set<string>();
  const blocked: string[] = [];
  const cache = join(cacheDir, 'precompress');
  await mkdir(cache, { recursive: true });
  const used = new Set<string>([INLINE_CACHE]);
  // What each page holds inline, by content hash: a rebuild parses only pages that changed.
  const inlineBefore = await readInlineCache(join(cache, INLINE_CACHE));
  const inlineNow: Record<string, CachedInline> = {};
  const counts = { compressed: 0, fromCache: 0, skipped: [] as string[] };

  /** A cached output by name, or `make()` written to the cache. */
  const cached = async (name: string, make: () => Promise<Buffer>): Promise<Buffer> => {
    used.add(name);
    try {
      const hit = await readFile(join(cache, name));
      counts.fromCache++;
      return hit;
    } catch {
      const made = await make();
      await writeFile(join(cache, name), made);
      return made;
    }
  };

  await eachLimited(files, availableParallelism() * 2, async (file) => {
    const path = join(siteDir, file);
    const isPage = /\.html?$/i.test(file);
    const isXslt = /\.xslt?$/i.test(file);
    if (!isPage && !isXslt && !isCompressible(file)) return;
    const source = await readFile(path);
    const digest = createHash('sha256').update(source).digest('hex');
    if (isPage || isXslt) {
      const key = isXslt ? `${digest}-xml` : digest;
      const code = inlineBefore[key] ?? hashInline(inlineCode(source.toString('utf8'), { xml: isXslt }));
      inlineNow[key] = code;
      code.styles.forEach((hash) => styleHashes.add(hash));
      code.scripts.forEach((hash) => scriptHashes.add(hash));
      blocked.push(...code.blocked.map((what) => `${file}: ${what}`));
    }
    if (!isCompressible(file)) return;
    const quality = brotliQuality(file);
    const brotli = await cached(`${digest}-q${quality}.br`, () => brotlied(source, quality));
    const gzip = await cached(`${digest}.gz`, () => gzipped(source));
    if (!worthServing(source.length, brotli.length) || !worthServing(source.length, gzip.length)) {
      counts.skipped.push(file);
      return;
    }
    const { atime, mtime } = await stat(path);
    await Promise.all([writeFile(`${path}.br`, brotli), writeFile(`${path}.gz`, gzip)]);
    // Same time as the original, so Last-Modified does not depend on the encoding.
    await Promise.all([utimes(`${path}.br`, atime, mtime), utimes(`${path}.gz`, atime, mtime)]);
    counts.compressed++;
  });

  if (blocked.length > 0) {
    throw new Error(
      `The Content-Security-Policy would block inline code that a hash cannot allow; ` +
        `move it into a <style> element or a script file:\n  ${blocked.join('\n  ')}`,
    );
  }
  await writeFile(join(cache, `${INLINE_CACHE}.tmp`), JSON.stringify(inlineNow));
  await rename(join(cache, `${INLINE_CACHE}.tmp`), join(cache, INLINE_CACHE));
  for (const entry of await readdir(cache)) {
    if (!used.has(entry)) await rm(join(cache, entry), { force: true });
  }

  // Pagefind compiles WebAssembly in the browser; any other .wasm file would too.
  const wasm = files.some((file) => file.startsWith('pagefind/') || file.endsWith('.wasm'));
  const headers = siteHeaders(contentSecurityPolicy({ styleHashes, scriptHashes, wasm }));
  await writeFile(join(siteDir, HEADER_FILES.netlify), netlifyHeaders(headers));
  await writeFile(join(siteDir, HEADER_FILES.nginx), nginxHeaders(headers));

  logger?.info(
    `headers: ${styleHashes.size} inline style and ${scriptHashes.size} inline script hashes in the CSP; ` +
      `precompressed ${counts.compressed} files (${counts.fromCache} of their .br and .gz forms from the cache) ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (counts.skipped.length > 0) {
    logger?.info(`not compressed (no smaller): ${counts.skipped.join(', ')}`);
  }
  return { headers, ...counts };
}

/**
 * The Astro integration: runs {@link writeDeployFiles} on the output when a build is done.
 *
 * @example
 * // astro.config.mjs
 * integrations: [deployFiles()],
 */
export default function deployFiles(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'wire-reader:deploy-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        await writeDeployFiles(fileURLToPath(dir), { cacheDir, logger });
      },
    },
  };
}
