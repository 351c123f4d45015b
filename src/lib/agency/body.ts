/**
 * Story bodies: paragraphs from XML (NITF, XHTML) or HTML (ninjs `body_html`) into inline
 * runs, the dateline and the agency's closing lines taken out, and safe Markdown out.
 * Wire text is escaped, so it reads exactly as filed; only emphasis, strong emphasis,
 * http(s)/mailto links and line breaks are kept as markup.
 */
import { Parser } from 'htmlparser2';
import { escapeInlineMarkdown, parseDateline, type ParsedDateline } from '../wire-import.ts';
import type { Inline, Paragraph } from './types.ts';
import type { XmlElement } from './xml.ts';

const EMPHASIS: Record<string, 'em' | 'strong'> = { em: 'em', i: 'em', strong: 'strong', b: 'strong' };
/** Elements that hold paragraphs' worth of text in NITF and (X)HTML bodies. */
const PARAGRAPHS = new Set(['p', 'hl2', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre']);
/** Elements whose text is never story text. */
const SKIPPED = new Set(['script', 'style', 'media', 'figure', 'img', 'table', 'hl1', 'dateline', 'byline']);

/**
 * Inline runs of an element's content: emphasis, links and breaks kept; any other inline
 * element (NITF's `person`, `org`, `location`, an HTML `span`) gives just its text.
 *
 * @example
 * inlines(parseXml('<p>Hola <em>mundo</em></p>'));
 * // [{ kind: 'text', text: 'Hola ' }, { kind: 'em', children: [{ kind: 'text', text: 'mundo' }] }]
 */
export function inlines(element: XmlElement): Inline[] {
  const runs: Inline[] = [];
  for (const node of element.children) {
    if (typeof node === 'string') {
      runs.push({ kind: 'text', text: node });
      continue;
    }
    const name = node.name.toLowerCase();
    const emphasis = EMPHASIS[name];
    if (emphasis) runs.push({ kind: emphasis, children: inlines(node) });
    else if (name === 'a') runs.push({ kind: 'link', href: node.attrs.href ?? '', children: inlines(node) });
    else if (name === 'br') runs.push({ kind: 'break' });
    else if (!SKIPPED.has(name)) runs.push(...inlines(node));
  }
  return runs;
}

/**
 * The paragraphs of a body element (NITF `body.content`, an XHTML `body`, a `div`), in
 * document order: each `p` (and list item, sub-heading, quote) is one paragraph; text
 * standing loose between blocks is a paragraph of its own, so none is lost.
 *
 * @example
 * paragraphsOf(parseXml('<body.content><p>One.</p><p>Two.</p></body.content>')).length; // 2
 */
export function paragraphsOf(element: XmlElement): Paragraph[] {
  const found: Paragraph[] = [];
  let loose: Inline[] = [];
  const flush = () => {
    if (plainText(loose).trim()) found.push(loose);
    loose = [];
  };
  for (const node of element.children) {
    if (typeof node === 'string') {
      loose.push({ kind: 'text', text: node });
      continue;
    }
    const name = node.name.toLowerCase();
    if (PARAGRAPHS.has(name)) {
      flush();
      found.push(inlines(node));
    } else if (SKIPPED.has(name)) {
      continue;
    } else if (EMPHASIS[name] || name === 'a' || name === 'br' || !hasBlocks(node)) {
      loose.push(...inlines({ ...node, children: [node] }));
    } else {
      flush();
      found.push(...paragraphsOf(node));
    }
  }
  flush();
  return found.map(normalise).filter((paragraph) => paragraph.length > 0);
}

function hasBlocks(element: XmlElement): boolean {
  return element.children.some(
    (node) => typeof node !== 'string' && (PARAGRAPHS.has(node.name.toLowerCase()) || hasBlocks(node)),
  );
}

/**
 * Parses an HTML fragment (ninjs `body_html`) with htmlparser2 into the same element tree
 * as XML, so one paragraph walk serves both.
 *
 * @example
 * paragraphsOf(htmlFragment('<p>One<br>two</p><p>Three')).length; // 2
 */
export function htmlFragment(html: string): XmlElement {
  const root: XmlElement = { name: 'body', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const element: XmlElement = { name, attrs, children: [] };
        (stack.at(-1) as XmlElement).children.push(element);
        stack.push(element);
      },
      ontext(text) {
        (stack.at(-1) as XmlElement).children.push(text);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return root;
}

/**
 * The text of inline runs, as a reader sees it (a break reads as a space).
 *
 * @example
 * plainText([{ kind: 'text', text: 'a' }, { kind: 'break' }, { kind: 'text', text: 'b' }]); // "a b"
 */
export function plainText(runs: readonly Inline[]): string {
  return runs
    .map((run) => (run.kind === 'text' ? run.text : run.kind === 'break' ? ' ' : plainText(run.children)))
    .join('');
}

/** Folds white space (XML line breaks, CRLF, tabs) to single spaces and trims the ends. */
function normalise(paragraph: Paragraph): Paragraph {
  const fold = (runs: Inline[]): Inline[] =>
    runs.map((run) =>
      run.kind === 'text'
        ? { kind: 'text', text: run.text.replace(/[ \t\r\n]+/g, ' ') }
        : run.kind === 'break'
          ? run
          : { ...run, children: fold(run.children) },
    );
  let runs = fold(paragraph);
  while (runs[0]?.kind === 'break') runs = runs.slice(1);
  while (runs.at(-1)?.kind === 'break') runs = runs.slice(0, -1);
  runs = dropLeading(runs, leadingSpace(runs));
  const text = plainText(runs);
  return text.trim() ? dropTrailing(runs, text.length - text.trimEnd().length) : [];
}

function leadingSpace(runs: readonly Inline[]): number {
  const text = plainText(runs);
  return text.length - text.trimStart().length;
}

/**
 * Removes the first `count` characters of text from inline runs, keeping the markup of
 * what is left.
 *
 * @example
 * plainText(dropLeading([{ kind: 'text', text: 'MADRID.- ' }, { kind: 'em', children: [{ kind: 'text', text: 'Hola' }] }], 9)); // "Hola"
 */
export function dropLeading(runs: readonly Inline[], count: number): Inline[] {
  let left = count;
  const out: Inline[] = [];
  for (const run of runs) {
    if (left <= 0) {
      out.push(run);
      continue;
    }
    if (run.kind === 'text') {
      if (run.text.length <= left) left -= run.text.length;
      else {
        out.push({ kind: 'text', text: run.text.slice(left) });
        left = 0;
      }
    } else if (run.kind === 'break') {
      left -= 1;
    } else {
      const size = plainText(run.children).length;
      if (size <= left) left -= size;
      else {
        out.push({ ...run, children: dropLeading(run.children, left) });
        left = 0;
      }
    }
  }
  return out;
}

function dropTrailing(runs: readonly Inline[], count: number): Inline[] {
  const reversed = (items: readonly Inline[]): Inline[] =>
    [...items]
      .reverse()
      .map((run) =>
        run.kind === 'text'
          ? { kind: 'text', text: [...run.text].reverse().join('') }
          : run.kind === 'break'
            ? run
            : { ...run, children: reversed(run.children) },
      );
  return reversed(dropLeading(reversed(runs), count));
}

const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

/**
 * Inline runs as safe Markdown: text escaped, emphasis as `*`/`**`, http(s) and mailto
 * links as `[text](<url>)` (any other link keeps only its text), breaks as hard breaks.
 *
 * @example
 * toMarkdown([{ kind: 'text', text: '1. A *b* ' }, { kind: 'em', children: [{ kind: 'text', text: 'c' }] }]);
 * // "1\\. A \\*b\\* *c*"
 */
export function toMarkdown(paragraph: readonly Inline[]): string {
  const render = (runs: readonly Inline[]): string =>
    runs
      .map((run) => {
        if (run.kind === 'text') return escapeInlineMarkdown(run.text);
        if (run.kind === 'break') return '\\\n';
        const inner = render(run.children);
        const core = inner.trim();
        if (!core) return inner;
        const before = inner.slice(0, inner.length - inner.trimStart().length);
        const after = inner.slice(inner.trimEnd().length);
        if (run.kind === 'link') {
          const href = run.href.trim();
          if (!SAFE_LINK.test(href)) return inner;
          return `${before}[${core}](<${href.replace(/[<>\s]/g, encodeURIComponent)}>)${after}`;
        }
        const mark = run.kind === 'em' ? '*' : '**';
        return `${before}${mark}${core}${mark}${after}`;
      })
      .join('');
  return render(paragraph)
    .trim()
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** What {@link trimStory} took out of a story's paragraphs. */
export interface Trimmed {
  paragraphs: Paragraph[];
  /** The dateline found at the head of the lead paragraph, if any. */
  dateline: ParsedDateline | undefined;
  /** Closing lines that name the staff (`asl/tib/pid`): kept for the frontmatter. */
  initials: string[];
  /** Closing lines that were only the agency's sign-off (`EFE`, `==Kyodo`). */
  signOff: string[];
}

const INITIALS =
  /^(?:\(?[\p{L}]{2,10}\)?\s+)?[\p{L}\d]{1,8}(?:\s*[/-]\s*[\p{L}\d]{1,8})*\s*\/\s*[\p{L}\d]{1,8}(?:\s*\(.{0,40}\))?$/u;

/**
 * Whether a closing line names the staff who handled the story (`asl/tib/pid/cac`,
 * `EFE jm/bds`, `bur-jm/sst`) rather than being story text.
 *
 * @example
 * isStaffLine('asl/tib/pid/cac'); // true
 * isStaffLine('50/50 chance, he said.'); // false
 */
export function isStaffLine(line: string): boolean {
  const text = line.trim();
  return text.length <= 60 && !/[.!?,;:]$/.test(text) && INITIALS.test(text) && !/^\d+\s*\/\s*\d+$/.test(text);
}

function isSignOff(line: string, agency: string | undefined): boolean {
  const text = line.trim().replace(/^=+\s*/, '');
  if (/^=+\s*\p{L}+$/u.test(line.trim())) return true;
  return agency !== undefined && text.toLowerCase() === agency.toLowerCase();
}

/**
 * Takes the dateline off the lead paragraph and the sign-off and staff lines off the end,
 * as the page adds the dateline and the credit itself. A sign-off at the end of the last
 * paragraph (`... on Tuesday. EFE`) is cut too.
 *
 * @example
 * const out = trimStory([[{ kind: 'text', text: 'MADRID, 3 mar (EFE).- Texto.' }], [{ kind: 'text', text: 'asl/tib' }]], 'EFE');
 * out.initials; // ["asl/tib"]
 */
export function trimStory(input: readonly Paragraph[], agency: string | undefined): Trimmed {
  const paragraphs = [...input];
  const initials: string[] = [];
  const signOff: string[] = [];
  let dateline: ParsedDateline | undefined;
  const lead = paragraphs[0];
  if (lead) {
    const text = plainText(lead);
    dateline = parseDateline(text);
    if (dateline) {
      const rest = dropLeading(lead, text.length - dateline.rest.length);
      if (plainText(rest).trim()) paragraphs[0] = normalise(rest);
      else paragraphs.shift();
    }
  }
  const who = agency ?? dateline?.agency;
  for (;;) {
    const last = paragraphs.at(-1);
    if (!last || paragraphs.length === 1) break;
    const text = plainText(last).trim();
    if (isStaffLine(text)) initials.unshift(text);
    else if (isSignOff(text, who)) signOff.unshift(text);
    else break;
    paragraphs.pop();
  }
  const last = paragraphs.at(-1);
  if (last && who) {
    const text = plainText(last);
    const tail = new RegExp(`\\s+\\(?${who.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)?\\s*$`, 'i');
    const match = tail.exec(text);
    if (match && match.index > 0) {
      signOff.push(match[0].trim());
      paragraphs[paragraphs.length - 1] = dropTrailing(last, match[0].length);
    }
  }
  return { paragraphs, dateline, initials, signOff };
}
