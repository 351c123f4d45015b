/**
 * The one Markdown → HTML path of the site: story pages and feeds both render with it,
 * so a reader and a subscriber get the same words.
 */
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

// CommonMark without the GitHub extensions: wire copy is paragraphs, and GFM's autolink
// scanning made Markdown the largest single cost of a 10,000-story build.
const marked = new Marked({ gfm: false, async: false });

/** What frames a story's text: the dateline before it and the agency credit after it. */
export interface StoryFrame {
  /** The wire dateline, rendered as the lead-in of the first paragraph. */
  dateline: string;
  /** The agency sign-off, closing the last paragraph. */
  credit: string;
  /** The site's public address; every relative link or image is made absolute against it. */
  base: string;
}

/**
 * Escapes text for use inside HTML.
 *
 * @example
 * escapeHtml('AT&T <b>'); // "AT&amp;T &lt;b&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function inlineHtml(html: string): Tokens.HTML {
  return { type: 'html', raw: html, text: html, block: false, pre: false };
}

function resolveUrl(value: string | undefined, base: string): string | undefined {
  if (value === undefined) return undefined;
  if (value.startsWith('#')) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return undefined;
  }
}

const DIRECTIONS = new Set(['ltr', 'rtl', 'auto']);

/**
 * What every kept element goes through: `h1` becomes `h2`, an `href` or `src` is made
 * absolute (or dropped when it is no URL), and a `dir` that names no direction is dropped.
 */
function cleanTag(base: string): sanitizeHtml.Transformer {
  return (tagName, attribs) => {
    const next = { ...attribs };
    for (const attribute of ['href', 'src'] as const) {
      if (!(attribute in next)) continue;
      const resolved = resolveUrl(next[attribute], base);
      if (resolved === undefined) delete next[attribute];
      else next[attribute] = resolved;
    }
    if ('dir' in next && !DIRECTIONS.has(next.dir ?? '')) delete next.dir;
    return { tagName: tagName === 'h1' ? 'h2' : tagName, attribs: next };
  };
}

const SAFE_URL = /^(?:https?:|mailto:|[^:]*$)/i;

/** Attributes each kept element may have, beyond `lang` and `dir`, which every element may. */
const ELEMENT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title', 'hreflang'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  span: ['class'],
  time: ['datetime'],
  abbr: ['title'],
  q: ['cite'],
  blockquote: ['cite'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
};

const ALLOWED_TAGS = [...sanitizeHtml.defaults.allowedTags, 'img'];

// Language and direction on any element: an Arabic quote in an English story, or a feed
// item's wrapper, keeps the direction readers need to lay the text out (cleanTag drops a
// `dir` that is no direction).
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  '*': ['lang', 'dir'],
  ...Object.fromEntries(Object.entries(ELEMENT_ATTRIBUTES).map(([tag, names]) => [tag, [...names]])),
};

function sanitizeOptions(base: string): sanitizeHtml.IOptions {
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedClasses: { span: ['dateline', 'credit', 'photo-credit'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    transformTags: { '*': cleanTag(base) },
  };
}

/**
 * Cleans story HTML with sanitize-html: only text-level and structural tags, no scripts,
 * frames, styles or event handlers, only http(s) and mailto links, absolute URLs, no h1.
 * `lang` and `dir` (`ltr`, `rtl`, `auto`) stay on any element.
 *
 * @example
 * sanitizeStoryHtml('<p onclick="x()">Hi <script>x()</script></p>', 'https://wire-reader.example');
 * // "<p>Hi </p>"
 */
export function sanitizeStoryHtml(html: string, base: string): string {
  return sanitizeHtml(html, sanitizeOptions(base));
}

/**
 * Renders a story's Markdown body to safe HTML, with the dateline as the lead-in of the
 * first paragraph and the credit closing the last. Scripts, frames, event handlers and
 * `javascript:` URLs are removed; links and images are made absolute; a heading level 1
 * in the body becomes level 2, since the page's only `h1` is the headline.
 *
 * Markdown with no raw HTML and only http(s), mailto or relative links renders to HTML that
 * marked has escaped throughout and that sanitize-html would leave as it is (a unit test
 * holds this), so only bodies with raw HTML or other URL schemes go through sanitize-html.
 *
 * @example
 * renderStoryHtml('Kazakh President spoke.\n\nHe left.', {
 *   dateline: 'Astana, Jun 20 (EFE).-', credit: 'EFE', base: 'https://wire-reader.example',
 * });
 * // '<p><span class="dateline">Astana, Jun 20 (EFE).-</span> Kazakh President spoke.</p>\n'
 * // + '<p>He left. <span class="credit">EFE</span></p>\n'
 */
export function renderStoryHtml(markdown: string, frame: StoryFrame): string {
  const tokens = marked.lexer(markdown);
  let raw = false;
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'html') raw = true;
    else if (token.type === 'link' || token.type === 'image') {
      if (!SAFE_URL.test(token.href)) raw = true;
      else token.href = resolveUrl(token.href, frame.base) ?? token.href;
    } else if (token.type === 'heading' && token.depth === 1) token.depth = 2;
  });
  const paragraphs = tokens.filter((token): token is Tokens.Paragraph => token.type === 'paragraph');
  const lead = inlineHtml(`<span class="dateline">${escapeHtml(frame.dateline)}</span> `);
  const credit = inlineHtml(` <span class="credit">${escapeHtml(frame.credit)}</span>`);
  const first = paragraphs[0];
  const last = paragraphs.at(-1);
  let html: string;
  if (first && last) {
    first.tokens.unshift(lead);
    last.tokens.push(credit);
    html = marked.parser(tokens);
  } else {
    html = `<p>${lead.text.trim()}</p>\n${marked.parser(tokens)}<p>${credit.text.trim()}</p>\n`;
  }
  return raw ? sanitizeStoryHtml(html, frame.base) : html;
}

/**
 * Renders a publisher page's Markdown (About, Corrections, ...) to safe HTML, through the
 * same parser and cleaner as stories: any raw HTML is cleaned, and a heading level 1
 * becomes level 2 (the page title is the only `h1`). Links into the site stay site paths
 * (`/feeds/`), so they work wherever the site is served; other links are made absolute.
 *
 * @example
 * renderPageHtml('# Who we are\n\nSee [feeds](/feeds/) and [EFE](https://efe.com).', 'https://wire-reader.example');
 * // '<h2>Who we are</h2>\n<p>See <a href="/feeds/">feeds</a> and <a href="https://efe.com">EFE</a>.</p>\n'
 */
export function renderPageHtml(markdown: string, base: string): string {
  const tokens = marked.lexer(markdown);
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'heading' && token.depth === 1) token.depth = 2;
  });
  const origin = new URL(base).origin;
  return sanitizeStoryHtml(marked.parser(tokens), origin).replaceAll(`href="${origin}/`, 'href="/');
}
