/**
 * The wire-copy importer: raw agency text in, a content entry (frontmatter + Markdown) out.
 * Pure: the CLI in src/cli/import.ts reads files and writes the result.
 */
import { dump } from 'js-yaml';
import { francAll } from 'franc-min';
import { AGENCY_STYLES, formatDateline, isoDate } from './dateline.ts';
import { calendarDay, parseWireDate, type WireDate } from './dates.ts';
import { baseLanguage, MESSAGES } from './i18n/index.ts';
import { storySchema } from './schema.ts';
import { titleSlug } from './slug.ts';
import { decodeUtf8, describeTextProblem, findTextProblem, oneLine } from './text.ts';

/** Options an editor gives on the command line. */
export interface ImportOptions {
  /** The section, when the text has no section line (or to override it). */
  section?: string | undefined;
  tags?: readonly string[] | undefined;
  /**
   * Publication date, `YYYY-MM-DD` or a date-time with offset; also gives the year the
   * dateline leaves out.
   */
  date?: string | undefined;
  /** The year, when the dateline has a day and month but no year. */
  year?: number | undefined;
  lang?: string | undefined;
  /** The standfirst; defaults to the first sentence of the story. */
  description?: string | undefined;
  /** Shared with the story's versions in other languages. */
  translationKey?: string | undefined;
  /** The present moment, so that a date too far ahead is refused (see src/lib/dates.ts). */
  now?: Date | undefined;
}

/** A line the importer left out of the story, and why. */
export interface Dropped {
  line: number;
  text: string;
  reason: string;
}

/** What the importer made of a wire text. */
export interface ImportResult {
  /** Frontmatter values, ready for the story schema. */
  data: {
    title: string;
    slug: string;
    description: string;
    pubDate: string;
    dateline: { place: string; date?: string };
    agency: string;
    section: string;
    tags: string[];
    lang: string;
    translationKey?: string;
  };
  /** The story's paragraphs as they will read, without dateline and sign-off. */
  paragraphs: string[];
  /** The whole entry: YAML frontmatter and the Markdown body. */
  markdown: string;
  /** Page furniture and the sign-off line, left out of the body (never story text). */
  dropped: Dropped[];
  /** Things the editor should look at; none of them lost text. */
  warnings: string[];
}

/** An input the importer cannot turn into a story; `line` is 1-based, when there is one. */
export class WireImportError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'WireImportError';
    this.line = line;
  }
}

/**
 * Page furniture copied from web pages, in every language the site has messages for (each
 * table's `furniture`, its "Related Articles" heading and its back-to-top text), lower case:
 * dropped when it stands at either edge of the text.
 */
export const FURNITURE: readonly string[] = [
  ...new Set(
    Object.values(MESSAGES).flatMap((m) =>
      [...m.furniture, m.relatedHeading, m.backToTop].map((text) => normalizeLine(text)),
    ),
  ),
];

function normalizeLine(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

const FURNITURE_SET = new Set(FURNITURE);

const isFurniture = (text: string) => FURNITURE_SET.has(normalizeLine(text));

/** Text shorter than this is too short to tell its language with confidence. */
const DETECT_MIN_CHARS = 200;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/**
 * The language a text reads as, as a primary language subtag, when it is long enough to
 * tell (`undefined` otherwise): franc's trigram model, mapped from ISO 639-3 to the tag
 * the schema uses (`spa` → `es`, `arb` → `ar`).
 *
 * @example
 * detectLanguage('El presidente de Kazajistán pidió este martes el cumplimiento ...'); // "es"
 * detectLanguage('Short.'); // undefined
 */
export function detectLanguage(text: string): string | undefined {
  if (text.length < DETECT_MIN_CHARS) return undefined;
  const [best] = francAll(text);
  if (!best || best[0] === 'und') return undefined;
  try {
    return baseLanguage(Intl.getCanonicalLocales(best[0])[0] ?? best[0]);
  } catch {
    return undefined;
  }
}

/**
 * A warning when the text reads as another language than the one given, naming both;
 * `undefined` when they agree or the text is too short to tell.
 *
 * @example
 * languageWarning(spanishText, 'en');
 * // '--lang is "en" (English), but the text reads as Spanish: pass --lang es if it is'
 */
export function languageWarning(text: string, lang: string): string | undefined {
  const detected = detectLanguage(text);
  if (detected === undefined || detected === baseLanguage(lang)) return undefined;
  return (
    `--lang is "${lang}" (${languageNames.of(lang) ?? lang}), but the text reads as ` +
    `${languageNames.of(detected) ?? detected}: pass --lang ${detected} if it is`
  );
}

/** Month names by lower-cased form (short, long, with or without a dot) to month index 0–11. */
const MONTHS: ReadonlyMap<string, number> = (() => {
  const months = new Map<string, number>();
  for (const lang of new Set(['en', 'es', 'fr', 'pt', 'it', 'de', 'ca', ...Object.keys(MESSAGES)])) {
    for (const width of ['short', 'long'] as const) {
      const format = new Intl.DateTimeFormat(lang, { month: width, timeZone: 'UTC' });
      for (let month = 0; month < 12; month++) {
        const name = format.format(new Date(Date.UTC(2023, month, 15))).toLowerCase();
        months.set(name, month);
        months.set(name.replace(/\.$/, ''), month);
      }
    }
  }
  months.set('sept', 8);
  return months;
})();

/**
 * Reads a dateline date such as `Jun 20`, `June 20`, `3 mar` or `20 de junio`.
 * Returns the month (0–11) and the day, or `undefined` when the text is not a date.
 *
 * @example
 * parseDatelineDate('Jun 20'); // { month: 5, day: 20 }
 * parseDatelineDate('3 mar'); // { month: 2, day: 3 }
 * parseDatelineDate('٢٠ يونيو'); // { month: 5, day: 20 }
 * parseDatelineDate('Ukraine'); // undefined
 */
export function parseDatelineDate(text: string): { month: number; day: number } | undefined {
  const words = text
    .trim()
    .toLowerCase()
    // Arabic-Indic and Persian digits read as the digits they are.
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf))
    .replace(/\s+de\s+/g, ' ')
    .split(/\s+/);
  if (words.length !== 2) return undefined;
  const [a = '', b = ''] = words;
  const [monthWord, dayWord] = /^\d+$/.test(a) ? [b, a] : [a, b];
  const month = MONTHS.get(monthWord) ?? MONTHS.get(monthWord.replace(/\.$/, ''));
  const day = Number(dayWord.replace(/\.$/, ''));
  if (month === undefined || !Number.isInteger(day) || day < 1 || day > 31) return undefined;
  return { month, day };
}

/** A wire dateline read from the head of a paragraph. */
export interface ParsedDateline {
  /** The dateline as it stands in the text, e.g. `Astana, Jun 20 (EFE).-`. */
  text: string;
  place: string;
  date: { month: number; day: number } | undefined;
  /** The agency, spelt as the site knows it when it does (`Reuters`, not `REUTERS`). */
  agency: string;
  /** The agency as the dateline writes it (`REUTERS`). */
  agencyAsWritten: string;
  /** The paragraph's text after the dateline. */
  rest: string;
}

const DATELINE =
  /^(?<head>[^()\n]{1,80}?)\s*\((?<agency>[\p{L}][\p{L}\d .&-]{0,30})\)\s*(?<close>\.-|\.—|\.–|-|—|–)\s*/u;

/**
 * Reads the dateline at the start of a paragraph, in the common agency styles; `undefined`
 * when the paragraph does not open with one.
 *
 * @example
 * parseDateline('Astana, Jun 20 (EFE).- Kazakh President ...');
 * // { text: 'Astana, Jun 20 (EFE).-', place: 'Astana', date: { month: 5, day: 20 }, agency: 'EFE', rest: 'Kazakh President ...' }
 * parseDateline('KYIV, Ukraine (AP) — The ...')?.place; // "KYIV, Ukraine"
 */
export function parseDateline(paragraph: string): ParsedDateline | undefined {
  const match = DATELINE.exec(paragraph);
  const head = match?.groups?.head?.trim();
  const agencyText = match?.groups?.agency?.trim();
  if (!match || !head || !agencyText) return undefined;
  const comma = Math.max(head.lastIndexOf(','), head.lastIndexOf('،'));
  const date = comma >= 0 ? parseDatelineDate(head.slice(comma + 1)) : undefined;
  const place = (date ? head.slice(0, comma) : head).trim();
  if (!place) return undefined;
  return datelineFound(paragraph, match[0], { place, date, agency: agencyText });
}

/**
 * The dateline a reader found at the head of `paragraph`: `matched` is the part of the
 * paragraph it takes (with the space after it), `agency` the agency as the dateline writes
 * it, which the result also spells as the site knows it when it does (`REUTERS` as
 * `Reuters`). One way to build a {@link ParsedDateline}, whatever style the dateline is in.
 *
 * @example
 * datelineFound('LONDON (REUTERS) - Shares fell.', 'LONDON (REUTERS) - ', { place: 'LONDON', date: undefined, agency: 'REUTERS' });
 * // { text: 'LONDON (REUTERS) -', place: 'LONDON', date: undefined, agency: 'Reuters', agencyAsWritten: 'REUTERS', rest: 'Shares fell.' }
 */
export function datelineFound(
  paragraph: string,
  matched: string,
  { place, date, agency }: Pick<ParsedDateline, 'place' | 'date' | 'agency'>,
): ParsedDateline {
  const known = Object.keys(AGENCY_STYLES).find((name) => name.toLowerCase() === agency.toLowerCase());
  return {
    text: matched.trim(),
    place,
    date,
    agency: known ?? agency,
    agencyAsWritten: agency,
    rest: paragraph.slice(matched.length),
  };
}

/**
 * Escapes the characters Markdown or HTML would read as markup inside a line (emphasis and
 * code marks, brackets, angle brackets, entity-like ampersands); the line-start rules of
 * {@link escapeMarkdown} are left to the caller. Spaces are kept as they are.
 *
 * @example
 * escapeInlineMarkdown(' *a* <b> '); // " \\*a\\* \\<b\\> "
 */
export function escapeInlineMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>~|]/g, (char) => `\\${char}`).replace(/&(?=#?[\p{L}\d]+;)/gu, '\\&');
}

/**
 * Escapes what Markdown or HTML would read as markup, so the page shows the text exactly:
 * emphasis and code marks, brackets, angle brackets, entity-like ampersands, and a line
 * opening like a heading, list item, quote or rule.
 *
 * @example
 * escapeMarkdown('1. *Not* a list <b>'); // "1\\. \\*Not\\* a list \\<b\\>"
 * escapeMarkdown('AT&T &amp; co'); // "AT&T \\&amp; co"
 */
export function escapeMarkdown(text: string): string {
  let escaped = escapeInlineMarkdown(text);
  escaped = escaped.replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return escaped.trimStart();
}

/**
 * The first sentence of a paragraph: up to the first full stop, question or exclamation
 * mark that is followed by a capital letter or the end (not one after a lone initial).
 *
 * @example
 * firstSentence('U.S. officials met. Then they left.'); // "U.S. officials met."
 */
export function firstSentence(paragraph: string): string {
  const pattern = /[.!?][”"’)]?(?=\s+[“"‘(]?[\p{Lu}\d]|\s*$)/gu;
  for (const match of paragraph.matchAll(pattern)) {
    const before = paragraph.slice(Math.max(0, match.index - 2), match.index);
    if (match[0].startsWith('.') && /(^|[\s.])\p{Lu}$/u.test(before)) continue;
    return paragraph.slice(0, match.index + match[0].length).trim();
  }
  return paragraph.trim();
}

/** The same text rules as the build (src/lib/text.ts): refused characters name their line. */
function checkText(text: string): void {
  const problem = findTextProblem(text);
  if (problem) {
    throw new WireImportError(
      `${describeTextProblem('the text', problem)}: expected plain UTF-8 text`.replace(/^the text: /, ''),
      problem.line,
    );
  }
}

/**
 * The publication date and, when it differs, the dateline's own date: from the dateline's
 * day and month with `--year` (or the year of `--date`), and from `--date` when given.
 */
function storyDates(
  dateline: ParsedDateline,
  options: ImportOptions,
  line: number,
): { pubDate: string; datelineDate: string | undefined } {
  let given: WireDate | undefined;
  if (options.date !== undefined) {
    try {
      given = parseWireDate(options.date, { now: options.now });
    } catch (error) {
      throw new WireImportError(`--date: ${(error as Error).message}`);
    }
  }
  if (!dateline.date) {
    if (given === undefined) {
      throw new WireImportError(
        `the dateline "${dateline.text}" has no date: pass --date YYYY-MM-DD for the publication date`,
        line,
      );
    }
    return { pubDate: given.iso, datelineDate: undefined };
  }
  const year = options.year ?? (given === undefined ? undefined : Number(given.date.slice(0, 4)));
  if (year === undefined) {
    throw new WireImportError(
      `the dateline "${dateline.text}" gives no year: pass --year (e.g. --year 2023) or --date YYYY-MM-DD`,
      line,
    );
  }
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, dateline.date.month, dateline.date.day);
  if (date.getUTCMonth() !== dateline.date.month) {
    throw new WireImportError(`the dateline "${dateline.text}" names a day that ${year} does not have`, line);
  }
  const fromDateline = isoDate(date);
  try {
    parseWireDate(fromDateline, { now: options.now });
  } catch (error) {
    throw new WireImportError(`the dateline "${dateline.text}" in ${year}: ${(error as Error).message}`, line);
  }
  if (given === undefined) return { pubDate: fromDateline, datelineDate: undefined };
  return { pubDate: given.iso, datelineDate: fromDateline === given.date ? undefined : fromDateline };
}

/**
 * Turns raw wire text into a content entry. The text is a section line, a headline and the
 * body paragraphs (one per line), the first opening with the dateline and the last closing
 * with the agency sign-off; page furniture at either edge is dropped and reported. Every
 * other line reaches the entry, in order, or the import fails naming the line.
 *
 * @example
 * const entry = importWire(raw, { year: 2023, tags: ['Kazakhstan'] });
 * entry.data.dateline; // { place: 'Astana' }
 * entry.markdown.startsWith('---\ntitle:'); // true
 */
export function importWire(raw: string | Uint8Array, options: ImportOptions = {}): ImportResult {
  let decoded = raw;
  if (typeof decoded !== 'string') {
    try {
      decoded = decodeUtf8(decoded);
    } catch (error) {
      const line = Number(/at line (\d+)/.exec((error as Error).message)?.[1] ?? 1);
      throw new WireImportError((error as Error).message.replace(/ at line \d+,/, ' at'), line);
    }
  }
  let text = decoded.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  checkText(text);
  const warnings: string[] = [];
  if (text.normalize('NFC') !== text) {
    text = text.normalize('NFC');
    warnings.push('the text was not in Unicode NFC; normalised (it reads the same)');
  }
  const lines = text.split('\n').map((value, index) => {
    const folded = oneLine(value);
    if (folded.changed) warnings.push(`line ${index + 1}: tabs and line separators folded into spaces`);
    return { line: index + 1, text: folded.text.trim() };
  });
  const content = lines.filter((entry) => entry.text !== '');
  if (content.length === 0) throw new WireImportError('the input is empty: expected a headline and a story', 1);

  const dropped: Dropped[] = [];
  while (content.length > 0 && isFurniture(content[0]?.text ?? '')) {
    const entry = content.shift() as (typeof content)[number];
    dropped.push({ ...entry, reason: 'page furniture' });
  }
  const trailing: Dropped[] = [];
  while (content.length > 0 && isFurniture(content.at(-1)?.text ?? '')) {
    const entry = content.pop() as (typeof content)[number];
    trailing.unshift({ ...entry, reason: 'page furniture' });
  }

  if (content.length === 0) {
    throw new WireImportError(
      'the input holds only page furniture (such as "Related Articles"): expected a headline and a story',
      trailing[0]?.line ?? dropped[0]?.line ?? 1,
    );
  }
  const datelineAt = content.findIndex((entry) => parseDateline(entry.text) !== undefined);
  if (datelineAt < 0) {
    const where = content[Math.min(2, content.length - 1)] ?? content[0];
    throw new WireImportError(
      'no dateline found: expected a paragraph opening like "Astana, Jun 20 (EFE).-", "BRUSSELS (Reuters) -" ' +
        `or "PARIS, June 20 (AFP) -"; the story's first paragraph reads "${where?.text.slice(0, 60)}"`,
      where?.line,
    );
  }
  const head = content.slice(0, datelineAt);
  if (head.length === 0) {
    throw new WireImportError(
      'no headline: expected the headline on a line before the dateline paragraph',
      content[0]?.line,
    );
  }
  if (head.length > 2) {
    const extra = head.slice(0, head.length - 2);
    throw new WireImportError(
      `expected at most a section line and a headline before the dateline, but found ${head.length} lines; ` +
        `cannot place: ${extra.map((entry) => `"${entry.text}"`).join(', ')}`,
      extra[0]?.line,
    );
  }
  const headline = head.at(-1) as (typeof head)[number];
  const sectionLine = head.length === 2 ? head[0] : undefined;
  if (!titleSlug(headline.text)) {
    throw new WireImportError(
      `the headline "${headline.text}" has no letter or digit to make the story's address from`,
      headline.line,
    );
  }
  const section = options.section ?? sectionLine?.text;
  if (!section) {
    throw new WireImportError(
      'no section: the text has only a headline before the dateline; add the section line or pass --section',
      headline.line,
    );
  }
  if (options.section && sectionLine && options.section !== sectionLine.text) {
    warnings.push(
      `line ${sectionLine.line}: section line "${sectionLine.text}" replaced by --section "${options.section}"`,
    );
  }

  const bodyEntries = content.slice(datelineAt);
  const first = bodyEntries[0] as (typeof bodyEntries)[number];
  const dateline = parseDateline(first.text) as ParsedDateline;
  const paragraphs = bodyEntries.map((entry) => entry.text);
  paragraphs[0] = dateline.rest;

  // The sign-off is the agency's name alone on the last line, or closing the last
  // paragraph after its final sentence ("... doubled.” EFE"), spelt as the dateline spells
  // it or in capitals: "contacted by Reuters" is story text, not a sign-off.
  const spellings = [...new Set([dateline.agency, dateline.agency.toUpperCase(), dateline.agencyAsWritten])];
  const escaped = spellings.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const signOff = new RegExp(`(?<=[.!?…"”»’)])\\s+(?:${escaped})$`, 'u');
  const lastIndex = paragraphs.length - 1;
  const last = paragraphs[lastIndex] ?? '';
  if (lastIndex > 0 && spellings.includes(last)) {
    paragraphs.pop();
    const line = bodyEntries[lastIndex]?.line ?? 0;
    dropped.push({ line, text: last, reason: 'agency sign-off (moved into frontmatter)' });
  } else if (signOff.test(last)) {
    paragraphs[lastIndex] = last.replace(signOff, '');
    const line = bodyEntries[lastIndex]?.line ?? 0;
    dropped.push({
      line,
      text: dateline.agency,
      reason: 'agency sign-off at the end of the last paragraph (moved into frontmatter)',
    });
  } else {
    warnings.push(
      `line ${bodyEntries[lastIndex]?.line ?? first.line}: no "${dateline.agency}" sign-off at the end of the story; the page adds one`,
    );
  }
  if (paragraphs[0] === '') {
    throw new WireImportError('the dateline paragraph has no text after the dateline', first.line);
  }
  dropped.push(...trailing);

  const { pubDate, datelineDate } = storyDates(dateline, options, first.line);

  const lang = options.lang ?? 'en';
  const mismatch = languageWarning([headline.text, ...paragraphs].join('\n'), lang);
  if (mismatch) warnings.push(mismatch);
  const rendered = formatDateline({
    place: dateline.place,
    date: calendarDay(parseWireDate(datelineDate ?? pubDate)),
    agency: dateline.agency,
    lang,
  });
  if (rendered !== dateline.text) {
    warnings.push(
      `line ${first.line}: the page will show the dateline as "${rendered}" (the wire has "${dateline.text}")`,
    );
  }

  for (const [index, tag] of (options.tags ?? []).entries()) {
    if ((options.tags ?? []).indexOf(tag) < index) warnings.push(`--tags: "${tag}" is listed twice; kept once`);
  }
  const data: ImportResult['data'] = {
    title: headline.text,
    slug: titleSlug(headline.text),
    description: options.description ?? firstSentence(paragraphs[0] ?? ''),
    pubDate,
    dateline: datelineDate ? { place: dateline.place, date: datelineDate } : { place: dateline.place },
    agency: dateline.agency,
    section,
    tags: [...new Set(options.tags ?? [])],
    lang,
    ...(options.translationKey !== undefined && { translationKey: options.translationKey }),
  };
  const checked = storySchema.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    const lineOf: Record<string, number | undefined> = {
      title: headline.line,
      slug: headline.line,
      section: sectionLine?.line,
      description: first.line,
    };
    const problems = checked.error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`);
    throw new WireImportError(`the entry would not be valid: ${problems.join('; ')}`, lineOf[field] ?? first.line);
  }

  const frontmatter = dump(data, { lineWidth: -1 });
  const markdown = `---\n${frontmatter}---\n\n${paragraphs.map(escapeMarkdown).join('\n\n')}\n`;
  return { data, paragraphs, markdown, dropped, warnings };
}
