import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDay, lastChange, notBefore, parseWireDate } from '../../src/lib/dates';

describe('parseWireDate', () => {
  it.each([
    [
      'a calendar date',
      '2023-06-20',
      { date: '2023-06-20', time: undefined, offset: undefined },
      '2023-06-20T00:00:00.000Z',
    ],
    [
      'a date-time with a positive offset',
      '2023-06-20T10:36:00+06:00',
      { date: '2023-06-20', time: '10:36', offset: '+06:00' },
      '2023-06-20T04:36:00.000Z',
    ],
    [
      'a late-evening time west of UTC, keeping the local date (not the UTC June 21)',
      '2023-06-20T23:30:00-05:00',
      { date: '2023-06-20', time: '23:30', offset: '-05:00' },
      '2023-06-21T04:30:00.000Z',
    ],
    [
      'an early-morning time east of UTC, keeping the local date (not the UTC June 19)',
      '2023-06-20T01:15+09:00',
      { date: '2023-06-20', time: '01:15', offset: '+09:00' },
      '2023-06-19T16:15:00.000Z',
    ],
    [
      'UTC with fractions',
      '2023-06-20T10:36:00.5Z',
      { date: '2023-06-20', time: '10:36', offset: 'Z' },
      '2023-06-20T10:36:00.500Z',
    ],
    ['a leap day', '2024-02-29', { date: '2024-02-29' }, '2024-02-29T00:00:00.000Z'],
  ])('reads %s', (_name, text, parts, instant) => {
    const wire = parseWireDate(text);
    expect(wire).toMatchObject({ iso: text, ...parts });
    expect(wire.instant.toISOString()).toBe(instant);
  });

  it.each([
    ['an impossible day', '2023-02-30', /February 2023 has no day 30/],
    ['a day 29 outside a leap year', '2023-02-29', /February 2023 has no day 29/],
    ['month 13', '2023-13-01', /no month 13/],
    ['a compact date', '20230620', /not an ISO 8601 date/],
    ['a year alone', '2023', /not an ISO 8601 date/],
    ['slashes', '2023/06/20', /not an ISO 8601 date/],
    ['an English date', 'June 20, 2023', /not an ISO 8601 date/],
    ['an empty string', '', /not an ISO 8601 date/],
    ['a time without an offset', '2023-06-20T10:36:00', /needs its offset/],
    ['hour 24', '2023-06-20T24:00:00Z', /not a real time/],
    ['an impossible offset', '2023-06-20T10:00:00+25:00', /impossible offset/],
    ['year 0000', '0000-01-01', /before 1900/],
    ['year 1899', '1899-12-31', /before 1900/],
    ['surrounding spaces', ' 2023-06-20', /not an ISO 8601 date/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseWireDate(text)).toThrow(message);
  });

  it('refuses a date further ahead of now than allowed, and only when given now', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(() => parseWireDate('3000-01-01', { now })).toThrow(/more than 366 days in the future/);
    expect(parseWireDate('2026-06-01', { now }).date).toBe('2026-06-01');
    expect(() => parseWireDate('2026-06-01', { now, maxFutureDays: 30 })).toThrow(/more than 30 days/);
    expect(parseWireDate('3000-01-01').date).toBe('3000-01-01');
  });

  it('gives every valid calendar date back as written, and its instant at midnight UTC', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
        (day) => {
          const text = day.toISOString().slice(0, 10);
          const wire = parseWireDate(text);
          expect(wire.date).toBe(text);
          expect(wire.instant.toISOString().slice(0, 10)).toBe(text);
        },
      ),
    );
  });

  it('keeps the written local date and the instant for any offset', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (instant, minutes) => {
          const whole = new Date(Math.floor(instant.getTime() / 60_000) * 60_000);
          const local = new Date(whole.getTime() + minutes * 60_000).toISOString();
          const sign = minutes < 0 ? '-' : '+';
          const abs = Math.abs(minutes);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const text = `${local.slice(0, 16)}:00${offset}`;
          const wire = parseWireDate(text);
          expect(wire.date).toBe(local.slice(0, 10));
          expect(wire.time).toBe(local.slice(11, 16));
          expect(wire.instant.getTime()).toBe(whole.getTime());
        },
      ),
    );
  });
});

describe('calendarDay and notBefore', () => {
  it.each([
    ['a late time west of UTC (the UTC date is June 21)', parseWireDate('2023-06-20T23:30:00-05:00')],
    ['an early time east of UTC (the UTC date is June 19)', parseWireDate('2023-06-20T01:30:00+06:00')],
    ['a date alone', parseWireDate('2023-06-20')],
    ['a desk time (WireWhen), which carries no iso', { date: '2023-06-20', time: '10:36', offset: '+06:00' }],
  ])('turns the local date of %s into midnight UTC for the UTC formatters', (_name, when) => {
    expect(calendarDay(when).toISOString()).toBe('2023-06-20T00:00:00.000Z');
  });

  it.each([
    ['a later time', '2023-06-20T11:00:00Z', '2023-06-20T10:00:00Z', true],
    ['an earlier instant', '2023-06-20T10:00:00+06:00', '2023-06-20T05:00:00Z', false],
    ['a date alone on the same day as a time', '2023-06-20', '2023-06-20T10:00:00+06:00', true],
    ['an earlier date alone', '2023-06-19', '2023-06-20', false],
  ])('compares %s', (_name, later, earlier, expected) => {
    expect(notBefore(parseWireDate(later), parseWireDate(earlier))).toBe(expected);
  });
});

describe('lastChange', () => {
  const wire = (text: string | undefined) => (text === undefined ? undefined : parseWireDate(text));
  it.each([
    ['2023-07-28', [], undefined],
    ['2023-07-28', [undefined], undefined],
    ['2023-07-28', ['2023-07-29'], '2023-07-29'],
    ['2023-07-28', [undefined, '2023-07-29', '2023-07-28T18:00:00Z'], '2023-07-29'],
    ['2023-07-28', ['2023-07-30', '2023-07-29'], '2023-07-30'],
    // A date alone says nothing about the hour: the same day is no change after a date alone.
    ['2023-07-28', ['2023-07-28T18:00:00Z'], undefined],
    ['2023-07-28T09:00:00Z', ['2023-07-28'], undefined],
    // Two times compare by instant, across offsets.
    ['2023-07-28T09:00:00Z', ['2023-07-28T16:00:00+06:00', '2023-07-28T08:00:00Z'], '2023-07-28T16:00:00+06:00'],
    ['2023-07-28T09:00:00Z', ['2023-07-28T15:00:00+06:00'], undefined],
    ['2023-07-28T09:00:00Z', ['2023-07-28T14:00:00+06:00'], undefined],
    // An earlier change (a slip) does not count.
    ['2023-07-28', ['2023-07-27'], undefined],
  ] as const)('after %s, of %j, the last change is %s', (published, changes, expected) => {
    expect(lastChange(parseWireDate(published), changes.map(wire))?.iso).toBe(expected);
  });
});
