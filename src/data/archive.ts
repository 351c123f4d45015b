import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { getCollection } from 'astro:content';
import { planCards, type CardPhoto, type CardPlan } from '../lib/cards';
import { groupByDay, type DayGroup } from '../lib/desk';
import { translationGroups } from '../lib/editions';
import { bodyOf, splitFrontmatter } from '../lib/frontmatter';
import { ownLanguageName, textDirection } from '../lib/i18n';
import { isPublished } from '../lib/publish';
import { rankRelated, salientTerms } from '../lib/related';
import { SITE } from '../lib/site';
import { editionPath, sectionPath, slugify } from '../lib/slug';
import { acrossBuilds, buildMemo } from './build-memo';
import { readBuildTime } from './build-time';
import { collectionProblems, newestFirst, toStory, type Story } from '../lib/story';

/** A section's or a tag's page in one edition: its display name and its stories, newest first. */
export interface Group {
  name: string;
  stories: Story[];
}

/** One language edition: its front page, sections, tags and feeds list only its stories. */
export interface Edition {
  /** The edition's language, a primary language subtag (`en`, `es`, `ar`). */
  lang: string;
  /** Its front page: `/` for the site's default language, `/<lang>/` otherwise. */
  path: string;
  /** The language's own name, e.g. `Español`. */
  name: string;
  dir: 'ltr' | 'rtl';
  /** Its stories, newest first. */
  stories: Story[];
  /** Sections and tags, by slug. */
  sections: Map<string, Group>;
  tags: Map<string, Group>;
  /** The sections for the edition's navigation, by name in its language's order. */
  nav: { name: string; href: string }[];
  /** Its stories of each calendar day (`YYYY-MM-DD`, as the story gives it), newest day first. */
  days: DayGroup<Story>[];
  /** The days of each month (`YYYY-MM`) that have its stories, newest month and day first. */
  months: { month: string; days: DayGroup<Story>[] }[];
}

/** Everything pages need, worked out once per build. */
export interface Archive {
  /**
   * The stories published at {@link Archive.buildTime}, newest first: not withheld, not
   * canceled (killed), not under an embargo that ends after the build time. Every page,
   * listing, feed and index is made from these only.
   */
  stories: Story[];
  /** The time this build publishes as of: `WIRE_BUILD_TIME` when set, else the time the build started. */
  buildTime: Date;
  /** Related stories of each story, by id, ranked once, from its own edition. */
  related: Map<string, Story[]>;
  /** The editions by language: the site's default language first (always there), then by tag. */
  editions: Map<string, Edition>;
  /** Each story's versions in other languages, by id (empty for most stories). */
  translations: Map<string, Story[]>;
  /** The share card of each story, of each edition's sections and of each edition. */
  cards: CardPlan;
}

/** How many of the newest stories get a card of their own: `WIRE_CARD_STORIES` (a number or `all`). */
function readOwnCards(): number {
  const value = process.env.WIRE_CARD_STORIES;
  if (value === undefined || value === '') return SITE.cards.stories;
  if (value === 'all') return Infinity;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`WIRE_CARD_STORIES: "${value}" must be a whole number of stories, or "all"`);
  }
  return count;
}

function group(stories: Story[], names: (story: Story) => readonly string[]) {
  const groups = new Map<string, Group>();
  for (const story of stories) {
    for (const name of names(story)) {
      const key = slugify(name);
      const found = groups.get(key);
      if (found) found.stories.push(story);
      else groups.set(key, { name, stories: [story] });
    }
  }
  return groups;
}

function edition(lang: string, stories: Story[]): Edition {
  const sections = group(stories, (story) => [story.section]);
  // Day archives group by the date each story gives, then sort days newest first, so a
  // story filed late (an older date arriving today) joins its own day, not today's.
  const days = groupByDay(stories, (story) => story.published.date).sort((a, b) => (a.date < b.date ? 1 : -1));
  return {
    lang,
    path: editionPath(lang),
    name: ownLanguageName(lang),
    dir: textDirection(lang),
    stories,
    sections,
    tags: group(stories, (story) => story.tags),
    nav: [...sections.values()]
      .map(({ name }) => ({ name, href: sectionPath(name, lang) }))
      .sort((a, b) => a.name.localeCompare(b.name, lang)),
    days,
    months: groupByDay(days, (day) => day.date.slice(0, 7)).map(({ date, items }) => ({ month: date, days: items })),
  };
}

async function load(): Promise<Archive> {
  const buildTime = readBuildTime();
  const entries = await getCollection('stories');
  const problems = collectionProblems(entries);
  if (problems.length > 0) {
    throw new Error(`Stories have ${problems.length} problem(s):\n${problems.join('\n')}`);
  }
  // What is published is decided here, once: pages, feeds, sitemaps and search take
  // archive.stories and never see an embargoed, withheld or killed story.
  const photoFiles = new Map<string, ReturnType<typeof cardPhotoOf>>();
  // The publisher's builder makes a story again only when its entry changed (src/data/build-memo.ts).
  const made = acrossBuilds('stories', () => ({ byEntry: new Map<string, Story>() }));
  const byEntry = new Map<string, Story>();
  const stories = newestFirst(
    entries
      .filter((entry) => isPublished(entry.data, buildTime))
      .map((entry) => {
        const file = entry.filePath ?? entry.id;
        const digest = String(entry.digest ?? '');
        // The photo as Astro resolved it for this build: a photo file replaced under the same
        // name changes it (its address and size), though not the entry's digest.
        const key = `${entry.id}\n${file}\n${digest}\n${entry.data.image ? JSON.stringify(entry.data.image) : ''}`;
        const story =
          (digest ? made.byEntry.get(key) : undefined) ?? toStory(entry.id, lazyBody(file), entry.data, digest);
        if (digest) byEntry.set(key, story);
        if (story.image) photoFiles.set(story.id, cardPhotoOf(file, story));
        return story;
      }),
  );
  made.byEntry = byEntry;
  const terms = acrossBuilds('related-terms', () => new WeakMap<Story, string[]>());
  const termsOf = (story: Story) => {
    let known = terms.get(story);
    if (known === undefined) {
      known = salientTerms(`${story.title} ${story.description}`);
      terms.set(story, known);
    }
    return known;
  };
  const byId = new Map(stories.map((story) => [story.id, story]));
  const byEdition = new Map<string, Story[]>([[SITE.lang, []]]);
  for (const story of stories) {
    const list = byEdition.get(story.edition);
    if (list) list.push(story);
    else byEdition.set(story.edition, [story]);
  }
  // Related stories are ranked within an edition, so a reader is offered stories in the
  // language they are reading; an editor's own choices come first whatever their language.
  const related = new Map<string, Story[]>();
  for (const list of byEdition.values()) {
    const ranked = rankRelated(
      list.map((story) => ({
        id: story.id,
        section: story.section,
        tags: story.tags,
        date: story.pubDate.getTime(),
        related: story.related,
        terms: termsOf(story),
      })),
      { limit: SITE.relatedLimit },
    );
    for (const story of list) {
      const ids = [...new Set([...story.related, ...(ranked.get(story.id) ?? [])])].slice(0, SITE.relatedLimit);
      related.set(
        story.id,
        ids.map((id) => byId.get(id) as Story),
      );
    }
  }
  const langs = [SITE.lang, ...[...byEdition.keys()].filter((lang) => lang !== SITE.lang).sort()];
  const editions = new Map(langs.map((lang) => [lang, edition(lang, byEdition.get(lang) ?? [])]));

  const translations = new Map<string, Story[]>();
  for (const versions of translationGroups(stories).values()) {
    for (const story of versions)
      translations.set(
        story.id,
        versions.filter((other) => other !== story),
      );
  }
  const cards = planCards(
    stories.map((story) => ({
      id: story.id,
      title: story.title,
      section: story.section,
      edition: story.edition,
      dateline: story.dateline,
      agency: story.agency,
      lang: story.lang,
      published: story.pubDate,
      // Only published stories are here, so an embargoed or withheld story's photo never reaches a card.
      photo: photoFiles.get(story.id),
    })),
    {
      site: SITE.name,
      editions: [SITE.lang, ...langs.filter((lang) => lang !== SITE.lang)],
      buildTime,
      windowHours: SITE.newsWindowHours,
      ownCards: readOwnCards(),
    },
  );
  return { stories, buildTime, related, editions, translations, cards };
}

/**
 * A story's text, read when a page or feed asks for it, not for every story up front; NFC,
 * as the loader's text rules normalise every field (src/lib/text.ts). Made here, outside
 * `load()`, so that a story the builder keeps from build to build keeps only its file's
 * name, not the scope of the build that made it.
 */
function lazyBody(file: string): () => string {
  return () => bodyOf(readFileSync(file, 'utf8'), file).normalize('NFC');
}

/**
 * The photo file of a published story, for its share card: the entry's `image.src` as
 * written, read relative to the entry's file as astro:assets read it, with a hash of its
 * bytes. Read only when the story gets a card of its own (see planCards).
 */
function cardPhotoOf(entryFile: string, story: Story): (() => (CardPhoto & { alt: string }) | undefined) | undefined {
  const image = story.image;
  if (!image) return undefined;
  return () => {
    const { data } = splitFrontmatter(readFileSync(entryFile, 'utf8'), entryFile);
    const src = (data as { image?: { src?: unknown } }).image?.src;
    if (typeof src !== 'string' || /^[a-z][a-z0-9+.-]*:/i.test(src)) return undefined;
    const file = resolve(dirname(entryFile), src);
    const digest = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 20);
    return { file, digest, alt: image.alt || image.caption || '' };
  };
}

/** The archive, loaded and indexed on first use and shared by every page of the build. */
export const getArchive: () => Promise<Archive> = buildMemo(load);

/**
 * The edition of a language from the archive; the default edition when the language has none.
 */
export async function getEdition(lang: string): Promise<Edition> {
  const { editions } = await getArchive();
  return (editions.get(lang) ?? editions.get(SITE.lang)) as Edition;
}

/** The `[...edition]` route parameter of an edition: none for the default language, else its tag. */
export function editionParam(lang: string): string | undefined {
  return lang === SITE.lang ? undefined : lang;
}

/**
 * One static path per edition, for the pages each edition has once (its feeds page, feed,
 * archive and search page): no `[...edition]` parameter for the default language.
 */
export async function editionRoutes(): Promise<
  { params: { edition: string | undefined }; props: { edition: Edition } }[]
> {
  const { editions } = await getArchive();
  return [...editions.values()].map((edition) => ({
    params: { edition: editionParam(edition.lang) },
    props: { edition },
  }));
}
