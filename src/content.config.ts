import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { storySchemas } from './lib/schema';
import { storyLoader } from './loaders/stories';

/**
 * Stories are Markdown files anywhere under `content/`. Their id (and so their URL and
 * feed guid) comes from the frontmatter `slug`, else from the title, never from the file
 * name, so moving or renaming a file keeps its address. `WIRE_CONTENT_DIR` points the
 * build at another folder (used by tests and the benchmark).
 */
const base = process.env.WIRE_CONTENT_DIR ?? './content';

/**
 * Dates further ahead than this many days are refused as typing slips (default 366:
 * room for embargoes). `WIRE_MAX_FUTURE_DAYS` changes it.
 */
const maxFutureDays = process.env.WIRE_MAX_FUTURE_DAYS ? Number(process.env.WIRE_MAX_FUTURE_DAYS) : undefined;

/**
 * The story checks, made once for the whole build (Astro asks for the schema once per entry).
 * `now` is a getter, so each entry's dates are checked against the time it is checked at.
 * The loader checks every story itself, with `withPhotoPath`; it has Astro check a published
 * story with a photo again with `schema` below, for the photo's `image()` (which makes a
 * schema for the entry). Both come from one `makeStorySchema`.
 */
const storyChecks = storySchemas({
  get now() {
    return new Date();
  },
  maxFutureDays,
});

const stories = defineCollection({
  loader: storyLoader({ base, checks: storyChecks.withPhotoPath }),
  // A photo's src is resolved by astro:assets relative to the entry's file.
  schema: ({ image }) => storyChecks.forEntry(image),
});

/**
 * Publisher pages (About, Corrections policy, Contact, Terms of use): Markdown files in
 * `src/publisher/`, one per page, the file name being the page's address (`about.md` is
 * `/about/`). Their text renders through src/lib/markdown.ts, like stories.
 */
const publisher = defineCollection({
  loader: glob({ pattern: '*.md', base: './src/publisher' }),
  schema: z.strictObject({
    title: z.string().trim().min(1, 'title must not be empty'),
    description: z.string().trim().min(1, 'description must not be empty'),
  }),
});

export const collections = { stories, publisher };
