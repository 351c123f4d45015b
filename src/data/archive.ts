import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import { groupByDay, type DayGroup } from '../lib/desk';
import { planCards, type CardPlan } from '../lib/cards';
import { bodyOf } from '../lib/frontmatter';
import { isPublished } from '../lib/publish';
import { rankRelated, salientTerms } from '../lib/related';
import { SITE } from '../lib/site';
import { sectionPath, slugify } from '../lib/slug';
import { readBuildTime } from './build-time';
import { collectionProblems, newestFirst, toStory, type Story } from '../lib/story';

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
  /** Related stories of each story, by id, ranked once. */
  related: Map<string, Story[]>;
  /** Sections and tags, by slug: the display name and its stories, newest first. */
  sections: Map<string, { name: string; stories: Story[] }>;
  tags: Map<string, { name: string; stories: Story[] }>;
  /** The sections for the site navigation, by name. */
  nav: { name: string; href: string }[];
  /** Stories of each calendar day (`YYYY-MM-DD`, as the story gives it), newest day first. */
  days: DayGroup<Story>[];
  /** The days of each month (`YYYY-MM`) that have stories, newest month and day first. */
  months: { month: string; days: DayGroup<Story>[] }[];
  /** The share card of each story, section and the edition. */
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
  const groups = new Map<string, { name: string; stories: Story[] }>();
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

async function load(): Promise<Archive> {
  const buildTime = readBuildTime();
  const entries = await getCollection('stories');
  const problems = collectionProblems(entries);
  if (problems.length > 0) {
    throw new Error(`Stories have ${problems.length} problem(s):\n${problems.join('\n')}`);
  }
  // What is published is decided here, once: pages, feeds, sitemaps and search take
  // archive.stories and never see an embargoed, withheld or killed story.
  const stories = newestFirst(
    entries
      .filter((entry) => isPublished(entry.data, buildTime))
      .map((entry) => {
        const file = entry.filePath ?? entry.id;
        // The text is read when a page or feed asks for it, not for every story up front; NFC,
        // as the loader's text rules normalise every field (src/lib/text.ts).
        return toStory(
          entry.id,
          () => bodyOf(readFileSync(file, 'utf8'), file).normalize('NFC'),
          entry.data,
          String(entry.digest ?? ''),
        );
      }),
  );
  const byId = new Map(stories.map((story) => [story.id, story]));
  const ranked = rankRelated(
    stories.map((story) => ({
      id: story.id,
      section: story.section,
      tags: story.tags,
      date: story.pubDate.getTime(),
      related: story.related,
      terms: salientTerms(`${story.title} ${story.description}`),
    })),
    { limit: SITE.relatedLimit },
  );
  const related = new Map(
    stories.map((story) => [story.id, (ranked.get(story.id) ?? []).map((id) => byId.get(id) as Story)]),
  );
  const sections = group(stories, (story) => [story.section]);
  const nav = [...sections.values()]
    .map(({ name }) => ({ name, href: sectionPath(name) }))
    .sort((a, b) => a.name.localeCompare(b.name, SITE.lang));
  // Day archives group by the date each story gives, then sort days newest first, so a
  // story filed late (an older date arriving today) joins its own day, not today's.
  const days = groupByDay(stories, (story) => story.published.date).sort((a, b) => (a.date < b.date ? 1 : -1));
  const months = groupByDay(days, (day) => day.date.slice(0, 7)).map(({ date, items }) => ({
    month: date,
    days: items,
  }));
  const cards = planCards(
    stories.map((story) => ({
      id: story.id,
      title: story.title,
      section: story.section,
      dateline: story.dateline,
      agency: story.agency,
      lang: story.lang,
      published: story.pubDate,
    })),
    {
      site: SITE.name,
      description: SITE.description,
      lang: SITE.lang,
      buildTime,
      windowHours: SITE.newsWindowHours,
      ownCards: readOwnCards(),
    },
  );
  return {
    stories,
    related,
    sections,
    tags: group(stories, (story) => story.tags),
    nav,
    days,
    months,
    buildTime,
    cards,
  };
}

let archive: Promise<Archive> | undefined;

/** The archive, loaded and indexed on first use and shared by every page of the build. */
export function getArchive(): Promise<Archive> {
  archive ??= load();
  return archive;
}
