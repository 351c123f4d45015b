import { cacheKey } from '../lib/cache-key';
import { SITE } from '../lib/site';
import { editionOf } from '../lib/slug';
import { getArchive, getEdition } from './archive';

/** One path as `getStaticPaths()` returns it. */
interface StaticPath {
  params: Record<string, string | undefined>;
  props: Record<string, unknown>;
}

/**
 * Every `getStaticPaths()` route passes its paths through here: each gets a `cacheKey`
 * (src/lib/cache-key.ts) over its params, its props and the data every page shows (the
 * editions' navigation and the edition's share card in the layout), so Astro's incremental build copies a page from the
 * previous build only when nothing it shows has changed. A page that shows anything else
 * must pass it in its props, or return it from `alsoShows` (for data a component reads
 * from the archive itself, such as the section teasers of a front).
 *
 * @example
 * export const getStaticPaths = (async () => keyed(stories.map((story) => ({ params: { id: story.id }, props: { story } })))) satisfies GetStaticPaths;
 */
export async function keyed<P extends StaticPath>(
  paths: readonly P[],
  alsoShows: (path: P) => unknown = () => undefined,
): Promise<(P & { cacheKey: string })[]> {
  const { editions, cards } = await getArchive();
  // The layout shows the page's edition's sections, the other editions in its switcher, and
  // the edition's share card on pages without one.
  const shared = {
    editions: [...editions.values()].map(({ lang, path, name, dir, nav }) => ({ lang, path, name, dir, nav })),
    editionCard: cards.edition,
  };
  return paths.map((path) => ({
    ...path,
    cacheKey: cacheKey({ params: path.params, props: path.props, shared, also: alsoShows(path) }),
  }));
}

/**
 * The latest headlines of each section of an edition, as a front's side column shows them
 * (sorted by name in the edition's language): one function for the column and for the key
 * of the pages that show it.
 *
 * @example
 * const teasers = await sectionTeasers('es'); // [{ name: 'Economía', stories: [...] }, ...]
 */
export async function sectionTeasers(lang: string) {
  const edition = await getEdition(editionOf(lang));
  return [...edition.sections.values()]
    .map(({ name, stories }) => ({ name, stories: stories.slice(0, SITE.sectionTeasers) }))
    .sort((a, b) => a.name.localeCompare(b.name, edition.lang));
}

/**
 * The section teasers of every edition, by language: what the fronts' side column shows,
 * for the cache keys of a route with fronts in several editions.
 *
 * @example
 * const teasers = await teasersByEdition(); teasers.get('es'); // [{ name: 'Economía', stories: [...] }]
 */
export async function teasersByEdition() {
  const { editions } = await getArchive();
  return new Map(
    await Promise.all([...editions.keys()].map(async (lang) => [lang, await sectionTeasers(lang)] as const)),
  );
}
