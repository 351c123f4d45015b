import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { cardFonts, cardTree, renderCard } from '../../src/lib/card-render';
import { MESSAGES } from '../../src/lib/i18n';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardKey,
  editionCard,
  editionCardOf,
  makeCard,
  planCards,
  sectionCard,
  sectionCardOf,
  type Card,
  type CardContent,
  type CardStory,
} from '../../src/lib/cards';

const content: CardContent = {
  kind: 'story',
  headline: 'Tokayev calls for support for peace initiatives',
  label: 'Conflicts & War',
  dateline: 'Astana, Jun 20 (EFE).-',
  agency: 'EFE',
  site: 'Wire Reader',
  lang: 'en',
};

describe('cardKey', () => {
  it('is the same for the same content, whatever the order its fields were written in', () => {
    const reordered = Object.fromEntries(Object.entries(content).reverse()) as unknown as CardContent;
    expect(cardKey(reordered)).toBe(cardKey(content));
    expect(cardKey(content)).toMatch(/^[0-9a-f]{20}$/);
  });

  it.each([
    ['headline', { headline: 'Tokayev calls for support for peace initiatives.' }],
    ['label', { label: 'World' }],
    ['dateline', { dateline: 'Astana, Jun 21 (EFE).-' }],
    ['agency', { agency: 'AFP' }],
    ['site', { site: 'Other Reader' }],
    ['lang', { lang: 'es' }],
    ['photo', { photo: { file: '/photos/a.jpg', digest: 'abc' } }],
    ['kind', { kind: 'section' as const }],
  ])('changes when the %s changes', (_field, change) => {
    expect(cardKey({ ...content, ...change })).not.toBe(cardKey(content));
  });

  it('follows the photo’s bytes (its digest), not the folder the file is in', () => {
    const photo = { file: '/a/photo.jpg', digest: 'abc' };
    expect(cardKey({ ...content, photo: { ...photo, file: '/b/photo.jpg' } })).toBe(cardKey({ ...content, photo }));
    expect(cardKey({ ...content, photo: { ...photo, digest: 'abd' } })).not.toBe(cardKey({ ...content, photo }));
  });

  it('changes with the card design', () => {
    expect(cardKey(content, 'wire-card-0')).not.toBe(cardKey(content));
  });
});

describe('makeCard', () => {
  it('names the card file by its key and describes a story card in its alt text', () => {
    const card = makeCard(content);
    expect(card.path).toBe(`/cards/${card.key}.png`);
    expect(card.alt).toBe(
      'Tokayev calls for support for peace initiatives. Conflicts & War, Astana, Jun 20 (EFE). Wire Reader',
    );
  });
});

describe('makeCard on a photo', () => {
  const photo = { file: '/photos/a.jpg', digest: 'abc' };
  it.each([
    [
      'the photo’s description',
      { ...content, photo },
      'President Tokayev speaks in Astana.',
      'President Tokayev speaks in Astana.',
    ],
    ['the card’s text when the photo has no description', { ...content, photo }, '  ', makeCard(content).alt],
    ['the card’s text when there is no photo', content, 'President Tokayev speaks in Astana.', makeCard(content).alt],
  ])('is described by %s', (_name, card, photoAlt, alt) => {
    expect(makeCard(card, photoAlt).alt).toBe(alt);
  });
});

describe('planCards', () => {
  const buildTime = new Date('2026-11-27T12:00:00Z');
  const HOUR = 3_600_000;
  const story = (id: string, hoursBefore: number, section = 'World'): CardStory => ({
    id,
    title: `Story ${id}`,
    section,
    edition: 'es',
    dateline: 'Madrid, Nov 27 (EFE).-',
    agency: 'EFE',
    lang: 'es',
    published: new Date(buildTime.getTime() - hoursBefore * HOUR),
  });
  const options = { site: 'Wire Reader', editions: ['en'] as [string], buildTime, windowHours: 48, ownCards: 2 };
  const section = (plan: ReturnType<typeof planCards>, name: string) => sectionCard(plan, 'es', name);

  it('gives the newest stories and those of the news window a card of their own, and the rest their section card', () => {
    const stories = [story('a', 1), story('b', 2), story('c', 47, 'Sport'), story('d', 49, 'Sport'), story('e', 500)];
    const plan = planCards(stories, options);
    const kind = (id: string) => plan.byStory.get(id)?.content.kind;
    expect(['a', 'b', 'c', 'd', 'e'].map(kind)).toEqual(['story', 'story', 'story', 'section', 'section']);
    expect(plan.byStory.get('d')).toBe(section(plan, 'Sport'));
    expect(plan.byStory.get('e')).toBe(section(plan, 'World'));
  });

  it('lists each distinct card once: every edition, every section and every story card', () => {
    const plan = planCards([story('a', 1), story('b', 300), story('c', 400, 'Sport')], options);
    expect(plan.cards.map((card) => card.content.kind).sort()).toEqual([
      'edition',
      'edition',
      'section',
      'section',
      'story',
      'story',
    ]);
    expect(new Set(plan.cards.map((card) => card.key)).size).toBe(plan.cards.length);
  });

  it('gives every story its own card when ownCards is Infinity', () => {
    const stories = Array.from({ length: 30 }, (_, i) => story(`s${i}`, 100 + i));
    const plan = planCards(stories, { ...options, ownCards: Infinity });
    expect([...plan.byStory.values()].every((card) => card.content.kind === 'story')).toBe(true);
  });

  it('puts the photo on a story’s own card, described by it, and reads no photo for a story on its section card', () => {
    const asked: string[] = [];
    const withPhoto = (id: string, hoursBefore: number): CardStory => ({
      ...story(id, hoursBefore),
      photo: () => {
        asked.push(id);
        return { file: `/photos/${id}.jpg`, digest: `d-${id}`, alt: `Photo of ${id}` };
      },
    });
    const plan = planCards([withPhoto('a', 1), story('b', 2), withPhoto('old', 500)], options);
    expect(asked).toEqual(['a']);
    expect(plan.byStory.get('a')?.content.photo).toEqual({ file: '/photos/a.jpg', digest: 'd-a' });
    expect(plan.byStory.get('a')?.alt).toBe('Photo of a');
    expect(plan.byStory.get('b')?.content.photo).toBeUndefined();
    expect(plan.byStory.get('old')).toBe(section(plan, 'World'));
  });

  it('keeps the key of an unchanged story when another story is added', () => {
    const before = planCards([story('a', 1)], options).byStory.get('a')?.key;
    const after = planCards([story('new', 0), story('a', 1)], options).byStory.get('a')?.key;
    expect(after).toBe(before);
  });
});

describe('edition and section cards in their edition’s language', () => {
  const site = 'Wire Reader';
  it.each([
    ['en', 'ltr', 'Wire Reader: News-agency wire stories, word for word, as the agencies filed them.'],
    ['es', 'ltr', 'Wire Reader: Noticias de agencia, palabra por palabra, tal como las transmitieron las agencias.'],
    [
      'fr',
      'ltr',
      'Wire Reader\u00a0: Les dépêches des agences de presse, mot pour mot, telles que les agences les ont transmises.',
    ],
    ['pt', 'ltr', 'Wire Reader: Notícias de agências, palavra por palavra, tal como as agências as transmitiram.'],
    ['ar', 'rtl', 'Wire Reader: أخبار وكالات الأنباء كلمةً بكلمة، كما بثّتها الوكالات.'],
    [
      'de',
      'ltr',
      'Wire Reader: Meldungen der Nachrichtenagenturen, Wort für Wort, so wie die Agenturen sie gesendet haben.',
    ],
  ])('the %s edition’s card shows and describes the site in its language (%s)', (lang, _dir, alt) => {
    const card = editionCardOf(lang, site);
    expect(card.content).toMatchObject({ kind: 'edition', lang, headline: MESSAGES[lang]?.siteDescription });
    expect(card.alt).toBe(alt);
  });

  it.each([
    ['en', 'Economy', 'Section', 'Wire Reader: the Economy section'],
    ['es', 'Economía', 'Sección', 'Wire Reader: la sección Economía'],
    ['fr', 'Économie', 'Rubrique', 'Wire Reader\u00a0: la rubrique Économie'],
    ['pt', 'Economia', 'Seção', 'Wire Reader: a seção Economia'],
    ['ar', 'اقتصاد', 'القسم', 'Wire Reader: قسم اقتصاد'],
    ['de', 'Politik', 'Ressort', 'Wire Reader: das Ressort Politik'],
  ])('the %s edition’s card of %s is labelled and described in its language', (lang, name, label, alt) => {
    const card = sectionCardOf(lang, name, site);
    expect(card.content).toMatchObject({ kind: 'section', lang, headline: name, label });
    expect(card.alt).toBe(alt);
  });

  it.each(['es', 'fr', 'pt', 'ar', 'de'])('the %s cards keep no English text', (lang) => {
    const english = [editionCardOf('en', site), sectionCardOf('en', 'Sport', site)];
    const own = [editionCardOf(lang, site), sectionCardOf(lang, 'Sport', site)];
    own.forEach((card, i) => {
      const other = english[i] as Card;
      expect(card.key).not.toBe(other.key);
      expect(card.alt).not.toBe(other.alt);
      if (card.content.kind === 'edition') expect(card.content.headline).not.toBe(other.content.headline);
      else expect(card.content.label).not.toBe(other.content.label);
    });
  });

  it('gives an edition whose language has no messages the English card, as its pages read English furniture', () => {
    expect(editionCardOf('it', site)).toEqual(editionCardOf('en', site));
    expect(sectionCardOf('it', 'Politica', site).content).toMatchObject({ lang: 'it', label: 'Section' });
  });
});

describe('planCards across editions', () => {
  const buildTime = new Date('2026-11-27T12:00:00Z');
  const story = (id: string, edition: string, section: string, lang = edition): CardStory => ({
    id,
    title: `Story ${id}`,
    section,
    edition,
    dateline: 'Cairo, Nov 27 (EFE).-',
    agency: 'EFE',
    lang,
    published: new Date('2020-01-01T00:00:00Z'),
  });
  const options = { site: 'Wire Reader', buildTime, windowHours: 48, ownCards: 0 };
  const plan = planCards(
    [
      story('en-sport', 'en', 'Sport'),
      story('fr-sport', 'fr', 'Sport'),
      story('ar-culture', 'ar', 'ثقافة'),
      story('es-1', 'es', 'Economía', 'es-419'),
      story('es-2', 'es', 'economia'),
    ],
    { ...options, editions: ['en', 'pt'] },
  );

  it('gives every edition its card, listed or with stories, each in its language', () => {
    expect([...plan.byEdition].map(([edition, card]) => [edition, card.content.lang])).toEqual([
      ['en', 'en'],
      ['pt', 'pt'],
      ['fr', 'fr'],
      ['ar', 'ar'],
      ['es', 'es'],
    ]);
    expect(plan.edition).toBe(plan.byEdition.get('en'));
    expect(editionCard(plan, 'es')).toBe(plan.byEdition.get('es'));
  });

  it('falls back to the default edition’s card for a language with no edition', () => {
    expect(editionCard(plan, 'ja')).toBe(plan.edition);
  });

  it('gives a section of one name in two editions two cards, each in its edition’s language', () => {
    const en = sectionCard(plan, 'en', 'Sport');
    const fr = sectionCard(plan, 'fr', 'Sport');
    expect([en?.content.lang, fr?.content.lang]).toEqual(['en', 'fr']);
    expect(en?.key).not.toBe(fr?.key);
    expect(plan.byStory.get('en-sport')).toBe(en);
    expect(plan.byStory.get('fr-sport')).toBe(fr);
  });

  it('draws an Arabic section’s card right to left, as its edition reads', () => {
    expect(plan.byStory.get('ar-culture')?.content).toMatchObject({ kind: 'section', lang: 'ar', headline: 'ثقافة' });
  });

  it('finds a section by any spelling its stories give, as its page groups them, and names it as first seen', () => {
    const card = sectionCard(plan, 'es', 'ECONOMÍA');
    expect(card?.content.headline).toBe('Economía');
    expect(plan.byStory.get('es-2')).toBe(card);
    expect(sectionCard(plan, 'es', 'Sport')).toBeUndefined();
  });

  it('renders each edition’s and section’s card once', () => {
    expect(plan.cards.map((card) => `${card.content.kind}:${card.content.lang}:${card.content.headline}`)).toEqual(
      expect.arrayContaining(['section:en:Sport', 'section:fr:Sport', 'section:ar:ثقافة', 'section:es:Economía']),
    );
    expect(plan.cards.filter((card) => card.content.kind === 'edition')).toHaveLength(5);
    expect(plan.cards.filter((card) => card.content.kind === 'section')).toHaveLength(4);
    expect(new Set(plan.cards.map((card) => card.key)).size).toBe(plan.cards.length);
  });
});

describe('cardTree', () => {
  it.each([
    ['en', 'ltr'],
    ['ru', 'ltr'],
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['he', 'rtl'],
  ])('lays a %s card out as a %s paragraph', (lang, direction) => {
    const tree = cardTree({ ...content, lang }, { ink: '#000', paper: '#fff', accent: '#f00' });
    expect(tree.props.style?.direction).toBe(direction);
  });
});

describe('renderCard', () => {
  const fonts = cardFonts();
  const colours = { ink: '#14213d', paper: '#ffffff', accent: '#c1121f' };
  it.each([
    ['an English', content],
    [
      'an Arabic (right to left)',
      { ...content, lang: 'ar', headline: 'توكاييف يدعو إلى دعم مبادرات السلام', label: 'صراعات وحروب' },
    ],
    ['a Russian', { ...content, lang: 'ru', headline: 'Токаев призвал поддержать мирные инициативы' }],
  ])('draws %s card as a 1200x630 PNG', async (_name, card) => {
    const png = await renderCard(card, fonts, colours);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  });

  describe('on a photo', () => {
    const jpeg = fileURLToPath(new URL('../fixtures/agency/drop/efe-foto-astana.jpg', import.meta.url));
    const scratch = mkdtempSync(join(tmpdir(), 'wire-card-photo-'));
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));
    /** The colour of one pixel near the card's top end corner, away from the text. */
    const corner = async (png: Buffer) => [
      ...(await sharp(png).extract({ left: 1150, top: 10, width: 1, height: 1 }).removeAlpha().raw().toBuffer()),
    ];

    it('draws no photo without one: the corner is the paper colour', async () => {
      expect(await corner(await renderCard(content, fonts, colours))).toEqual([255, 255, 255]);
    });

    it.each([
      ['a JPEG', async () => jpeg],
      [
        'a WebP',
        async () => {
          const file = join(scratch, 'photo.webp');
          await sharp(jpeg).webp().toFile(file);
          return file;
        },
      ],
      [
        'a tall PNG (cropped to the card, not squeezed)',
        async () => {
          const file = join(scratch, 'tall.png');
          await sharp(jpeg).resize(400, 900, { fit: 'fill' }).png().toFile(file);
          return file;
        },
      ],
    ])('draws the card on %s photo, 1200x630, the photo showing in the corner', async (_name, make) => {
      const png = await renderCard({ ...content, photo: { file: await make(), digest: 'x' } }, fonts, colours);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
      expect(await corner(png)).not.toEqual([255, 255, 255]);
    });

    it('draws the text over the photo: another headline, other pixels', async () => {
      const photo = { file: jpeg, digest: 'x' };
      const a = await renderCard({ ...content, photo }, fonts, colours);
      const b = await renderCard({ ...content, photo, headline: 'Another headline' }, fonts, colours);
      expect(a.equals(b)).toBe(false);
    });

    it('names the photo file that cannot be read', async () => {
      await expect(
        renderCard({ ...content, photo: { file: join(scratch, 'missing.jpg'), digest: 'x' } }, fonts, colours),
      ).rejects.toThrow(/missing\.jpg/);
    });
  });

  /**
   * The brackets of a band of a card, left to right, as drawn: `(` for a glyph that opens to
   * the right (its middle further left than its ends: `(`, `[`, `{`), `)` for one that opens to
   * the left, `·` for any other glyph (a letter or a joined word). Glyphs are told apart by
   * the blank columns between them, so the texts below use only letters that are not thin.
   */
  async function drawnBrackets(png: Buffer, band: { top: number; height: number }): Promise<string> {
    const left = 80;
    const width = CARD_WIDTH - 2 * left;
    const { top, height } = band;
    const grey = await sharp(png).extract({ left, top, width, height }).greyscale().raw().toBuffer();
    const ink = (x: number, y: number) => (grey[y * width + x] as number) < 128;
    const inkedRows = (from: number, to: number) =>
      Array.from({ length: height }, (_, y) => y).filter((y) => {
        for (let x = from; x <= to; x++) if (ink(x, y)) return true;
        return false;
      });
    const middleOf = (from: number, to: number, y: number) => {
      const xs = Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((x) => ink(x, y));
      return ((xs[0] as number) + (xs.at(-1) as number)) / 2;
    };
    let drawn = '';
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const inked = x < width && inkedRows(x, x).length > 0;
      if (inked && start < 0) start = x;
      if (inked || start < 0) continue;
      const rows = inkedRows(start, x - 1);
      const [first, last] = [rows[0] as number, rows.at(-1) as number];
      if ((x - start) * 2.2 >= last - first) drawn += '·';
      else {
        const middle = middleOf(start, x - 1, Math.round((first + last) / 2));
        const ends = (middleOf(start, x - 1, first + 1) + middleOf(start, x - 1, last - 1)) / 2;
        drawn += middle < ends ? '(' : ')';
      }
      start = -1;
    }
    return drawn;
  }
  const HEADLINE = { top: 150, height: 330 };
  const LABEL = { top: 60, height: 60 };

  it.each([
    ['a closing bracket that ends an Arabic line', 'ar', { headline: 'ب (ب)' }, HEADLINE, '(·)·'],
    ['an opening bracket that starts an Arabic line', 'ar', { headline: '(ب) ب' }, HEADLINE, '·(·)'],
    ['braces that start an Arabic line', 'ar', { headline: '{ب} ب' }, HEADLINE, '·(·)'],
    ['square brackets inside an Arabic line', 'ar', { headline: 'ب [ب] ب' }, HEADLINE, '·(·)·'],
    ['brackets round Latin and Arabic words in an Arabic line', 'ar', { headline: 'ب (EFE ب)' }, HEADLINE, '(····)·'],
    ['brackets round a number in an Arabic line', 'ar', { headline: 'ب (2024) ب' }, HEADLINE, '·(····)·'],
    ['a closing bracket that ends an Arabic label', 'ar', { label: 'ب (ب)' }, LABEL, '(·)·'],
    ['brackets in an English headline', 'en', { headline: 'b (b) [b]' }, HEADLINE, '·(·)(·)'],
    [
      'brackets round a Latin word in an English headline',
      'en',
      { headline: 'Tokayev (EFE) says' },
      HEADLINE,
      '······(···)····',
    ],
  ])('faces %s toward what they enclose, on the right sides', async (_name, lang, text, band, expected) => {
    const png = await renderCard({ ...content, headline: 'ب', lang, ...text }, fonts, colours);
    expect(await drawnBrackets(png, band)).toBe(expected);
  });

  it('draws an English card the same whatever the Arabic layout does (left to right, bar on the left)', async () => {
    const png = await renderCard(content, fonts, colours);
    const pixel = async (left: number) => [
      ...(await sharp(png).extract({ left, top: 315, width: 1, height: 1 }).removeAlpha().raw().toBuffer()),
    ];
    expect(await pixel(4)).toEqual([0xc1, 0x12, 0x1f]);
    expect(await pixel(1195)).toEqual([255, 255, 255]);
  });

  it('draws different pixels for different headlines', async () => {
    const a = await renderCard(content, fonts, colours);
    const b = await renderCard({ ...content, headline: 'Another headline' }, fonts, colours);
    expect(a.equals(b)).toBe(false);
  });
});
