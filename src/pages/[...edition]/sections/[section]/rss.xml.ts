import type { GetStaticPaths } from 'astro';
import { groupFeed, groupFeedPaths } from '../../../../data/feed-media';

/** Each section's feed: `/sections/<section>/rss.xml`, `/<lang>/sections/<section>/rss.xml`. */
export const getStaticPaths = (() => groupFeedPaths('section')) satisfies GetStaticPaths;

export const GET = groupFeed('section');
