/**
 * The wire desk: times of day as a wire service prints them, day headings ("Today",
 * "Yesterday", then dates), and stories grouped under them. Pure: the build's `now` and
 * the site's time zone are passed in, never read here.
 */

import { dateFormat, formatDisplayDate } from './dateline.ts';
import { calendarDay, type WireDate } from './dates.ts';

/**
 * What the desk needs of a {@link WireDate}: the local calendar date, and the local time
 * and offset only when the story gives a time.
 */
export type WireWhen = Pick<WireDate, 'date' | 'time' | 'offset' | 'instant'>;

/**
 * The value for `<time datetime>`: the date alone when the story gives no time (never an
 * invented midnight), else the local date, time and offset.
 *
 * @example
 * datetimeValue({ date: '2023-06-20', time: undefined, offset: undefined, instant: new Date('2023-06-20') });
 * // "2023-06-20"
 * datetimeValue({ date: '2023-06-20', time: '10:36', offset: '+06:00', instant: new Date('2023-06-20T04:36Z') });
 * // "2023-06-20T10:36+06:00"
 */
export function datetimeValue(when: WireWhen): string {
  return when.time === undefined ? when.date : `${when.date}T${when.time}${when.offset ?? 'Z'}`;
}

/**
 * The time of day as a wire service prints it: 24-hour `HH:MM` with its zone, in the
 * story's language, at the story's own offset. Undefined for a date alone.
 *
 * @example
 * timeText({ date: '2023-06-20', time: '10:36', offset: '+06:00', instant: new Date('2023-06-20T04:36Z') }, 'en');
 * // "10:36 GMT+6"
 * timeText({ date: '2023-06-20', time: undefined, offset: undefined, instant: new Date('2023-06-20') }, 'en');
 * // undefined
 */
export function timeText(when: WireWhen, lang: string): string | undefined {
  if (when.time === undefined) return undefined;
  const timeZone = when.offset === undefined || when.offset === 'Z' ? 'UTC' : when.offset;
  return dateFormat(lang, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: timeZone === 'UTC' ? 'short' : 'shortOffset',
  }).format(when.instant);
}

/**
 * A calendar date in full, in a language ("Tuesday, June 20, 2023").
 *
 * @example
 * fullDate('2023-06-20', 'en'); // "Tuesday, June 20, 2023"
 * fullDate('2023-06-20', 'es'); // "martes, 20 de junio de 2023"
 */
export function fullDate(date: string, lang: string): string {
  return formatDisplayDate(calendarDay({ date }), lang);
}

/**
 * A month and year in a language, from `YYYY-MM`.
 *
 * @example
 * monthText('2023-06', 'en'); // "June 2023"
 */
export function monthText(month: string, lang: string): string {
  return dateFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    calendarDay({ date: `${month}-01` }),
  );
}

/**
 * The calendar date of an instant in a time zone, as `YYYY-MM-DD`.
 *
 * @example
 * localDay(new Date('2023-06-20T23:30:00Z'), 'Asia/Almaty'); // "2023-06-21"
 * localDay(new Date('2023-06-20T23:30:00Z'), 'UTC'); // "2023-06-20"
 */
export function localDay(now: Date, timeZone: string): string {
  return dateFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(now);
}

/**
 * The day before a `YYYY-MM-DD` date.
 *
 * @example
 * dayBefore('2024-03-01'); // "2024-02-29"
 */
export function dayBefore(date: string): string {
  return new Date(calendarDay({ date }).getTime() - 86_400_000).toISOString().slice(0, 10);
}

function capitalise(text: string, lang: string): string {
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}

/**
 * A day heading for a wire list: "Today" and "Yesterday" relative to `today`, else the
 * date in full, all in the reader's language. Pass `today` only where the page is rebuilt
 * daily (the front page and section fronts); archive pages leave it out so they never change.
 *
 * @example
 * dayHeading('2023-06-20', { lang: 'en', today: '2023-06-20' }); // "Today"
 * dayHeading('2023-06-19', { lang: 'es', today: '2023-06-20' }); // "Ayer"
 * dayHeading('2023-06-18', { lang: 'en', today: '2023-06-20' }); // "Sunday, June 18, 2023"
 */
export function dayHeading(date: string, { lang, today }: { lang: string; today?: string | undefined }): string {
  if (today !== undefined) {
    const relative = relativeFormat(lang);
    if (date === today) return capitalise(relative.format(0, 'day'), lang);
    if (date === dayBefore(today)) return capitalise(relative.format(-1, 'day'), lang);
  }
  return fullDate(date, lang);
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** One Intl.RelativeTimeFormat per language, kept for reuse (as dateFormat keeps its formats). */
function relativeFormat(lang: string): Intl.RelativeTimeFormat {
  let found = relativeFormats.get(lang);
  if (!found) {
    found = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    relativeFormats.set(lang, found);
  }
  return found;
}

/** Stories of one day, in the order given. */
export interface DayGroup<T> {
  /** `YYYY-MM-DD`. */
  date: string;
  items: T[];
}

/**
 * Groups a list (already newest first) under its days, keeping the order; a day that
 * comes back later in the list (a story filed late) joins its first group.
 *
 * @example
 * groupByDay(['2023-06-20', '2023-06-20', '2023-06-19'], (d) => d).map((g) => [g.date, g.items.length]);
 * // [["2023-06-20", 2], ["2023-06-19", 1]]
 */
export function groupByDay<T>(items: readonly T[], dayOf: (item: T) => string): DayGroup<T>[] {
  const groups = new Map<string, DayGroup<T>>();
  for (const item of items) {
    const date = dayOf(item);
    const group = groups.get(date);
    if (group) group.items.push(item);
    else groups.set(date, { date, items: [item] });
  }
  return [...groups.values()];
}
