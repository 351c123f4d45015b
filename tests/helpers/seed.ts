import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SEED_NAME = '000_4185d16c950d5fa6.txt';
/** The copy committed with the tests; tests/unit/seed.test.ts holds it equal to shared/. */
export const SEED_COPY = fileURLToPath(new URL(`../fixtures/seed/${SEED_NAME}`, import.meta.url));
/** The seed as handed to the project, beside the repository. */
export const SHARED_SEED = fileURLToPath(new URL(`../../../shared/seed/${SEED_NAME}`, import.meta.url));

export interface Seed {
  raw: string;
  section: string;
  title: string;
  /** The 17 body paragraphs, the first with its dateline and the last with its sign-off. */
  paragraphs: string[];
}

/** Reads the seed story into its parts, as its README describes them. */
export function readSeed(): Seed {
  const raw = readFileSync(existsSync(SHARED_SEED) ? SHARED_SEED : SEED_COPY, 'utf8');
  const lines = raw.split('\n').filter((line) => line.trim() !== '');
  const end = lines.indexOf('Related Articles');
  const [section, title, ...rest] = lines.slice(0, end);
  if (!section || !title || end < 0) throw new Error(`the seed ${SEED_NAME} does not have the expected parts`);
  return { raw, section, title, paragraphs: rest };
}

/** Folds runs of white space into one space, as a reader sees text. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
