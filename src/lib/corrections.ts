/**
 * The corrections page's list: every correction note of every published story, newest
 * correction first, each with the story it belongs to.
 */

/** What the list needs of a correction note: when it was made. */
export interface CorrectionNote {
  /** The instant of the correction's date, for ordering. */
  instant: Date;
}

/** One line of the corrections page: a story and one of its correction notes. */
export interface CorrectionEntry<S, C> {
  story: S;
  correction: C;
}

/**
 * Every correction note of the given stories, newest first. A story corrected twice gives
 * two entries, each with its own note. Notes of the same instant fall back to the story's id
 * and then to the order the story lists them, so the list is the same on every build.
 * Which stories are published is decided before: pass only those.
 *
 * @example
 * const a = { id: 'a', corrections: [{ instant: new Date('2023-06-20'), text: 'Date fixed.' }] };
 * const b = { id: 'b', corrections: [{ instant: new Date('2023-06-22'), text: 'Name spelled.' }] };
 * correctionsNewestFirst([a, b]).map((entry) => entry.correction.text);
 * // ["Name spelled.", "Date fixed."]
 */
export function correctionsNewestFirst<S extends { id: string; corrections: readonly CorrectionNote[] }>(
  stories: readonly S[],
): CorrectionEntry<S, S['corrections'][number]>[] {
  const entries = stories.flatMap((story) =>
    story.corrections.map((correction, index) => ({ story, correction, index })),
  );
  entries.sort(
    (a, b) =>
      b.correction.instant.getTime() - a.correction.instant.getTime() ||
      (a.story.id < b.story.id ? -1 : a.story.id > b.story.id ? 1 : 0) ||
      b.index - a.index,
  );
  return entries.map(({ story, correction }) => ({ story, correction }));
}
