import { cacheKey } from '../lib/cache-key';
import { SITE } from '../lib/site';
import { getArchive } from './archive';

/** One path as `getStaticPaths()` returns it. */
interface StaticPath {
  params: Record<string, string | undefined>;
  props: Record<string, unknown>;
}

/**
 * Every `getStaticPaths()` route passes its paths through here: each gets a `cacheKey`
 * (src/lib/cache-key.ts) over its params, its props and the data every page shows (the
 * section navigation and the edition's share card in the layout), so Astro's incremental build copies a page from the
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
  const { nav, cards } = await getArchive();
  // The layout shows the section navigation, and the edition's share card on pages without one.
  const shared = { nav, editionCard: cards.edition };
  return paths.map((path) => ({
    ...path,
    cacheKey: cacheKey({ params: path.params, props: path.props, shared, also: alsoShows(path) }),
  }));
}

/**
 * The latest headlines of each section, as a front's side column shows them (sorted by
 * name): one function for the column and for the key of the pages that show it.
 *
 * @example
 * const teasers = await sectionTeasers(); // [{ name: 'Economy', stories: [...] }, ...]
 */
export async function sectionTeasers() {
  const { sections } = await getArchive();
  return [...sections.values()]
    .map(({ name, stories }) => ({ name, stories: stories.slice(0, SITE.sectionTeasers) }))
    .sort((a, b) => a.name.localeCompare(b.name, SITE.lang));
}
