import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  cspHash,
  headersFor,
  IMMUTABLE_CACHE,
  immutablePrefixes,
  inlineCode,
  netlifyHeaders,
  nginxHeaders,
  REVALIDATE_CACHE,
  siteHeaders,
} from '../../src/lib/headers';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('inlineCode', () => {
  it('finds the text of every <style>, exactly as written, wherever it stands', () => {
    const html =
      '<head><style>\n  p { margin: 0 }\n</style></head><body><style media="print">a::after{content:"<b>"}</style>';
    expect(inlineCode(html).styles).toEqual(['\n  p { margin: 0 }\n', 'a::after{content:"<b>"}']);
  });

  it.each([
    ['<script>go()</script>', ['go()']],
    ['<script type="module">go()</script>', ['go()']],
    ['<script type="text/javascript">go()</script>', ['go()']],
    ['<script type="importmap">{"imports":{}}</script>', ['{"imports":{}}']],
    ['<script type="application/ld+json">{"@type":"NewsArticle"}</script>', []],
    ['<script type="application/json">{}</script>', []],
    ['<script src="/pagefind/pagefind-ui.js"></script>', []],
  ])('counts %s as %j among the scripts a browser runs', (html, scripts) => {
    expect(inlineCode(html).scripts).toEqual(scripts);
  });

  it.each([
    ['<p style="color:red">x</p>', 'style attribute on <p>'],
    ['<button onclick="go()">x</button>', 'onclick attribute on <button>'],
    ['<a href=" javascript:go()">x</a>', 'javascript: URL in href of <a>'],
    ['<form action="JavaScript:go()"></form>', 'javascript: URL in action of <form>'],
  ])('reports %s, which no hash can allow', (html, what) => {
    expect(inlineCode(html).blocked).toEqual([what]);
  });

  it('does not mistake text that mentions code for code', () => {
    const html = '<p>style="x" onclick=go() &lt;style&gt;p{}&lt;/style&gt;</p><a href="/javascript:/">x</a>';
    expect(inlineCode(html)).toEqual({ styles: [], scripts: [], blocked: [] });
  });

  it('reads an XSLT stylesheet as XML: entities decoded, CDATA kept', () => {
    const xsl = '<xsl:template><style>a &gt; b { color: red }<![CDATA[ p > q {} ]]></style></xsl:template>';
    expect(inlineCode(xsl, { xml: true }).styles).toEqual(['a > b { color: red } p > q {} ']);
  });
});

describe('cspHash', () => {
  it('is the base64 SHA-256 of the UTF-8 text, quoted as a CSP source', () => {
    expect(cspHash('p{margin:0}')).toBe(sha256('p{margin:0}'));
    expect(cspHash('a::before{content:"—"}')).toBe(sha256('a::before{content:"—"}'));
  });
});

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy({
    styleHashes: ["'sha256-b='", "'sha256-a='", "'sha256-b='"],
    scriptHashes: ["'sha256-s='"],
  });
  const directives = Object.fromEntries(
    policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]),
  );

  it('allows nothing by default and nothing inline but the hashed code', () => {
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['style-src']).toEqual(["'self'", "'sha256-a='", "'sha256-b='"]);
    expect(directives['script-src']).toEqual(["'self'", "'sha256-s='"]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('forbids framing, <base> and forms to other sites', () => {
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'self'"]);
  });

  it("adds 'wasm-unsafe-eval' only for a site that runs WebAssembly", () => {
    expect(policy).not.toContain('wasm-unsafe-eval');
    expect(contentSecurityPolicy({ styleHashes: [], scriptHashes: [], wasm: true })).toContain(
      "script-src 'self' 'wasm-unsafe-eval';",
    );
  });
});

describe('siteHeaders and headersFor', () => {
  const set = siteHeaders("default-src 'none'");

  it.each([
    ['content-security-policy', "default-src 'none'"],
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'strict-origin-when-cross-origin'],
    ['x-frame-options', 'DENY'],
    ['strict-transport-security', 'max-age=63072000'],
  ])('sends %s: %s', (name, value) => {
    expect(headersFor(set, '/')[name]).toBe(value);
  });

  it('turns off powerful features with Permissions-Policy', () => {
    expect(headersFor(set, '/')['permissions-policy']).toMatch(/(^|, )camera=\(\)(, |$)/);
    expect(headersFor(set, '/')['permissions-policy']).toMatch(/geolocation=\(\)/);
  });

  it('leaves HSTS off a plain-http response', () => {
    expect(headersFor(set, '/', { https: false })).not.toHaveProperty('strict-transport-security');
  });

  it.each([
    ['/', 'public, max-age=0, must-revalidate'],
    ['/rss.xml', 'public, max-age=0, must-revalidate'],
    ['/stories/x/', 'public, max-age=0, must-revalidate'],
    ['/_astro/index.B2x9.css', 'public, max-age=31536000, immutable'],
  ])('caches %s with %s', (path, value) => {
    expect(headersFor(set, path)['cache-control']).toBe(value);
  });
});

describe('immutablePrefixes', () => {
  const bundle = ['pagefind/pagefind-entry.json', 'pagefind/pagefind.js', 'pagefind/wasm.en.pagefind'];
  it.each([
    ['a site with no content-named files', ['index.html', 'rss.xml'], ['/_astro/']],
    [
      'share cards named by their hash',
      ['cards/d00d0e81a29c33488437.png', 'cards/fb176c34a4090f8d59d5.png'],
      ['/_astro/', '/cards/'],
    ],
    ['a card folder with a file named by hand', ['cards/d00d0e81a29c33488437.png', 'cards/logo.png'], ['/_astro/']],
    [
      'the chunk folders of every search bundle, not its entry, script or wasm',
      [
        ...bundle,
        'pagefind/pagefind.en_38b98291d1.pf_meta',
        'pagefind/fragment/en_a05188f.pf_fragment',
        'pagefind/index/en_4eed6c4.pf_index',
        'pagefind/filter/en_4eed6c4.pf_filter',
        'pagefind-recent/pagefind-entry.json',
        'pagefind-recent/fragment/pt-br_0a1b2c3.pf_fragment',
      ],
      ['/_astro/', '/pagefind-recent/fragment/', '/pagefind/filter/', '/pagefind/fragment/', '/pagefind/index/'],
    ],
    ['a chunk-like folder outside a search bundle', ['stories/fragment/en_a05188f.pf_fragment'], ['/_astro/']],
    [
      'a bundle folder with a file named by hand',
      [...bundle, 'pagefind/index/en_4eed6c4.pf_index', 'pagefind/index/notes.txt'],
      ['/_astro/'],
    ],
    ['a deeper folder of the same name', ['cards/old/d00d0e81a29c33488437.png'], ['/_astro/']],
  ])('%s', (_what, files, expected) => {
    expect(immutablePrefixes(files)).toEqual(expected);
  });

  it('caches what it names for a year, and the rest of the bundle not', () => {
    const set = siteHeaders("default-src 'none'", immutablePrefixes([...bundle, 'pagefind/index/en_4eed6c4.pf_index']));
    expect(headersFor(set, '/pagefind/index/en_4eed6c4.pf_index')['cache-control']).toBe(IMMUTABLE_CACHE);
    expect(headersFor(set, '/pagefind/pagefind-entry.json')['cache-control']).toBe(REVALIDATE_CACHE);
    expect(nginxHeaders(set)).toContain('if ($uri ~ "^/pagefind/index/")');
    expect(netlifyHeaders(set)).toContain('/pagefind/index/*\n  Cache-Control: public, max-age=31536000, immutable');
  });
});

describe('netlifyHeaders', () => {
  const text = netlifyHeaders(siteHeaders("default-src 'none'"));
  const rules = text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .reduce<Record<string, string[]>>((all, line) => {
      if (!line.startsWith(' ')) all[line] = [];
      else all[Object.keys(all).at(-1) ?? '']?.push(line.trim());
      return all;
    }, {});

  it('puts every security header on /* and the long cache on /_astro/* alone', () => {
    expect(Object.keys(rules)).toEqual(['/*', '/_astro/*']);
    expect(rules['/*']).toContain("Content-Security-Policy: default-src 'none'");
    expect(rules['/*']).toContain('Strict-Transport-Security: max-age=63072000');
    expect(rules['/*']?.some((line) => line.startsWith('Cache-Control'))).toBe(false);
    expect(rules['/_astro/*']).toEqual(['Cache-Control: public, max-age=31536000, immutable']);
  });
});

describe('nginxHeaders', () => {
  const text = nginxHeaders(siteHeaders("default-src 'none'"));

  it('adds every header with always, so error pages carry them', () => {
    for (const name of ['Content-Security-Policy', 'X-Content-Type-Options', 'Referrer-Policy', 'X-Frame-Options']) {
      expect(text).toMatch(new RegExp(`^add_header ${name} "[^"]+" always;$`, 'm'));
    }
  });

  it('chooses Cache-Control by path and sends HSTS only over HTTPS', () => {
    expect(text).toContain('set $wire_cache_control "public, max-age=0, must-revalidate";');
    expect(text).toContain(
      'if ($uri ~ "^/_astro/") { set $wire_cache_control "public, max-age=31536000, immutable"; }',
    );
    expect(text).toMatch(/if \(\$scheme = https\) \{ set \$wire_https_0 "max-age=63072000"; \}/);
    expect(text).toContain('add_header Strict-Transport-Security $wire_https_0 always;');
  });

  it('refuses a value nginx would read as a variable', () => {
    expect(() => nginxHeaders(siteHeaders("script-src 'self' $x"))).toThrow(/cannot be written for nginx/);
  });
});
