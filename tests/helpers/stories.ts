import { getRssString } from '@astrojs/rss';
import { feedOptions } from '../../src/lib/feed';
import { parseWireDate } from '../../src/lib/dates';
import type { Story, StoryInput } from '../../src/lib/story';

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

/**
 * What toStory takes, for a story dated 2023-06-20T10:36+06:00 in Astana: tests change the
 * fields they are about.
 */
export function storyInput(changes: Partial<StoryInput> = {}): StoryInput {
  return {
    title: 'T',
    description: 'D',
    pubDate: parseWireDate('2023-06-20T10:36:00+06:00'),
    updatedDate: undefined,
    dateline: { place: 'Astana' },
    agency: 'EFE',
    section: 'World',
    tags: [],
    lang: 'en',
    related: [],
    ...changes,
  };
}
