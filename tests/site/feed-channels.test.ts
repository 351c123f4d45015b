import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { xmlErrors } from '../helpers/xml';
import { editions, siteDir } from '../helpers/site';

/**
 * What a subscriber sees of a feed before any story: its channel's title and description,
 * in the feed reader's list, and the title a page advertises for it. Checked on every feed
 * of both built sites (the main one and the language editions).
 */
const sites = { main: siteDir, editions: editions.dir };
type SiteName = keyof typeof sites;

/** Every built file of a site with the given ending, as site paths. */
function files(name: SiteName, ending: string): string[] {
  const dir = sites[name]();
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith(ending))
    .map((file) => `/${relative(dir, join(dir, file)).split(sep).join('/')}`)
    .sort();
}

const read = (name: SiteName, path: string) => readFileSync(join(sites[name](), path), 'utf8');
// A real XML parser: entities are decoded once, as a feed reader decodes them.
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, processEntities: true });

function channel(name: SiteName, path: string): { title: string; description: string } {
  const xml = read(name, path);
  expect(xmlErrors(xml)).toEqual([]);
  return (parser.parse(xml) as { rss: { channel: { title: string; description: string } } }).rss.channel;
}

const feeds = (['main', 'editions'] as const).flatMap((name) => files(name, 'rss.xml').map((path) => [name, path]));
// Text a reader would show as markup: an entity or tag left over after the XML is decoded.
const LEFT_OVER_MARKUP = /&(?:[a-z]+|#\d+|#x[\da-f]+);|<\/?[a-z]/i;

describe('feed channels', () => {
  it('are checked on both sites', () => {
    expect(feeds.filter(([name]) => name === 'main').length).toBeGreaterThan(1);
    expect(feeds.filter(([name]) => name === 'editions').length).toBeGreaterThan(5);
  });

  it.each(feeds)('%s %s gives its title and description as plain text, escaped once', (name, path) => {
    const { title, description } = channel(name as SiteName, path);
    expect(title.trim()).not.toBe('');
    expect(description.trim()).not.toBe('');
    expect(title).not.toMatch(LEFT_OVER_MARKUP);
    expect(description).not.toMatch(LEFT_OVER_MARKUP);
  });

  it.each([
    [
      'main',
      '/tags/kazakhstan/rss.xml',
      'Wire Reader: Stories tagged Kazakhstan',
      'Wire stories tagged Kazakhstan on Wire Reader.',
    ],
    [
      'editions',
      '/es/tags/espana/rss.xml',
      'Wire Reader: Noticias sobre España',
      'Noticias de agencia sobre España en Wire Reader.',
    ],
  ] as const)('%s %s is the tag’s feed, named after its heading', (name, path, title, description) => {
    expect(channel(name, path)).toMatchObject({ title, description });
  });

  it('names a section with an ampersand as written', () => {
    expect(channel('main', '/sections/conflicts-war/rss.xml')).toMatchObject({
      title: 'Wire Reader: Conflicts & War',
      description: 'Conflicts & War: the latest wire stories on Wire Reader.',
    });
  });
});

/** Every feed a site's pages advertise, by path, with each title it is advertised under and the pages that do. */
function advertised(name: SiteName): Map<string, Map<string, string[]>> {
  const found = new Map<string, Map<string, string[]>>();
  for (const page of files(name, '.html')) {
    const $ = cheerio.load(read(name, page));
    for (const link of $('link[rel="alternate"][type="application/rss+xml"]').toArray()) {
      const path = decodeURI(new URL($(link).attr('href') ?? '').pathname);
      const titles = found.get(path) ?? new Map<string, string[]>();
      const title = $(link).attr('title') ?? '(no title)';
      titles.set(title, [...(titles.get(title) ?? []), page]);
      found.set(path, titles);
    }
  }
  return found;
}

describe('advertised feed titles', () => {
  const links = (['main', 'editions'] as const).flatMap((name) =>
    [...advertised(name)].map(([path, titles]) => [name, path, titles] as const),
  );

  it('cover every feed of both sites', () => {
    expect(links.map(([name, path]) => `${name} ${path}`).sort()).toEqual(
      feeds.map(([name, path]) => `${name} ${path}`).sort(),
    );
  });

  it.each(links)('%s %s is advertised under its channel title, on every page', (name, path, titles) => {
    const { title } = channel(name, path);
    expect(Object.fromEntries([...titles].map(([text, pages]) => [text, pages.length]))).toEqual({
      [title]: [...titles.values()].flat().length,
    });
  });
});
