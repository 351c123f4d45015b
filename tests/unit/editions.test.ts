import { describe, expect, it } from 'vitest';
import {
  editionAlternates,
  notFoundNotices,
  storyAlternates,
  translationGroups,
  type StoryVersion,
} from '../../src/lib/editions';
import { formatMessage } from '../../src/lib/i18n';
import { editionOf, editionPath, editionPrefix } from '../../src/lib/slug';

const site = 'https://wire-reader.example';
const version = (id: string, lang: string, day = 20): StoryVersion => ({
  id,
  lang,
  path: `/stories/${id}/`,
  pubDate: new Date(Date.UTC(2023, 5, day)),
});

describe('editions', () => {
  it.each([
    ['en', 'en', '', '/'],
    ['es', 'es', '/es', '/es/'],
    ['es-419', 'es', '/es', '/es/'],
    ['ar-EG', 'ar', '/ar', '/ar/'],
  ])('puts %s in the %s edition at %j', (lang, edition, prefix, path) => {
    expect(editionOf(lang)).toBe(edition);
    expect(editionPrefix(edition)).toBe(prefix);
    expect(editionPath(edition)).toBe(path);
  });
});

describe('storyAlternates', () => {
  const pair = [version('quake', 'en'), version('sismo', 'es')];

  it('lists every version, itself included, and an x-default', () => {
    expect(storyAlternates(pair, { site })).toEqual([
      { hreflang: 'en', href: `${site}/stories/quake/` },
      { hreflang: 'es', href: `${site}/stories/sismo/` },
      { hreflang: 'x-default', href: `${site}/stories/quake/` },
    ]);
  });

  it('gives every version the same set, so the links go both ways', () => {
    const trio = [...pair, version('زلزال', 'ar')];
    const sets = trio.map((_, i) => storyAlternates([...trio.slice(i), ...trio.slice(0, i)], { site }));
    expect(sets[1]).toEqual(sets[0]);
    expect(sets[2]).toEqual(sets[0]);
    expect(sets[0]?.map((a) => a.hreflang)).toEqual(['ar', 'en', 'es', 'x-default']);
  });

  it('percent-encodes addresses in any script', () => {
    const [arabic] = storyAlternates([version('زلزال', 'ar'), version('quake', 'en')], { site });
    expect(arabic?.href).toBe(`${site}/stories/%D8%B2%D9%84%D8%B2%D8%A7%D9%84/`);
  });

  it('makes the first published version the x-default when none is in the default language', () => {
    const alternates = storyAlternates([version('b', 'es', 21), version('a', 'fr', 20)], { site });
    expect(alternates.at(-1)).toEqual({ hreflang: 'x-default', href: `${site}/stories/a/` });
    const spanishSite = storyAlternates([version('b', 'es', 21), version('a', 'fr', 20)], { site, defaultLang: 'es' });
    expect(spanishSite.at(-1)).toEqual({ hreflang: 'x-default', href: `${site}/stories/b/` });
  });

  it('keeps regional tags as they are', () => {
    expect(storyAlternates([version('a', 'es-419'), version('b', 'es-ES')], { site }).map((a) => a.hreflang)).toEqual([
      'es-419',
      'es-ES',
      'x-default',
    ]);
  });

  it('gives a story in one language none', () => {
    expect(storyAlternates([version('solo', 'en')], { site })).toEqual([]);
  });
});

describe('translationGroups', () => {
  it('groups stories by key, leaving out those without one', () => {
    const groups = translationGroups([
      { id: 'sismo', lang: 'es', translationKey: 'quake' },
      { id: 'quake', lang: 'en', translationKey: 'quake' },
      { id: 'solo', lang: 'en', translationKey: undefined },
    ]);
    expect([...groups.keys()]).toEqual(['quake']);
    expect(groups.get('quake')?.map((s) => s.id)).toEqual(['quake', 'sismo']);
  });
});

describe('editionAlternates', () => {
  it('links every edition’s front page, with the default language as x-default', () => {
    expect(editionAlternates(['es', 'en', 'ar'], { site })).toEqual([
      { hreflang: 'ar', href: `${site}/ar/` },
      { hreflang: 'en', href: `${site}/` },
      { hreflang: 'es', href: `${site}/es/` },
      { hreflang: 'x-default', href: `${site}/` },
    ]);
  });

  it('gives a site of one edition none', () => {
    expect(editionAlternates(['en'], { site })).toEqual([]);
  });
});

describe('notFoundNotices: the 404 page’s line for each other edition', () => {
  const editions = ['en', 'ar', 'de', 'es', 'it'].map((lang) => ({ lang, path: editionPath(lang, 'en') }));
  const line = (notice: ReturnType<typeof notFoundNotices>[number]) =>
    notice.parts.map((part) => (typeof part === 'string' ? part : `[${notice.link}](${notice.href})`)).join('');

  it.each([
    ['ar', 'rtl', '/ar/', 'الصفحة غير موجودة. انتقل إلى [آخر الأخبار](/ar/).'],
    ['de', 'ltr', '/de/', 'Seite nicht gefunden. Weiter zu den [neuesten Meldungen](/de/).'],
    ['es', 'ltr', '/es/', 'Página no encontrada. Vaya a [las últimas noticias](/es/).'],
    // No Italian table: no English words marked Italian, the link alone, in Italian's own name.
    ['it', 'ltr', '/it/', '[Italiano](/it/)'],
  ])('tells the %s edition’s readers (%s) where its front page %s is: “%s”', (lang, dir, href, text) => {
    const notice = notFoundNotices(editions, 'en').find((found) => found.lang === lang);
    expect(notice && [notice.dir, notice.href, line(notice)]).toEqual([dir, href, text]);
  });

  it('leaves out the page’s own edition, and keeps the editions’ order', () => {
    expect(notFoundNotices(editions, 'en').map((notice) => notice.lang)).toEqual(['ar', 'de', 'es', 'it']);
    expect(notFoundNotices(editions, 'es').map((notice) => notice.lang)).toEqual(['en', 'ar', 'de', 'it']);
    expect(notFoundNotices([{ lang: 'en', path: '/' }], 'en')).toEqual([]);
  });

  it('says in English what the English table says, for a site whose page is in another language', () => {
    const english = notFoundNotices(editions, 'es').find((notice) => notice.lang === 'en');
    expect(english && line(english)).toBe(
      formatMessage('Page not found. Go to {home}.', { home: '[the latest stories](/)' }, 'en'),
    );
  });
});
