import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { MESSAGES, type Messages } from '../../src/lib/i18n';
import { parseSearchManifest, searchBundles } from '../../src/lib/search';
import { EDITION_STORIES, editions } from '../helpers/site';

const SITE = 'https://wire-reader.example';
const page = (path: string) => cheerio.load(editions.read(path));
const absolute = (path: string) => new URL(path, SITE).href;
const hreflangs = ($: cheerio.CheerioAPI) =>
  $('link[rel="alternate"][hreflang]')
    .toArray()
    .map((link) => [$(link).attr('hreflang'), $(link).attr('href')]);
const feed = (path: string) =>
  new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(editions.read(path)).rss
    .channel as { language: string; title: string; item?: { link: string; title: string }[] };

describe('language and direction on <html>', () => {
  it.each([
    [EDITION_STORIES.en, 'en', 'ltr'],
    [EDITION_STORIES.es, 'es', 'ltr'],
    [EDITION_STORIES.ar, 'ar', 'rtl'],
    ['/', 'en', 'ltr'],
    ['/es/', 'es', 'ltr'],
    ['/es/page/2/', 'es', 'ltr'],
    ['/es/sections/economia/', 'es', 'ltr'],
    ['/es/tags/espana/', 'es', 'ltr'],
    ['/es/feeds/', 'es', 'ltr'],
    ['/ar/', 'ar', 'rtl'],
    ['/ar/sections/ثقافة/', 'ar', 'rtl'],
    ['/ar/tags/مصر/', 'ar', 'rtl'],
  ])('%s is lang=%s dir=%s', (path, lang, dir) => {
    const $ = page(path);
    expect([$('html').attr('lang'), $('html').attr('dir')]).toEqual([lang, dir]);
  });
});

describe('the Spanish story imported with --lang es', () => {
  const $ = page(EDITION_STORIES.es);

  it('reads as a Spanish page: headings, controls, labels and dates', () => {
    expect($('#related-heading').text()).toBe('Noticias relacionadas');
    expect($('.back-to-top').text().trim()).toBe('Volver arriba');
    expect($('.skip-link').text().trim()).toBe('Saltar al contenido');
    expect($('nav[aria-label="Secciones"]')).toHaveLength(1);
    expect($('ul.tags').attr('aria-label')).toBe('Etiquetas');
    expect($('article .meta time').first().text()).toBe('viernes, 28 de julio de 2023');
    expect($('.dateline').text()).toBe('Madrid, 28 jul (EFE).-');
    expect($('.site-footer a[href="/es/feeds/"]').text().trim()).toBe('Canales RSS');
    expect($('link[rel="alternate"][type="application/rss+xml"]').first().attr('href')).toMatch(/\/es\/rss\.xml$/);
  });

  it('has the masthead, the story times and the search box in Spanish, sending to the Spanish search', () => {
    expect($('.tagline').text().trim()).toBe('Noticias de agencia, palabra por palabra, tal como se transmitieron');
    expect($('.sections-bar a').first().text().trim()).toBe('Últimas');
    expect($('.sections-bar a').last().attr('href')).toBe('/es/archive/');
    expect($('.story-times').text()).toContain('Publicado');
    expect($('form.site-search').attr('action')).toBe('/es/search/');
    expect($('form.site-search input').attr('aria-label')).toBe('Buscar noticias');
    expect($('form.site-search button').text().trim()).toBe('Buscar');
  });

  it('has the Spanish web furniture gone from the story text', () => {
    const body = $('.story-body').text();
    expect(body).not.toMatch(/Noticias relacionadas|Volver arriba/);
    expect($('.story-body p')).toHaveLength(2);
  });

  it('lists only Spanish stories as related, never its own English version', () => {
    const related = $('.related li').toArray();
    expect(related.length).toBeGreaterThan(0);
    for (const item of related) expect($(item).attr('lang')).toBe('es');
    expect($('.related a[href="' + EDITION_STORIES.en + '"]')).toHaveLength(0);
  });

  it('links its section and tags in the Spanish edition', () => {
    expect($('.section-label a').attr('href')).toBe('/es/sections/economia/');
    expect(
      $('ul.tags a')
        .toArray()
        .map((a) => $(a).attr('href')),
    ).toEqual(['/es/tags/espana/', '/es/tags/pib/']);
  });
});

describe('an English and Spanish pair sharing a translationKey', () => {
  const expected = [
    ['en', absolute(EDITION_STORIES.en)],
    ['es', absolute(EDITION_STORIES.es)],
    ['x-default', absolute(EDITION_STORIES.en)],
  ];

  it.each([EDITION_STORIES.en, EDITION_STORIES.es])('%s links both versions and an x-default', (path) => {
    expect(hreflangs(page(path))).toEqual(expected);
  });

  it.each([
    [EDITION_STORIES.en, 'Also in:', EDITION_STORIES.es, 'es', 'Español'],
    [EDITION_STORIES.es, 'También en:', EDITION_STORIES.en, 'en', 'English'],
  ])('%s says so visibly: "%s %s"', (path, label, other, lang, name) => {
    const $ = page(path);
    const link = $('.translations a');
    expect($('.translations p').text().startsWith(label)).toBe(true);
    expect(link.attr('href')).toBe(other);
    expect([link.attr('hreflang'), link.attr('lang'), link.text()]).toEqual([lang, lang, name]);
  });

  it('leaves a story in one language without alternates or "Also in"', () => {
    const $ = page(EDITION_STORIES.ar);
    expect(hreflangs($)).toEqual([]);
    expect($('.translations')).toHaveLength(0);
  });
});

describe('Open Graph locales', () => {
  const locales = (path: string) => {
    const $ = page(path);
    return [
      $('meta[property="og:locale"]').attr('content'),
      $('meta[property="og:locale:alternate"]')
        .toArray()
        .map((meta) => $(meta).attr('content')),
    ];
  };

  it.each([
    [EDITION_STORIES.en, 'en_US', ['es_ES']],
    [EDITION_STORIES.es, 'es_ES', ['en_US']],
    // Facebook reads Arabic as its umbrella ar_AR, not Intl's likeliest ar_EG.
    [EDITION_STORIES.ar, 'ar_AR', []],
    ['/stories/berlin-wahlt-ein-neues-abgeordnetenhaus/', 'de_DE', []],
    ['/es/', 'es_ES', ['ar_AR', 'de_DE', 'en_US', 'it_IT']],
    ['/stories/musei-statali-gratis-la-prima-domenica-di-febbraio/', 'it_IT', []],
    ['/ar/sections/ثقافة/', 'ar_AR', []],
    ['/404.html', 'en_US', []],
  ])('%s is og:locale %s, with an og:locale:alternate for each other language it is in: %j', (path, own, others) => {
    expect(locales(path)).toEqual([own, others]);
  });
});

describe('the Arabic story', () => {
  const $ = page(EDITION_STORIES.ar);

  it('has an Arabic address, percent-encoded in its canonical link', () => {
    expect($('link[rel="canonical"]').attr('href')).toBe(absolute(encodeURI(EDITION_STORIES.ar)));
  });

  it('has Arabic furniture, an Arabic dateline and an Arabic date', () => {
    expect($('#related-heading').text()).toBe('أخبار ذات صلة');
    expect($('.back-to-top').text().trim()).toBe('العودة إلى الأعلى');
    expect($('.dateline').text()).toBe('القاهرة، 25 يناير (EFE).-');
    expect($('article .meta time').first().text()).toBe('الخميس، 25 يناير 2024');
    expect($('article .meta bdi').text()).toBe('EFE');
  });

  it('marks its section link as the current one in the Arabic navigation', () => {
    const section = page('/ar/sections/ثقافة/');
    expect(section('nav[aria-label="الأقسام"] a[aria-current="page"]').attr('href')).toBe('/ar/sections/ثقافة/');
  });
});

describe('edition front pages', () => {
  const stories = (path: string) =>
    page(path)('ul.wire .headline a')
      .toArray()
      .map((a) => page(path)(a).attr('href'));

  it('list only their own language: / the English, /es/ the Spanish, /ar/ the Arabic', () => {
    expect(stories('/')).toEqual([EDITION_STORIES.en]);
    expect(stories('/es/')[0]).toBe(EDITION_STORIES.es);
    expect(stories('/es/')).not.toContain(EDITION_STORIES.en);
    expect(stories('/ar/')).toEqual([EDITION_STORIES.ar]);
  });

  it('are headed and paginated in the edition’s language', () => {
    const $ = page('/es/');
    expect($('h1').text()).toBe('Últimas noticias');
    expect($('.pagination').attr('aria-label')).toBe('Páginas');
    // Archive pages count from the oldest story (they never renumber): the front is "the latest".
    expect($('.pagination span').text()).toBe('Lo último');
    expect($('.pagination a[rel="next"]').text().trim()).toBe('Noticias anteriores');
    // At the item of the newest story the front has no room for.
    const [path = '', fragment = ''] = ($('.pagination a[rel="next"]').attr('href') ?? '').split('#');
    const story = page(path)(`li[id="${decodeURIComponent(fragment)}"] .headline a`).attr('href');
    expect(story).toMatch(/^\/stories\//);
    expect($(`.wire > li .headline a[href="${story}"]`).length).toBe(0);
    expect(page('/es/page/1/')('.pagination span').text()).toBe('Página 1');
    expect(page('/es/page/2/')('h1').text()).toBe('Últimas noticias, página 2');
    expect(page('/ar/')('h1').text()).toBe('آخر الأخبار');
  });

  it('offer the other editions by their own names, with lang and hreflang', () => {
    const $ = page('/');
    const links = $('nav.editions a')
      .toArray()
      .map((a) => [$(a).attr('href'), $(a).attr('lang'), $(a).attr('hreflang'), $(a).text()]);
    expect(links).toEqual([
      ['/ar/', 'ar', 'ar', 'العربية'],
      ['/de/', 'de', 'de', 'Deutsch'],
      ['/es/', 'es', 'es', 'Español'],
      ['/it/', 'it', 'it', 'Italiano'],
    ]);
    expect(page('/es/')('nav.editions a').first().text()).toBe('English');
  });

  it('link each other with hreflang and an x-default', () => {
    const expected = [
      ['ar', absolute('/ar/')],
      ['de', absolute('/de/')],
      ['en', absolute('/')],
      ['es', absolute('/es/')],
      ['it', absolute('/it/')],
      ['x-default', absolute('/')],
    ];
    for (const path of ['/', '/es/', '/ar/']) expect(hreflangs(page(path))).toEqual(expected);
  });

  it('keep sections of two languages apart: Economy and Economía are pages of their editions', () => {
    expect(page('/sections/economy/')('h1').text()).toBe('Economy');
    expect(page('/es/sections/economia/')('h1').text()).toBe('Economía');
    expect(page('/es/sections/economia/')('main a[href="' + EDITION_STORIES.en + '"]')).toHaveLength(0);
    expect(page('/es/tags/espana/')('h1').text()).toBe('Noticias sobre España');
  });
});

describe('edition feeds', () => {
  it('/es/rss.xml is valid RSS in Spanish with only Spanish stories', () => {
    const channel = feed('/es/rss.xml');
    expect(channel.language).toBe('es');
    expect(channel.title).toBe('Wire Reader: Español');
    const links = (channel.item ?? []).map((item) => item.link);
    expect(links[0]).toBe(absolute(EDITION_STORIES.es));
    expect(links).not.toContain(absolute(EDITION_STORIES.en));
    expect(links).toHaveLength(22);
  });

  it.each([
    ['/rss.xml', 'en', [EDITION_STORIES.en]],
    ['/es/sections/economia/rss.xml', 'es', [EDITION_STORIES.es]],
    ['/ar/rss.xml', 'ar', [EDITION_STORIES.ar]],
    ['/ar/sections/ثقافة/rss.xml', 'ar', [EDITION_STORIES.ar]],
    ['/es/tags/espana/rss.xml', 'es', [EDITION_STORIES.es]],
    ['/ar/tags/مصر/rss.xml', 'ar', [EDITION_STORIES.ar]],
  ])('%s has <language>%s</language> and its edition’s stories, percent-encoded', (path, lang, paths) => {
    const channel = feed(path);
    expect(channel.language).toBe(lang);
    expect((channel.item ?? []).map((item) => item.link)).toEqual(paths.map((p) => absolute(encodeURI(p))));
  });

  it('are listed on each edition’s feeds page, in its language', () => {
    const $ = page('/es/feeds/');
    expect($('h1').text()).toBe('Canales RSS');
    expect(
      $('.feed-list a')
        .toArray()
        .map((a) => $(a).attr('href')),
    ).toEqual([
      '/es/rss.xml',
      '/es/sections/breves/rss.xml',
      '/es/sections/economia/rss.xml',
      '/es/tags/espana/rss.xml',
      '/es/tags/pib/rss.xml',
    ]);
    expect($('link[rel="alternate"][type="application/rss+xml"]').first().attr('href')).toBe(absolute('/es/rss.xml'));
  });
});

describe('the German edition, from its own message table', () => {
  const GERMAN_STORY = '/stories/berlin-wahlt-ein-neues-abgeordnetenhaus/';
  const german = MESSAGES.de as Messages;
  const english = MESSAGES.en as Messages;
  const germanPages = () => editions.pagePaths().filter((path) => page(path)('html').attr('lang') === 'de');
  // Every English message German words differently, as a pattern its placeholders can fill.
  const englishOnly = (Object.keys(english) as (keyof Messages)[])
    .filter((key) => key !== 'furniture' && JSON.stringify(english[key]) !== JSON.stringify(german[key]))
    .flatMap((key) => {
      const value = english[key];
      return typeof value === 'string' ? [value] : Object.values(value as Record<string, string>);
    })
    .map((text) => text.trim())
    .filter((text) => /\p{L}{3}/u.test(text.replace(/\{\w+\}/g, '')))
    .map((text) => {
      const literal = text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.+?');
      return { text, pattern: new RegExp(`^${literal}$`, 'u') };
    });
  const englishIn = (texts: string[]) =>
    texts.flatMap((text) => englishOnly.filter(({ pattern }) => pattern.test(text.trim())).map(() => text.trim()));

  it('has German pages to check: its front, section, archive, search and feeds pages and its story', () => {
    expect(germanPages()).toEqual(
      expect.arrayContaining([
        '/de/',
        '/de/sections/politik/',
        '/de/archive/',
        '/de/archive/2023/02/',
        '/de/archive/2023/02/12/',
        '/de/search/',
        '/de/feeds/',
        GERMAN_STORY,
      ]),
    );
  });

  it.each([
    ['/de/', 'Neueste Meldungen | Wire Reader', 'Neueste Meldungen'],
    ['/de/sections/politik/', 'Politik | Wire Reader', 'Politik'],
    ['/de/archive/', 'Archiv | Wire Reader', 'Archiv'],
    ['/de/search/', 'Suche | Wire Reader', 'Suche'],
    ['/de/feeds/', 'RSS-Feeds | Wire Reader', 'RSS-Feeds'],
    [GERMAN_STORY, 'Berlin wählt ein neues Abgeordnetenhaus | Wire Reader', 'Berlin wählt ein neues Abgeordnetenhaus'],
  ])('%s is titled “%s” and headed “%s”, with German labels', (path, title, heading) => {
    const $ = page(path);
    expect([$('title').text(), $('h1').text().trim()]).toEqual([title, heading]);
    expect($('nav.editions').attr('aria-label')).toBe(german.editionsNav);
    expect($(`nav[aria-label="${german.sectionsNav}"]`)).toHaveLength(1);
    expect($('.skip-link').text().trim()).toBe(german.skipLink);
    expect($('.sections-bar a').first().text().trim()).toBe(german.latestNav);
    expect($('.site-footer a[href="/de/feeds/"]').text().trim()).toBe(german.feedsTitle);
    if (path !== '/de/search/') expect($('form.site-search input').attr('aria-label')).toBe(german.searchLabel);
  });

  it('shows its story with German furniture, dates and controls', () => {
    const $ = page(GERMAN_STORY);
    expect($('#related-heading').text()).toBe('Mehr zum Thema');
    expect($('.back-to-top').text().trim()).toBe('Nach oben');
    expect($('.story-times').text()).toMatch(/^Veröffentlicht Sonntag, 12\. Februar 2023/);
    expect($('.related p').text()).toMatch(/^Noch keine Meldungen zum selben Thema\./);
  });

  it.each(['/de/', '/de/search/', '/de/feeds/', '/de/archive/', GERMAN_STORY])(
    '%s has no title, aria-label or heading in English, and nothing marked English but links and names from the English edition',
    (path) => {
      const $ = page(path);
      // Search keeps its headings for readers without JavaScript in <noscript>: parse it apart.
      const parts = [$, cheerio.load($('noscript').html() ?? '')];
      const texts = [
        $('title')
          .text()
          .replace(/ \| Wire Reader$/, ''),
        ...parts.flatMap((part) =>
          part('[aria-label]')
            .toArray()
            .map((el) => part(el).attr('aria-label') ?? ''),
        ),
        ...parts.flatMap((part) =>
          part('h1, h2, h3, h4, h5, h6')
            .toArray()
            .map((el) => part(el).text()),
        ),
      ];
      expect(texts.length).toBeGreaterThan(3);
      expect(englishIn(texts)).toEqual([]);
      // The link to the English edition and its sections' names (a search filter) are English.
      const marked = $('[lang="en"]')
        .not('a[hreflang="en"], select[name="section"] option')
        .toArray()
        .map((el) => $.html(el));
      expect(marked).toEqual([]);
    },
  );

  it('finds English where a page has it: the check is no blind one', () => {
    const $ = page(EDITION_STORIES.en);
    expect(englishIn([$('#related-heading').text(), $('nav.editions').attr('aria-label') ?? ''])).toEqual([
      'Related Articles',
      'Editions',
    ]);
  });

  it.each(['/de/', '/de/sections/politik/', GERMAN_STORY, '/de/search/', '/de/feeds/'])(
    '%s marks every English word of its furniture as English (it has none left)',
    (path) => {
      expect(unmarkedEnglish(path)).toEqual([]);
    },
  );

  it('labels its story’s urgency, its feed and its card in German', () => {
    expect(feed('/de/rss.xml').language).toBe('de');
    expect(feed('/de/rss.xml').title).toBe('Wire Reader: Deutsch');
    expect(page('/de/')('meta[property="og:image:alt"]').attr('content')).toBe(
      `Wire Reader: ${german.siteDescription}`,
    );
  });

  it.each([
    ['/ar/search/', 'Breves', 'es', 'ltr'],
    ['/ar/search/', 'ثقافة', undefined, undefined],
    ['/search/', 'ثقافة', 'ar', 'rtl'],
    ['/search/', 'Economy', undefined, undefined],
    ['/search/', 'Politik', 'de', 'ltr'],
    ['/de/search/', 'Politik', undefined, undefined],
  ])('%s names the section %s in its own language (lang %s, dir %s)', (path, section, lang, dir) => {
    const option = page(path)(`select[name="section"] option[value="${section}"]`);
    expect(option.length).toBe(1);
    expect([option.attr('lang'), option.attr('dir')]).toEqual([lang, dir]);
  });

  it('leaves furniture unmarked where the language has its own table', () => {
    for (const path of [EDITION_STORIES.es, GERMAN_STORY]) {
      const $ = page(path);
      expect($('.skip-link').attr('lang')).toBeUndefined();
      expect($('#related-heading').attr('lang')).toBeUndefined();
      expect($('.sections-bar a').first().attr('lang')).toBeUndefined();
      expect($('.site-footer').attr('lang')).toBeUndefined();
    }
  });
});

/** Every message of the English table that a page may print as it stands (no placeholders). */
const ENGLISH_MESSAGES = new Set(
  Object.values(MESSAGES.en ?? {})
    .filter((value): value is string => typeof value === 'string' && !value.includes('{') && /\p{L}{3}/u.test(value))
    .map((value) => value.trim()),
);

/** The English messages a page prints outside any element marked `lang="en"`. */
function unmarkedEnglish(path: string): string[] {
  const $ = page(path);
  return $('body *')
    .contents()
    .toArray()
    .filter((node) => node.type === 'text' && ENGLISH_MESSAGES.has($(node).text().trim()))
    .filter((node) => $(node).parent().closest('[lang]').attr('lang') !== 'en')
    .map((node) => $(node).text().trim());
}

describe('a language with stories but no message table (Italian)', () => {
  const ITALIAN_STORY = '/stories/musei-statali-gratis-la-prima-domenica-di-febbraio/';

  it('gets its edition all the same, its furniture in English and marked so', () => {
    const front = page('/it/');
    expect([front('html').attr('lang'), front('html').attr('dir')]).toEqual(['it', 'ltr']);
    expect(front('h1').text()).toBe('Latest stories');
    expect(front('h1').attr('lang')).toBe('en');
    expect(front('.skip-link').attr('lang')).toBe('en');
    expect(front('.site-footer').attr('lang')).toBe('en');
    expect(front('.sections-bar a').first().attr('lang')).toBe('en');
    expect(front('.sections-bar a[href="/it/sections/cultura/"]').attr('lang')).toBeUndefined();
    expect(front('form.site-search').attr('lang')).toBe('en');
    const story = page(ITALIAN_STORY);
    expect(story('article .meta time').first().text()).toBe('domenica 5 febbraio 2023');
    expect(story('#related-heading').attr('lang')).toBe('en');
    expect(story('.back-to-top').parent().attr('lang')).toBe('en');
    expect(feed('/it/rss.xml').language).toBe('it');
  });

  it.each(['/it/', '/it/sections/cultura/', ITALIAN_STORY, '/it/search/', '/it/feeds/'])(
    '%s marks every English word of its furniture as English',
    (path) => {
      expect(ENGLISH_MESSAGES.size).toBeGreaterThan(50);
      expect(unmarkedEnglish(path)).toEqual([]);
    },
  );

  it('names its section in Italian in its English-marked search form', () => {
    const option = page('/it/search/')('select[name="section"] option[value="Cultura"]');
    expect([option.attr('lang'), option.attr('dir')]).toEqual(['it', 'ltr']);
  });

  it('shares the English edition’s card, as its furniture is English', () => {
    const image = (path: string) => page(path)('meta[property="og:image"]').attr('content');
    expect(image('/it/')).toBe(image('/'));
  });
});

describe('share cards of pages that are not stories follow the page’s edition', () => {
  const EDITION_ALT = {
    en: 'Wire Reader: News-agency wire stories, word for word, as the agencies filed them.',
    es: 'Wire Reader: Noticias de agencia, palabra por palabra, tal como las transmitieron las agencias.',
    ar: 'Wire Reader: أخبار وكالات الأنباء كلمةً بكلمة، كما بثّتها الوكالات.',
    de: 'Wire Reader: Meldungen der Nachrichtenagenturen, Wort für Wort, so wie die Agenturen sie gesendet haben.',
  };
  const card = (path: string) => {
    const $ = page(path);
    return {
      image: $('meta[property="og:image"]').attr('content') ?? '',
      alt: $('meta[property="og:image:alt"]').attr('content'),
      xAlt: $('meta[name="twitter:image:alt"]').attr('content'),
    };
  };

  it.each([
    ['/', EDITION_ALT.en],
    ['/es/', EDITION_ALT.es],
    ['/es/page/2/', EDITION_ALT.es],
    ['/es/tags/espana/', EDITION_ALT.es],
    ['/es/feeds/', EDITION_ALT.es],
    ['/es/archive/', EDITION_ALT.es],
    ['/es/search/', EDITION_ALT.es],
    ['/es/sections/economia/', 'Wire Reader: la sección Economía'],
    ['/es/sections/breves/page/1/', 'Wire Reader: la sección Breves'],
    ['/sections/economy/', 'Wire Reader: the Economy section'],
    ['/ar/', EDITION_ALT.ar],
    ['/ar/tags/مصر/', EDITION_ALT.ar],
    ['/ar/sections/ثقافة/', 'Wire Reader: قسم ثقافة'],
    ['/de/', EDITION_ALT.de],
  ])('%s shows a card described, for Open Graph and X alike, as “%s”', (path, alt) => {
    const shown = card(path);
    expect(shown.alt).toBe(alt);
    expect(shown.xAlt).toBe(alt);
  });

  it('gives each edition with its own language a card of its own, which its tag and other pages share', () => {
    const images = ['/', '/es/', '/ar/', '/de/'].map((path) => card(path).image);
    expect(new Set(images).size).toBe(4);
    expect(card('/es/tags/espana/').image).toBe(images[1]);
    expect(card('/es/feeds/').image).toBe(images[1]);
    expect(card('/ar/tags/مصر/').image).toBe(images[2]);
    expect(card('/de/feeds/').image).toBe(images[3]);
  });

  it('gives a Spanish story without a card of its own its Spanish section’s card', () => {
    const story = card('/stories/nota-breve-numero-1/');
    expect(story.alt).toBe('Wire Reader: la sección Breves');
    expect(story.image).toBe(card('/es/sections/breves/').image);
  });

  /** The colour of a pixel on a card's left or right edge, where its accent bar is drawn. */
  const edge = async (path: string, side: 'left' | 'right') => {
    const file = join(editions.dir(), new URL(card(path).image).pathname);
    const pixel = await sharp(file)
      .extract({ left: side === 'left' ? 4 : 1195, top: 315, width: 1, height: 1 })
      .removeAlpha()
      .raw()
      .toBuffer();
    return [...pixel];
  };
  const ACCENT = [0xc1, 0x12, 0x1f];

  it.each([
    ['/es/sections/economia/', 'left'],
    ['/es/', 'left'],
    ['/ar/sections/ثقافة/', 'right'],
    ['/ar/', 'right'],
  ] as const)('draws the card of %s with its accent bar on the %s, as the edition reads', async (path, start) => {
    const end = start === 'left' ? 'right' : 'left';
    expect(await edge(path, start)).toEqual(ACCENT);
    expect(await edge(path, end)).not.toEqual(ACCENT);
  });
});

describe('the 404 page', () => {
  const $ = page('/404.html');
  const notices = $('main > h1 + ul.not-found-editions > li');

  it('tells the readers of every other edition first, under its heading, where their front page is, in their language', () => {
    expect(
      notices.toArray().map((li) => {
        const link = $(li).find('a');
        return [$(li).attr('lang'), $(li).attr('dir'), $(li).text(), link.attr('href'), link.attr('hreflang')];
      }),
    ).toEqual([
      ['ar', 'rtl', 'الصفحة غير موجودة. انتقل إلى آخر الأخبار.', '/ar/', 'ar'],
      ['de', 'ltr', 'Seite nicht gefunden. Weiter zu den neuesten Meldungen.', '/de/', 'de'],
      ['es', 'ltr', 'Página no encontrada. Vaya a las últimas noticias.', '/es/', 'es'],
      // No Italian table: no English words marked Italian, the link alone, named in Italian.
      ['it', 'ltr', 'Italiano', '/it/', 'it'],
    ]);
  });

  it('stays an English page for the default edition, which it does not repeat in that list', () => {
    expect([$('html').attr('lang'), $('h1').text()]).toEqual(['en', 'Page not found']);
    expect(notices.find('a[href="/"]')).toHaveLength(0);
    expect($('main > p a[href="/"]').text()).toBe('the latest stories');
  });
});

describe('what the default edition has, each edition has', () => {
  it('a search page in its language, which opens its own Pagefind index first', () => {
    const $ = page('/es/search/');
    expect([$('html').attr('lang'), $('h1').text()]).toEqual(['es', 'Buscar']);
    expect($('label[for="search-q"]').text()).toBe('Palabras que buscar');
    expect($('select[name="sort"] option').first().text()).toBe('Más pertinentes primero');
    // What readers without JavaScript see: cheerio reads <noscript> as text, so parse it apart.
    const fallback = cheerio.load($('noscript').html() ?? '');
    expect(fallback('.search-fallback h2').text()).toBe('La búsqueda necesita JavaScript');
    expect(fallback('.search-fallback a[href="/es/feeds/"]').text()).toBe('los canales RSS');
    expect($('form.search-form').attr('data-manifest')).toBe('/pagefind/bundles.json');
    const messages = JSON.parse($('form.search-form').attr('data-messages') ?? '{}') as Record<string, unknown>;
    expect(messages.searchFound).toEqual({
      one: '{count} noticia coincide con{what}{narrowed}.',
      other: '{count} noticias coinciden con{what}{narrowed}.',
    });
    const arabic = page('/ar/search/');
    expect([arabic('html').attr('dir'), arabic('#search-results').attr('aria-label')]).toEqual(['rtl', 'نتائج البحث']);
  });

  it('a desk whose day headings link to its own day archives, in its language', () => {
    const $ = page('/ar/');
    const day = $('.day-heading a').first();
    expect(day.attr('href')).toBe('/ar/archive/2024/01/25/');
    expect(day.text()).toBe('الخميس، 25 يناير 2024');
    expect($('.more a').attr('href')).toBe('/ar/archive/2024/01/');
  });

  it('day and month archives listing only its stories, with counts in its plural forms', () => {
    const dayPage = page('/ar/archive/2024/01/25/');
    expect([dayPage('html').attr('lang'), dayPage('h1').text()]).toEqual(['ar', 'الخميس، 25 يناير 2024']);
    expect(dayPage('ul.wire .headline a').attr('href')).toBe(EDITION_STORIES.ar);
    const month = page('/es/archive/2023/05/');
    expect(month('.archive-list li').first().text()).toMatch(/ · 1 noticia$/);
    const archive = page('/es/archive/');
    expect(archive('h1').text()).toBe('Archivo');
    expect(archive('.archive-list li').last().text()).toMatch(/mayo de 2023 · 21 noticias$/);
    expect(page('/archive/2023/07/28/')('ul.wire .headline a').attr('href')).toBe(EDITION_STORIES.en);
  });

  it('a place in the sitemap, with hreflang alternates on its front page and on translated stories', () => {
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'xhtml:link'].includes(name) });
    const urls = parser.parse(editions.read('/sitemap-1.xml')).urlset.url as {
      loc: string;
      'xhtml:link'?: { '@_hreflang': string; '@_href': string }[];
    }[];
    const alternates = (loc: string) =>
      (urls.find((url) => url.loc === loc)?.['xhtml:link'] ?? []).map((link) => [link['@_hreflang'], link['@_href']]);
    const pair = [
      ['en', absolute(EDITION_STORIES.en)],
      ['es', absolute(EDITION_STORIES.es)],
      ['x-default', absolute(EDITION_STORIES.en)],
    ];
    expect(alternates(absolute(EDITION_STORIES.en))).toEqual(pair);
    expect(alternates(absolute(EDITION_STORIES.es))).toEqual(pair);
    expect(alternates(absolute('/es/'))).toContainEqual(['es', absolute('/es/')]);
    expect(alternates(absolute(encodeURI(EDITION_STORIES.ar)))).toEqual([]);
    const locs = urls.map((url) => url.loc);
    for (const path of ['/es/archive/', '/ar/archive/2024/01/25/', '/es/feeds/']) {
      expect(locs).toContain(absolute(encodeURI(path)));
    }
    // Search pages are forms, not content: noindex, and not in the sitemap.
    for (const path of ['/search/', '/es/search/', '/ar/search/']) {
      expect(locs).not.toContain(absolute(path));
      expect(page(path)('meta[name="robots"]').attr('content')).toBe('noindex');
    }
  });
});

describe('the corrections page of a site with corrected stories in two languages', () => {
  const $ = page('/corrections/');
  const items = $('main section[aria-labelledby="corrected-heading"] li')
    .toArray()
    .map((li) => $(li));

  it('lists every corrected story in every language, newest correction first, each in its own language', () => {
    expect(
      items.map((item) => [
        item.attr('lang'),
        item.attr('dir'),
        item.find('time').attr('datetime'),
        item.find('.headline a').attr('href'),
        item.find('.standfirst').text(),
      ]),
    ).toEqual([
      ['ar', 'rtl', '2024-01-26', EDITION_STORIES.ar, 'صُحّح عدد الدول المشاركة في المعرض.'],
      [
        'en',
        'ltr',
        '2023-07-29',
        EDITION_STORIES.en,
        'An earlier version gave the wrong name of the statistics institute.',
      ],
    ]);
  });

  it('prints each note’s date in its story’s language, and the page in the site’s language', () => {
    expect(items.map((item) => item.find('time').text())).toEqual(['الجمعة، 26 يناير 2024', 'Saturday, July 29, 2023']);
    expect($('html').attr('lang')).toBe('en');
    expect($('#corrected-heading').text()).toBe('Corrected stories');
  });
});

describe('a story corrected after it was published', () => {
  const $ = page(EDITION_STORIES.en);
  const article = (
    JSON.parse($('script[type="application/ld+json"]').text()) as { '@graph': Record<string, unknown>[] }
  )['@graph'].find((node) => node['@type'] === 'NewsArticle');
  const lastmod = (loc: string) =>
    (
      new XMLParser({ isArray: (name) => name === 'url' }).parse(editions.read('/sitemap-1.xml')).urlset.url as {
        loc: string;
        lastmod: string;
      }[]
    ).find((url) => url.loc === loc)?.lastmod;

  it('dates its last change by its correction note, on the page, in its data and in the sitemap', () => {
    expect($('time[datetime="2023-07-29"]').length).toBeGreaterThan(0);
    expect($('body').text()).toMatch(/Updated\W+Saturday, July 29, 2023/);
    expect([article?.datePublished, article?.dateModified]).toEqual(['2023-07-28', '2023-07-29']);
    expect($('meta[property="article:modified_time"]').attr('content')).toMatch(/^2023-07-29/);
    expect(lastmod(absolute(EDITION_STORIES.en))).toMatch(/^2023-07-29/);
  });

  it('lets search engines show its image large', () => {
    expect($('meta[name="robots"]').attr('content')).toBe('max-image-preview:large');
  });
});

describe('the search bundles', () => {
  // The fixture's newest story (the Arabic one) is alone in its month: the recent bundle.
  // Its archive bundles hold up to 5 stories (tests/setup/build-site.ts): February 2023's
  // German and Italian stories (main), May's 21 Spanish briefs alone, and July's English and Spanish pair.
  // The search step lists them, oldest first, in the manifest every search page fetches.
  const manifest = () => parseSearchManifest(JSON.parse(editions.read('/pagefind/bundles.json')));

  it('lists every bundle the build wrote in the manifest, with the story count of each language', () => {
    expect(manifest().bundles.map(({ name, bundle, languages }) => ({ name, bundle, languages }))).toEqual([
      { name: 'main', bundle: '/pagefind/', languages: { de: 1, it: 1 } },
      { name: '2023-05', bundle: '/pagefind-2023-05/', languages: { es: 21 } },
      { name: '2023-07', bundle: '/pagefind-2023-07/', languages: { en: 1, es: 1 } },
      { name: 'recent', bundle: '/pagefind-recent/', languages: { ar: 1 } },
    ]);
    for (const { bundle, languages, index: hash } of manifest().bundles) {
      const entry = JSON.parse(editions.read(`${bundle}pagefind-entry.json`)) as {
        languages: Record<string, { page_count: number; hash: string }>;
      };
      expect(Object.entries(entry.languages).map(([code, index]) => [code, index.page_count])).toEqual(
        Object.entries(languages),
      );
      // The index hashes Pagefind wrote, so that a bundle rewritten in place changes the manifest.
      expect(hash).toBe(
        Object.values(entry.languages)
          .map((index) => index.hash)
          .join(' '),
      );
    }
  });

  // Each page opens first the oldest bundle with its language.
  it.each([
    ['/search/', ['2023-07', 'main', '2023-05', 'recent'], 'en'],
    ['/es/search/', ['2023-05', 'main', '2023-07', 'recent'], 'es'],
    ['/de/search/', ['main', '2023-05', '2023-07', 'recent'], 'de'],
    ['/ar/search/', ['recent', 'main', '2023-05', '2023-07'], 'ar'],
  ])('%s opens the bundles of the manifest, its own language first', (path, order, primary) => {
    const $ = page(path);
    expect($('form.search-form').attr('data-manifest')).toBe('/pagefind/bundles.json');
    const bundles = searchBundles(manifest(), $('html').attr('lang') ?? '');
    expect(bundles.map(({ name }) => name)).toEqual(order);
    expect(bundles[0]?.primary).toBe(primary);
  });

  it('writes each archive bundle beside the main one, and no other', () => {
    const written = readdirSync(editions.dir())
      .filter((name) => name.startsWith('pagefind'))
      .sort();
    expect(written).toEqual(['pagefind', 'pagefind-2023-05', 'pagefind-2023-07', 'pagefind-recent']);
  });
});
