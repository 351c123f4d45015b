import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import { translationGroups } from '../lib/editions';
import { bodyOf } from '../lib/frontmatter';
import { ownLanguageName, textDirection } from '../lib/i18n';
import { rankRelated, salientTerms } from '../lib/related';
import { SITE } from '../lib/site';
import { editionPath, sectionPath, slugify } from '../lib/slug';
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
}

/** Everything pages need, worked out once per build. */
export interface Archive {
  /** All stories, newest first. */
  stories: Story[];
  /** Related stories of each story, by id, ranked once, from its own edition. */
  related: Map<string, Story[]>;
  /** The editions by language: the site's default language first (always there), then by tag. */
  editions: Map<string, Edition>;
  /** Each story's versions in other languages, by id (empty for most stories). */
  translations: Map<string, Story[]>;
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
  };
}

async function load(): Promise<Archive> {
  const entries = await getCollection('stories');
  const problems = collectionProblems(entries);
  if (problems.length > 0) {
    throw new Error(`Stories have ${problems.length} problem(s):\n${problems.join('\n')}`);
  }
  const stories = newestFirst(
    entries.map((entry) => {
      const file = entry.filePath ?? entry.id;
      // NFC, as the loader's text rules normalise every field (src/lib/text.ts).
      return toStory(entry.id, bodyOf(readFileSync(file, 'utf8'), file).normalize('NFC'), entry.data);
    }),
  );
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
        terms: salientTerms(`${story.title} ${story.description}`),
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
  return { stories, related, editions, translations };
}

let archive: Promise<Archive> | undefined;

/** The archive, loaded and indexed on first use and shared by every page of the build. */
export function getArchive(): Promise<Archive> {
  archive ??= load();
  return archive;
}

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
