/**
 * Share cards: 1200x630 PNG images for Open Graph and X, rendered at build time. This module
 * decides which cards exist and what each shows; `card-render.ts` draws them. A card's file
 * name is a hash of everything it shows, so a rebuild renders only new or changed cards and
 * a changed story gets a new address that social sites fetch afresh.
 */
import { createHash } from 'node:crypto';

/** Card size: what Facebook, LinkedIn and X ask for (1.91:1). */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/**
 * Bump when the card design changes, so that cached cards of the old design are not reused.
 * The renderer's package versions go into the cache folder name (see src/integrations/cards.ts).
 */
export const CARD_DESIGN = 'wire-card-1';

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
  /** A photo file to set behind the text, when the story has one. */
  photo?: string | undefined;
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
    content.photo ?? '',
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 20);
}

/**
 * A card from what it shows: its key, its site path under /cards/ and its alternative text.
 *
 * @example
 * makeCard({ kind: 'edition', headline: 'News', label: 'Wire Reader', dateline: '', agency: '', site: 'Wire Reader', lang: 'en' }).path;
 * // "/cards/<key>.png"
 */
export function makeCard(content: CardContent): Card {
  const key = cardKey(content);
  const alt =
    content.kind === 'story'
      ? `${content.headline}. ${content.label}, ${content.dateline.replace(/[.\s–—-]+$/u, '')}. ${content.site}`
      : `${content.site}: ${content.headline}`;
  return { key, path: `/cards/${key}.png`, content, alt };
}

/** A story as the card plan needs it. */
export interface CardStory {
  id: string;
  title: string;
  section: string;
  dateline: string;
  agency: string;
  lang: string;
  published: Date;
  photo?: string | undefined;
}

/** Which card each page uses, and the distinct cards to render. */
export interface CardPlan {
  /** A story's own card, or its section's. */
  byStory: Map<string, Card>;
  /** Each section's card, by section name. */
  bySection: Map<string, Card>;
  /** The card of the edition (home page, tag pages and other site pages). */
  edition: Card;
  /** Every distinct card, each once. */
  cards: Card[];
}

/**
 * Plans the cards of a build: a card of its own for each of the newest `ownCards` stories
 * (`Infinity` for all) and for each story published within `windowHours` before the build
 * time; a card per section, which the other stories use; and one for the edition.
 *
 * @example
 * planCards(stories, { site: 'Wire Reader', description: 'News', lang: 'en', buildTime: new Date(), windowHours: 48, ownCards: 20 }).cards.length;
 */
export function planCards(
  newestFirst: readonly CardStory[],
  options: { site: string; description: string; lang: string; buildTime: Date; windowHours: number; ownCards: number },
): CardPlan {
  const { site, buildTime, windowHours, ownCards } = options;
  const start = buildTime.getTime() - windowHours * 3_600_000;
  const edition = makeCard({
    kind: 'edition',
    headline: options.description,
    label: site,
    dateline: '',
    agency: '',
    site,
    lang: options.lang,
  });
  const bySection = new Map<string, Card>();
  const byStory = new Map<string, Card>();
  newestFirst.forEach((story, index) => {
    let section = bySection.get(story.section);
    if (!section) {
      section = makeCard({
        kind: 'section',
        headline: story.section,
        label: site,
        dateline: '',
        agency: '',
        site,
        lang: options.lang,
      });
      bySection.set(story.section, section);
    }
    const at = story.published.getTime();
    const own = index < ownCards || (at >= start && at <= buildTime.getTime());
    byStory.set(
      story.id,
      own
        ? makeCard({
            kind: 'story',
            headline: story.title,
            label: story.section,
            dateline: story.dateline,
            agency: story.agency,
            site,
            lang: story.lang,
            photo: story.photo,
          })
        : section,
    );
  });
  const cards = new Map<string, Card>([[edition.key, edition]]);
  for (const card of [...bySection.values(), ...byStory.values()]) cards.set(card.key, card);
  return { byStory, bySection, edition, cards: [...cards.values()] };
}
