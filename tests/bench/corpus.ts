/**
 * A deterministic generator of wire stories for the benchmark: the same seed gives the same
 * stories. Realistic spreads: ~10 sections, a few hundred tags with a long tail, 10–30
 * places, a few agencies, 3 years of dates, bodies of 300–900 words. Never committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import type { RelatedInput } from '../../src/lib/related.ts';
import { salientTerms } from '../../src/lib/related.ts';
import { slugify } from '../../src/lib/slug.ts';

/** mulberry32: a small, fast, seeded PRNG. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTIONS = [
  'World',
  'Conflicts & War',
  'Economy',
  'Politics',
  'Science',
  'Health',
  'Sport',
  'Culture',
  'Climate',
  'Technology',
];
const PLACES = [
  'Astana',
  'Madrid',
  'Brussels',
  'Paris',
  'Kyiv',
  'Bogotá',
  'Lima',
  'Nairobi',
  'Tokyo',
  'Cairo',
  'Berlin',
  'Mexico City',
  'Buenos Aires',
  'Delhi',
  'Jakarta',
  'Lagos',
  'Ankara',
  'Hanoi',
  'Quito',
  'Rabat',
];
const AGENCIES = ['EFE', 'AFP', 'Reuters', 'AP'];
const SYLLABLES = [
  'ka',
  'to',
  'ren',
  'mi',
  'sal',
  'vor',
  'del',
  'an',
  'tis',
  'ber',
  'lo',
  'qu',
  'sha',
  'nim',
  'por',
  'ek',
  'ul',
  'dra',
  'fen',
  'ji',
];

function makeWord(rand: () => number, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return word;
}

/** Picks an index in [0, n) with a Zipf-like long tail: low indices are far more common. */
function zipf(rand: () => number, n: number, skew = 1.1): number {
  return Math.min(n - 1, Math.floor(Math.pow(n + 1, Math.pow(rand(), skew)) - 1));
}

/** One generated story: frontmatter values and body. */
export interface GeneratedStory {
  slug: string;
  title: string;
  description: string;
  pubDate: string;
  place: string;
  agency: string;
  section: string;
  tags: string[];
  related: string[];
  body: string;
}

/**
 * Generates `count` stories from `seed`.
 *
 * @example
 * generateStories(2, 1)[0].section; // one of the ten sections
 */
export function generateStories(count: number, seed = 1): GeneratedStory[] {
  const rand = random(seed);
  const vocabulary = Array.from({ length: 6000 }, (_, i) => makeWord(rand, 2 + (i % 3)));
  const tags = Array.from({ length: 300 }, () => {
    const word = makeWord(rand, 2 + Math.floor(rand() * 2));
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
  const uniqueTags = [...new Set(tags)];
  const start = Date.UTC(2022, 0, 1);
  const span = 3 * 365 * 86_400_000;
  const stories: GeneratedStory[] = [];
  for (let i = 0; i < count; i++) {
    const sectionIndex = Math.floor(rand() * SECTIONS.length);
    const section = SECTIONS[sectionIndex] as string;
    // Each section leans on its own slice of the vocabulary, so text similarity means something.
    const topic = (offset: number) => vocabulary[(sectionIndex * 400 + zipf(rand, 2000) + offset) % vocabulary.length];
    const word = () => (rand() < 0.35 ? topic(0) : vocabulary[zipf(rand, vocabulary.length)]) as string;
    const sentence = (min: number, max: number) => {
      const n = min + Math.floor(rand() * (max - min + 1));
      const words = Array.from({ length: n }, word);
      const first = words[0] as string;
      words[0] = first.charAt(0).toUpperCase() + first.slice(1);
      return `${words.join(' ')}.`;
    };
    const title = sentence(6, 12).slice(0, -1);
    const storyTags = new Set<string>();
    const tagCount = 2 + Math.floor(rand() * 5);
    while (storyTags.size < tagCount) storyTags.add(uniqueTags[zipf(rand, uniqueTags.length, 1.4)] as string);
    const words = 300 + Math.floor(rand() * 601);
    const paragraphs: string[] = [];
    let written = 0;
    while (written < words) {
      const paragraph = [sentence(8, 20), sentence(8, 20), sentence(6, 16)].join(' ');
      written += paragraph.split(' ').length;
      paragraphs.push(paragraph);
    }
    const related = i > 10 && rand() < 0.05 ? [stories[Math.floor(rand() * i)]?.slug as string].filter(Boolean) : [];
    stories.push({
      slug: `${slugify(title).slice(0, 60).replace(/-+$/, '')}-${i}`,
      title,
      description: sentence(12, 24),
      pubDate: new Date(start + Math.floor(rand() * span)).toISOString().slice(0, 10),
      place: PLACES[Math.floor(rand() * PLACES.length)] as string,
      agency: AGENCIES[zipf(rand, AGENCIES.length)] as string,
      section,
      tags: [...storyTags],
      related,
      body: paragraphs.join('\n\n'),
    });
  }
  return stories;
}

/**
 * Writes generated stories as content entries (our frontmatter format) into `folder`,
 * 500 to a subfolder.
 *
 * @example
 * writeCorpus('/tmp/corpus', generateStories(10));
 */
export function writeCorpus(folder: string, stories: readonly GeneratedStory[]): void {
  stories.forEach((story, index) => {
    const dir = join(folder, String(Math.floor(index / 500)).padStart(3, '0'));
    if (index % 500 === 0) mkdirSync(dir, { recursive: true });
    const data = {
      title: story.title,
      slug: story.slug,
      description: story.description,
      pubDate: story.pubDate,
      dateline: { place: story.place },
      agency: story.agency,
      section: story.section,
      tags: story.tags,
      lang: 'en',
      ...(story.related.length > 0 && { related: story.related }),
    };
    writeFileSync(join(dir, `${story.slug}.md`), `---\n${dump(data)}---\n\n${story.body}\n`);
  });
}

/** The ranking input for generated stories, as the site builds it. */
export function rankingInput(stories: readonly GeneratedStory[]): RelatedInput[] {
  return stories.map((story) => ({
    id: story.slug,
    section: story.section,
    tags: story.tags,
    date: Date.parse(story.pubDate),
    related: story.related,
    terms: salientTerms(`${story.title} ${story.description}`),
  }));
}
