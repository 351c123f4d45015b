/**
 * The frontmatter every story shares, whatever agency filed it. Content collections
 * validate each entry against it, so a bad field fails the build naming file and field.
 */
import { z } from 'astro/zod';
import { agencyFields } from './schema-agency.ts';

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

/** A permanent story id: lower-case letters or digits of any script, joined by single hyphens. */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

const text = (what: string) =>
  z
    .string({ error: `${what} is required and must be text` })
    .trim()
    .min(1, `${what} must not be empty`);

const date = (what: string) => z.coerce.date({ error: `${what} must be a date such as 2023-06-20` });

/**
 * The story schema, with the photo's `src` checked by `imageSrc`. Unknown fields are
 * refused, so a misspelt field name is an error, not something silently ignored.
 *
 * @example
 * storySchemaWith(z.string()).parse({
 *   title: 'Headline', description: 'Standfirst.', pubDate: '2023-06-20',
 *   dateline: { place: 'Astana' }, agency: 'EFE', section: 'Conflicts & War', lang: 'en',
 * }).status; // "usable"
 */
export function storySchemaWith<Src extends z.ZodType>(imageSrc: Src) {
  return z
    .strictObject({
      title: text('title'),
      slug: z
        .string()
        .regex(SLUG_PATTERN, 'slug must be lower-case words joined by hyphens, e.g. tokayev-peace-call')
        .optional(),
      description: text('description'),
      pubDate: date('pubDate'),
      updatedDate: date('updatedDate').optional(),
      dateline: z.strictObject(
        {
          place: text('dateline.place'),
          date: date('dateline.date').optional(),
        },
        { error: 'dateline must be a mapping with place (and optional date)' },
      ),
      agency: text('agency'),
      section: text('section'),
      tags: z.array(text('each tag')).default([]),
      lang: z.string({ error: 'lang is required' }).refine(isLanguageTag, {
        error: 'lang must be a BCP 47 language tag such as en or es-419',
      }),
      related: z.array(text('each related id')).default([]),
      ...agencyFields(imageSrc),
    })
    .refine((story) => !story.updatedDate || story.updatedDate >= story.pubDate, {
      error: 'updatedDate must not be earlier than pubDate',
      path: ['updatedDate'],
    });
}

/**
 * The story schema with the photo's `src` as a plain path (for the importer and tests;
 * the content collection passes Astro's `image()` to {@link storySchemaWith}).
 *
 * @example
 * storySchema.parse({
 *   title: 'Headline', description: 'Standfirst.', pubDate: '2023-06-20',
 *   dateline: { place: 'Astana' }, agency: 'EFE', section: 'Conflicts & War', lang: 'en',
 * }).tags; // []
 */
export const storySchema = storySchemaWith(z.string({ error: 'image.src must be a path to the photo' }).min(1));

/** A story's validated frontmatter. */
export type StoryData = z.output<typeof storySchema>;
