import { opendir } from 'node:fs/promises';
import { join } from 'node:path';

/** A path under the stories folder that is not read, and why. */
export interface Skipped {
  path: string;
  reason: string;
}

/**
 * The Markdown files under `dir` (paths relative to it, sorted), walking real folders only:
 * a symbolic link is never followed, to a file or a folder, so `ln -s . content/loop`
 * cannot send the walk round for ever. Links, and things that are neither file nor folder,
 * are listed in `skipped` for the build to report. A folder whose name ends in `.md` is a
 * folder like any other.
 *
 * @example
 * const { files, skipped } = await storyFiles('content');
 * files; // ["2023/tokayev.md", ...]
 */
export async function storyFiles(dir: string): Promise<{ files: string[]; skipped: Skipped[] }> {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const walk = async (relative: string) => {
    for await (const entry of await opendir(join(dir, relative))) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        skipped.push({ path: join(dir, path), reason: 'a symbolic link; not followed (copy or move the story here)' });
      } else if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.md')) {
        if (entry.isFile()) files.push(path);
        else skipped.push({ path: join(dir, path), reason: 'not a regular file; not read' });
      }
    }
  };
  await walk('');
  files.sort();
  skipped.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files, skipped };
}
