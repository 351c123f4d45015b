import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { feedStylesheet, feedStylesheetPath } from '../../src/lib/feed-stylesheet';
import { MESSAGES } from '../../src/lib/i18n';

describe('feed stylesheets', () => {
  it.each(Object.keys(MESSAGES))('is well-formed XML in %s, with the edition’s own words', (lang) => {
    const xsl = feedStylesheet(lang);
    expect(XMLValidator.validate(xsl)).toBe(true);
    const m = MESSAGES[lang];
    expect(xsl).toContain(`<h1>${m?.feedPreviewHeading}</h1>`);
    expect(xsl).toContain(`<h2>${m?.latestStories}</h2>`);
    expect(xsl).not.toMatch(/\{title\}/);
  });

  it('sets the direction from the language', () => {
    expect(feedStylesheet('ar')).toContain('<html lang="ar" dir="rtl">');
    expect(feedStylesheet('es')).toContain('<html lang="es" dir="ltr">');
  });

  it('lives beside each edition’s feeds', () => {
    expect(feedStylesheetPath('en')).toBe('/rss.xsl');
    expect(feedStylesheetPath('ar-EG')).toBe('/ar/rss.xsl');
  });
});
