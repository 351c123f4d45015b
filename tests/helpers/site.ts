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

/** Where the built site is served for this run (see tests/setup/build-site.ts). */
export const baseUrl = (): string => inject('baseUrl');

/** The address of every built page, as a browser asks for it ("/", "/stories/x/", "/404.html"). */
export function pagePaths(): string[] {
  return builtFiles('.html').map((file) => file.replace(/(^|\/)index\.html$/, '$1'));
}

/** The site path of the seed story. */
export const SEED_STORY_PATH =
  '/stories/tokayev-calls-for-support-for-chinese-other-countries-peace-initiatives-for-ukraine/';

/** The language-editions fixture site (tests/fixtures/editions), built beside the main one. */
export const editions = {
  dir: (): string => inject('editionsDir'),
  url: (): string => inject('editionsUrl'),
  /** The text of one of its files, by site path (Unicode or percent-encoded); a folder path reads its index.html. */
  read(path: string): string {
    const decoded = decodeURI(path);
    const file = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
    return readFileSync(join(inject('editionsDir'), file), 'utf8');
  },
  /** Every page's address, as a browser asks for it. */
  pagePaths(): string[] {
    const dir = inject('editionsDir');
    return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
      .filter((file) => file.endsWith('.html'))
      .map((file) => `/${relative(dir, join(dir, file)).split(sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1'))
      .sort();
  },
};

/** Site paths of the editions fixture's stories. */
export const EDITION_STORIES = {
  en: '/stories/spains-economy-grew-in-the-second-quarter/',
  es: '/stories/la-economia-espanola-crecio-un-0-5-en-el-segundo-trimestre/',
  ar: '/stories/افتتاح-معرض-القاهرة-الدولي-للكتاب-بمشاركة-1200-دار-نشر/',
} as const;
