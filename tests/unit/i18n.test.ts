import { describe, expect, it } from 'vitest';
import {
  baseLanguage,
  formatMessage,
  furnitureLang,
  MESSAGES,
  messageParts,
  messagesFor,
  ownLanguageName,
  pluralMessage,
  scriptDirection,
  textDirection,
  type Messages,
} from '../../src/lib/i18n';

const english = MESSAGES.en as Messages;
const placeholders = (text: string) =>
  messageParts(text)
    .filter((part) => typeof part !== 'string')
    .map((part) => part.slot)
    .sort();

describe('message tables', () => {
  it('include at least English, Spanish, Portuguese, French, Arabic and German', () => {
    expect(Object.keys(MESSAGES)).toEqual(expect.arrayContaining(['en', 'es', 'pt', 'fr', 'ar', 'de']));
  });

  describe.each(Object.entries(MESSAGES))('the %s table', (lang, table) => {
    it('has every key of the English table and no other', () => {
      expect(Object.keys(table).sort()).toEqual(Object.keys(english).sort());
    });

    it.each(Object.keys(english) as (keyof Messages)[])('gives %s a value of the English kind, never blank', (key) => {
      const value = table[key];
      const reference = english[key];
      if (typeof reference === 'string') {
        expect(typeof value).toBe('string');
        expect((value as string).trim()).not.toBe('');
        expect(placeholders(value as string)).toEqual(placeholders(reference));
      } else if (Array.isArray(reference)) {
        expect(Array.isArray(value)).toBe(true);
        expect((value as readonly string[]).length).toBeGreaterThan(0);
      } else {
        // A plural message: every form the language uses is there or falls back to `other`,
        // none is blank, and none has a placeholder English does not give.
        const forms = value as Record<string, string>;
        const known = new Set(placeholders((reference as { other: string }).other));
        expect(typeof forms.other).toBe('string');
        for (const category of Object.keys(forms)) {
          expect(new Intl.PluralRules(lang).resolvedOptions().pluralCategories).toContain(category);
          expect((forms[category] as string).trim()).not.toBe('');
          for (const name of placeholders(forms[category] as string)) expect(known).toContain(name);
        }
      }
    });

    it('lists its web furniture in lower case, without repeats', () => {
      for (const line of table.furniture) expect(line).toBe(line.toLocaleLowerCase(lang).trim());
      expect(new Set(table.furniture).size).toBe(table.furniture.length);
    });

    it('is in its own language, not a copy of English', () => {
      if (lang === 'en') return;
      expect(table.relatedHeading).not.toBe(english.relatedHeading);
      expect(table.backToTop).not.toBe(english.backToTop);
      expect(table.skipLink).not.toBe(english.skipLink);
    });
  });
});

describe('messagesFor', () => {
  it.each([
    ['es', 'Volver arriba'],
    ['es-419', 'Volver arriba'],
    ['pt-BR', 'Voltar ao topo'],
    ['fr-CA', 'Retour en haut'],
    ['ar-EG', 'العودة إلى الأعلى'],
    ['de', 'Nach oben'],
    ['de-CH', 'Nach oben'],
    ['it', 'Back to top'],
    ['en-GB', 'Back to top'],
  ])('gives %s the back-to-top text %j (English where there is no table)', (lang, text) => {
    expect(messagesFor(lang).backToTop).toBe(text);
    expect(furnitureLang(lang)).toBe(lang === 'it' ? 'en' : undefined);
  });
});

describe('formatMessage', () => {
  it('fills placeholders and writes numbers the language’s way', () => {
    expect(formatMessage(english.listingPage, { heading: 'World', page: 2 }, 'en')).toBe('World, page 2');
    expect(formatMessage(MESSAGES.es?.pageNumber ?? '', { page: 1500 }, 'es')).toBe('Página 1500');
    expect(formatMessage(MESSAGES.fr?.pageNumber ?? '', { page: 1500 }, 'fr')).toBe('Page 1\u202f500');
    expect(formatMessage(MESSAGES.ar?.pageNumber ?? '', { page: 2 }, 'ar-EG')).toBe('الصفحة ٢');
  });

  it.each([
    ['en', 1, '1 story'],
    ['en', 1200, '1,200 stories'],
    ['es', 1, '1 noticia'],
    ['es', 3, '3 noticias'],
    ['fr', 0, '0\u00a0dépêche'],
    ['fr', 2, '2\u00a0dépêches'],
    ['ar', 1, 'خبر واحد'],
    ['ar', 2, 'خبران'],
    ['ar', 5, '5 أخبار'],
    ['ar', 11, '11 خبرًا'],
    ['ar', 100, '100 خبر'],
  ])('counts stories in %s: %d is "%s"', (lang, count, text) => {
    expect(pluralMessage((MESSAGES[lang] as Messages).storyCount, count, {}, lang)).toBe(text);
  });

  it('refuses to leave a placeholder blank', () => {
    expect(() => formatMessage(english.listingPage, { page: 2 }, 'en')).toThrow(/needs a value for \{heading\}/);
  });

  it('splits a message around the placeholders that become links', () => {
    expect(messageParts(english.relatedEmpty)).toEqual([
      'No related stories yet. Read more in ',
      { slot: 'section' },
      ', or follow new stories through ',
      { slot: 'feed' },
      '.',
    ]);
  });
});

describe('text direction from the language tag', () => {
  const cases: [string, 'ltr' | 'rtl'][] = [
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['he', 'rtl'],
    ['fa', 'rtl'],
    ['ur', 'rtl'],
    ['yi', 'rtl'],
    ['az-Arab', 'rtl'],
    ['ar-Latn', 'ltr'],
    ['en', 'ltr'],
    ['es-419', 'ltr'],
    ['ru', 'ltr'],
    ['zh-Hant', 'ltr'],
    ['az', 'ltr'],
  ];

  it.each(cases)('writes %s %s', (tag, dir) => {
    expect(textDirection(tag)).toBe(dir);
  });

  it.each(cases)('writes %s %s from its likely script when Intl has no text info', (tag, dir) => {
    const proto = Intl.Locale.prototype as unknown as Record<string, unknown>;
    const saved = ['getTextInfo', 'textInfo'].map(
      (name) => [name, Object.getOwnPropertyDescriptor(proto, name)] as const,
    );
    for (const [name] of saved) delete proto[name];
    try {
      expect('getTextInfo' in proto || 'textInfo' in proto).toBe(false);
      expect(textDirection(tag)).toBe(dir);
    } finally {
      for (const [name, descriptor] of saved) if (descriptor) Object.defineProperty(proto, name, descriptor);
    }
  });

  it('knows the right-to-left scripts by their codes', () => {
    expect(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm'].map(scriptDirection)).toEqual(Array(6).fill('rtl'));
    expect(['Latn', 'Cyrl', 'Grek', 'Hans', undefined].map(scriptDirection)).toEqual(Array(5).fill('ltr'));
  });

  it('leaves a malformed tag left to right rather than failing', () => {
    expect(textDirection('not a tag')).toBe('ltr');
  });
});

describe('ownLanguageName', () => {
  it.each([
    ['en', 'English'],
    ['es', 'Español'],
    ['pt', 'Português'],
    ['fr', 'Français'],
    ['ar', 'العربية'],
    ['de', 'Deutsch'],
    ['ru', 'Русский'],
  ])('names %s %j', (tag, name) => {
    expect(ownLanguageName(tag)).toBe(name);
  });
});

describe('baseLanguage', () => {
  it('answers each tag for itself, however often and in whatever order tags are asked', () => {
    const tags = ['es-419', 'AR', 'en', 'es-419', 'en_GB', 'ar', 'AR', 'pt-BR', 'en'];
    expect(tags.map(baseLanguage)).toEqual(['es', 'ar', 'en', 'es', 'en', 'ar', 'ar', 'pt', 'en']);
  });
});
