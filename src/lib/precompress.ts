/**
 * Precompression: the `.gz` and `.br` files a static server sends instead of the original
 * (nginx `gzip_static` and `brotli_static`), made once at build time rather than on every
 * request.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Files worth compressing: text formats (pages, feeds, sitemaps, styles, scripts, data, SVG, icons). */
const COMPRESSIBLE = /\.(html?|xml|xsl|css|m?js|json|webmanifest|svg|txt|ico)$/i;

/**
 * Whether a built file is one to precompress, by its name.
 *
 * @example
 * isCompressible('stories/x/index.html'); // true
 * isCompressible('photo.jpg'); // false
 */
export function isCompressible(path: string): boolean {
  return COMPRESSIBLE.test(path);
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * The gzip form of a file: level 9, no file name or time in the header, so the same input
 * always gives the same bytes.
 *
 * @example
 * await gzipped(Buffer.from('<p>hello</p>')); // <Buffer 1f 8b 08 00 ...>
 */
export function gzipped(source: Buffer): Promise<Buffer> {
  return gzipAsync(source, { level: 9 });
}

/** Pages and feeds: many files, rewritten on every publish. */
const PAGE_OR_FEED = /\.(html?|xml)$/i;

/**
 * The Brotli quality for a file. Pages and feeds get 6: on a story page quality 11 is 13 %
 * smaller (3,204 against 3,696 bytes; gzip -9 gives 4,028) but takes about 20 ms against
 * 1.3 ms, and on a 335 KB feed 4 s against 0.09 s, while a new story changes every listing
 * page and feed it appears on. Styles, scripts, data and icons, few and loaded often, get 11.
 *
 * @example
 * brotliQuality('stories/x/index.html'); // 6
 * brotliQuality('_astro/index.Bx9.css'); // 11
 */
export function brotliQuality(path: string): number {
  return PAGE_OR_FEED.test(path) ? 6 : constants.BROTLI_MAX_QUALITY;
}

/**
 * The Brotli form of a file, in text mode, at the given quality (see {@link brotliQuality}).
 *
 * @example
 * await brotlied(Buffer.from('<p>hello</p>'), 6); // <Buffer ...>
 */
export function brotlied(source: Buffer, quality: number): Promise<Buffer> {
  return brotliAsync(source, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
    },
  });
}

/**
 * Whether a compressed form is worth serving: only when it is smaller than the original.
 *
 * @example
 * worthServing(10_899, 3_204); // true
 * worthServing(20, 24); // false
 */
export function worthServing(originalBytes: number, compressedBytes: number): boolean {
  return compressedBytes < originalBytes;
}

/**
 * Runs `task` on every item with at most `limit` running at once, in order of start.
 *
 * @example
 * await eachLimited([1, 2, 3], 2, async (n) => console.log(n));
 */
export async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
