/**
 * The text rules every story field, body and imported wire text follows, in one place so
 * the build and the importer agree. Each class of character is either refused (naming
 * where it stands) or normalised with a warning:
 *
 * | class                                                      | rule                         |
 * | ---------------------------------------------------------- | ---------------------------- |
 * | C0 controls but tab and newline, DEL, C1 controls          | refused                      |
 * | noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF)            | refused                      |
 * | unpaired surrogates, U+FFFD (text that was mis-decoded)    | refused                      |
 * | bidi embeddings and overrides (U+202A–U+202E)              | refused                      |
 * | private-use characters (U+E000–U+F8FF, planes 15 and 16)   | refused                      |
 * | bidi isolates (U+2066–U+2069)                              | kept when balanced per line, |
 * |                                                            | refused otherwise            |
 * | line breaks, tabs and U+2028/U+2029 in one-line fields     | normalised to one space      |
 * | text not in Unicode NFC (decomposed accents)               | normalised to NFC            |
 *
 * Refused characters would make a feed malformed XML (C0 controls, U+FFFE), be invisible
 * yet change what a reader sees (overrides reverse the rest of a paragraph), or show that
 * the file was decoded wrongly. Nothing here reads files or the clock.
 */

/** Where a character stands: 1-based line and column (in code points) of a text. */
export interface TextPosition {
  line: number;
  column: number;
}

/** A character a text may not hold. */
export interface TextProblem extends TextPosition {
  /** The character as `U+XXXX`. */
  code: string;
  /** What is wrong with it, e.g. `a control character`. */
  what: string;
}

function codeOf(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The class of a refused character, or `undefined` for an allowed one. */
function refusedClass(cp: number): string | undefined {
  if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a) || cp === 0x7f) return 'a control character';
  if (cp >= 0x80 && cp <= 0x9f) return 'a C1 control character (often text decoded as the wrong encoding)';
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return 'a Unicode noncharacter';
  if (cp >= 0xd800 && cp <= 0xdfff) return 'an unpaired surrogate';
  if (cp === 0xfffd) return 'the replacement character U+FFFD (text decoded from the wrong encoding)';
  if (cp >= 0x202a && cp <= 0x202e) return 'a bidi embedding or override, which reorders the text around it';
  if ((cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) {
    return 'a private-use character (a font-specific glyph readers see as a blank box)';
  }
  return undefined;
}

const SUSPECT =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\uf8ff\ufdd0-\ufdef\ufffd-\uffff]/;

const ISOLATE_OPEN = new Set([0x2066, 0x2067, 0x2068]);
const ISOLATE_CLOSE = 0x2069;

/**
 * The first character of `text` that the text rules refuse, with its line and column;
 * `undefined` when the text is clean. Bidi isolates must close on the line they open.
 *
 * @example
 * findTextProblem('A\u0001B'); // { line: 1, column: 2, code: 'U+0001', what: 'a control character' }
 * findTextProblem('\u2067مرحبا\u2069 ok'); // undefined
 */
export function findTextProblem(text: string): TextProblem | undefined {
  // Fast path for the common case (a long archive is checked on every build): nothing that
  // could be refused or is an isolate, and no surrogate (astral characters take the loop).
  if (!SUSPECT.test(text)) return undefined;
  let line = 1;
  let column = 0;
  const open: TextPosition[] = [];
  const unclosed = (): TextProblem | undefined => {
    const first = open[0];
    return first && { ...first, code: 'U+2066–U+2068', what: 'a bidi isolate that is not closed on its line' };
  };
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    column += 1;
    if (cp === 0x0a) {
      const problem = unclosed();
      if (problem) return problem;
      line += 1;
      column = 0;
      continue;
    }
    const what = refusedClass(cp);
    if (what) return { line, column, code: codeOf(char), what };
    if (ISOLATE_OPEN.has(cp)) open.push({ line, column });
    else if (cp === ISOLATE_CLOSE && !open.pop()) {
      return { line, column, code: codeOf(char), what: 'a bidi isolate close (PDI) with no isolate open' };
    }
  }
  return unclosed();
}

/**
 * A problem as a message: `<where>: <code> (<what>) at line L, column C`; the line is left
 * out for one-line text.
 *
 * @example
 * describeTextProblem('title', { line: 1, column: 2, code: 'U+0001', what: 'a control character' });
 * // "title: U+0001 (a control character) at column 2"
 */
export function describeTextProblem(where: string, problem: TextProblem, multiline = false): string {
  const at = multiline ? `line ${problem.line}, column ${problem.column}` : `column ${problem.column}`;
  return `${where}: ${problem.code} (${problem.what}) at ${at}`;
}

/**
 * A one-line field (headline, standfirst, place, section, tag) with its line breaks, tabs
 * and Unicode line or paragraph separators folded into single spaces; `changed` says
 * whether anything was folded, for the warning.
 *
 * @example
 * oneLine('Talks\n ended'); // { text: 'Talks ended', changed: true }
 */
export function oneLine(text: string): { text: string; changed: boolean } {
  const folded = text.replace(/[ \t]*[\t\n\u2028\u2029]+[ \t]*/g, ' ');
  return { text: folded, changed: folded !== text };
}

/** A string field found in frontmatter, with its path as messages name it (`tags[1]`). */
export interface FieldText {
  path: string;
  value: string;
}

/**
 * Every string in a frontmatter value, with its field path, in document order.
 *
 * @example
 * fieldTexts({ title: 'T', tags: ['a', 'b'], dateline: { place: 'P' } }).map((f) => f.path);
 * // ["title", "tags[0]", "tags[1]", "dateline.place"]
 */
export function fieldTexts(value: unknown, path = ''): FieldText[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => fieldTexts(item, `${path}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => fieldTexts(item, path ? `${path}.${key}` : key));
  }
  return [];
}

/** The result of checking a story's raw frontmatter: cleaned data, warnings, refusals. */
export interface CheckedFields {
  data: Record<string, unknown>;
  warnings: string[];
  problems: string[];
}

/** Fields that are one line of text: line breaks in them are folded into spaces. */
export const ONE_LINE_FIELDS =
  /^(title|slug|description|agency|section|lang|dateline\.place|tags\[\d+\]|related\[\d+\])$/;

function mapStrings(value: unknown, path: string, fn: (path: string, value: string) => string): unknown {
  if (typeof value === 'string') return fn(path, value);
  if (Array.isArray(value)) return value.map((item, index) => mapStrings(item, `${path}[${index}]`, fn));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapStrings(item, path ? `${path}.${key}` : key, fn)]),
    );
  }
  return value;
}

/**
 * Applies the text rules to a story's raw frontmatter: refuses fields holding a refused
 * character, normalises text to NFC, folds line breaks in one-line fields, and removes
 * tags listed twice. Messages
 * name the field; the caller adds the file.
 *
 * @example
 * checkFields({ title: 'A\u0001B', tags: ['Russia', 'Russia'] }).problems;
 * // ['title: U+0001 (a control character) at column 2']
 * checkFields({ tags: ['Russia', 'Russia'] }).warnings;
 * // ['tags[1]: "Russia" is listed twice; kept once']
 */
export function checkFields(raw: Record<string, unknown>): CheckedFields {
  const warnings: string[] = [];
  const problems: string[] = [];
  for (const { path, value } of fieldTexts(raw)) {
    const problem = findTextProblem(value);
    if (problem) problems.push(describeTextProblem(path, problem, value.includes('\n')));
  }
  const data = mapStrings(raw, '', (path, value) => {
    let text = value;
    if (text.normalize('NFC') !== text && findTextProblem(text) === undefined) {
      text = text.normalize('NFC');
      warnings.push(`${path}: not in Unicode NFC; normalised (it reads the same)`);
    }
    if (!ONE_LINE_FIELDS.test(path)) return text;
    const folded = oneLine(text);
    if (folded.changed) warnings.push(`${path}: line breaks and tabs folded into spaces`);
    return folded.text;
  }) as Record<string, unknown>;
  if (Array.isArray(data.tags)) {
    const seen = new Set<unknown>();
    const kept: unknown[] = [];
    data.tags.forEach((tag: unknown, index) => {
      const key = typeof tag === 'string' ? tag.trim() : tag;
      if (seen.has(key)) warnings.push(`tags[${index}]: "${String(tag)}" is listed twice; kept once`);
      else {
        seen.add(key);
        kept.push(tag);
      }
    });
    data.tags = kept;
  }
  return { data, warnings, problems };
}

/**
 * Decodes a file's bytes as UTF-8, refusing anything else: the error names the first byte
 * that is not UTF-8 by line and column, so a Latin-1 `M\xe1laga` is refused, never
 * published as `M\uFFFDlaga`. A leading byte order mark is dropped.
 *
 * @example
 * decodeUtf8(new TextEncoder().encode('Málaga')); // "Málaga"
 * decodeUtf8(Uint8Array.of(0x4d, 0xe1, 0x6c)); // throws: not UTF-8: byte 0xE1 at line 1, column 2 ...
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    const lines = before.split('\n');
    const column = [...(lines.at(-1) ?? '')].length + 1;
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new Error(
      `not UTF-8: byte 0x${byte} at line ${lines.length}, column ${column} ` +
        '(saved as Latin-1 or Windows-1252?); save the file as UTF-8',
    );
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] ?? 0;
    if (lead < 0x80) {
      at += 1;
      continue;
    }
    const length =
      lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || at + length > bytes.length) return at;
    try {
      strict.decode(bytes.subarray(at, at + length));
    } catch {
      return at;
    }
    at += length;
  }
  return at;
}
