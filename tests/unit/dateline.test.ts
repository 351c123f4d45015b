import { describe, expect, it } from 'vitest';
import { formatDateline, formatDisplayDate, isoDate } from '../../src/lib/dateline';

describe('formatDateline', () => {
  it.each([
    ['EFE in English', { place: 'Astana', date: '2023-06-20', agency: 'EFE', lang: 'en' }, 'Astana, Jun 20 (EFE).-'],
    ['EFE in Spanish', { place: 'MADRID', date: '2023-03-03', agency: 'EFE', lang: 'es' }, 'MADRID, 3 mar (EFE).-'],
    [
      'AFP with the full month',
      { place: 'PARIS', date: '2023-06-20', agency: 'AFP', lang: 'en' },
      'PARIS, June 20 (AFP) -',
    ],
    [
      'Reuters without a date',
      { place: 'BRUSSELS', date: '2023-06-20', agency: 'Reuters', lang: 'en' },
      'BRUSSELS (Reuters) -',
    ],
    [
      'AP with an em dash',
      { place: 'KYIV, Ukraine', date: '2023-06-20', agency: 'AP', lang: 'en' },
      'KYIV, Ukraine (AP) —',
    ],
    [
      'an unknown agency in the default style',
      { place: 'Lima', date: '2024-01-05', agency: 'ANDINA', lang: 'en' },
      'Lima, Jan 5 (ANDINA) -',
    ],
  ])('writes %s', (_name, parts, expected) => {
    expect(formatDateline({ ...parts, date: new Date(parts.date) })).toBe(expected);
  });

  it('keeps the calendar date of a late-evening UTC time', () => {
    const date = new Date('2023-06-20T23:30:00Z');
    expect(formatDateline({ place: 'Astana', date, agency: 'EFE', lang: 'en' })).toBe('Astana, Jun 20 (EFE).-');
  });
});

describe('display dates', () => {
  it('names the weekday the seed story ran on', () => {
    expect(formatDisplayDate(new Date('2023-06-20'), 'en')).toBe('Tuesday, June 20, 2023');
  });

  it('gives the machine-readable calendar date', () => {
    expect(isoDate(new Date('2023-06-20T23:59:00Z'))).toBe('2023-06-20');
  });
});
