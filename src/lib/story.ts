/**
 * A story as pages and feeds use it: validated frontmatter plus what is derived from it
 * once (dateline text, permalink), so that no page works it out again.
 */
import { formatDateline, formatDisplayDate } from './dateline.ts';
import { calendarDay, lastChange, type WireDate } from './dates.ts';
import { messagesFor, textDirection } from './i18n/index.ts';
import { renderStoryHtml } from './markdown.ts';
import type { StoryData } from './schema.ts';
import { editionOf, sectionPath, slugify, storyPath } from './slug.ts';

/** A story ready for pages and feeds. */
export interface Story {
  id: string;
  /**
   * The Markdown body, without dateline or sign-off. Stories of the built archive read it
   * from their file when asked (a getter), so a large archive's text is not held in memory
   * and an unchanged story's file is not read on an incremental build; `digest` stands for it.
   */
  readonly body: string;
  /** Digest of the story's file (frontmatter and text), or "" when it has none: cache keys use it for the body. */
  digest: string;
  title: string;
  description: string;
  /** The publication date as the story gives it: local calendar date, time and offset. */
  published: WireDate;
  /**
   * When the story last changed after it was published, as the story gives it: its update
   * date or its newest correction note's date, whichever is later; undefined when neither
   * falls after the publication date.
   */
  updated: WireDate | undefined;
  /** The publication instant, for sorting and feeds (`published.instant`). */
  pubDate: Date;
  /** The update instant (`updated?.instant`). */
  updatedDate: Date | undefined;
  /** Dates as pages print them, worked out once: `datetime` values and reader-facing text. */
  dates: {
    published: { iso: string; text: string };
    updated: { iso: string; text: string } | undefined;
  };
  section: string;
  sectionPath: string;
  tags: readonly string[];
  agency: string;
  lang: string;
  /** The edition the story is listed in: its primary language (`es` for `es-419`). */
  edition: string;
  /** The direction its language is written in. */
  dir: 'ltr' | 'rtl';
  /** Shared with its versions in other languages, when it has any. */
  translationKey: string | undefined;
  /** The dateline's place as the agency writes it, e.g. "Astana". */
  place: string;
  /** The dateline in the agency's style, e.g. "Astana, Jun 20 (EFE).-". */
  dateline: string;
  /** The permanent site path, e.g. "/stories/tokayev-peace-initiatives/". */
  path: string;
  /** Editor-chosen related ids. */
  related: readonly string[];
  /** 1 (flash) to 9, when the agency gave one. */
  urgency: number | undefined;
  /** The reader-facing label of a flash or urgent story (urgency 1–2), else undefined. */
  urgencyLabel: string | undefined;
  /** `usable`, `withheld` or `canceled`; only usable stories are published. */
  status: string;
  /** Not published before this time. */
  embargo: WireDate | undefined;
  /** The story's photo, with its caption and credit. */
  image: StoryImage | undefined;
  /** Correction notes, as the story lists them (oldest first), with the date as pages print it. */
  corrections: { date: { iso: string; text: string }; instant: Date; text: string }[];
  /** The agency's copyright line, when it gave one. */
  copyright: string | undefined;
}

/** Image metadata as astro:assets gives it for a photo beside the entry. */
export interface ImageMeta {
  src: string;
  width: number;
  height: number;
  format: string;
}

/** A story's photo: the file (a path, or astro:assets metadata), alt text, caption and credit. */
export interface StoryImage {
  src: string | ImageMeta;
  alt: string;
  caption?: string | undefined;
  credit?: string | undefined;
}

/** A story's frontmatter as toStory takes it: validated, with the photo possibly resolved by astro:assets. */
export type StoryInput = Omit<StoryData, AgencyKey> &
  Partial<Omit<Pick<StoryData, AgencyKey>, 'image'>> & { image?: StoryImage | undefined };

type AgencyKey =
  | 'urgency'
  | 'slugline'
  | 'source'
  | 'status'
  | 'embargo'
  | 'image'
  | 'remoteImages'
  | 'corrections'
  | 'copyright'
  | 'usageTerms'
  | 'edNotes'
  | 'initials';

/**
 * The reader-facing label of an urgency in a language: `Flash` for 1, `Urgent` for 2,
 * none otherwise (from the language's message table, English as the fallback).
 *
 * @example
 * urgencyLabel(1, 'en'); // "Flash"
 * urgencyLabel(2, 'es'); // "Urgente"
 * urgencyLabel(5, 'en'); // undefined
 */
export function urgencyLabel(urgency: number | undefined, lang: string): string | undefined {
  if (urgency === 1) return messagesFor(lang).urgencyFlash;
  if (urgency === 2) return messagesFor(lang).urgencyUrgent;
  return undefined;
}

/**
 * A date as a page prints it: the `datetime` value and the reader-facing text, both the
 * local calendar date the story gives, whatever the build machine's time zone.
 */
function shownDate(date: WireDate, lang: string): { iso: string; text: string } {
  return { iso: date.date, text: formatDisplayDate(calendarDay(date), lang) };
}

/**
 * Derives a {@link Story} from a collection entry's id, body and validated data. The body
 * may be a function that reads it when a page asks: then `digest` must change whenever it does.
 *
 * @example
 * toStory('tokayev', 'Text.', {
 *   title: 'T', description: 'D', pubDate: parseWireDate('2023-06-20'), updatedDate: undefined,
 *   dateline: { place: 'Astana' }, agency: 'EFE', section: 'Conflicts & War',
 *   tags: [], lang: 'en', related: [], translationKey: undefined,
 * }).dateline; // "Astana, Jun 20 (EFE).-"
 */
export function toStory(id: string, body: string | (() => string), data: StoryInput, digest = ''): Story {
  const updated = lastChange(data.pubDate, [
    data.updatedDate,
    ...(data.corrections ?? []).map((correction) => correction.date),
  ]);
  const story: Omit<Story, 'body'> = {
    id,
    digest,
    title: data.title,
    description: data.description,
    published: data.pubDate,
    updated,
    pubDate: data.pubDate.instant,
    updatedDate: updated?.instant,
    dates: {
      published: shownDate(data.pubDate, data.lang),
      updated: updated && shownDate(updated, data.lang),
    },
    section: data.section,
    sectionPath: sectionPath(data.section, editionOf(data.lang)),
    tags: data.tags,
    agency: data.agency,
    lang: data.lang,
    edition: editionOf(data.lang),
    dir: textDirection(data.lang),
    translationKey: data.translationKey,
    place: data.dateline.place,
    dateline: formatDateline({
      place: data.dateline.place,
      date: calendarDay(data.dateline.date ?? data.pubDate),
      agency: data.agency,
      lang: data.lang,
    }),
    path: storyPath(id),
    related: data.related,
    urgency: data.urgency,
    urgencyLabel: urgencyLabel(data.urgency, data.lang),
    status: data.status ?? 'usable',
    embargo: data.embargo,
    image: data.image,
    corrections: (data.corrections ?? []).map((correction) => ({
      date: shownDate(correction.date, data.lang),
      instant: correction.date.instant,
      text: correction.text,
    })),
    copyright: data.copyright,
  };
  if (typeof body === 'string') return { ...story, body };
  // A getter is not part of a page's cache key (src/lib/cache-key.ts): the digest is. Nor is
  // a symbol-keyed field. One getter shared by every story keeps each in V8's fast mode: a
  // getter of its own would give each story its own hidden class, so V8 would store it as a
  // dictionary, 2.2 KB a story rather than 0.9 KB (136 MB at 100,000 stories).
  const lazy = story as Omit<Story, 'body'> & { [READ_BODY]: () => string };
  lazy[READ_BODY] = body;
  return Object.defineProperty(lazy, 'body', { get: readBody, enumerable: true }) as unknown as Story;
}

/** Where a story whose text stays in its file keeps the function that reads it. */
const READ_BODY = Symbol('read the body');

/** The `body` getter of every story whose text stays in its file. */
function readBody(this: { [READ_BODY]: () => string }): string {
  return this[READ_BODY]();
}

/**
 * A story's text as HTML, framed by its dateline and agency credit: the one rendering
 * that the article page and every feed item share.
 *
 * @example
 * storyHtml(story, 'https://wire-reader.example');
 * // '<p><span class="dateline">Astana, Jun 20 (EFE).-</span> Kazakh President ...'
 */
export function storyHtml(story: Story, site: string): string {
  return renderStoryHtml(story.body, { dateline: story.dateline, credit: story.agency, base: site });
}

/**
 * Sorts stories newest first; equal dates fall back to the id, so the order is stable.
 *
 * @example
 * newestFirst([{ id: 'a', pubDate: new Date(1) }, { id: 'b', pubDate: new Date(2) }]).map((s) => s.id);
 * // ["b", "a"]
 */
export function newestFirst<T extends { id: string; pubDate: Date }>(stories: readonly T[]): T[] {
  return [...stories].sort(
    (a, b) => b.pubDate.getTime() - a.pubDate.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** An entry as the collection check sees it. */
export interface EntryRef {
  id: string;
  filePath?: string | undefined;
  data: {
    related: readonly string[];
    section: string;
    tags: readonly string[];
    lang: string;
    translationKey?: string | undefined;
  };
}

/**
 * What is wrong across a collection that no single entry's schema can see: `related` ids
 * that name no story or the story itself; section or tag names that clash on one URL of
 * their edition (the schema refuses one with no letter or digit); and two stories of one
 * language that share a `translationKey`. Each problem names the file and the field.
 *
 * @example
 * collectionProblems([{ id: 'a', filePath: 'content/a.md', data: { related: ['b'], section: 'S', tags: [], lang: 'en' } }]);
 * // ['content/a.md: related[0]: no story has the id "b"']
 */
export function collectionProblems(entries: readonly EntryRef[]): string[] {
  const ids = new Set(entries.map((entry) => entry.id));
  const problems: string[] = [];
  const urlNames = new Map<string, string>();
  const translations = new Map<string, string>();
  for (const entry of entries) {
    const where = entry.filePath ?? entry.id;
    const edition = editionOf(entry.data.lang);
    entry.data.related.forEach((id, index) => {
      if (id === entry.id) problems.push(`${where}: related[${index}]: a story cannot be related to itself`);
      else if (!ids.has(id)) problems.push(`${where}: related[${index}]: no story has the id "${id}"`);
    });
    const names: [string, string, string][] = [
      ['section', 'section', entry.data.section],
      ...entry.data.tags.map((tag, index): [string, string, string] => ['tag', `tags[${index}]`, tag]),
    ];
    for (const [kind, field, name] of names) {
      const key = `${edition}:${kind}:${slugify(name)}`;
      const known = urlNames.get(key);
      if (known === undefined) urlNames.set(key, name);
      else if (known !== name) {
        problems.push(`${where}: ${field}: "${name}" and "${known}" would share one page; use one spelling`);
      }
    }
    const translationKey = entry.data.translationKey;
    if (translationKey !== undefined) {
      const key = `${Intl.getCanonicalLocales(entry.data.lang)[0] ?? entry.data.lang}|${translationKey}`;
      const twin = translations.get(key);
      if (twin === undefined) translations.set(key, where);
      else {
        problems.push(
          `${where}: translationKey: "${translationKey}" is already the key of ${twin}, in the same language ` +
            `(${entry.data.lang}); one language has one version of a story`,
        );
      }
    }
  }
  return problems;
}
