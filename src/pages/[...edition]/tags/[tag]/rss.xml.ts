import type { GetStaticPaths } from 'astro';
import { groupFeed, groupFeedPaths } from '../../../../data/feed-media';

/** Each tag's feed: `/tags/<tag>/rss.xml`, `/<lang>/tags/<tag>/rss.xml`. */
export const getStaticPaths = (() => groupFeedPaths('tag')) satisfies GetStaticPaths;

export const GET = groupFeed('tag');
