/**
 * Filling messages: placeholders, numbers the language's way, plural forms. No message
 * tables here, so the browser's search script can use it without carrying them.
 */
import type { PluralMessage } from './types.ts';

const numberFormats = new Map<string, Intl.NumberFormat>();

function formatValue(value: string | number, lang: string): string {
  if (typeof value === 'string') return value;
  let found = numberFormats.get(lang);
  if (!found) {
    found = new Intl.NumberFormat(lang);
    numberFormats.set(lang, found);
  }
  return found.format(value);
}

/** One piece of a filled message: text, or the name of a placeholder to render (e.g. as a link). */
export type MessagePart = string | { slot: string };

/**
 * Splits a message at its `{placeholders}`: text pieces stay strings, placeholders become
 * `{ slot }`, so a component can render them as links.
 *
 * @example
 * messageParts('Read more in {section}.'); // ['Read more in ', { slot: 'section' }, '.']
 */
export function messageParts(template: string): MessagePart[] {
  return template
    .split(/(\{\w+\})/)
    .filter((piece) => piece !== '')
    .map((piece) => (/^\{\w+\}$/.test(piece) ? { slot: piece.slice(1, -1) } : piece));
}

/**
 * Fills a message's `{placeholders}`; numbers are written the language's way. A
 * placeholder without a value is an error, never a blank.
 *
 * @example
 * formatMessage('Page {page} of {pages}', { page: 2, pages: 3 }, 'en'); // "Page 2 of 3"
 * formatMessage('يحمل كل موجز آخر {limit} خبرًا', { limit: 50 }, 'ar-EG'); // "يحمل كل موجز آخر ٥٠ خبرًا"
 */
export function formatMessage(template: string, values: Record<string, string | number>, lang: string): string {
  return messageParts(template)
    .map((part) => {
      if (typeof part === 'string') return part;
      const value = values[part.slot];
      if (value === undefined) throw new Error(`message "${template}" needs a value for {${part.slot}}`);
      return formatValue(value, lang);
    })
    .join('');
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * Fills the form of a {@link PluralMessage} that the language uses for `count` (Arabic has
 * six, English two), `other` when the table leaves that form out; `{count}` is the number,
 * written the language's way.
 *
 * @example
 * pluralMessage({ one: '{count} story', other: '{count} stories' }, 1, {}, 'en'); // "1 story"
 * pluralMessage({ one: '{count} story', other: '{count} stories' }, 1200, {}, 'en'); // "1,200 stories"
 * pluralMessage({ two: 'خبران', other: '{count} خبر' }, 2, {}, 'ar'); // "خبران"
 */
export function pluralMessage(
  forms: PluralMessage,
  count: number,
  values: Record<string, string | number>,
  lang: string,
): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return formatMessage(forms[rules.select(count)] ?? forms.other, { ...values, count }, lang);
}
