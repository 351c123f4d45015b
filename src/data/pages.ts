import { cacheKey } from '../lib/cache-key';
import { getArchive } from './archive';

/** One path as `getStaticPaths()` returns it. */
interface StaticPath {
  params: Record<string, string | undefined>;
  props: Record<string, unknown>;
}

/**
 * Every `getStaticPaths()` route passes its paths through here: each gets a `cacheKey`
 * (src/lib/cache-key.ts) over its params, its props and the data every page shows (the
 * section navigation in the layout), so Astro's incremental build copies a page from the
 * previous build only when nothing it shows has changed. A page that shows anything else
 * must pass it in its props, or add it to `shared` below.
 *
 * @example
 * export const getStaticPaths = (async () => keyed(stories.map((story) => ({ params: { id: story.id }, props: { story } })))) satisfies GetStaticPaths;
 */
export async function keyed<P extends StaticPath>(paths: readonly P[]): Promise<(P & { cacheKey: string })[]> {
  const { nav } = await getArchive();
  const shared = { nav };
  return paths.map((path) => ({ ...path, cacheKey: cacheKey({ params: path.params, props: path.props, shared }) }));
}
