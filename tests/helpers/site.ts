import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { inject } from 'vitest';

/** The folder the site was built into for this run (see tests/setup/build-site.ts). */
export const siteDir = (): string => inject('siteDir');

/** Every file of the built site with the given ending, as site paths ("/stories/x/index.html"). */
export function builtFiles(ending: string): string[] {
  const dir = siteDir();
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith(ending))
    .map((file) => `/${relative(dir, join(dir, file)).split(sep).join('/')}`)
    .sort();
}

/** The text of a built file, by site path; a folder path reads its index.html. */
export function readBuilt(path: string): string {
  const file = path.endsWith('/') ? `${path}index.html` : path;
  return readFileSync(join(siteDir(), file), 'utf8');
}
