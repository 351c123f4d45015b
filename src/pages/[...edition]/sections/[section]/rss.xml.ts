import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { editionParam, getArchive } from '../../../../data/archive';
import { keyed } from '../../../../data/pages';
import { feedOptions } from '../../../../lib/feed';
import { formatMessage, messagesFor } from '../../../../lib/i18n';
import { escapeHtml } from '../../../../lib/markdown';
import { SITE } from '../../../../lib/site';
import { feedPath, sectionPath } from '../../../../lib/slug';
import type { Story } from '../../../../lib/story';

export const getStaticPaths = (async () => {
  const { editions } = await getArchive();
  return keyed(
    [...editions.values()].flatMap((edition) =>
      [...edition.sections].map(([section, { name, stories }]) => ({
        params: { edition: editionParam(edition.lang), section },
        // Only the stories the feed carries: its cache key covers what it shows.
        props: { name, stories: stories.slice(0, SITE.feedLimit), lang: edition.lang },
      })),
    ),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; stories: Story[]; lang: string }> = ({ props, site }) => {
  const m = messagesFor(props.lang);
  return rss(
    feedOptions({
      title: formatMessage(m.feedTitle, { site: SITE.name, name: props.name }, props.lang),
      description: escapeHtml(
        formatMessage(m.sectionDescription, { section: props.name, site: SITE.name }, props.lang),
      ),
      selfPath: feedPath(sectionPath(props.name, props.lang)),
      pagePath: sectionPath(props.name, props.lang),
      stories: props.stories,
      limit: SITE.feedLimit,
      lang: props.lang,
      site: site?.href ?? SITE.url,
    }),
  );
};
