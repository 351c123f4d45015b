import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { storySchema } from './lib/schema';
import { slugify } from './lib/slug';

/**
 * Stories are Markdown files anywhere under `content/`. Their id (and so their URL and
 * feed guid) comes from the frontmatter `slug`, else from the title, never from the file
 * name, so moving or renaming a file keeps its address. `WIRE_CONTENT_DIR` points the
 * build at another folder (used by tests and the benchmark).
 */
const base = process.env.WIRE_CONTENT_DIR ?? './content';

const stories = defineCollection({
  loader: glob({
    pattern: '**/*.md',
    base,
    // Bodies are rendered by src/lib/markdown.ts, the path the feed shares; skip Astro's own.
    deferRender: true,
    generateId: ({ entry, data }) => {
      if (typeof data.slug === 'string' && data.slug) return data.slug;
      const fromTitle = typeof data.title === 'string' ? slugify(data.title) : '';
      return fromTitle || entry;
    },
  }),
  schema: storySchema,
});

export const collections = { stories };
