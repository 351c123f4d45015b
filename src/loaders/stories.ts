import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readBuildTime } from '../data/build-time.ts';
import { splitFrontmatter, storyId } from '../lib/frontmatter.ts';
import { isPublished, type Publishable } from '../lib/publish.ts';

/**
 * Loads stories from Markdown files under `base`. Unlike Astro's glob loader it keeps the
 * body in the file and never makes a Markdown module or render of its own: pages and feeds
 * render bodies with src/lib/markdown.ts, so this is the one Markdown path, and a large
 * archive is not bundled file by file.
 */
export function storyLoader({ base }: { base: string }): Loader {
  return {
    name: 'wire-reader-stories',
    load: async (context: LoaderContext) => {
      const root = fileURLToPath(context.config.root);
      const dir = resolve(root, base);
      // A photo goes through astro:assets, which copies it into dist/_astro, only when its
      // story is published at this build: an embargoed or withheld story's photo must not
      // leak. (This time is taken before src/data/archive.ts takes its own, so whatever is
      // published here is published there too.)
      const parseEntry = async (
        entry: { id: string; data: Record<string, unknown>; filePath: string },
        buildTime: Date,
      ): Promise<Record<string, unknown>> => {
        const { image, ...rest } = entry.data;
        const data = await context.parseData({ id: entry.id, data: rest, filePath: entry.filePath });
        if (image === undefined) return data;
        if (isPublished(data as Publishable, buildTime)) {
          return context.parseData({ id: entry.id, data: entry.data, filePath: entry.filePath });
        }
        return { ...data, image: undefined };
      };
      const sync = async () => {
        const buildTime = readBuildTime();
        const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.md')).sort();
        const seen = new Map<string, string>();
        // Read in batches, keeping only frontmatter and a digest: a large archive's text is
        // never held in memory all at once.
        const entries = [];
        for (let start = 0; start < files.length; start += 64) {
          const batch = files.slice(start, start + 64).map(async (file) => {
            const filePath = join(dir, file);
            const source = await readFile(filePath, 'utf8');
            const { data } = splitFrontmatter(source, relative(root, filePath));
            return { id: storyId(data, file), data, filePath, digest: context.generateDigest(source) };
          });
          entries.push(...(await Promise.all(batch)));
        }
        context.store.clear();
        for (const entry of entries) {
          const shown = relative(root, entry.filePath);
          const twin = seen.get(entry.id);
          if (twin)
            throw new Error(`${shown}: slug: "${entry.id}" is already the id of ${twin}; give one a slug of its own`);
          seen.set(entry.id, shown);
          const data = await parseEntry(entry, buildTime);
          // The body stays in the file: src/data/archive.ts reads it when it builds the
          // archive, so the data store (serialised and loaded again by Astro) holds only data.
          context.store.set({
            id: entry.id,
            data,
            filePath: shown,
            digest: entry.digest,
          });
        }
      };
      await sync();
      context.watcher?.add(dir);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(dir) && path.endsWith('.md')) {
          sync().catch((error: unknown) => context.logger.error(String(error)));
        }
      });
    },
  };
}
