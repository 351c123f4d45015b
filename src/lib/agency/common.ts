/**
 * Pieces every agency format shares: reading agency names, datelines given as text,
 * urgency, status words, and checks that name the field.
 */
import { AGENCY_STYLES } from '../dateline.ts';
import { parseDateline, parseDatelineDate } from '../wire-import.ts';
import { AgencyParseError, type WireStatus } from './types.ts';

/** Agencies known by the domain or short name their items carry. */
const PROVIDERS: readonly [RegExp, string][] = [
  [/\befe\b/i, 'EFE'],
  [/\bafp\b/i, 'AFP'],
  [/\bdpa\b/i, 'dpa'],
  [/\b(?:aap|australian associated press)\b/i, 'AAP'],
  [/\b(?:ap|ap\.org|apnews|associated press)\b/i, 'AP'],
  [/\b(?:ana[ -]?mpe|ana[ -]?mpa)\b|ΑΠΕ-ΜΠΕ/i, 'ANA-MPA'],
  [/\b(?:pa|pa sport|press association)\b/i, 'PA'],
  [/\breuters\b/i, 'Reuters'],
  [/\bkyodo/i, 'Kyodo'],
  [/\bansa\b/i, 'ANSA'],
];

/**
 * The agency's name as the site writes it, from a provider name, code or domain
 * (`efe.es`, `nprov:AFP`, `Agencia EFE`); the text itself when it is no agency the site knows.
 *
 * @example
 * agencyName('urn:newsml:efe.es'); // "EFE"
 * agencyName('nprov:dpa'); // "dpa"
 * agencyName('Kazinform'); // "Kazinform"
 */
export function agencyName(text: string | undefined): string | undefined {
  const value = text?.trim();
  if (!value) return undefined;
  const known = Object.keys(AGENCY_STYLES).find((name) => name.toLowerCase() === value.toLowerCase());
  if (known) return known;
  for (const [pattern, name] of PROVIDERS) if (pattern.test(value.replace(/[:_]/g, ' '))) return name;
  return value.replace(/^[a-z]+:/, '');
}

/**
 * The place of a dateline given as text (`MADRID, 20 jun (EFE).-`, `PARIS, 20 juin 2023`,
 * `Berlin`): what stands before the date and the agency. A dateline field that holds only
 * a date or a time stamp (ANA's `4/4/2018`, Reuters' `2018-01-03 20:13:08 GMT+00:00`)
 * names no place.
 *
 * @example
 * datelinePlace('Astana, Jun 20 (EFE).-'); // "Astana"
 * datelinePlace('PARIS, 20 juin 2023 (AFP)'); // "PARIS"
 * datelinePlace('KYIV, Ukraine'); // "KYIV, Ukraine"
 * datelinePlace('FORT WASHINGTON, Pa.'); // "FORT WASHINGTON, Pa."
 * datelinePlace('ANSA - ROMA, 01 LUG -'); // "ROMA"
 * datelinePlace('4/4/2018'); // undefined
 */
export function datelinePlace(text: string): string | undefined {
  const letters = text
    .replace(/\b\d{8}T\d{4,6}\b/g, '')
    .replace(/\b(?:GMT|UTC|Z)\b/g, '')
    .replace(/\d+T\d+/g, '');
  if (!/\p{L}/u.test(letters) || parseDatelineDate(text.replace(/[\s,.:-]+$/, ''))) return undefined;
  // The agency first, as ANSA writes it: `ANSA - ROMA, 01 LUG -`, `(ANSA) - Rome, October 11 -`.
  const agencyFirst =
    /^\(?\p{Lu}[\p{L} ]{1,30}\)?\s*[-–—]\s*(?<place>[^,()]+?),\s*(?<date>[^,()]+?)\s*[-–—]?\s*$/u.exec(text.trim());
  if (agencyFirst?.groups?.place && agencyFirst.groups.date && parseDatelineDate(agencyFirst.groups.date)) {
    return agencyFirst.groups.place.trim();
  }
  const parsed = parseDateline(`${text.trim()} -`);
  let head = (parsed ? parsed.text.replace(/\s*\(.*$/, '') : text.replace(/\s*\(.*$/, '')).trim();
  head = head.replace(/[\s,:-]+$/, '').replace(/(?<!\b\p{L}{1,3})\.$/u, '');
  const comma = head.lastIndexOf(',');
  if (comma > 0) {
    const tail = head
      .slice(comma + 1)
      .replace(/\b\d{4}\b/, '')
      .trim();
    if (parseDatelineDate(tail)) head = head.slice(0, comma).trim();
  }
  return head || undefined;
}

/**
 * An urgency from 1 (flash) to 9, or `undefined` when the item gives none; anything else
 * is an error naming the field.
 *
 * @example
 * readUrgency('2', 'Urgency/@FormalName'); // 2
 */
export function readUrgency(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = Number(String(value).trim());
  if (!Number.isInteger(number) || number < 1 || number > 9) {
    throw new AgencyParseError(field, `urgency must be a whole number from 1 to 9, not "${String(value)}"`);
  }
  return number;
}

/**
 * A status word of any of the formats (`Usable`, `stat:withheld`, `canceled`, `cancelled`,
 * `Embargoed`) as a {@link WireStatus}; embargoed items are usable with an embargo time.
 *
 * @example
 * readStatus('stat:canceled', 'pubStatus'); // "canceled"
 */
export function readStatus(value: string | undefined, field: string): WireStatus {
  const word = (value ?? 'usable')
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:/, '');
  if (word === 'usable' || word === 'embargoed' || word === '') return 'usable';
  if (word === 'withheld') return 'withheld';
  if (word === 'canceled' || word === 'cancelled' || word === 'kill' || word === 'killed') return 'canceled';
  throw new AgencyParseError(field, `unknown status "${value}": expected usable, withheld or canceled`);
}

/**
 * A revision number: a whole number of 1 or more (default 1 when the item gives none).
 *
 * @example
 * readVersion('3', 'RevisionId'); // 3
 */
export function readVersion(value: unknown, field: string): number {
  if (value === undefined || value === null || value === '') return 1;
  const number = Number(String(value).trim());
  if (!Number.isInteger(number) || number < 0) {
    throw new AgencyParseError(field, `the revision must be a whole number, not "${String(value)}"`);
  }
  return Math.max(number, 1);
}

/**
 * Requires a value, or fails naming the field.
 *
 * @example
 * required('Headline', 'HeadLine', 'the headline'); // "Headline"
 */
export function required<T>(value: T | undefined, field: string, what: string): T {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw new AgencyParseError(field, `${what} is missing or empty`);
  }
  return value;
}

/**
 * Splits plain text into paragraphs: blank lines separate them; so do single line breaks
 * when the text has no blank line (wire text often has one paragraph per line).
 *
 * @example
 * textParagraphs('One.\r\nTwo.'); // ["One.", "Two."]
 */
export function textParagraphs(text: string): string[] {
  const normal = text.replace(/\r\n?/g, '\n').trim();
  const blocks = /\n\s*\n/.test(normal) ? normal.split(/\n\s*\n/) : normal.split('\n');
  return blocks.map((block) => block.replace(/[ \t\r\n]+/g, ' ').trim()).filter(Boolean);
}
