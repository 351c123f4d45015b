/**
 * Story bodies: paragraphs from XML (NITF, XHTML) or HTML (ninjs `body_html`) into inline
 * runs, the dateline and the agency's closing lines taken out, and safe Markdown out.
 * Wire text is escaped, so it reads exactly as filed; only emphasis, strong emphasis,
 * http(s)/mailto links and line breaks are kept as markup.
 */
import { decodeHTML } from 'entities';
import { Parser } from 'htmlparser2';
import {
  datelineFound,
  escapeInlineMarkdown,
  parseDateline,
  parseDatelineDate,
  type ParsedDateline,
} from '../wire-import.ts';
import { textParagraphs } from './common.ts';
import type { Inline, Paragraph } from './types.ts';
import type { XmlElement, XmlNode } from './xml.ts';

const EMPHASIS: Record<string, 'em' | 'strong'> = { em: 'em', i: 'em', strong: 'strong', b: 'strong' };
/** Elements that hold paragraphs' worth of text in NITF and (X)HTML bodies. */
const PARAGRAPHS = new Set(['p', 'hl2', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre']);
/** Elements whose text is never story text. */
const SKIPPED = new Set(['script', 'style', 'media', 'figure', 'img', 'hl1', 'dateline', 'byline']);
/**
 * Blocks of an XHTML body that are page furniture, not story text: dpa and AP G2 bodies open
 * with a `header` repeating the headline, subjects, time and byline.
 */
const FURNITURE = new Set(['header', 'footer', 'nav', 'h1', 'title', 'head']);
/** Classes that mark a structured dateline or byline inside XHTML (`<span class="dateline">`). */
const MARKED = /(?:^|\s)(?:dateline|byline)(?:\s|$)/;

const marked = (element: XmlElement) => MARKED.test(element.attrs.class ?? '');

/**
 * Entities left in text once the XML or HTML parser has decoded it: some agencies (STT)
 * escape their text twice, so `&amp;#39;` reaches us as `&#39;`. They are decoded once
 * more, so the reader sees the apostrophe the agency meant.
 */
const LEFTOVER_ENTITY = /&(?:#\d{1,7}|#x[\da-f]{1,6}|quot|amp|apos|lt|gt|nbsp);/i;

const storyText = (text: string) => (LEFTOVER_ENTITY.test(text) ? decodeHTML(text) : text);

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
      runs.push({ kind: 'text', text: storyText(node) });
      continue;
    }
    const name = node.name.toLowerCase();
    if (marked(node)) continue;
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
      loose.push({ kind: 'text', text: storyText(node) });
      continue;
    }
    const name = node.name.toLowerCase();
    if (FURNITURE.has(name) || (marked(node) && name !== 'span')) {
      continue;
    } else if (name === 'table') {
      flush();
      found.push(...tableRows(node));
    } else if (PARAGRAPHS.has(name)) {
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

/**
 * A table (AP's sports agate, results) as one paragraph per row, its cells joined by
 * ` | `, so no figure is lost even though the page shows no tables.
 */
function tableRows(table: XmlElement): Paragraph[] {
  const rows: Paragraph[] = [];
  const walk = (node: XmlElement) => {
    for (const child of node.children) {
      if (typeof child === 'string') continue;
      if (child.name.toLowerCase() !== 'tr') {
        walk(child);
        continue;
      }
      const cells = child.children
        .filter((cell): cell is XmlElement => typeof cell !== 'string' && /^t[dh]$/i.test(cell.name))
        .map((cell) => normalise(inlines(cell)))
        .filter((cell) => cell.length > 0);
      const row: Inline[] = [];
      cells.forEach((cell, index) => {
        if (index > 0) row.push({ kind: 'text', text: ' | ' });
        row.push(...cell);
      });
      if (row.length > 0) rows.push(row);
    }
  };
  walk(table);
  return rows;
}

/**
 * The text of an XHTML body's structured dateline (`<span class="dateline">London
 * <span class="credit">(dpa)</span> - </span>`), which the paragraph walk leaves out.
 *
 * @example
 * markedDateline(parseXml('<body><p><span class="dateline">London (dpa) - </span>Text</p></body>')); // "London (dpa) -"
 */
export function markedDateline(element: XmlElement): string | undefined {
  for (const node of element.children) {
    if (typeof node === 'string') continue;
    if (/(?:^|\s)dateline(?:\s|$)/.test(node.attrs.class ?? '')) {
      const text = plainText(inlines({ ...node, attrs: {} }))
        .replace(/\s+/g, ' ')
        .trim();
      if (text) return text;
    }
    const inner = markedDateline(node);
    if (inner) return inner;
  }
  return undefined;
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
 * The paragraphs of text that may be HTML: NewsML 1.2 `DataContent` and G2 `inlineData`
 * often carry an HTML body as character data (ANA's `<![CDATA[<P>...</P>]]>`, ANSA's
 * `<p>` in text/plain). Text that opens with a tag is read as HTML; any other text is
 * split into paragraphs at blank lines (or at line ends when it has no blank line).
 *
 * @example
 * textOrHtmlParagraphs('<P>One.</P><P>Two.</P>').length; // 2
 * textOrHtmlParagraphs('One.\nTwo.').length; // 2
 */
export function textOrHtmlParagraphs(text: string): Paragraph[] {
  const indented = (text.match(INDENT) ?? []).length >= 2;
  if (/^\s*<[a-z][\w.-]*[\s/>]/i.test(text)) {
    const root = htmlFragment(text);
    return paragraphsOf(indented ? splitIndented(root) : root);
  }
  const blocks = indented ? text.split(INDENT_BREAK) : textParagraphs(text);
  return blocks
    .map((block) => block.replace(/[ \t\r\n]+/g, ' ').trim())
    .filter(Boolean)
    .map((line) => [{ kind: 'text', text: storyText(line) }]);
}

/**
 * Classic wire text (ANSA, Reuters) marks each new paragraph by a line that starts with
 * three or more spaces, while the lines of a paragraph wrap without a blank line.
 */
const INDENT = /\S[ \t]*\r?\n[ \t]{3,}(?=\S)/g;
const INDENT_BREAK = /\r?\n[ \t]{3,}(?=\S)/;

/** An element whose paragraphs of classic wire text are cut into `p`s where their lines are indented. */
function splitIndented(element: XmlElement): XmlElement {
  const children: XmlNode[] = [];
  for (const child of element.children) {
    if (typeof child === 'string') {
      children.push(child);
      continue;
    }
    if (!PARAGRAPHS.has(child.name.toLowerCase())) {
      children.push(splitIndented(child));
      continue;
    }
    let current: XmlNode[] = [];
    for (const node of child.children) {
      if (typeof node !== 'string') {
        current.push(node);
        continue;
      }
      node.split(INDENT_BREAK).forEach((piece, index) => {
        if (index > 0) {
          children.push({ ...child, children: current });
          current = [];
        }
        current.push(piece);
      });
    }
    children.push({ ...child, children: current });
  }
  return { ...element, children };
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
  /** Closing lines that were only the agency's sign-off or end mark (`EFE`, `==Kyodo`, `ends`). */
  signOff: string[];
  /** Closing lines that state the copyright (`© ANA-MPA. ...`): kept for the frontmatter. */
  rights: string[];
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

/** The marks agencies put under the last paragraph: PA's `ends`, `-30-`, `###`. */
const END_MARK = /^(?:ends?|-+\s*30\s*-+|#{3,}|\+{3,}|end of story)$/i;

function isSignOff(line: string, agency: string | undefined): boolean {
  const text = line.trim().replace(/^=+\s*/, '');
  if (/^=+\s*\p{L}+$/u.test(line.trim()) || END_MARK.test(line.trim())) return true;
  return agency !== undefined && text.replace(/^\((.*)\)\.?$/, '$1').toLowerCase() === agency.toLowerCase();
}

/** A closing line that only states the copyright: `© ANA-MPA ...`, `(c) Copyright ...`. */
function isRightsLine(line: string): boolean {
  const text = line.trim();
  return text.length <= 500 && /^(?:©|\(c\)\s|copyright\b)/i.test(text);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A dateline that names the agency first, as ANSA writes it: `(ANSA) - ROMA, 1 LUG - `.
 * Only a place followed by a date counts, so a lead that opens with a bracket is left alone.
 */
function agencyFirstDateline(paragraph: string): ParsedDateline | undefined {
  const match =
    /^\((?<agency>[\p{L}][\p{L}\d .&-]{0,30})\)\s*[-–—]\s*(?<head>[^()\n-]{1,60}?),\s*(?<date>[^,()\n-]{3,20}?)\s*[-–—]\s+/u.exec(
      paragraph,
    );
  const agencyText = match?.groups?.agency?.trim();
  const place = match?.groups?.head?.trim();
  const date = match?.groups?.date ? parseDatelineDate(match.groups.date) : undefined;
  if (!match || !agencyText || !place || !date) return undefined;
  return datelineFound(paragraph, match[0], { place, date, agency: agencyText });
}

/**
 * The dateline at the head of a lead paragraph, in the agency-last (`Astana, Jun 20
 * (EFE).-`) or agency-first (`(ANSA) - ROMA, 1 LUG -`) style. A dateline that gives only a
 * date (`Jan 3 (OPTA) -`) is still a dateline, with an empty place.
 *
 * @example
 * leadDateline('(ANSA) - Rome, October 11 - Italy said ...')?.place; // "Rome"
 * leadDateline('Jan 3 (OPTA) - Results ...')?.place; // ""
 * leadDateline('BETHESDA, Md. (AP) _ DiamondRock ...')?.rest; // "DiamondRock ..."
 */
export function leadDateline(paragraph: string): ParsedDateline | undefined {
  // AP's wire copy closes the dateline with an underscore: `FORT WASHINGTON, Pa. (AP) _ `.
  const underscore = /^([^()\n]{1,80}?\s*\([^()\n]{1,30}\))\s+_\s+/.exec(paragraph);
  const found =
    parseDateline(underscore ? `${underscore[1]} - ${paragraph.slice(underscore[0].length)}` : paragraph) ??
    agencyFirstDateline(paragraph);
  if (!found) return undefined;
  const asDate = parseDatelineDate(found.place);
  return asDate ? { ...found, place: '', date: found.date ?? asDate } : found;
}

/**
 * Takes the dateline off the lead paragraph and the sign-off, end mark, copyright and staff
 * lines off the end, as the page adds the dateline and the credit itself. A sign-off at the
 * end of the last paragraph (`... on Tuesday. EFE`, `... (ANSA).`) is cut too.
 *
 * @example
 * const out = trimStory([[{ kind: 'text', text: 'MADRID, 3 mar (EFE).- Texto.' }], [{ kind: 'text', text: 'asl/tib' }]], 'EFE');
 * out.initials; // ["asl/tib"]
 */
export function trimStory(input: readonly Paragraph[], agency: string | undefined): Trimmed {
  const paragraphs = [...input];
  const initials: string[] = [];
  const signOff: string[] = [];
  const rights: string[] = [];
  let dateline: ParsedDateline | undefined;
  const lead = paragraphs[0];
  if (lead) {
    const text = plainText(lead);
    dateline = leadDateline(text);
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
    else if (isRightsLine(text)) rights.unshift(text);
    else break;
    paragraphs.pop();
  }
  const last = paragraphs.at(-1);
  if (last && who) {
    const text = plainText(last);
    const name = escapeRegExp(who);
    const tail = new RegExp(`\\s+(?:\\(${name}\\)\\.?|${name})\\s*$`, 'i');
    const match = tail.exec(text);
    if (match && match.index > 0) {
      signOff.push(match[0].trim());
      paragraphs[paragraphs.length - 1] = dropTrailing(last, match[0].length);
    }
  }
  return { paragraphs, dateline, initials, signOff, rights };
}
