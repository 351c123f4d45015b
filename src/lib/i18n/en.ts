import type { Messages } from './types.ts';

/** English: the site's default language, and the fallback for languages without a table. */
export default {
  languageName: 'English',
  datelineSeparator: ', ',

  siteDescription: 'News-agency wire stories, word for word, as the agencies filed them.',
  skipLink: 'Skip to content',
  sectionsNav: 'Sections',
  editionsNav: 'Editions',

  latestStories: 'Latest stories',
  listingPage: '{heading}, page {page}',
  sectionDescription: '{section}: the latest wire stories on {site}.',
  tagHeading: 'Stories tagged {tag}',
  tagDescription: 'Wire stories tagged {tag} on {site}.',
  followWithRss: 'Follow {heading} with RSS',

  paginationLabel: 'Pages',
  newerStories: 'Newer stories',
  olderStories: 'Older stories',
  pageOf: 'Page {page} of {pages}',

  updated: 'Updated',
  tagsLabel: 'Tags',
  alsoIn: 'Also in:',
  translationsLabel: 'Other languages',
  relatedHeading: 'Related Articles',
  relatedEmpty: 'No related stories yet. Read more in {section}, or follow new stories through {feed}.',
  theRssFeed: 'the RSS feed',
  backToTop: 'Back to top',

  urgencyFlash: 'Flash',
  urgencyUrgent: 'Urgent',

  notFoundTitle: 'Page not found',
  notFoundDescription: 'There is no page at this address.',
  notFoundBody:
    'There is no story or page at this address. It may have been mistyped, or the link that brought you here may be wrong.',
  notFoundNext: 'Go to {home}, pick a section above, or read one of these:',
  latestStoriesLink: 'the latest stories',
  notFoundElsewhere: 'Page not found. Go to {home}.',
  notFoundPermanence: '{site} stories keep their address for good: a link to a story that once worked still works.',

  feedsTitle: 'RSS feeds',
  feedsDescription: 'Follow {site} in a feed reader.',
  feedsIntro:
    "A feed brings new stories to you as they are published, whole and word for word. Copy a feed's address into " +
    'a feed reader (NetNewsWire, Feedly, Thunderbird, Inoreader and many others). Each feed carries the latest ' +
    '{limit} stories.',
  feedPreviewTitle: 'RSS feed:',
  feedPreviewHeading: 'This is an RSS feed',
  feedPreviewIntro:
    'A feed brings new stories to you. Copy this address into a feed reader (NetNewsWire, Feedly, Thunderbird, Inoreader, and many others) to follow {title}:',
  allStories: 'All stories',
  feedTitle: '{site}: {name}',

  footerCredit:
    '{site} publishes wire copy as the agencies filed it; each story is the work of the agency credited under it.',
  subscribeRss: 'Subscribe with RSS',
  allFeeds: 'All feeds',

  furniture: [
    'related articles',
    'related',
    'related news',
    'back to top',
    'back to top button',
    'share',
    'share this',
    'share this article',
    'share on facebook',
    'share on twitter',
    'read more',
    'read more:',
    'see also',
    'advertisement',
    'tweet',
    'print',
    'email',
    'copy link',
    'comments',
    'subscribe',
    'follow us',
    'most read',
    'top stories',
    'skip to content',
  ],
} satisfies Messages;
