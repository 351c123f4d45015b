/**
 * What the build writes for hosting (src/integrations/deploy.ts): a Content-Security-Policy
 * that allows every inline style and script of every built page by hash, the same headers
 * for Netlify/Cloudflare (_headers) and nginx (_headers.nginx.conf), and a .gz and .br
 * beside every text file. Checked here against the built files with their own parsers;
 * `npm run test:deploy` checks them against nginx and Chromium.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { immutablePrefixes, nginxHeaders, siteHeaders } from '../../src/lib/headers';
import { headersFileFor, readHeadersFile } from '../helpers/headers-file';
import { builtFiles, readBuilt, siteDir } from '../helpers/site';

const rules = readHeadersFile(siteDir());
const policy = headersFileFor(rules, '/')['content-security-policy'] ?? '';
const sources = (directive: string) =>
  policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === directive)
    ?.slice(1) ?? [];
const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const pages = builtFiles('.html');

describe('the Content-Security-Policy in dist/_headers', () => {
  it('is strict: nothing by default, no unsafe-inline or unsafe-eval, no framing', () => {
    expect(sources('default-src')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
    expect(sources('frame-ancestors')).toEqual(["'none'"]);
  });

  it.each(pages)('allows every inline style and script of %s by its hash', (page) => {
    const $ = cheerio.load(readBuilt(page));
    const styles = $('style')
      .toArray()
      .map((element) => $(element).text());
    expect(styles.length).toBeGreaterThan(0);
    for (const style of styles) expect(sources('style-src')).toContain(hash(style));
    const scripts = $('script:not([src])')
      .toArray()
      .filter((element) => !/json/i.test($(element).attr('type') ?? ''))
      .map((element) => $(element).text());
    for (const script of scripts) expect(sources('script-src')).toContain(hash(script));
  });

  it.each(pages)('%s has no style or event-handler attribute, which a hash cannot allow', (page) => {
    const $ = cheerio.load(readBuilt(page));
    expect($('[style]').length).toBe(0);
    const handlers = $('*')
      .toArray()
      .flatMap((element) => Object.keys((element as { attribs?: Record<string, string> }).attribs ?? {}))
      .filter((name) => /^on/i.test(name));
    expect(handlers).toEqual([]);
  });

  it('has no hash that no page uses', () => {
    const used = new Set<string>();
    const stylesheets = builtFiles('.xsl');
    for (const file of [...pages, ...stylesheets]) {
      const $ = cheerio.load(readBuilt(file), { xml: file.endsWith('.xsl') });
      $('style, script:not([src])').each((_, element) => void used.add(hash($(element).text())));
    }
    const hashes = [...sources('style-src'), ...sources('script-src')].filter((source) => source.startsWith("'sha"));
    expect(hashes.filter((source) => !used.has(source))).toEqual([]);
  });
});

describe('one source for the headers', () => {
  it('_headers.nginx.conf carries exactly the headers of _headers', () => {
    const nginx = readFileSync(join(siteDir(), '_headers.nginx.conf'), 'utf8');
    const files = readdirSync(siteDir(), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(siteDir(), join(entry.parentPath, entry.name)).split(sep).join('/'));
    // The share cards and the search index's chunks are named by their content: cached for a year.
    const immutable = immutablePrefixes(files);
    expect(immutable).toEqual(expect.arrayContaining(['/_astro/', '/cards/', '/pagefind/fragment/']));
    expect(nginx).toBe(nginxHeaders(siteHeaders(policy, immutable)));
    for (const [name, value] of Object.entries(headersFileFor(rules, '/'))) {
      expect(nginx.toLowerCase()).toContain(name);
      expect(nginx).toContain(value);
    }
  });
});

describe('precompressed files', () => {
  const files = readdirSync(siteDir(), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(html|xml|xsl|css|m?js|json|webmanifest|svg|txt)$/.test(entry.name))
    .map((entry) => relative(siteDir(), join(entry.parentPath, entry.name)).split(sep).join('/'));

  it('covers pages and feeds', () => {
    expect(files.filter((file) => file.endsWith('.html')).length).toBe(pages.length);
    expect(files).toContain('rss.xml');
  });

  it.each(files)('%s has a .gz and a .br beside it with the same bytes, or would not shrink', (file) => {
    const original = readFileSync(join(siteDir(), file));
    const gz = join(siteDir(), `${file}.gz`);
    const br = join(siteDir(), `${file}.br`);
    if (!existsSync(gz) && !existsSync(br)) {
      expect(gzipSync(original, { level: 9 }).length).toBeGreaterThanOrEqual(original.length);
      return;
    }
    expect(gunzipSync(readFileSync(gz)).equals(original)).toBe(true);
    expect(brotliDecompressSync(readFileSync(br)).equals(original)).toBe(true);
    expect(readFileSync(br).length).toBeLessThan(original.length);
  });
});
