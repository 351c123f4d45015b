import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { readBuildTime } from '../data/build-time.ts';
import { importClosure } from '../lib/code-version.ts';
import { splitFrontmatter, storyId } from '../lib/frontmatter.ts';
import { isPublished } from '../lib/publish.ts';
import type { storySchema } from '../lib/schema.ts';
import { checkFields, decodeUtf8, describeTextProblem, findTextProblem } from '../lib/text.ts';
import { storyFiles } from './walk.ts';

/** Meta-store key of the file index kept between builds. */
const INDEX = 'files';

/** What the loader remembers of a file between builds: enough to know it has not changed. */
interface Known {
  size: number;
  mtimeMs: number;
  digest: string;
  id: string;
  /** The file has a photo that was left out because the story was not yet published: read it again next build. */
  imageHeld?: boolean;
}

/**
 * A digest of the code that turns a file into an entry (the content config and every file
 * of the site's own it imports, and the lockfile): when it changes, every file is read and
 * checked again, and every entry's digest changes with it, since the same file may now make
 * different data (Astro keeps an entry whose digest is unchanged as it was). Code the loader
 * never runs (pages, the search step) is not in it. Astro itself clears the store only when
 * content.config.ts changes.
 */
function parserVersion(root: string, generateDigest: (text: string) => string): string {
  // Each file read once: the closure tries a path, reads it when it is taken, and the digest reads it again.
  const texts = new Map<string, string | undefined>();
  const read = (file: string) => {
    if (!texts.has(file))
      texts.set(file, statSync(file, { throwIfNoEntry: false })?.isFile() ? readFileSync(file, 'utf8') : undefined);
    return texts.get(file);
  };
  const files = [...importClosure([join(root, 'src/content.config.ts')], read), join(root, 'package-lock.json')];
  return generateDigest(files.map((file) => `${relative(root, file)}\n${read(file) ?? ''}`).join('\0'));
}

/**
 * The field problems of a schema error as lines naming the file, one `field: message` line
 * per issue: from the schema's own issues, or from Astro's message, which lists them so
 * under its heading.
 */
function schemaProblems(shown: string, error: unknown): string[] {
  if (error instanceof z.ZodError) {
    return error.issues.map((issue) => {
      // An issue of the story as a whole (a misspelt field's name) has no path.
      const field = issue.path.join('.');
      return `${shown}: ${field ? `${field}: ` : ''}${issue.message}`;
    });
  }
  const message = (error as Error).message.replaceAll('**', '');
  const lines = message
    .replace(/^[\s\S]*?does not match collection schema\.\s*/, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.length > 0 ? lines : [message]).map((line) => `${shown}: ${line}`);
}

/** A file that could not be read or split as a problem line, naming the file once. */
function fileProblem(shown: string, error: unknown): string {
  const message = (error as Error).message;
  return message.startsWith(shown) ? message : `${shown}: ${message}`;
}

/**
 * Loads stories from Markdown files under `base`. Unlike Astro's glob loader it keeps the
 * body in the file and never makes a Markdown module or render of its own: pages and feeds
 * render bodies with src/lib/markdown.ts, so this is the one Markdown path, and a large
 * archive is not bundled file by file.
 *
 * Every file is read as strict UTF-8 and every field and the body go through the text
 * rules of src/lib/text.ts before the schema sees them. Symbolic links under `base` are
 * never followed (each is reported), so a link loop cannot hang the build.
 *
 * Warm builds do not read the archive again. The loader remembers each file's size, mtime,
 * digest and story id from the last build that succeeded (in Astro's data store, beside the
 * entries): a file whose size and mtime are unchanged keeps its entry unread; a touched file
 * is read, and checked and parsed again only when its digest changed. A deleted or
 * moved-away file's entry is deleted, so its pages go at the next build. Any change to the
 * loading code (what src/content.config.ts imports, the lockfile) reads and checks every
 * file again and gives every entry a new digest.
 * Warnings about a file (e.g. text normalised to NFC) are given when it is read, so once.
 */
export function storyLoader({
  base,
  checks,
}: {
  base: string;
  /** The collection's checks, with a photo's `src` as a plain path (src/lib/schema.ts, `storySchemas`). */
  checks: typeof storySchema;
}): Loader {
  return {
    name: 'wire-reader-stories',
    load: async (context: LoaderContext) => {
      const root = fileURLToPath(context.config.root);
      const dir = resolve(root, base);
      // A photo goes through astro:assets, which copies it into dist/_astro, only when its
      // story is published at this build: an embargoed or withheld story's photo must not
      // leak. (This time is taken before src/data/archive.ts takes its own, so whatever is
      // published here is published there too.)
      // Such a story's file is read again at every build until it is published, so the photo
      // appears at the first build after its embargo even though the file has not changed.
      const parseEntry = async (
        entry: { id: string; data: Record<string, unknown>; filePath: string },
        buildTime: Date,
      ): Promise<{ data: Record<string, unknown>; imageHeld: boolean }> => {
        // Every field is checked here (a photo's src as a path), rather than through
        // context.parseData, for which Astro makes the collection's schema anew for every
        // entry (for the entry's own image() helper): only a published photo needs that.
        const checked = await checks.safeParseAsync(entry.data);
        if (!checked.success) throw checked.error;
        const data = checked.data;
        if (data.image === undefined) return { data, imageHeld: false };
        if (isPublished(data, buildTime)) {
          return {
            data: await context.parseData({ id: entry.id, data: entry.data, filePath: entry.filePath }),
            imageHeld: false,
          };
        }
        return { data: { ...data, image: undefined }, imageHeld: true };
      };
      const sync = async () => {
        const buildTime = readBuildTime();
        const version = parserVersion(root, context.generateDigest);
        let known = new Map<string, Known>();
        try {
          const saved = JSON.parse(context.meta.get(INDEX) ?? 'null') as { version: string; files: [string, Known][] };
          if (saved.version === version) known = new Map(saved.files);
        } catch {
          // no index yet, or an unreadable one: read every file
        }
        const { files, skipped } = await storyFiles(dir);
        for (const { path, reason } of skipped) context.logger.warn(`${relative(root, path)}: ${reason}`);
        const seen = new Map<string, string>();
        const next = new Map<string, Known>();
        const problems: string[] = [];
        /** Entries read and checked this time, to parse and store. */
        const entries = [];
        // Files are looked at in batches: a large archive's text is never held in memory at once.
        for (let start = 0; start < files.length; start += 64) {
          const batch = files.slice(start, start + 64).map(async (file) => {
            const filePath = join(dir, file);
            const shown = relative(root, filePath);
            const before = known.get(shown);
            const unchanged = before !== undefined && !before.imageHeld && context.store.has(before.id);
            let info;
            let source: string;
            let split;
            try {
              info = await stat(filePath);
              if (unchanged && before.size === info.size && before.mtimeMs === info.mtimeMs) {
                return { shown, known: before, entry: undefined };
              }
              source = decodeUtf8(await readFile(filePath));
            } catch (error) {
              problems.push(fileProblem(shown, error));
              return undefined;
            }
            const digest = context.generateDigest(`${version}\n${source}`);
            const mark = { size: info.size, mtimeMs: info.mtimeMs, digest };
            if (unchanged && before.digest === digest)
              return { shown, known: { ...mark, id: before.id }, entry: undefined };
            try {
              split = splitFrontmatter(source, shown);
            } catch (error) {
              problems.push(fileProblem(shown, error));
              return undefined;
            }
            const checked = checkFields(split.data);
            for (const warning of checked.warnings) context.logger.warn(`${shown}: ${warning}`);
            for (const problem of checked.problems) problems.push(`${shown}: ${problem}`);
            const bodyProblem = findTextProblem(split.body);
            if (!bodyProblem && split.body.normalize('NFC') !== split.body) {
              context.logger.warn(`${shown}: body: not in Unicode NFC; normalised (it reads the same)`);
            }
            if (bodyProblem) {
              const bodyStart = source.split('\n').length - split.body.split('\n').length;
              const atLine = { ...bodyProblem, line: bodyProblem.line + bodyStart };
              problems.push(`${shown}: ${describeTextProblem('body', atLine, true)}`);
            }
            const id = storyId(checked.data, file);
            return { shown, known: { ...mark, id }, entry: { id, data: checked.data, filePath } };
          });
          for (const result of await Promise.all(batch)) {
            if (!result) continue;
            const twin = seen.get(result.known.id);
            if (twin) {
              problems.push(
                `${result.shown}: slug: "${result.known.id}" is already the id of ${twin}; give one a slug of its own`,
              );
              continue;
            }
            seen.set(result.known.id, result.shown);
            next.set(result.shown, result.known);
            if (result.entry) entries.push({ ...result.entry, shown: result.shown, digest: result.known.digest });
          }
        }
        const stored = [];
        for (const entry of entries) {
          try {
            const { data, imageHeld } = await parseEntry(entry, buildTime);
            // Astro keeps an entry whose digest is unchanged as it was: a held photo marks the
            // digest, so the entry (and its page's cache key) changes when the photo appears.
            const digest = imageHeld ? `${entry.digest}-photo-held` : entry.digest;
            stored.push({ id: entry.id, data, filePath: entry.shown, digest });
            const known = next.get(entry.shown);
            if (known && imageHeld) next.set(entry.shown, { ...known, imageHeld });
          } catch (error) {
            for (const problem of schemaProblems(entry.shown, error)) problems.push(problem);
          }
        }
        // Every problem in every file at once: an editor fixes a batch in one go.
        if (problems.length > 0) {
          // Files were read in parallel: list them in file order, each file's lines as found.
          const fileOf = (problem: string) => problem.slice(0, problem.indexOf(':'));
          problems.sort((a, b) => (fileOf(a) < fileOf(b) ? -1 : fileOf(a) > fileOf(b) ? 1 : 0));
          throw new Error(`Stories have ${problems.length} problem(s):\n${problems.join('\n')}`);
        }
        // Entries whose file is gone, or now gives another id, go: no page of theirs survives.
        for (const id of context.store.keys()) if (!seen.has(id)) context.store.delete(id);
        // The body stays in the file: src/data/archive.ts reads it when a page needs it, so
        // the data store (serialised and loaded again by Astro) holds only data.
        for (const entry of stored) {
          // Astro keeps an entry whose digest is unchanged as it was, file path and all: a
          // moved file must replace it, or pages would read its text from the old path.
          if (context.store.get(entry.id)?.filePath !== entry.filePath) context.store.delete(entry.id);
          context.store.set(entry);
        }
        // Set only when it changed: any set makes Astro write the whole data store again.
        const index = JSON.stringify({ version, files: [...next] });
        if (context.meta.get(INDEX) !== index) context.meta.set(INDEX, index);
        context.logger.info(
          `${files.length} stories, ${entries.length} read and parsed, ${files.length - entries.length} unchanged`,
        );
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
