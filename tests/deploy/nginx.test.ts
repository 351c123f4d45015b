/**
 * The built site as nginx serves it with deploy/nginx.conf: the headers of dist/_headers on
 * every response, content types, precompressed responses, slash-less URLs, the 404 page and
 * path traversal.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { REVALIDATE_CACHE } from '../../src/lib/headers';
import { brotlied, brotliQuality, gzipped, worthServing } from '../../src/lib/precompress';
import { headersFileFor, readHeadersFile } from '../helpers/headers-file';
import { httpsGet, rawGet, wirePath } from '../helpers/net';
import { onePerType } from '../helpers/page-types';
import { baseUrl, builtFiles, pagePaths, siteDir } from '../helpers/site';

const rules = readHeadersFile(siteDir());
const pages = onePerType(pagePaths());
/** One file of each kind the site has besides pages: feeds, stylesheets, scripts, data, icons. */
const files = onePerType(
  readdirSync(siteDir(), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/\.(html|gz|br)$/.test(entry.name) && !entry.name.startsWith('_headers'))
    .map((entry) => `/${relative(siteDir(), join(entry.parentPath, entry.name)).split(sep).join('/')}`)
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b)),
);
const extension = (path: string) =>
  path.endsWith('/') ? 'html' : (/\.([a-z0-9_]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '');

/** What dist/_headers says for a path, as a plain-http response carries it: no HSTS; the host's default cache. */
function expectedHeaders(path: string): Record<string, string> {
  const { 'strict-transport-security': _, ...expected } = headersFileFor(rules, path);
  return { 'cache-control': REVALIDATE_CACHE, ...expected };
}

function expectHeaders(path: string, actual: Record<string, string | string[] | undefined>) {
  for (const [name, value] of Object.entries(expectedHeaders(path))) {
    expect(actual[name], `${path}: ${name}`).toBe(value);
  }
  expect(actual['strict-transport-security'], `${path}: HSTS on plain http`).toBeUndefined();
}

describe('dist/_headers', () => {
  it('has a strict policy and the security headers for every path', () => {
    const all = headersFileFor(rules, '/');
    expect(all['content-security-policy']).toMatch(/default-src 'none'/);
    expect(all['content-security-policy']).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
    expect(all['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(all['x-content-type-options']).toBe('nosniff');
    expect(all['referrer-policy']).toBeTruthy();
    expect(all['permissions-policy']).toBeTruthy();
    expect(all['strict-transport-security']).toMatch(/max-age=\d{8,}/);
  });
});

describe('headers from nginx', () => {
  it.each(pages)('%s carries every header of dist/_headers', async (path) => {
    const response = await rawGet(baseUrl(), path);
    expect(response.status).toBe(200);
    expectHeaders(path, response.headers);
  });

  it.each(files)('%s carries every header of dist/_headers', async (path) => {
    const response = await rawGet(baseUrl(), path);
    expect(response.status).toBe(200);
    expectHeaders(path, response.headers);
  });

  it('a missing hashed asset is not cached as immutable', async () => {
    const response = await rawGet(baseUrl(), '/_astro/no-such-file.css');
    expect(response.status).toBe(404);
    expectHeaders('/404.html', response.headers);
  });

  it.each(['/', '/rss.xml', '/no-such-page/'])(
    '%s over HTTPS carries every header of dist/_headers, HSTS included',
    async (path) => {
      const response = await httpsGet(inject('httpsUrl'), path);
      const expected: Record<string, string> = { 'cache-control': REVALIDATE_CACHE, ...headersFileFor(rules, path) };
      expect(expected['strict-transport-security']).toBeTruthy();
      for (const [name, value] of Object.entries(expected)) expect(response.headers[name], name).toBe(value);
    },
  );

  it('does not name its version', async () => {
    const response = await rawGet(baseUrl(), '/no-such-page/');
    expect(response.headers.server).toBe('nginx');
    expect(response.body.toString()).not.toMatch(/nginx\/\d/);
  });
});

const CONTENT_TYPES: Record<string, RegExp> = {
  html: /^text\/html; charset=utf-8$/,
  css: /^text\/css; charset=utf-8$/,
  js: /^(application|text)\/javascript; charset=utf-8$/,
  mjs: /^(application|text)\/javascript; charset=utf-8$/,
  json: /^application\/json; charset=utf-8$/,
  webmanifest: /^application\/manifest\+json; charset=utf-8$/,
  xsl: /^(text\/xsl|application\/xslt\+xml); charset=utf-8$/,
  xml: /^(text|application)\/xml; charset=utf-8$/,
  svg: /^image\/svg\+xml; charset=utf-8$/,
  txt: /^text\/plain; charset=utf-8$/,
  ico: /^image\/(x-icon|vnd\.microsoft\.icon)$/,
  png: /^image\/png$/,
  webp: /^image\/webp$/,
  woff2: /^font\/woff2$/,
  // Pagefind's index and WebAssembly: compressed binary its script reads itself.
  pagefind: /^application\/octet-stream$/,
  pf_meta: /^application\/octet-stream$/,
  pf_index: /^application\/octet-stream$/,
  pf_filter: /^application\/octet-stream$/,
  pf_fragment: /^application\/octet-stream$/,
};

describe('content types', () => {
  it.each([...pages, ...files].filter((path) => !/(^|\/)rss\.xml$/.test(path)))(
    '%s has its type and charset',
    async (path) => {
      const type = CONTENT_TYPES[extension(path)];
      const response = await rawGet(baseUrl(), path);
      expect(type, `no expected type for .${extension(path)} files: add one to CONTENT_TYPES`).toBeDefined();
      expect(response.headers['content-type']).toMatch(type as RegExp);
    },
  );

  it.each(builtFiles('rss.xml'))('feed %s is application/rss+xml in UTF-8', async (path) => {
    const response = await rawGet(baseUrl(), path);
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
  });
});

describe('precompressed responses', () => {
  const compressible = [...pages, ...files].filter((path) =>
    /\.(html|xml|xsl|css|js|mjs|json|webmanifest|svg|txt)$|\/$/.test(path),
  );
  const file = (path: string) => readFileSync(join(siteDir(), path.endsWith('/') ? `${path}index.html` : path));

  it.each(compressible)('%s comes as Brotli, as gzip, and plain, each the same bytes', async (path) => {
    const original = file(path);
    const onDisk = join(siteDir(), path.endsWith('/') ? `${path}index.html` : path);
    if (!existsSync(`${onDisk}.br`)) {
      // The deploy step leaves a file as it is when compressing does not make it smaller (a
      // search manifest of one bundle): then it has no copy at all, and comes whole.
      const [brotli, gzip] = await Promise.all([brotlied(original, brotliQuality(path)), gzipped(original)]);
      expect(
        worthServing(original.length, brotli.length) && worthServing(original.length, gzip.length),
        `${path} has no .br though compressing makes it smaller`,
      ).toBe(false);
      expect(existsSync(`${onDisk}.gz`)).toBe(false);
      const plain = await rawGet(baseUrl(), path, { 'accept-encoding': 'br' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(original)).toBe(true);
      return;
    }
    const br = await rawGet(baseUrl(), path, { 'accept-encoding': 'gzip, deflate, br' });
    if (inject('nginxBrotli')) {
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
    }
    const gzip = await rawGet(baseUrl(), path, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(original)).toBe(true);
    const plain = await rawGet(baseUrl(), path);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/i);
  });

  it('this nginx has the Brotli module (libnginx-mod-http-brotli-static)', () => {
    expect(inject('nginxBrotli')).toBe(true);
  });
});

describe('addresses', () => {
  const folders = pages.filter((path) => path.endsWith('/') && path !== '/');

  it.each(folders)('%s without its slash is a 301 to it, query kept', async (path) => {
    const response = await rawGet(baseUrl(), `${path.slice(0, -1)}?utm=x`);
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe(`${wirePath(path)}?utm=x`);
    expectHeaders(path, response.headers);
  });

  it.each(['/no-such-page/', '/stories/no-such-story/', '/no-such-file.html', '/stories/no-such-story'])(
    "%s is the site's 404 page with status 404",
    async (path) => {
      const response = await rawGet(baseUrl(), path, { 'accept-encoding': 'gzip' });
      const notFound = readFileSync(join(siteDir(), '404.html'));
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      const body = response.headers['content-encoding'] === 'gzip' ? gunzipSync(response.body) : response.body;
      expect(body.equals(notFound)).toBe(true);
      expectHeaders('/404.html', response.headers);
    },
  );

  it.each(['/_headers', '/_headers.nginx.conf'])('%s, the server configuration, is not served', async (path) => {
    expect((await rawGet(baseUrl(), path)).status).toBe(404);
  });
});

describe('path traversal', () => {
  const attempts = [
    '/stories/..%2f..%2fetc%2fpasswd',
    '/stories/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    '/../../../../etc/passwd',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/stories/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..%5c..%5c..%5cetc%5cpasswd',
    '/stories/x/%2e%2e/%2e%2e/%2e%2e/%2e%2e/proc/self/environ',
    '/%00',
    '/index.html%00.txt',
    '//etc/passwd',
    '/stories/..;/..;/etc/passwd',
  ];
  const leaks = [/root:.*:0:0:/, /\/etc\//, /\/srv\//, /\/tmp\//, /\/home\//, /\/proc\//, /\bat \S+:\d+/];

  it.each(attempts)('%s is answered 400 or 404, and names no file or folder', async (path) => {
    const response = await rawGet(baseUrl(), path);
    expect([400, 404]).toContain(response.status);
    const body = response.body.toString('latin1');
    expect(body).not.toContain(siteDir());
    for (const leak of leaks) expect(body).not.toMatch(leak);
  });
});
