/**
 * Share cards: 1200x630 PNG images for Open Graph and X, rendered at build time. This module
 * decides which cards exist and what each shows; `card-render.ts` draws them. A card's file
 * name is a hash of everything it shows, so a rebuild renders only new or changed cards and
 * a changed story gets a new address that social sites fetch afresh.
 */
import { createHash } from 'node:crypto';
import { FALLBACK_LANG, formatMessage, hasMessages, messagesFor } from './i18n/index.ts';
import { slugify } from './slug.ts';

/** Card size: what Facebook, LinkedIn and X ask for (1.91:1). */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/**
 * Bump when the card design changes, so that cached cards of the old design are not reused.
 * The renderer's package versions go into the cache folder name (see src/integrations/cards.ts);
 * a fix to the renderer at the same version (src/lib/vendor-patch.ts) bumps this too, as a
 * card's address (served as immutable) must change with its pixels.
 * `wire-card-3`: Arabic marks drawn where HarfBuzz puts them (satori y offsets fixed).
 */
export const CARD_DESIGN = 'wire-card-3';

/** A story photo set behind a card's text. */
export interface CardPhoto {
  /** The photo file on disk, as astro:assets read it. */
  file: string;
  /** A hash of the file's bytes, so that a replaced photo gives a new card. */
  digest: string;
}

/** Everything a card shows. */
export interface CardContent {
  /** A story's own card, a section's card, or the edition's card. */
  kind: 'story' | 'section' | 'edition';
  /** The big line: headline, section name or site description. */
  headline: string;
  /** The small line above it: the section (story cards) or the site name. */
  label: string;
  /** The wire dateline, e.g. "Astana, Jun 20 (EFE).-" (story cards only). */
  dateline: string;
  /** Agency credit (story cards only). */
  agency: string;
  /** Site name, in the footer. */
  site: string;
  /** BCP 47 language of the text: decides direction and fonts. */
  lang: string;
  /** The story's photo, set behind the text, when it has one (story cards only). */
  photo?: CardPhoto | undefined;
}

/** A card with its cache key and site path. */
export interface Card {
  key: string;
  path: string;
  content: CardContent;
  /** Alternative text for `og:image:alt`. */
  alt: string;
}

/**
 * The cache key of a card: a hash of the design and of every field it shows, in a fixed
 * order. Equal content gives an equal key; any change to what is shown gives a new one.
 *
 * @example
 * cardKey({ kind: 'section', headline: 'World', label: 'Wire Reader', dateline: '', agency: '', site: 'Wire Reader', lang: 'en' });
 * // "3f1c…" (20 hex digits)
 */
export function cardKey(content: CardContent, design: string = CARD_DESIGN): string {
  const fields = [
    design,
    content.kind,
    content.headline,
    content.label,
    content.dateline,
    content.agency,
    content.site,
    content.lang,
    // The photo's bytes, not where the file happens to be: a checkout elsewhere reuses the cache.
    content.photo?.digest ?? '',
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 20);
}

/**
 * A card from what it shows: its key, its site path under /cards/ and its alternative text.
 * A card on a photo is described by the photo's own description (`photoAlt`: its alt text,
 * or its caption when the alt is empty), as the story page describes it; a card without
 * one, or a photo with no description, by the text it shows: a story card in the story's
 * words, an edition's or a section's card in its language's (`cardEditionAlt`,
 * `cardSectionAlt` in src/lib/i18n).
 *
 * @example
 * makeCard({ kind: 'edition', headline: 'News', label: 'Wire Reader', dateline: '', agency: '', site: 'Wire Reader', lang: 'en' }).path;
 * // "/cards/<key>.png"
 * makeCard({ kind: 'section', headline: 'Economía', label: 'Sección', dateline: '', agency: '', site: 'Wire Reader', lang: 'es' }).alt;
 * // "Wire Reader: la sección Economía"
 */
export function makeCard(content: CardContent, photoAlt?: string): Card {
  const key = cardKey(content);
  const described = content.photo !== undefined && photoAlt !== undefined && photoAlt.trim() !== '';
  const m = messagesFor(content.lang);
  const alt = described
    ? photoAlt.trim()
    : content.kind === 'story'
      ? `${content.headline}. ${content.label}, ${content.dateline.replace(/[.\s–—-]+$/u, '')}. ${content.site}`
      : content.kind === 'section'
        ? formatMessage(m.cardSectionAlt, { section: content.headline, site: content.site }, content.lang)
        : formatMessage(m.cardEditionAlt, { description: content.headline, site: content.site }, content.lang);
  return { key, path: `/cards/${key}.png`, content, alt };
}

/**
 * The card of an edition's front page (and of its pages without a card of their own: tags,
 * archive, search, feeds), in the edition's language: the site's description over the site
 * name. An edition whose language has no message table reads the English furniture, so
 * its card is the English one.
 *
 * @example
 * editionCardOf('es', 'Wire Reader').content.headline; // "Noticias de agencia, palabra por palabra, …"
 */
export function editionCardOf(edition: string, site: string): Card {
  const lang = hasMessages(edition) ? edition : FALLBACK_LANG;
  return makeCard({
    kind: 'edition',
    headline: messagesFor(lang).siteDescription,
    label: site,
    dateline: '',
    agency: '',
    site,
    lang,
  });
}

/**
 * The card of a section of an edition: the section's name (in the edition's language, and
 * right to left in an Arabic edition) under the word for "section", over the site name.
 *
 * @example
 * sectionCardOf('ar', 'ثقافة', 'Wire Reader').content.label; // "القسم"
 */
export function sectionCardOf(edition: string, section: string, site: string): Card {
  return makeCard({
    kind: 'section',
    headline: section,
    label: messagesFor(edition).cardSection,
    dateline: '',
    agency: '',
    site,
    lang: edition,
  });
}

/** A story as the card plan needs it. */
export interface CardStory {
  id: string;
  title: string;
  section: string;
  /** The edition the story is listed in (its primary language): its section card is that edition's. */
  edition: string;
  dateline: string;
  agency: string;
  lang: string;
  published: Date;
  /**
   * The story's photo, when it has one: called only for a story that gets a card of its own,
   * so that a large archive reads no more photo files than the cards it draws. Pass only
   * published stories: an embargoed or withheld story's photo must never reach a card.
   */
  photo?: (() => (CardPhoto & { alt: string }) | undefined) | undefined;
}

/** Which card each page uses, and the distinct cards to render. */
export interface CardPlan {
  /** A story's own card, or its section's. */
  byStory: Map<string, Card>;
  /** Each edition's section cards: by edition, then by the section's slug (see {@link sectionCard}). */
  bySection: Map<string, Map<string, Card>>;
  /** Each edition's card (its front, tag pages and other pages), by edition (see {@link editionCard}). */
  byEdition: Map<string, Card>;
  /** The default edition's card: the pages that belong to no edition (publisher pages, 404). */
  edition: Card;
  /** Every distinct card, each once. */
  cards: Card[];
}

/**
 * Plans the cards of a build: a card of its own for each of the newest `ownCards` stories
 * (`Infinity` for all) and for each story published within `windowHours` before the build
 * time; a card per section of each edition, which the other stories of that section use;
 * and one per edition (`editions`, the site's default language first; an edition a story
 * is in gets one whether listed or not). Edition and section cards are in their edition's
 * language; a story card in its story's.
 *
 * @example
 * planCards(stories, { site: 'Wire Reader', editions: ['en', 'es'], buildTime: new Date(), windowHours: 48, ownCards: 20 }).cards.length;
 */
export function planCards(
  newestFirst: readonly CardStory[],
  options: {
    site: string;
    editions: readonly [string, ...string[]];
    buildTime: Date;
    windowHours: number;
    ownCards: number;
  },
): CardPlan {
  const { site, buildTime, windowHours, ownCards } = options;
  const start = buildTime.getTime() - windowHours * 3_600_000;
  const byEdition = new Map(options.editions.map((edition) => [edition, editionCardOf(edition, site)]));
  const bySection = new Map<string, Map<string, Card>>();
  const byStory = new Map<string, Card>();
  newestFirst.forEach((story, index) => {
    if (!byEdition.has(story.edition)) byEdition.set(story.edition, editionCardOf(story.edition, site));
    let sections = bySection.get(story.edition);
    if (!sections) {
      sections = new Map();
      bySection.set(story.edition, sections);
    }
    // Keyed as the section pages are grouped, so the card shows the name the page shows.
    const slug = slugify(story.section);
    let section = sections.get(slug);
    if (!section) {
      section = sectionCardOf(story.edition, story.section, site);
      sections.set(slug, section);
    }
    const at = story.published.getTime();
    const own = index < ownCards || (at >= start && at <= buildTime.getTime());
    if (!own) {
      byStory.set(story.id, section);
      return;
    }
    const photo = story.photo?.();
    byStory.set(
      story.id,
      makeCard(
        {
          kind: 'story',
          headline: story.title,
          label: story.section,
          dateline: story.dateline,
          agency: story.agency,
          site,
          lang: story.lang,
          photo: photo && { file: photo.file, digest: photo.digest },
        },
        photo?.alt,
      ),
    );
  });
  const edition = byEdition.get(options.editions[0]) as Card;
  const cards = new Map<string, Card>();
  for (const card of [
    ...byEdition.values(),
    ...[...bySection.values()].flatMap((sections) => [...sections.values()]),
    ...byStory.values(),
  ]) {
    cards.set(card.key, card);
  }
  return { byStory, bySection, byEdition, edition, cards: [...cards.values()] };
}

/**
 * The card of an edition's pages that have none of their own; the default edition's for a
 * language with no edition.
 *
 * @example
 * editionCard(plan, 'es').content.lang; // "es"
 */
export function editionCard(plan: CardPlan, edition: string): Card {
  return plan.byEdition.get(edition) ?? plan.edition;
}

/**
 * The card of a section of an edition, found by its name as any story of it spells it.
 *
 * @example
 * sectionCard(plan, 'es', 'Economía')?.content.headline; // "Economía"
 */
export function sectionCard(plan: CardPlan, edition: string, section: string): Card | undefined {
  return plan.bySection.get(edition)?.get(slugify(section));
}
