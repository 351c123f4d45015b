/**
 * Frontmatter fields that agency items bring (NewsML, ninjs): urgency, revision source,
 * status, embargo, photo, corrections, rights and editors' notes. All optional, so a story
 * written by hand needs none of them. See README "Agency fields".
 */
import { z } from 'astro/zod';

const text = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} must not be empty`);

/** The statuses an agency gives an item; only `usable` items are published. */
export const STORY_STATUSES = ['usable', 'withheld', 'canceled'] as const;

/** The photo's fields besides `src`, made once: a content collection makes a photo field per entry. */
const photoParts = {
  alt: z.string({ error: 'image.alt must be text' }).default(''),
  caption: text('image.caption').optional(),
  credit: text('image.credit').optional(),
};

/**
 * The `image` field (a story's photo), with its `src` checked by `imageSrc` (see
 * {@link agencyFields}); optional where it is used.
 *
 * @example
 * photoField(z.string()).parse({ src: 'photo.jpg' }); // { src: 'photo.jpg', alt: '' }
 */
export function photoField<Src extends z.ZodType>(imageSrc: Src) {
  return z.strictObject(
    { src: imageSrc, ...photoParts },
    { error: 'image must be a mapping with src (and alt, caption, credit)' },
  );
}

/**
 * The agency fields, with the photo's `src` checked by `imageSrc` (a plain path for the
 * importer; Astro's `image()` in the content collection, so the photo is processed by
 * astro:assets) and date-times read by `dateTime` (the schema's strict wire dates).
 *
 * @example
 * z.strictObject(agencyFields(z.string(), () => z.string())).parse({ urgency: 2 }).urgency; // 2
 */
export function agencyFields<Src extends z.ZodType, D extends z.ZodType>(imageSrc: Src, dateTime: (what: string) => D) {
  return {
    urgency: z
      .number({ error: 'urgency must be a number from 1 (flash) to 9' })
      .int('urgency must be a whole number from 1 to 9')
      .min(1, 'urgency must be from 1 to 9')
      .max(9, 'urgency must be from 1 to 9')
      .optional(),
    slugline: text('slugline').optional(),
    source: z
      .strictObject(
        {
          id: text('source.id'),
          version: z
            .number({ error: 'source.version must be a number' })
            .int()
            .min(1, 'source.version must be 1 or more'),
        },
        { error: 'source must be a mapping with id and version' },
      )
      .optional(),
    status: z.enum(STORY_STATUSES, { error: 'status must be usable, withheld or canceled' }).default('usable'),
    embargo: dateTime('embargo').optional(),
    image: photoField(imageSrc).optional(),
    remoteImages: z
      .array(z.url({ error: 'each of remoteImages must be an http(s) URL' }), {
        error: 'remoteImages must be a list of URLs',
      })
      .default([]),
    corrections: z
      .array(
        z.strictObject(
          { date: dateTime('corrections[].date'), text: text('corrections[].text') },
          { error: 'each correction must be a mapping with date and text' },
        ),
        { error: 'corrections must be a list of mappings with date and text' },
      )
      .default([]),
    copyright: text('copyright').optional(),
    usageTerms: text('usageTerms').optional(),
    edNotes: z.array(text('each edNote'), { error: 'edNotes must be a list' }).default([]),
    initials: z.array(text('each initials line'), { error: 'initials must be a list' }).default([]),
  };
}
