import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive } from '../../../data/archive';
import { keyed } from '../../../data/pages';
import { feedOptions } from '../../../lib/feed';
import { escapeHtml } from '../../../lib/markdown';
import { SITE } from '../../../lib/site';
import { feedPath, sectionPath } from '../../../lib/slug';
import type { Story } from '../../../lib/story';

export const getStaticPaths = (async () => {
  const { sections } = await getArchive();
  return keyed(
    [...sections].map(([section, { name, stories }]) => ({ params: { section }, props: { name, stories } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; stories: Story[] }> = ({ props, site }) =>
  rss(
    feedOptions({
      title: `${SITE.name}: ${props.name}`,
      description: escapeHtml(`${props.name}: the latest wire stories on ${SITE.name}.`),
      selfPath: feedPath(sectionPath(props.name)),
      pagePath: sectionPath(props.name),
      stories: props.stories,
      limit: SITE.feedLimit,
      lang: SITE.lang,
      site: site?.href ?? SITE.url,
    }),
  );
