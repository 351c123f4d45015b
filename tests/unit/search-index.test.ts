/**
 * The search index integration (src/integrations/search-index.ts) on a two-story site in a
 * temporary folder, with the real Pagefind: in the background, its build hook returns at once
 * and `indexed()` settles with the index, or with the indexing's error.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchIndex } from '../../src/integrations/search-index';
import { listingHandoff, stampOf, type ListingHandoff, type Stamp } from '../../src/integrations/tree';

const story = (title: string, date: string, body = true) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body>` +
  `<article${body ? ' data-pagefind-body' : ''}><h1>${title}</h1>` +
  `<time datetime="${date}" data-pagefind-sort="date[datetime]">${date}</time>` +
  `<p>Astana, Jun 20 (EFE).- ${title} met the president in Astana.</p></article></body></html>`;

let root = '';
let site = '';
const logged: string[] = [];
const logger = {
  info: (message: string) => logged.push(message),
  warn: (message: string) => logged.push(message),
  error: (message: string) => logged.push(message),
  debug: () => undefined,
} as unknown as AstroIntegrationLogger;
const write = (file: string, text: string) => {
  mkdirSync(join(site, file, '..'), { recursive: true });
  writeFileSync(join(site, file), text);
};

/** The integration, set up as Astro would, and its build hook run on the site. */
async function buildDone(background: boolean, handoff?: ListingHandoff) {
  const search = searchIndex({ background, handoff });
  const hooks = search.hooks as Record<string, (options: unknown) => unknown>;
  await hooks['astro:config:done']?.({ config: { cacheDir: pathToFileURL(join(root, 'cache/')) } });
  const hook = Promise.resolve(hooks['astro:build:done']?.({ dir: pathToFileURL(`${site}/`), logger }));
  return { search, hook };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'search-index-'));
  site = join(root, 'dist');
  logged.length = 0;
  write('stories/tokayev/index.html', story('Tokayev', '2025-06-20T09:14Z'));
  write('stories/dombrovskis/index.html', story('Dombrovskis', '2025-06-19T10:00Z'));
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('searchIndex in a build', () => {
  it.each([
    { background: false, whenHookReturns: true },
    { background: true, whenHookReturns: false },
  ])(
    'with background $background, the index is written when the hook returns: $whenHookReturns; indexed() waits for it',
    async ({ background, whenHookReturns }) => {
      const { search, hook } = await buildDone(background);
      await hook;
      expect(existsSync(join(site, 'pagefind/pagefind-entry.json'))).toBe(whenHookReturns);
      await search.indexed();
      expect(existsSync(join(site, 'pagefind/pagefind-entry.json'))).toBe(true);
      // The stories are of two days of one month: the older day in the main bundle, the newest in recent.
      expect(logged.join('\n')).toContain('search: 2 story page(s); /pagefind/ 1 indexed; /pagefind-recent/ 1 indexed');
    },
  );

  it('in the background, rejects indexed() with the indexing’s error, which names the page', async () => {
    write('stories/no-body/index.html', story('No body', '2025-06-18T08:00Z', false));
    const { search, hook } = await buildDone(true);
    await expect(hook).resolves.toBeUndefined();
    await expect(search.indexed()).rejects.toThrow('stories/no-body/index.html has no article with data-pagefind-body');
  });
});

describe("searchIndex with the incremental step's listing of the site", () => {
  /** A listing holding the given story pages, covering the top-level entries `within` accepts. */
  const listing = (within: (name: string) => boolean, pages: string[]) => {
    const handoff = listingHandoff();
    handoff.put({ within, stamps: new Map(pages.map((page) => [page, stampOf(join(site, page)) as Stamp])) });
    return handoff;
  };

  it('takes the story pages from the listing when it covers the stories, not from the folder', async () => {
    const handoff = listing(() => true, ['stories/tokayev/index.html', 'index.html']);
    const { search } = await buildDone(false, handoff);
    await search.indexed();
    // Counted from the listing (Pagefind itself still reads the pages on disk).
    expect(logged.join('\n')).toContain('search: 1 story page(s);');
  });

  it('reads the folder when the listing does not cover the stories, or none was put this build', async () => {
    for (const handoff of [listing((name) => name !== 'stories', []), listingHandoff()]) {
      logged.length = 0;
      const { search } = await buildDone(false, handoff);
      await search.indexed();
      expect(logged.join('\n')).toContain('search: 2 story page(s)');
    }
  });
});
