/**
 * Reader-facing messages per language, the text direction of a language, and language
 * names. A new language needs its table (a copy of en.ts, translated) and one line in
 * {@link MESSAGES}; a language without a table reads English furniture.
 */
import ar from './ar.ts';
import de from './de.ts';
import en from './en.ts';
import es from './es.ts';
import fr from './fr.ts';
import pt from './pt.ts';
import type { Messages } from './types.ts';

export { formatMessage, messageParts, pluralMessage, type MessagePart } from './format.ts';

export type { Messages, PluralMessage } from './types.ts';

/** Every message table, by language subtag. English is the fallback. */
export const MESSAGES: Readonly<Record<string, Messages>> = { en, es, pt, fr, ar, de };

/** The fallback table's language. */
export const FALLBACK_LANG = 'en';

/**
 * {@link baseLanguage} by tag, kept for reuse: pages ask for the same few tags thousands of
 * times, and an Intl.Locale costs far more to make than a look-up.
 */
const baseLanguages = new Map<string, string>();

/**
 * The primary language subtag of a BCP 47 tag, lower case: what an edition and a message
 * table are keyed by.
 *
 * @example
 * baseLanguage('es-419'); // "es"
 * baseLanguage('AR'); // "ar"
 */
export function baseLanguage(tag: string): string {
  let found = baseLanguages.get(tag);
  if (found === undefined) {
    try {
      found = new Intl.Locale(tag).language;
    } catch {
      found = tag.toLowerCase().split(/[-_]/)[0] ?? tag;
    }
    baseLanguages.set(tag, found);
  }
  return found;
}

/**
 * The message table for a language tag: the table of its primary language, else English.
 *
 * @example
 * messagesFor('es-419').backToTop; // "Volver arriba"
 * messagesFor('de-AT').backToTop; // "Nach oben"
 * messagesFor('it').backToTop; // "Back to top"
 */
export function messagesFor(tag: string): Messages {
  return MESSAGES[baseLanguage(tag)] ?? en;
}

/** Whether a language has a message table of its own (not the English fallback). */
export function hasMessages(tag: string): boolean {
  return baseLanguage(tag) in MESSAGES;
}

/**
 * The `lang` to put on furniture in a page of this language: none when the language has
 * its own table, `en` when its furniture falls back to English (so screen readers speak
 * it as English).
 *
 * @example
 * furnitureLang('es'); // undefined
 * furnitureLang('it'); // "en"
 */
export function furnitureLang(tag: string): string | undefined {
  return hasMessages(tag) ? undefined : FALLBACK_LANG;
}

/** Scripts written right to left, for engines without `Intl.Locale#getTextInfo`. */
const RTL_SCRIPTS = new Set([
  'Adlm',
  'Arab',
  'Aran',
  'Hebr',
  'Mand',
  'Mend',
  'Nkoo',
  'Rohg',
  'Samr',
  'Syrc',
  'Thaa',
  'Yezi',
]);

interface TextInfoLocale {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
}

/**
 * The direction a language is written in, from its tag: `Intl.Locale`'s text info where
 * the engine has it, else the likely script of the language (`ar` → Arab → right to left).
 *
 * @example
 * textDirection('ar'); // "rtl"
 * textDirection('he-IL'); // "rtl"
 * textDirection('es'); // "ltr"
 * textDirection('az-Arab'); // "rtl"
 */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return 'ltr';
  }
  const withInfo = locale as unknown as TextInfoLocale;
  const info = withInfo.getTextInfo?.() ?? withInfo.textInfo;
  if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
  return scriptDirection(locale.maximize().script);
}

/**
 * The direction of a script by its ISO 15924 code; unknown scripts are left to right.
 *
 * @example
 * scriptDirection('Hebr'); // "rtl"
 * scriptDirection('Cyrl'); // "ltr"
 */
export function scriptDirection(script: string | undefined): 'ltr' | 'rtl' {
  return script !== undefined && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}

const nameFormats = new Map<string, Intl.DisplayNames>();

/**
 * A language's name in that language, as an edition switcher offers it: the table's own
 * name, else the one Intl knows, with a capital where the script has one.
 *
 * @example
 * ownLanguageName('es'); // "Español"
 * ownLanguageName('de'); // "Deutsch"
 * ownLanguageName('ar'); // "العربية"
 */
export function ownLanguageName(tag: string): string {
  const table = MESSAGES[baseLanguage(tag)];
  if (table && baseLanguage(tag) === tag) return table.languageName;
  let names = nameFormats.get(tag);
  if (!names) {
    names = new Intl.DisplayNames([tag], { type: 'language', fallback: 'code' });
    nameFormats.set(tag, names);
  }
  const name = names.of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}
