import { getRssString } from '@astrojs/rss';
import { feedOptions } from '../../src/lib/feed';
import type { Story } from '../../src/lib/story';

/** Frontmatter the story schema accepts: tests change one field of it at a time. */
export const GOOD_FRONTMATTER = {
  title: 'Tokayev calls for support',
  description: 'A standfirst.',
  pubDate: '2023-06-20',
  dateline: { place: 'Astana' },
  agency: 'EFE',
  section: 'Conflicts & War',
  tags: ['Kazakhstan'],
  lang: 'en',
};

/** The site-wide feed (/rss.xml) of these stories, as the build writes it. */
export function rssOf(stories: readonly Story[], limit: number, site = 'https://wire-reader.example'): Promise<string> {
  return getRssString(
    feedOptions({
      title: 'T',
      description: 'D',
      selfPath: '/rss.xml',
      pagePath: '/',
      stories,
      limit,
      lang: 'en',
      site,
    }),
  );
}
