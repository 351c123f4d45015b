/**
 * Wire datelines and display dates. Dates are calendar dates: they are read and
 * written in UTC so that a story dated 20 June shows 20 June wherever it is built.
 */
import { messagesFor } from './i18n/index.ts';

/** How one agency writes its dateline: which month form it uses, and what closes it. */
export interface AgencyStyle {
  /** Month form in the date, or `null` when the agency's dateline carries no date. */
  month: 'short' | 'long' | null;
  /** What follows the closing parenthesis, e.g. `.-` for EFE. */
  close: string;
}

/** Dateline styles of the agencies the site knows; others use {@link DEFAULT_STYLE}. */
export const AGENCY_STYLES: Readonly<Record<string, AgencyStyle>> = {
  EFE: { month: 'short', close: '.-' },
  AFP: { month: 'long', close: ' -' },
  Reuters: { month: null, close: ' -' },
  AP: { month: null, close: ' —' },
};

/** The style used for an agency the site has no entry for. */
export const DEFAULT_STYLE: AgencyStyle = { month: 'short', close: ' -' };

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One Intl.DateTimeFormat per language and options, kept for reuse: making one costs far
 * more than using it. The options go to Intl as they are, so give a `timeZone` unless the
 * machine's own zone is meant.
 *
 * @example
 * dateFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date('2023-06-20')); // "Jun 20"
 */
export function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(lang, options);
    formatters.set(key, found);
  }
  return found;
}

/** What a dateline is made of. */
export interface DatelineParts {
  place: string;
  date: Date;
  agency: string;
  /** BCP 47 language of the story; decides month names and order. */
  lang: string;
}

/**
 * Formats a wire dateline in the agency's own style.
 *
 * @example
 * formatDateline({ place: 'Astana', date: new Date('2023-06-20'), agency: 'EFE', lang: 'en' });
 * // "Astana, Jun 20 (EFE).-"
 * formatDateline({ place: 'MADRID', date: new Date('2023-03-03'), agency: 'EFE', lang: 'es' });
 * // "MADRID, 3 mar (EFE).-"
 * formatDateline({ place: 'القاهرة', date: new Date('2023-06-20'), agency: 'EFE', lang: 'ar' });
 * // "القاهرة، 20 يونيو (EFE).-"
 */
export function formatDateline({ place, date, agency, lang }: DatelineParts): string {
  const style = AGENCY_STYLES[agency] ?? DEFAULT_STYLE;
  const separator = messagesFor(lang).datelineSeparator;
  const when = style.month
    ? `${separator}${dateFormat(lang, { month: style.month, day: 'numeric', timeZone: 'UTC' }).format(date)}`
    : '';
  return `${place}${when} (${agency})${style.close}`;
}

/**
 * A reader-facing date, in the story's language.
 *
 * @example
 * formatDisplayDate(new Date('2023-06-20'), 'en'); // "Tuesday, June 20, 2023"
 */
export function formatDisplayDate(date: Date, lang: string): string {
  return dateFormat(lang, { dateStyle: 'full', timeZone: 'UTC' }).format(date);
}

/**
 * The machine-readable calendar date for `<time datetime>`.
 *
 * @example
 * isoDate(new Date('2023-06-20T22:00:00Z')); // "2023-06-20"
 */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
