import { describe, expect, it } from 'vitest';
import { dateFormat, formatDateline, formatDisplayDate, isoDate } from '../../src/lib/dateline';

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
      'EFE in Portuguese',
      { place: 'Lisboa', date: '2023-06-20', agency: 'EFE', lang: 'pt' },
      'Lisboa, 20 de jun. (EFE).-',
    ],
    ['EFE in French', { place: 'Paris', date: '2023-06-20', agency: 'EFE', lang: 'fr' }, 'Paris, 20 juin (EFE).-'],
    [
      'EFE in Arabic, with the Arabic comma',
      { place: 'القاهرة', date: '2023-06-20', agency: 'EFE', lang: 'ar' },
      'القاهرة، 20 يونيو (EFE).-',
    ],
    [
      'EFE in Egyptian Arabic, with Arabic-Indic digits',
      { place: 'القاهرة', date: '2023-06-20', agency: 'EFE', lang: 'ar-EG' },
      'القاهرة، ٢٠ يونيو (EFE).-',
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

  it.each([
    ['en', 'Tuesday, June 20, 2023'],
    ['es', 'martes, 20 de junio de 2023'],
    ['pt', 'terça-feira, 20 de junho de 2023'],
    ['fr', 'mardi 20 juin 2023'],
    ['ar', 'الثلاثاء، 20 يونيو 2023'],
    ['ar-EG', 'الثلاثاء، ٢٠ يونيو ٢٠٢٣'],
  ])('writes the date in %s as %j', (lang, text) => {
    expect(formatDisplayDate(new Date('2023-06-20'), lang)).toBe(text);
  });

  it('gives the machine-readable calendar date', () => {
    expect(isoDate(new Date('2023-06-20T23:59:00Z'))).toBe('2023-06-20');
  });
});

describe('dateFormat', () => {
  it('keeps one formatter per language and options, and passes the options to Intl as they are', () => {
    const options = { month: 'short', day: 'numeric', timeZone: 'Asia/Almaty' } as const;
    const formatter = dateFormat('en', options);
    expect(dateFormat('en', { ...options })).toBe(formatter);
    expect(dateFormat('es', options)).not.toBe(formatter);
    expect(dateFormat('en', { ...options, timeZone: 'UTC' })).not.toBe(formatter);
    // 20:00 UTC on June 20 is already June 21 in Almaty (UTC+5 or +6).
    expect(formatter.format(new Date('2023-06-20T20:00:00Z'))).toBe('Jun 21');
  });
});
