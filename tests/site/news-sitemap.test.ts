import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAstro } from '../helpers/astro';
import { xmlErrors } from '../helpers/xml';

/**
 * Builds tests/fixtures/news (a story dated at the build time and one three days older) with
 * the build time pinned, twice: the second time with one story changed, to see the card cache.
 */
const BUILD_TIME = '2026-11-27T09:00:00Z';
const scratch = mkdtempSync(join(tmpdir(), 'wire-news-'));
const content = join(scratch, 'content');
const dist = join(scratch, 'dist');
const report = join(scratch, 'cards.json');
const env = { WIRE_BUILD_TIME: BUILD_TIME, WIRE_CARD_REPORT: report };
const parser = new XMLParser({ isArray: (name) => name === 'url', parseTagValue: false });
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const cardsIn = (dir: string) => readdirSync(join(dir, 'cards')).sort();
let first: { cards: number; rendered: number; cached: number };
let firstCards: string[];

beforeAll(() => {
  cpSync(fileURLToPath(new URL('../fixtures/news/', import.meta.url)), content, { recursive: true });
  const build = runAstro('build', { content, scratch }, { env });
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.output}`);
  first = JSON.parse(readFileSync(report, 'utf8'));
  firstCards = cardsIn(dist);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the Google News sitemap with a story dated at the build time', () => {
  it('lists that story with publication name and language, date and title, and nothing older than two days', () => {
    const xml = read('news-sitemap.xml');
    expect(xmlErrors(xml)).toEqual([]);
    const urls = parser.parse(xml).urlset.url;
    expect(urls).toEqual([
      {
        loc: 'https://wire-reader.example/stories/kazakhstan-germany-raw-materials/',
        'news:news': {
          'news:publication': { 'news:name': 'Wire Reader', 'news:language': 'es' },
          'news:publication_date': '2026-11-27T09:00:00Z',
          'news:title': 'Kazakhstan and Germany sign a raw materials partnership',
        },
      },
    ]);
  });

  it('still lists the older story in the ordinary sitemap', () => {
    expect(read('sitemap-1.xml')).toContain('https://wire-reader.example/stories/older-dispatch/');
  });
});

describe('share cards across builds', () => {
  it('renders every card on a cold cache: the two stories, and each of their two editions and its section', () => {
    // An English and a Spanish story of "Economy": each edition has its own card and section card.
    expect(first).toMatchObject({ cards: 6, rendered: 6, cached: 0 });
    expect(firstCards).toHaveLength(6);
  });

  it('renders only the changed card when one story changes, takes the rest from the cache, and prunes old unused cards', () => {
    const [version = ''] = readdirSync(join(scratch, 'cache', 'wire-cards'));
    const cacheDir = join(scratch, 'cache', 'wire-cards', version);
    const stale = join(cacheDir, 'stale0000000000000000.png');
    const recent = join(cacheDir, 'recent000000000000000.png');
    writeFileSync(stale, 'old card');
    writeFileSync(recent, 'recent card');
    const longAgo = new Date(Date.now() - 60 * 86_400_000);
    utimesSync(stale, longAgo, longAgo);
    const file = join(content, 'fresh.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('sign a raw materials partnership', 'sign a minerals deal'));
    const build = runAstro('build', { content, scratch }, { env });
    if (build.status !== 0) throw new Error(`astro build failed:\n${build.output}`);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ cards: 6, rendered: 1, cached: 5 });
    const now = cardsIn(dist);
    expect(now.filter((card) => !firstCards.includes(card))).toHaveLength(1);
    expect(now).not.toContain('manifest.json');
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
  });
});
