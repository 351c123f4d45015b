/**
 * What is published: the one rule every page, listing, feed, sitemap and search index
 * goes by. The build time is an input (src/data/archive.ts reads it), never read here.
 */

/** What the rule looks at. */
export interface Publishable {
  /** `usable` (or absent) is publishable; `withheld` and `canceled` are not. */
  status?: string | undefined;
  /** Not before this time (a wire date's instant). */
  embargo?: { instant: Date } | undefined;
}

/**
 * Whether a story is published at a build time: its status is usable and its embargo, if
 * any, is not later than the build time.
 *
 * @example
 * const at = new Date('2023-06-20T10:00:00Z');
 * isPublished({ status: 'usable' }, at); // true
 * isPublished({ embargo: parseWireDate('2023-06-20T12:00:00Z') }, at); // false
 * isPublished({ status: 'canceled' }, at); // false
 */
export function isPublished(story: Publishable, buildTime: Date): boolean {
  if (story.status !== undefined && story.status !== 'usable') return false;
  return story.embargo === undefined || story.embargo.instant.getTime() <= buildTime.getTime();
}

/**
 * Reads a build time given as text (the `WIRE_BUILD_TIME` override): an ISO date-time,
 * else `now`. A value that is not a date is an error, never silently "now".
 *
 * @example
 * buildTimeFrom('2023-06-20T12:00:00Z', new Date()).toISOString(); // "2023-06-20T12:00:00.000Z"
 * buildTimeFrom(undefined, now); // now
 */
export function buildTimeFrom(value: string | undefined, now: Date): Date {
  if (value === undefined || value.trim() === '') return now;
  const time = new Date(value.trim());
  if (!/^\d{4}-\d{2}-\d{2}/.test(value.trim()) || Number.isNaN(time.getTime())) {
    throw new Error(`WIRE_BUILD_TIME: "${value}" is not a date-time such as 2023-06-20T12:00:00Z`);
  }
  return time;
}
