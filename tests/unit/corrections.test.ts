import { describe, expect, it } from 'vitest';
import { correctionsNewestFirst } from '../../src/lib/corrections';
import { parseWireDate } from '../../src/lib/dates';
import { toStory } from '../../src/lib/story';
import { storyInput } from '../helpers/stories';

/** A story with correction notes, as the story lists them (oldest first): [date, text] pairs. */
function story(id: string, notes: [string, string][]) {
  return { id, corrections: notes.map(([date, text]) => ({ instant: parseWireDate(date).instant, text })) };
}

const listed = (stories: ReturnType<typeof story>[]) =>
  correctionsNewestFirst(stories).map(({ story: { id }, correction: { text } }) => `${id}: ${text}`);

describe('correctionsNewestFirst', () => {
  it.each([
    { name: 'no stories give an empty list', stories: [], expected: [] },
    { name: 'stories without notes are left out', stories: [story('a', []), story('b', [])], expected: [] },
    {
      name: 'one corrected story among uncorrected ones is listed alone',
      stories: [story('a', []), story('b', [['2023-06-21', 'Date fixed.']]), story('c', [])],
      expected: ['b: Date fixed.'],
    },
    {
      name: 'notes of different stories come newest first, whatever the stories’ order',
      stories: [
        story('old', [['2023-06-20', 'First.']]),
        story('new', [['2023-06-22', 'Third.']]),
        story('mid', [['2023-06-21', 'Second.']]),
      ],
      expected: ['new: Third.', 'mid: Second.', 'old: First.'],
    },
    {
      name: 'a story corrected twice gives two entries, the later note first',
      stories: [
        story('a', [
          ['2023-06-20', 'Name spelled.'],
          ['2023-06-23', 'Figure fixed.'],
        ]),
        story('b', [['2023-06-21', 'Place fixed.']]),
      ],
      expected: ['a: Figure fixed.', 'b: Place fixed.', 'a: Name spelled.'],
    },
    {
      name: 'times on the same day order the notes, across offsets, by instant',
      stories: [
        story('astana', [['2023-06-20T10:00:00+06:00', 'At 04:00 UTC.']]),
        story('madrid', [['2023-06-20T08:00:00+02:00', 'At 06:00 UTC.']]),
      ],
      expected: ['madrid: At 06:00 UTC.', 'astana: At 04:00 UTC.'],
    },
    {
      name: 'notes of the same instant fall back to the story id, then to the later-listed note',
      stories: [
        story('b', [['2023-06-20', 'B.']]),
        story('a', [
          ['2023-06-20', 'A one.'],
          ['2023-06-20', 'A two.'],
        ]),
      ],
      expected: ['a: A two.', 'a: A one.', 'b: B.'],
    },
  ])('$name', ({ stories, expected }) => {
    expect(listed(stories)).toEqual(expected);
  });

  it('does not reorder the stories or notes it was given', () => {
    const stories = [
      story('a', [
        ['2023-06-20', 'One.'],
        ['2023-06-22', 'Two.'],
      ]),
      story('b', [['2023-06-21', 'B.']]),
    ];
    const before = JSON.stringify(stories);
    correctionsNewestFirst(stories);
    expect(JSON.stringify(stories)).toBe(before);
  });

  it('takes stories as toStory makes them, with the note’s date as pages print it', () => {
    const corrected = toStory(
      'tokayev',
      'Text.',
      storyInput({
        lang: 'es',
        corrections: [{ date: parseWireDate('2023-06-20T12:45:00+06:00'), text: 'Corregida la fecha.' }],
      }),
    );
    const [entry] = correctionsNewestFirst([corrected]);
    expect(entry?.story.path).toBe('/stories/tokayev/');
    expect(entry?.correction).toEqual({
      date: { iso: '2023-06-20', text: expect.stringMatching(/20 de junio de 2023/) },
      instant: new Date('2023-06-20T06:45:00Z'),
      text: 'Corregida la fecha.',
    });
  });
});
