import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { splitFrontmatter, storyId } from '../lib/frontmatter.ts';

/** Meta-store key of the file index kept between builds. */
const INDEX = 'files';

/** What the loader remembers of a file between builds: enough to know it has not changed. */
interface Known {
  size: number;
  mtimeMs: number;
  digest: string;
  id: string;
}

/**
 * A digest of the code that turns a file into an entry (loaders, src/lib, the content config,
 * the lockfile): when it changes, every file is parsed again, since the same file may now
 * make different data. Astro itself clears the store only when content.config.ts changes.
 */
function parserVersion(root: string, generateDigest: (text: string) => string): string {
  const files: string[] = [];
  for (const dir of ['src/loaders', 'src/lib']) {
    const full = join(root, dir);
    if (!existsSync(full)) continue;
    for (const name of (readdirSync(full, { recursive: true }) as string[]).sort()) {
      if (/\.[cm]?[jt]s$/.test(name)) files.push(join(full, name));
    }
  }
  files.push(join(root, 'src/content.config.ts'), join(root, 'package-lock.json'));
  return generateDigest(
    files.map((file) => `${relative(root, file)}\n${existsSync(file) ? readFileSync(file, 'utf8') : ''}`).join('\0'),
  );
}

/**
 * Loads stories from Markdown files under `base`. Unlike Astro's glob loader it keeps the
 * body in the file and never makes a Markdown module or render of its own: pages and feeds
 * render bodies with src/lib/markdown.ts, so this is the one Markdown path, and a large
 * archive is not bundled file by file.
 *
 * Warm builds do not read the archive again. The loader remembers each file's size, mtime,
 * digest and story id from the last build (in Astro's data store, beside the entries): a
 * file whose size and mtime are unchanged keeps its entry unread; a touched file is read,
 * and parsed again only when its digest changed. A deleted or moved-away file's entry is
 * deleted, so its pages go at the next build. Any change to the parsing code parses all.
 */
export function storyLoader({ base }: { base: string }): Loader {
  return {
    name: 'wire-reader-stories',
    load: async (context: LoaderContext) => {
      const root = fileURLToPath(context.config.root);
      const dir = resolve(root, base);
      const sync = async () => {
        const version = parserVersion(root, context.generateDigest);
        let known = new Map<string, Known>();
        try {
          const saved = JSON.parse(context.meta.get(INDEX) ?? 'null') as { version: string; files: [string, Known][] };
          if (saved.version === version) known = new Map(saved.files);
        } catch {
          // no index yet, or an unreadable one: read every file
        }
        const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.md')).sort();
        const next = new Map<string, Known>();
        const seen = new Map<string, string>();
        let parsed = 0;
        // Files are looked at in batches: a large archive's text is never held in memory at once.
        for (let start = 0; start < files.length; start += 64) {
          const batch = files.slice(start, start + 64).map(async (file) => {
            const filePath = join(dir, file);
            const shown = relative(root, filePath);
            const info = await stat(filePath);
            const before = known.get(shown);
            const stored = before && context.store.get(before.id);
            if (before && stored && before.size === info.size && before.mtimeMs === info.mtimeMs) {
              return { shown, known: before, entry: undefined };
            }
            const source = await readFile(filePath, 'utf8');
            const digest = context.generateDigest(source);
            const mark = { size: info.size, mtimeMs: info.mtimeMs, digest };
            if (before && stored && before.digest === digest)
              return { shown, known: { ...mark, id: before.id }, entry: undefined };
            const { data } = splitFrontmatter(source, shown);
            const id = storyId(data, file);
            return { shown, known: { ...mark, id }, entry: { id, data, filePath } };
          });
          for (const result of await Promise.all(batch)) {
            const twin = seen.get(result.known.id);
            if (twin) {
              throw new Error(
                `${result.shown}: slug: "${result.known.id}" is already the id of ${twin}; give one a slug of its own`,
              );
            }
            seen.set(result.known.id, result.shown);
            next.set(result.shown, result.known);
            if (!result.entry) continue;
            parsed++;
            const data = await context.parseData({
              id: result.entry.id,
              data: result.entry.data,
              filePath: result.entry.filePath,
            });
            // The body stays in the file: src/data/archive.ts reads it when a page needs it,
            // so the data store (serialised and loaded again by Astro) holds only data.
            // Astro keeps an entry whose digest is unchanged as it was, file path and all: a
            // moved file must replace it, or pages would read its text from the old path.
            if (context.store.get(result.entry.id)?.filePath !== result.shown) context.store.delete(result.entry.id);
            context.store.set({ id: result.entry.id, data, filePath: result.shown, digest: result.known.digest });
          }
        }
        // Entries whose file is gone, or now gives another id, go: no page of theirs survives.
        for (const id of context.store.keys()) if (!seen.has(id)) context.store.delete(id);
        context.meta.set(INDEX, JSON.stringify({ version, files: [...next] }));
        context.logger.info(`${files.length} stories, ${parsed} read and parsed, ${files.length - parsed} unchanged`);
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
