import { describe, expect, it } from 'vitest';
import { cardFonts, renderCard } from '../../src/lib/card-render';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardKey,
  makeCard,
  planCards,
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
    ['photo', { photo: '/photos/a.jpg' }],
    ['kind', { kind: 'section' as const }],
  ])('changes when the %s changes', (_field, change) => {
    expect(cardKey({ ...content, ...change })).not.toBe(cardKey(content));
  });

  it('changes with the card design', () => {
    expect(cardKey(content, 'wire-card-2')).not.toBe(cardKey(content));
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

describe('planCards', () => {
  const buildTime = new Date('2026-11-27T12:00:00Z');
  const HOUR = 3_600_000;
  const story = (id: string, hoursBefore: number, section = 'World'): CardStory => ({
    id,
    title: `Story ${id}`,
    section,
    dateline: 'Madrid, Nov 27 (EFE).-',
    agency: 'EFE',
    lang: 'es',
    published: new Date(buildTime.getTime() - hoursBefore * HOUR),
  });
  const options = { site: 'Wire Reader', description: 'News', lang: 'en', buildTime, windowHours: 48, ownCards: 2 };

  it('gives the newest stories and those of the news window a card of their own, and the rest their section card', () => {
    const stories = [story('a', 1), story('b', 2), story('c', 47, 'Sport'), story('d', 49, 'Sport'), story('e', 500)];
    const plan = planCards(stories, options);
    const kind = (id: string) => plan.byStory.get(id)?.content.kind;
    expect(['a', 'b', 'c', 'd', 'e'].map(kind)).toEqual(['story', 'story', 'story', 'section', 'section']);
    expect(plan.byStory.get('d')).toBe(plan.bySection.get('Sport'));
    expect(plan.byStory.get('e')).toBe(plan.bySection.get('World'));
  });

  it('lists each distinct card once: the edition, every section and every story card', () => {
    const plan = planCards([story('a', 1), story('b', 300), story('c', 400, 'Sport')], options);
    expect(plan.cards.map((card) => card.content.kind).sort()).toEqual([
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

  it('keeps the key of an unchanged story when another story is added', () => {
    const before = planCards([story('a', 1)], options).byStory.get('a')?.key;
    const after = planCards([story('new', 0), story('a', 1)], options).byStory.get('a')?.key;
    expect(after).toBe(before);
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

  it('draws different pixels for different headlines', async () => {
    const a = await renderCard(content, fonts, colours);
    const b = await renderCard({ ...content, headline: 'Another headline' }, fonts, colours);
    expect(a.equals(b)).toBe(false);
  });
});
