import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readSeed } from '../helpers/seed';
import { brotlied, brotliQuality, eachLimited, gzipped, isCompressible, worthServing } from '../../src/lib/precompress';

describe('isCompressible', () => {
  it.each([
    'index.html',
    'rss.xml',
    'rss.xsl',
    'a.css',
    'a.js',
    'a.mjs',
    'a.json',
    'site.webmanifest',
    'icon.svg',
    'robots.txt',
    'favicon.ico',
  ])('compresses %s', (file) => expect(isCompressible(`dir/${file}`)).toBe(true));
  it.each(['photo.jpg', 'photo.webp', 'font.woff2', 'index.html.gz', 'index.html.br', '_headers'])(
    'leaves %s alone',
    (file) => expect(isCompressible(file)).toBe(false),
  );
});

describe('gzipped and brotlied', () => {
  const page = Buffer.from(`<!doctype html><p>${'Astana, Jun 20 (EFE).- '.repeat(200)}</p>`);

  it('give back the same bytes when decompressed, and fewer of them', async () => {
    const [gz, br] = await Promise.all([gzipped(page), brotlied(page, 6)]);
    expect(gunzipSync(gz).equals(page)).toBe(true);
    expect(brotliDecompressSync(br).equals(page)).toBe(true);
    expect(br.length).toBeLessThan(gz.length);
    expect(gz.length).toBeLessThan(page.length / 10);
  });

  it('give the same bytes for the same input (no time or name in the gzip header)', async () => {
    expect((await gzipped(page)).equals(await gzipped(page))).toBe(true);
    expect((await brotlied(page, 11)).equals(await brotlied(page, 11))).toBe(true);
  });

  it('make a smaller Brotli form of real text at quality 11 than at 6', async () => {
    const story = Buffer.from(readSeed().raw);
    expect((await brotlied(story, 11)).length).toBeLessThan((await brotlied(story, 6)).length);
  });
});

describe('brotliQuality', () => {
  it.each([
    ['index.html', 6],
    ['stories/x/index.html', 6],
    ['sections/world/rss.xml', 6],
    ['sitemap-0.xml', 6],
    ['_astro/index.B2x9.css', 11],
    ['pagefind/pagefind-ui.js', 11],
    ['site.webmanifest', 11],
    ['rss.xsl', 11],
  ])('compresses %s at quality %i', (file, quality) => {
    expect(brotliQuality(file)).toBe(quality);
  });
});

describe('worthServing', () => {
  it.each([
    [10_899, 3_204, true],
    [20, 24, false],
    [100, 100, false],
  ])('%i bytes compressed to %i: %s', (original, compressed, worth) => {
    expect(worthServing(original, compressed)).toBe(worth);
  });
});

describe('eachLimited', () => {
  it('runs every item, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await eachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      done.push(n);
      running--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });
});
