/**
 * The frontmatter every story shares, whatever agency filed it. Content collections
 * validate each entry against it, so a bad field fails the build naming file and field.
 */
import { z } from 'astro/zod';
import { titleSlug, urlPartProblem } from './slug.ts';
import { notBefore, parseWireDate, WIRE_DATE_EXAMPLE, type WireDateOptions } from './dates.ts';
import { agencyFields, photoField } from './schema-agency.ts';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * Whether a string is a BCP 47 language tag whose language is known (`en`, `es-419`),
 * not merely well-formed (`english` and `zz` are refused).
 *
 * @example
 * isLanguageTag('en-GB'); // true
 * isLanguageTag('english'); // false
 */
export function isLanguageTag(tag: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    if (!canonical || !/^[a-z]{2,3}(?:-|$)/.test(canonical)) return false;
    return languageNames.of(canonical) !== undefined;
  } catch {
    return false;
  }
}

/**
 * A permanent story id: lower-case letters (with their marks) or digits of any script,
 * joined by single hyphens.
 */
export const SLUG_PATTERN =
  /^[\p{Ll}\p{Lo}\p{Lm}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]*(?:-[\p{Ll}\p{Lo}\p{Lm}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]*)*$/u;

const text = (what: string) =>
  z
    .string({ error: `${what} is required and must be text` })
    .trim()
    .min(1, `${what} must not be empty`);

/** A name that becomes part of an address (a section or a tag): checked before any path is made. */
const urlName = (what: string, kind: string) =>
  text(what).superRefine((value, context) => {
    const problem = urlPartProblem(kind, value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/**
 * A strict ISO 8601 date, read by {@link parseWireDate}. YAML leaves dates as text (the
 * loader reads frontmatter with the core schema), so `2023-02-30` is refused here, never
 * turned into March 2, and `20230620`, `true` or an empty value are not dates at all.
 */
const date = (what: string, options: WireDateOptions) =>
  z.string({ error: `${what} must be a date such as ${WIRE_DATE_EXAMPLE}` }).transform((value, context) => {
    try {
      return parseWireDate(value, options);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

/** What the schema needs from outside: the build's `now`, for the future bound on dates. */
export type StorySchemaOptions = WireDateOptions;

/** A photo's `src` where no image() helper is at hand: a path relative to the entry. */
const photoPath = z.string({ error: 'image.src must be a path to the photo' }).min(1, 'image.src must not be empty');

/**
 * The story schema. Unknown fields are refused, so a misspelt field name is an error,
 * not something silently ignored. Dates come out as {@link WireDate}s; pass `now` (and
 * optionally `maxFutureDays`) to refuse dates too far ahead. The photo's `src` is checked
 * by `imageSrc`: a plain path by default (the importer); the content collection passes
 * Astro's `image()`, so the photo goes through astro:assets.
 *
 * @example
 * makeStorySchema({ now: new Date('2026-01-01') }).parse({
 *   title: 'Headline', description: 'Standfirst.', pubDate: '2023-06-20',
 *   dateline: { place: 'Astana' }, agency: 'EFE', section: 'Conflicts & War', lang: 'en',
 * }).pubDate.date; // "2023-06-20"
 */
export function makeStorySchema<Src extends z.ZodType = typeof photoPath>(
  options: StorySchemaOptions = {},
  imageSrc: Src = photoPath as unknown as Src,
) {
  return z
    .strictObject({
      title: text('title'),
      slug: z
        .string({ error: 'slug must be text' })
        .regex(SLUG_PATTERN, 'slug must be lower-case words joined by hyphens, e.g. tokayev-peace-call')
        .superRefine((value, context) => {
          const problem = urlPartProblem('slug', value);
          if (problem) context.addIssue({ code: 'custom', message: problem });
        })
        .optional(),
      description: text('description'),
      pubDate: date('pubDate', options),
      updatedDate: date('updatedDate', options).optional(),
      dateline: z.strictObject(
        {
          place: text('dateline.place'),
          date: date('dateline.date', options).optional(),
        },
        { error: 'dateline must be a mapping with place (and optional date)' },
      ),
      agency: text('agency'),
      section: urlName('section', 'section'),
      tags: z.array(urlName('each tag', 'tag'), { error: 'tags must be a list' }).default([]),
      lang: z.string({ error: 'lang is required' }).refine(isLanguageTag, {
        error: 'lang must be a BCP 47 language tag such as en or es-419',
      }),
      related: z.array(text('each related id'), { error: 'related must be a list of story ids' }).default([]),
      /** Shared by the versions of one story in several languages (the Hugo convention). */
      translationKey: text('translationKey').optional(),
      ...agencyFields(imageSrc, (what) => date(what, {})),
    })
    .refine((story) => story.slug !== undefined || titleSlug(story.title) !== '', {
      error: 'the title has no letter or digit to make the story’s address from; give the story a slug',
      path: ['title'],
    })
    .refine((story) => !story.updatedDate || notBefore(story.updatedDate, story.pubDate), {
      error: 'updatedDate must not be earlier than pubDate',
      path: ['updatedDate'],
    });
}

/**
 * Story schemas for a content collection, whose `schema` function Astro calls again for every
 * entry it checks, with that entry's own `image()` helper (it resolves the photo against the
 * entry's file). Making {@link makeStorySchema} costs far more than checking a story with it
 * (about 2.5 ms against 0.06 ms: minutes of a 100,000-story build), so it is made once here:
 *
 * - `withPhotoPath` checks every field, a photo's `src` as the path it is (not resolved).
 *   The story loader checks every story with it, with no schema made for the story: a copy
 *   for each of 100,000 stories was 900 MB of garbage that reached the old generation.
 * - `forEntry(imageSrc)` is a cheap copy (about 0.2 ms) whose photo `src` goes through the
 *   entry's own `imageSrc()`, for the collection's `schema`: the loader has Astro check a
 *   published story with a photo with it, for the photo's `image()`. It checks exactly what
 *   `makeStorySchema(options, imageSrc())` would, field for field.
 *
 * Add a check to {@link makeStorySchema}, never to one of these alone: both are made from it.
 * `options` is read at each check, not once: give `now` as a getter to check every entry
 * against the time it is checked at.
 *
 * @example
 * const { withPhotoPath, forEntry } = storySchemas({ now: new Date('2026-01-01') });
 * const story = {
 *   title: 'Headline', description: 'Standfirst.', pubDate: '2023-06-20',
 *   dateline: { place: 'Astana' }, agency: 'EFE', section: 'World', lang: 'en',
 * };
 * withPhotoPath.parse({ ...story, image: { src: 'photo.jpg' } }).image?.src; // "photo.jpg"
 * forEntry(() => z.string().transform((src) => `/resolved/${src}`)).parse({ ...story, image: { src: 'photo.jpg' } }).image?.src; // "/resolved/photo.jpg"
 */
export function storySchemas(options: StorySchemaOptions = {}) {
  const withPhotoPath = makeStorySchema(options);
  // Typed as what makeStorySchema(options, imageSrc()) gives, which it checks and outputs;
  // TypeScript cannot check safeExtend's constraint for a generic Src.
  const forEntry = <Src extends z.ZodType>(imageSrc: () => Src) =>
    withPhotoPath.safeExtend({ image: photoField(imageSrc()).optional() } as never) as unknown as ReturnType<
      typeof makeStorySchema<Src>
    >;
  return { withPhotoPath, forEntry };
}

/**
 * The story schema without a `now`: every check but the future bound on dates.
 *
 * @example
 * storySchema.parse({
 *   title: 'Headline', description: 'Standfirst.', pubDate: '2023-06-20',
 *   dateline: { place: 'Astana' }, agency: 'EFE', section: 'Conflicts & War', lang: 'en',
 * }).tags; // []
 */
export const storySchema = makeStorySchema();

/** A story's validated frontmatter. */
export type StoryData = z.output<typeof storySchema>;

export type { WireDate } from './dates.ts';
