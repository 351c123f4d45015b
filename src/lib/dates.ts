/**
 * Wire dates: the one strict reading of a story's dates. Only ISO 8601 as agencies send it
 * is accepted: a calendar date (`2023-06-20`) or a full date-time with its offset
 * (`2023-06-20T10:36:00+06:00`). The calendar date a story shows is the date as written,
 * in the dateline's own offset, so nothing depends on the build machine's time zone.
 */

/** A date as a story gives it, checked and taken apart once. */
export interface WireDate {
  /** As written, e.g. `2023-06-20` or `2023-06-20T10:36:00+06:00`. */
  iso: string;
  /** `YYYY-MM-DD`: the calendar date in the entry's own offset (the dateline's local date). */
  date: string;
  /** `HH:MM` local time, only when the entry gives a time. */
  time: string | undefined;
  /** `+06:00`, `-05:00` or `Z`, only with a time. */
  offset: string | undefined;
  /** The instant, for sorting and timed RFC 822 feed dates; a date alone is midnight UTC (feeds give it noon: see feedPubDate). */
  instant: Date;
}

/** Limits on the dates a story may carry. */
export interface WireDateOptions {
  /** The present moment; without it no date counts as too far in the future. */
  now?: Date | undefined;
  /** How many days after `now` a date may lie (default {@link DEFAULT_MAX_FUTURE_DAYS}). */
  maxFutureDays?: number | undefined;
}

/** Earliest year a story may carry: anything older is a typing slip, not wire copy. */
export const MIN_YEAR = 1900;

/** Default for {@link WireDateOptions.maxFutureDays}: room for embargoes, not for typos. */
export const DEFAULT_MAX_FUTURE_DAYS = 366;

/** What a wrong date looks like, for messages. */
export const WIRE_DATE_EXAMPLE = '2023-06-20 or 2023-06-20T10:36:00+06:00';

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2})))?$/;

const DAY_MS = 86_400_000;

/**
 * Reads a strict ISO 8601 date or date-time-with-offset. Throws a message that says what
 * is wrong for anything else: other formats, impossible dates (`2023-02-30`), times without
 * an offset, years before {@link MIN_YEAR}, or dates further ahead of `now` than allowed.
 *
 * @example
 * parseWireDate('2023-06-20T23:30:00-05:00').date; // "2023-06-20" (not the UTC date, June 21)
 * parseWireDate('2023-06-20').instant.toISOString(); // "2023-06-20T00:00:00.000Z"
 * parseWireDate('2023-02-30'); // throws: 2023-02-30 is not a real date: February 2023 has no day 30
 */
export function parseWireDate(text: string, options: WireDateOptions = {}): WireDate {
  const match = PATTERN.exec(text);
  if (!match) {
    const hint = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(text)
      ? ': a time needs its offset, e.g. +06:00 or Z'
      : '';
    throw new Error(`"${text}" is not an ISO 8601 date such as ${WIRE_DATE_EXAMPLE}${hint}`);
  }
  const [, y, mo, d, h, mi, s, fraction, offset, oh, om] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) throw new Error(`${text} is not a real date: there is no month ${mo}`);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', {
      month: 'long',
      timeZone: 'UTC',
    });
    throw new Error(`${text} is not a real date: ${name} ${y} has no day ${d}`);
  }
  if (year < MIN_YEAR) throw new Error(`${text} is before ${MIN_YEAR}: check the year`);
  const date = `${y}-${mo}-${d}`;
  let instant: Date;
  let time: string | undefined;
  if (h === undefined || mi === undefined || offset === undefined) {
    instant = new Date(Date.UTC(year, month - 1, day));
  } else {
    if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) {
      throw new Error(`${text} is not a real time: hours run 00-23, minutes and seconds 00-59`);
    }
    let shift = 0;
    if (offset !== 'Z') {
      if (Number(oh) > 18 || Number(om) > 59) throw new Error(`${text} has an impossible offset ${offset}`);
      shift = (offset.startsWith('-') ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
    }
    const ms = Number((fraction ?? '0').padEnd(3, '0').slice(0, 3));
    instant = new Date(Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s ?? 0), ms) - shift);
    time = `${h}:${mi}`;
  }
  const { now, maxFutureDays = DEFAULT_MAX_FUTURE_DAYS } = options;
  if (now && instant.getTime() > now.getTime() + maxFutureDays * DAY_MS) {
    throw new Error(`${text} is more than ${maxFutureDays} days in the future: check the year`);
  }
  return { iso: text, date, time, offset: time === undefined ? undefined : offset, instant };
}

/**
 * The calendar date of a wire date as a `Date` at midnight UTC: what the UTC formatters
 * in src/lib/dateline.ts print as the dateline's own local day. Only `date` is read, so
 * anything that carries one (a {@link WireDate}, the desk's `WireWhen`) will do.
 *
 * @example
 * calendarDay(parseWireDate('2023-06-20T23:30:00-05:00')).toISOString(); // "2023-06-20T00:00:00.000Z"
 * calendarDay({ date: '2023-06-20' }).toISOString(); // "2023-06-20T00:00:00.000Z"
 */
export function calendarDay(wire: Pick<WireDate, 'date'>): Date {
  return new Date(`${wire.date}T00:00:00Z`);
}

/**
 * Whether `later` is not earlier than `earlier`: by instant when both give a time, else
 * by calendar date (a date alone says nothing about the hour).
 *
 * @example
 * notBefore(parseWireDate('2023-06-20'), parseWireDate('2023-06-20T10:00:00+06:00')); // true
 */
export function notBefore(later: WireDate, earlier: WireDate): boolean {
  if (later.time !== undefined && earlier.time !== undefined) {
    return later.instant.getTime() >= earlier.instant.getTime();
  }
  return later.date >= earlier.date;
}

/**
 * The latest of `changes` that falls after `published` (compared as {@link notBefore}
 * does: by instant when both give a time, else by calendar date), or undefined when none
 * does: when a story last changed, for its "Updated" line, `dateModified` and `lastmod`.
 *
 * @example
 * const published = parseWireDate('2023-07-28');
 * lastChange(published, [undefined, parseWireDate('2023-07-29'), parseWireDate('2023-07-28T18:00:00Z')])?.iso; // "2023-07-29"
 * lastChange(published, [parseWireDate('2023-07-28T18:00:00Z')]); // undefined (the same day)
 */
export function lastChange(published: WireDate, changes: readonly (WireDate | undefined)[]): WireDate | undefined {
  let latest: WireDate | undefined;
  for (const change of changes) {
    if (!change || notBefore(published, change)) continue;
    if (!latest || !notBefore(latest, change)) latest = change;
  }
  return latest;
}
