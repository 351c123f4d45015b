import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readBuildTime } from '../data/build-time.ts';
import { splitFrontmatter, storyId } from '../lib/frontmatter.ts';
import { isPublished, type Publishable } from '../lib/publish.ts';
import { checkFields, decodeUtf8, describeTextProblem, findTextProblem } from '../lib/text.ts';
import { storyFiles } from './walk.ts';

/**
 * The field problems of a schema error as lines naming the file: Astro's message lists one
 * `field: message` line per issue under its heading.
 */
function schemaProblems(shown: string, error: unknown): string[] {
  const message = (error as Error).message.replaceAll('**', '');
  const lines = message
    .replace(/^[\s\S]*?does not match collection schema\.\s*/, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.length > 0 ? lines : [message]).map((line) => `${shown}: ${line}`);
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
        const { files, skipped } = await storyFiles(dir);
        for (const { path, reason } of skipped) context.logger.warn(`${relative(root, path)}: ${reason}`);
        const seen = new Map<string, string>();
        const problems: string[] = [];
        // Read in batches, keeping only frontmatter and a digest: a large archive's text is
        // never held in memory all at once.
        const entries = [];
        for (let start = 0; start < files.length; start += 64) {
          const batch = files.slice(start, start + 64).map(async (file) => {
            const filePath = join(dir, file);
            const shown = relative(root, filePath);
            let source: string;
            let split;
            try {
              source = decodeUtf8(await readFile(filePath));
              split = splitFrontmatter(source, shown);
            } catch (error) {
              const message = (error as Error).message;
              problems.push(message.startsWith(shown) ? message : `${shown}: ${message}`);
              return undefined;
            }
            const checked = checkFields(split.data);
            for (const warning of checked.warnings) context.logger.warn(`${shown}: ${warning}`);
            problems.push(...checked.problems.map((problem) => `${shown}: ${problem}`));
            const bodyProblem = findTextProblem(split.body);
            if (!bodyProblem && split.body.normalize('NFC') !== split.body) {
              context.logger.warn(`${shown}: body: not in Unicode NFC; normalised (it reads the same)`);
            }
            if (bodyProblem) {
              const bodyStart = source.split('\n').length - split.body.split('\n').length;
              const atLine = { ...bodyProblem, line: bodyProblem.line + bodyStart };
              problems.push(`${shown}: ${describeTextProblem('body', atLine, true)}`);
            }
            return {
              id: storyId(checked.data, file),
              data: checked.data,
              filePath,
              digest: context.generateDigest(source),
            };
          });
          for (const entry of await Promise.all(batch)) if (entry) entries.push(entry);
        }
        const stored = [];
        for (const entry of entries) {
          const shown = relative(root, entry.filePath);
          const twin = seen.get(entry.id);
          if (twin) {
            problems.push(`${shown}: slug: "${entry.id}" is already the id of ${twin}; give one a slug of its own`);
            continue;
          }
          seen.set(entry.id, shown);
          try {
            const data = await parseEntry(entry, buildTime);
            stored.push({ ...entry, data, filePath: shown });
          } catch (error) {
            problems.push(...schemaProblems(shown, error));
          }
        }
        // Every problem in every file at once: an editor fixes a batch in one go.
        if (problems.length > 0) {
          // Files were read in parallel: list them in file order, each file's lines as found.
          const fileOf = (problem: string) => problem.slice(0, problem.indexOf(':'));
          problems.sort((a, b) => (fileOf(a) < fileOf(b) ? -1 : fileOf(a) > fileOf(b) ? 1 : 0));
          throw new Error(`Stories have ${problems.length} problem(s):\n${problems.join('\n')}`);
        }
        context.store.clear();
        // The body stays in the file: src/data/archive.ts reads it when it builds the
        // archive, so the data store (serialised and loaded again by Astro) holds only data.
        for (const { id, data, filePath, digest } of stored) context.store.set({ id, data, filePath, digest });
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
