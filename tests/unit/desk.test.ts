import { describe, expect, it } from 'vitest';
import {
  datetimeValue,
  dayBefore,
  dayHeading,
  fullDate,
  groupByDay,
  localDay,
  monthText,
  timeText,
  type WireWhen,
} from '../../src/lib/desk';

const dateOnly: WireWhen = {
  date: '2023-06-20',
  time: undefined,
  offset: undefined,
  instant: new Date('2023-06-20T00:00:00Z'),
};
const astana: WireWhen = {
  date: '2023-06-20',
  time: '10:36',
  offset: '+06:00',
  instant: new Date('2023-06-20T04:36:00Z'),
};
const bogota: WireWhen = {
  date: '2023-06-20',
  time: '23:30',
  offset: '-05:00',
  instant: new Date('2023-06-21T04:30:00Z'),
};
const utc: WireWhen = { date: '2023-06-20', time: '08:05', offset: 'Z', instant: new Date('2023-06-20T08:05:00Z') };

describe('datetimeValue', () => {
  it.each([
    ['a date alone stays a date, with no invented midnight', dateOnly, '2023-06-20'],
    ['a time keeps its own offset', astana, '2023-06-20T10:36+06:00'],
    ['a time late in the evening west of Greenwich keeps its local date', bogota, '2023-06-20T23:30-05:00'],
    ['a UTC time ends in Z', utc, '2023-06-20T08:05Z'],
  ])('%s', (_name, when, value) => {
    expect(datetimeValue(when)).toBe(value);
  });
});

describe('timeText', () => {
  it.each([
    ['en', astana, '10:36 GMT+6'],
    ['en', bogota, '23:30 GMT-5'],
    ['en', utc, '08:05 UTC'],
    ['es', astana, '10:36 GMT+6'],
    ['fr', astana, '10:36 UTC+6'],
  ])('prints the local 24-hour time with its zone in %s: %s', (lang, when, text) => {
    expect(timeText(when, lang)).toBe(text);
  });

  it('names the zone, and writes the digits, as the story’s language does', () => {
    expect(timeText(astana, 'ar')).toBe('10:36 غرينتش+6');
    expect(timeText(astana, 'ar-EG')).toMatch(/^[٠-٩]{2}:[٠-٩]{2} /);
  });

  it('gives nothing for a date alone', () => {
    expect(timeText(dateOnly, 'en')).toBeUndefined();
  });
});

describe('dayHeading', () => {
  it.each([
    ['2023-06-20', 'en', 'Today'],
    ['2023-06-19', 'en', 'Yesterday'],
    ['2023-06-19', 'es', 'Ayer'],
    ['2023-06-20', 'es', 'Hoy'],
    ['2023-06-18', 'en', 'Sunday, June 18, 2023'],
    ['2023-06-18', 'es', 'domingo, 18 de junio de 2023'],
  ])('heads %s in %s as %j when today is 2023-06-20', (date, lang, heading) => {
    expect(dayHeading(date, { lang, today: '2023-06-20' })).toBe(heading);
  });

  it('says today and yesterday in each page’s own language when languages take turns', () => {
    const asked = ['en', 'es', 'fr', 'en', 'es'].flatMap((lang) => [
      dayHeading('2023-06-20', { lang, today: '2023-06-20' }),
      dayHeading('2023-06-19', { lang, today: '2023-06-20' }),
    ]);
    expect(asked).toEqual([
      'Today',
      'Yesterday',
      'Hoy',
      'Ayer',
      'Aujourd’hui',
      'Hier',
      'Today',
      'Yesterday',
      'Hoy',
      'Ayer',
    ]);
  });

  it('never says Today without a today, so archive pages do not go stale', () => {
    expect(dayHeading('2023-06-20', { lang: 'en' })).toBe('Tuesday, June 20, 2023');
  });

  it('knows yesterday across a month and a leap day', () => {
    expect(dayHeading('2024-02-29', { lang: 'en', today: '2024-03-01' })).toBe('Yesterday');
    expect(dayBefore('2023-01-01')).toBe('2022-12-31');
  });
});

describe('dates in words', () => {
  it('prints a date and a month in the language asked for, whatever the build machine’s zone', () => {
    expect(fullDate('2023-06-20', 'en')).toBe('Tuesday, June 20, 2023');
    expect(monthText('2023-06', 'en')).toBe('June 2023');
    expect(monthText('2023-06', 'es')).toBe('junio de 2023');
  });

  it('finds the calendar day of an instant in a time zone', () => {
    expect(localDay(new Date('2023-06-20T23:30:00Z'), 'UTC')).toBe('2023-06-20');
    expect(localDay(new Date('2023-06-20T23:30:00Z'), 'Asia/Almaty')).toBe('2023-06-21');
    expect(localDay(new Date('2023-06-20T03:00:00Z'), 'America/Bogota')).toBe('2023-06-19');
  });
});

describe('groupByDay', () => {
  it('keeps the order of the list and puts each item under its own day', () => {
    const items = [
      { id: 'a', day: '2023-06-21' },
      { id: 'b', day: '2023-06-20' },
      { id: 'c', day: '2023-06-20' },
      { id: 'd', day: '2023-06-21' },
    ];
    expect(groupByDay(items, (item) => item.day).map((g) => [g.date, g.items.map((i) => i.id)])).toEqual([
      ['2023-06-21', ['a', 'd']],
      ['2023-06-20', ['b', 'c']],
    ]);
  });

  it('gives no group for an empty list', () => {
    expect(groupByDay([], () => 'x')).toEqual([]);
  });
});
