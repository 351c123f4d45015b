import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { splitFrontmatter, storyId } from '../lib/frontmatter.ts';
import { checkFields, decodeUtf8, describeTextProblem, findTextProblem } from '../lib/text.ts';
import { storyFiles } from './walk.ts';

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
      const sync = async () => {
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
            try {
              source = decodeUtf8(await readFile(filePath));
            } catch (error) {
              throw new Error(`${shown}: ${(error as Error).message}`, { cause: error });
            }
            const { data: raw, body } = splitFrontmatter(source, shown);
            const checked = checkFields(raw);
            for (const warning of checked.warnings) context.logger.warn(`${shown}: ${warning}`);
            problems.push(...checked.problems.map((problem) => `${shown}: ${problem}`));
            const bodyProblem = findTextProblem(body);
            if (bodyProblem) {
              const bodyStart = source.split('\n').length - body.split('\n').length;
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
          entries.push(...(await Promise.all(batch)));
        }
        if (problems.length > 0) {
          throw new Error(`Stories have ${problems.length} problem(s):\n${problems.join('\n')}`);
        }
        context.store.clear();
        for (const entry of entries) {
          const shown = relative(root, entry.filePath);
          const twin = seen.get(entry.id);
          if (twin)
            throw new Error(`${shown}: slug: "${entry.id}" is already the id of ${twin}; give one a slug of its own`);
          seen.set(entry.id, shown);
          const data = await context.parseData({ id: entry.id, data: entry.data, filePath: entry.filePath });
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
