import { cacheKey } from '../lib/cache-key';
import { localDay } from '../lib/desk';
import type { ListingPage } from '../lib/paginate';
import { paginate, showsSectionTeasers } from '../lib/paginate';
import { SITE } from '../lib/site';
import { editionOf, storyAnchor } from '../lib/slug';
import type { Story } from '../lib/story';
import { editionParam, getArchive, getEdition, type Group } from './archive';
import { acrossBuilds, buildMemo } from './build-memo';

/**
 * The memo of the cache keys' digests of objects: kept from build to build by the
 * publisher's builder with the stories it keeps (src/data/build-memo.ts), so an unchanged
 * story is not serialised again for its key; one per build elsewhere.
 */
const keyMemo = buildMemo(() => acrossBuilds('cache-keys', () => new WeakMap<object, string>()));

/** One path as `getStaticPaths()` returns it. */
interface StaticPath {
  params: Record<string, string | undefined>;
  props: Record<string, unknown>;
}

/**
 * Every `getStaticPaths()` route passes its paths through here: each gets a `cacheKey`
 * (src/lib/cache-key.ts) over its params, its props and the data every page shows (the
 * editions' navigation, and the edition's share card in the layout of a page without a card
 * in its props), so Astro's incremental build copies a page from the
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
  const memo = keyMemo();
  // The layout shows the page's edition's sections, the other editions in its switcher, and
  // its edition's share card on pages without one. Every edition's card is in every key: an
  // edition's card changes only with its language's messages, the site's name or the card
  // design (code, which the incremental build hashes anyway) or when editions come and go
  // (which changes the switcher, so every key, too).
  const shared = {
    editions: [...editions.values()].map(({ lang, path, name, dir, nav }) => ({ lang, path, name, dir, nav })),
    editionCards: cards.byEdition,
  };
  return paths.map((path) => ({
    ...path,
    cacheKey: cacheKey({ params: path.params, props: path.props, shared, also: alsoShows(path) }, memo),
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

/**
 * {@link keyed} for the pages of a listing (an edition's home page, a section, a tag): a
 * page that shows each section's latest headlines ({@link showsSectionTeasers}) has its
 * edition's {@link sectionTeasers} in its key; the others do not.
 *
 * @example
 * return keyedListing(paginate(stories, { pageSize, basePath: '/' }).map(({ param, page }) => ({ params: { page: param }, props: { page, lang: 'en' } })));
 */
export async function keyedListing<
  P extends StaticPath & { props: { page: ListingPage<Story>; lang: string; tag?: boolean } },
>(paths: readonly P[]) {
  const teasers = await teasersByEdition();
  return keyed(paths, ({ props }) => (showsSectionTeasers(props) ? teasers.get(props.lang) : undefined));
}

/**
 * The pages of every section or every tag of every edition (`param` is the route's
 * parameter, `section` or `tag`): each group's front and archive pages, at `basePath(name,
 * lang)`, with the group's name, the page, the edition's language and the build's day in
 * the props (the day is shown, in "Today" labels, so it is in the cache key), `tag: true` on a
 * tag's pages (see {@link showsSectionTeasers}), plus what
 * `extra` adds for the group (given the group and its edition's language). Keyed by
 * {@link keyedListing}.
 *
 * @example
 * export const getStaticPaths = (() => groupListingPaths('tag', tagPath)) satisfies GetStaticPaths;
 */
export async function groupListingPaths<
  K extends 'section' | 'tag',
  X extends Record<string, unknown> = Record<never, never>,
>(
  param: K,
  basePath: (name: string, lang: string) => string,
  extra: (group: Group, lang: string) => X = () => ({}) as X,
) {
  const { editions, buildTime } = await getArchive();
  const today = localDay(buildTime, SITE.timeZone);
  return keyedListing(
    [...editions.values()].flatMap((edition) =>
      [...(param === 'section' ? edition.sections : edition.tags)].flatMap(([slug, group]) =>
        paginate(group.stories, {
          pageSize: SITE.pageSize,
          basePath: basePath(group.name, edition.lang),
          anchorOf: (story) => storyAnchor(story.id),
        }).map(({ param: pageParam, page }) => ({
          params: {
            edition: editionParam(edition.lang),
            page: pageParam,
            ...({ [param]: slug } as Record<K, string>),
          },
          props: {
            name: group.name,
            page,
            lang: edition.lang,
            today,
            ...(param === 'tag' && { tag: true }),
            ...extra(group, edition.lang),
          },
        })),
      ),
    ),
  );
}
