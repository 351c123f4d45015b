/**
 * Agency time stamps: NewsML 1.2's basic ISO form (`20230620T093400+0200`), the extended
 * form of NewsML-G2 and ninjs (`2023-06-20T09:34:00+02:00`) and plain dates.
 */
import { AgencyParseError } from './types.ts';

const BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const EXTENDED = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads an agency time stamp into an extended ISO 8601 string with its offset kept
 * (`Z` when it gives none); a date alone stays a date. Refuses impossible dates and times,
 * naming the field.
 *
 * @example
 * agencyTime('20230620T093400+0200', 'FirstCreated'); // "2023-06-20T09:34:00+02:00"
 * agencyTime('2023-06-20', 'versioncreated'); // "2023-06-20"
 */
export function agencyTime(text: string, field: string): string {
  const value = text.trim();
  const match = BASIC.exec(value) ?? EXTENDED.exec(value);
  const fail = () => new AgencyParseError(field, `"${value}" is not a date-time such as 2023-06-20T09:34:00+02:00`);
  if (!match) throw fail();
  const [, year, month, day, hour, minute, second = '00', zone] = match;
  const date = `${year}-${month}-${day}`;
  const probe = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(probe.getTime()) || probe.toISOString().slice(0, 10) !== date) throw fail();
  if (hour === undefined) return date;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) throw fail();
  const offset = !zone || zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${date}T${hour}:${minute}:${second}${offset}`;
}

/**
 * The calendar date of a time stamp where it was written (its own offset), `YYYY-MM-DD`.
 *
 * @example
 * localDate('2023-06-20T00:30:00+02:00'); // "2023-06-20"
 */
export function localDate(stamp: string): string {
  return stamp.slice(0, 10);
}

/**
 * Milliseconds since the epoch of a time stamp; a date alone counts from its UTC midnight.
 *
 * @example
 * instant('2023-06-20T09:34:00+02:00'); // 1687246440000
 */
export function instant(stamp: string): number {
  return Date.parse(stamp.length === 10 ? `${stamp}T00:00:00Z` : stamp);
}
