/**
 * The site's HTTP response headers: the one source both `dist/_headers` (Netlify,
 * Cloudflare Pages) and the nginx include `dist/_headers.nginx.conf` are written from.
 *
 * The Content-Security-Policy is strict (no `'unsafe-inline'`, no `'unsafe-eval'`): every
 * inline `<style>` and executable inline `<script>` of the built site is allowed by its
 * SHA-256 hash, found by {@link inlineCode} and listed once for the whole site.
 */
import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';

/** One response header: name and value. */
export type Header = readonly [name: string, value: string];

/** What a page or stylesheet holds inline, as CSP sees it. */
export interface InlineCode {
  /** The text of each `<style>` element. */
  styles: string[];
  /** The text of each inline `<script>` a browser runs (data blocks such as JSON-LD are left out). */
  scripts: string[];
  /** Inline code a hash cannot allow: style and event-handler attributes, `javascript:` URLs. */
  blocked: string[];
}

/** Script types a browser executes (or treats as code: import maps, speculation rules). */
const EXECUTABLE_SCRIPT =
  /^(|module|importmap|speculationrules|(text|application)\/(x-)?(java|ecma)script|text\/(javascript1\.[0-5]|jscript|livescript))$/i;

/** Attributes that carry a URL a `javascript:` scheme would run from. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

/**
 * The inline styles and scripts of one HTML page (or, with `xml`, an XSLT stylesheet whose
 * output the browser renders), and any inline code a hash-based policy would block.
 *
 * @example
 * inlineCode('<style>p{margin:0}</style><script type="application/ld+json">{}</script><p style="x">');
 * // { styles: ['p{margin:0}'], scripts: [], blocked: ['style attribute on <p>'] }
 */
export function inlineCode(markup: string, options: { xml?: boolean } = {}): InlineCode {
  const found: InlineCode = { styles: [], scripts: [], blocked: [] };
  let open: { kind: 'styles' | 'scripts'; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const tag = name.toLowerCase();
        for (const [attribute, value] of Object.entries(attributes)) {
          const lower = attribute.toLowerCase();
          if (lower === 'style') found.blocked.push(`style attribute on <${tag}>`);
          else if (/^on[a-z]+$/.test(lower)) found.blocked.push(`${lower} attribute on <${tag}>`);
          else if (URL_ATTRIBUTES.has(lower) && /^\s*javascript:/i.test(value)) {
            found.blocked.push(`javascript: URL in ${lower} of <${tag}>`);
          }
        }
        if (tag === 'style') open = { kind: 'styles', text: '' };
        else if (tag === 'script' && attributes.src === undefined) {
          if (EXECUTABLE_SCRIPT.test((attributes.type ?? '').trim())) open = { kind: 'scripts', text: '' };
        }
      },
      ontext(text) {
        if (open) open.text += text;
      },
      oncdatastart() {
        // CDATA text arrives through ontext; nothing to do here.
      },
      onclosetag(name) {
        const tag = name.toLowerCase();
        if (open && (tag === 'style' || tag === 'script')) {
          found[open.kind].push(open.text);
          open = undefined;
        }
      },
    },
    options.xml ? { xmlMode: true, recognizeCDATA: true, decodeEntities: true } : { decodeEntities: true },
  );
  parser.write(markup);
  parser.end();
  return found;
}

/**
 * The CSP source expression that allows one inline style or script: `'sha256-<base64>'`.
 *
 * @example
 * cspHash('p{margin:0}'); // "'sha256-…='"
 */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** What the policy is made from: everything inline on the built site, and whether it runs WebAssembly. */
export interface PolicyInput {
  /** Hash sources (`'sha256-…'`) of every inline style on the site. */
  styleHashes: Iterable<string>;
  /** Hash sources of every executable inline script on the site. */
  scriptHashes: Iterable<string>;
  /** The site compiles WebAssembly (Pagefind search does): adds `'wasm-unsafe-eval'`. */
  wasm?: boolean;
}

/**
 * The site's Content-Security-Policy: nothing by default; scripts, styles, images, fonts,
 * fetches and the manifest from the site itself; inline code only by hash; no framing, no
 * `<base>`, forms only to the site. Hashes are sorted and deduplicated, so the policy is
 * the same for the same pages.
 *
 * @example
 * contentSecurityPolicy({ styleHashes: ["'sha256-abc='"], scriptHashes: [] });
 * // "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-abc='; img-src 'self'; ..."
 */
export function contentSecurityPolicy({ styleHashes, scriptHashes, wasm = false }: PolicyInput): string {
  const sorted = (hashes: Iterable<string>) => [...new Set(hashes)].sort();
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', "'self'", ...sorted(scriptHashes), ...(wasm ? ["'wasm-unsafe-eval'"] : [])],
    ['style-src', "'self'", ...sorted(styleHashes)],
    ['img-src', "'self'"],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['manifest-src', "'self'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** Cache-Control for files whose name changes with their content (see {@link immutablePrefixes}). */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/**
 * Folders whose files a tool names by their content, and how such a name looks; `bundle`:
 * only inside a search bundle.
 */
const CONTENT_NAMED: { folder: RegExp; name: RegExp; bundle: boolean }[] = [
  // Share cards: a hash of what the card shows (src/lib/cards.ts).
  { folder: /^cards\/$/, name: /^[0-9a-f]{16,}\.png$/, bundle: false },
  // Pagefind's chunks: `en_a05188f.pf_fragment` (the language, then a hash).
  {
    folder: /^[^/]+\/(fragment|index|filter)\/$/,
    name: /^[\w-]+_[0-9a-f]{7,}\.pf_(fragment|index|filter)$/,
    bundle: true,
  },
];

/**
 * The path prefixes whose files may be cached for a year ({@link IMMUTABLE_CACHE}), because
 * a file's name changes whenever its content does: Astro's `/_astro/` always; the share
 * cards' `/cards/`; and the `fragment/`, `index/` and `filter/` folders of each search bundle
 * (a folder beside a `pagefind-entry.json`), which a search fetches piece by piece. A folder
 * counts only when every file in it (`.br` and `.gz` copies aside) has such a name, so a
 * file put there by hand is never cached for a year under a name that may be reused.
 *
 * @example
 * immutablePrefixes([
 *   'cards/d00d0e81a29c33488437.png',
 *   'pagefind/pagefind-entry.json',
 *   'pagefind/fragment/en_a05188f.pf_fragment',
 *   'pagefind/pagefind.js',
 * ]);
 * // ['/_astro/', '/cards/', '/pagefind/fragment/']
 */
export function immutablePrefixes(files: readonly string[]): string[] {
  const folders = new Map<string, boolean>();
  const bundles = new Set(
    files.filter((file) => /^[^/]+\/pagefind-entry\.json$/.test(file)).map((file) => file.split('/')[0]),
  );
  for (const file of files) {
    const cut = file.lastIndexOf('/') + 1;
    const folder = file.slice(0, cut);
    const rule = CONTENT_NAMED.find((candidate) => candidate.folder.test(folder));
    if (!rule || (rule.bundle && !bundles.has(folder.split('/')[0]))) continue;
    const named = rule.name.test(file.slice(cut).replace(/\.(br|gz)$/, ''));
    folders.set(folder, (folders.get(folder) ?? true) && named);
  }
  const hashed = [...folders].filter(([, named]) => named).map(([folder]) => `/${folder}`);
  return ['/_astro/', ...hashed.sort()];
}
/**
 * Cache-Control for everything else (pages, feeds, sitemaps, icons): caches may keep a copy
 * but must check it is current before each use, so corrections and kills show at once. It is
 * also what Netlify and Cloudflare Pages send when `_headers` says nothing.
 */
export const REVALIDATE_CACHE = 'public, max-age=0, must-revalidate';

/** The complete set of response headers, by where they apply. */
export interface HeaderSet {
  /** On every response, errors included. */
  all: Header[];
  /** Only on responses over HTTPS (a plain-http preview does not send them). */
  https: Header[];
  /** Cache-Control by path prefix; the first matching prefix wins. */
  cache: { prefix: string; value: string }[];
  /** Cache-Control when no prefix matches. */
  defaultCache: string;
}

/**
 * Every header the site is served with, around its Content-Security-Policy.
 *
 * @example
 * siteHeaders(contentSecurityPolicy({ styleHashes: [], scriptHashes: [] })).all[1];
 * // ['X-Content-Type-Options', 'nosniff']
 */
export function siteHeaders(policy: string, immutable: readonly string[] = ['/_astro/']): HeaderSet {
  return {
    all: [
      ['Content-Security-Policy', policy],
      ['X-Content-Type-Options', 'nosniff'],
      ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      [
        'Permissions-Policy',
        'accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
      ],
      ['X-Frame-Options', 'DENY'],
      ['Cross-Origin-Opener-Policy', 'same-origin'],
    ],
    // Two years; no includeSubDomains or preload: those bind every host of the domain.
    https: [['Strict-Transport-Security', 'max-age=63072000']],
    cache: immutable.map((prefix) => ({ prefix, value: IMMUTABLE_CACHE })),
    defaultCache: REVALIDATE_CACHE,
  };
}

/**
 * The headers an HTTPS response for `path` carries (the Cache-Control by prefix), as
 * lower-case name to value: what a test expects of a server, or what a CDN rule should set.
 *
 * @example
 * headersFor(siteHeaders("default-src 'none'"), '/_astro/a.css')['cache-control'];
 * // "public, max-age=31536000, immutable"
 */
export function headersFor(set: HeaderSet, path: string, { https = true } = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of [...set.all, ...(https ? set.https : [])]) headers[name.toLowerCase()] = value;
  headers['cache-control'] = set.cache.find((rule) => path.startsWith(rule.prefix))?.value ?? set.defaultCache;
  return headers;
}

const GENERATED = 'Generated by the build from src/lib/headers.ts: do not edit; change that file and rebuild.';

/**
 * The header set in the `_headers` format of Netlify and Cloudflare Pages. The default
 * Cache-Control is left to the host (both send {@link REVALIDATE_CACHE}): those hosts join
 * two rules' values for one header, so `/*` must not carry one that `/_astro/*` overrides.
 *
 * @example
 * netlifyHeaders(siteHeaders("default-src 'none'")).split('\n')[2]; // "/*"
 */
export function netlifyHeaders(set: HeaderSet): string {
  const rule = (path: string, headers: Header[]) => [path, ...headers.map(([name, value]) => `  ${name}: ${value}`)];
  return [
    `# ${GENERATED}`,
    '# The same headers as _headers.nginx.conf; the Cache-Control of other paths is the host default.',
    ...rule('/*', [...set.all, ...set.https]),
    ...set.cache.flatMap(({ prefix, value }) => rule(`${prefix}*`, [['Cache-Control', value]])),
    '',
  ].join('\n');
}

/** A value as an nginx string: double-quoted; `"`, `\` and `$` would change its meaning. */
function nginxString(value: string): string {
  if (/["\\$]/.test(value)) throw new Error(`header value cannot be written for nginx: ${value}`);
  return `"${value}"`;
}

/** A path prefix that reads the same as a regular expression: letters, digits, `_`, `-`, `/`. */
function plainPrefix(prefix: string): string {
  if (!/^\/[\w/-]*$/.test(prefix)) throw new Error(`cache prefix must be a plain path such as /_astro/: ${prefix}`);
  return prefix;
}

/**
 * The header set as nginx directives for a `server` block (see deploy/nginx.conf): every
 * header with `always`, so error pages carry them too; Cache-Control chosen by path in the
 * server's rewrite phase, which runs again for the 404 page; HSTS only over HTTPS.
 * Locations must not use `add_header` themselves, or they drop these.
 *
 * @example
 * nginxHeaders(siteHeaders("default-src 'none'")).includes('add_header X-Content-Type-Options "nosniff" always;');
 * // true
 */
export function nginxHeaders(set: HeaderSet): string {
  const lines = [
    `# ${GENERATED}`,
    '# The same headers as _headers. Included in the server block of deploy/nginx.conf.',
    '# A request nginx refuses before its rewrite phase (400) has no Cache-Control; no warning for that.',
    'uninitialized_variable_warn off;',
    `set $wire_cache_control ${nginxString(set.defaultCache)};`,
    ...set.cache.map(
      ({ prefix, value }) =>
        `if ($uri ~ ${nginxString(`^${plainPrefix(prefix)}`)}) { set $wire_cache_control ${nginxString(value)}; }`,
    ),
    'add_header Cache-Control $wire_cache_control always;',
    ...set.all.map(([name, value]) => `add_header ${name} ${nginxString(value)} always;`),
    ...set.https.flatMap(([name, value], index) => [
      `set $wire_https_${index} "";`,
      `if ($scheme = https) { set $wire_https_${index} ${nginxString(value)}; }`,
      `add_header ${name} $wire_https_${index} always;`,
    ]),
    '',
  ];
  return lines.join('\n');
}
