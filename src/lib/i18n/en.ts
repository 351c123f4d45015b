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
  theRssFeed: 'an RSS feed',
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
  allStories: 'All stories',
  feedTitle: '{site}: {name}',

  footerCredit:
    '{site} publishes wire copy as the agencies filed it; each story is the work of the agency credited under it.',
  tagline: 'Agency wire copy, word for word, as it was filed',
  latestNav: 'Latest',
  archiveTitle: 'Archive',
  aboutLink: 'About',
  correctionsLink: 'Corrections',
  contactLink: 'Contact',
  termsLink: 'Terms of use',
  searchLabel: 'Search stories',
  searchButton: 'Search',

  earlierByDay: 'Earlier stories, day by day',
  otherSections: 'Other sections',
  bySection: 'By section',

  published: 'Published',
  correction: 'Correction',
  corrections: 'Corrections',

  archiveDescription: 'Every story on {site}, month by month and day by day.',
  archiveIntro: 'Every story, month by month and day by day. A day’s page never changes once the day is over.',
  storyCount: { one: '{count} story', other: '{count} stories' },
  monthDescription: 'Wire stories on {site} in {month}, day by day.',
  dayDescription: 'Wire stories on {site} for {date}.',
  allMonths: 'All months',
  allOfMonth: 'All of {month}',
  earlierDate: 'Earlier: {date}',

  searchTitle: 'Search',
  searchDescription: 'Search every story on {site}.',
  searchWords: 'Words to find',
  searchFilters: 'Narrow and sort',
  filterSection: 'Section',
  allSections: 'All sections',
  filterAgency: 'Agency',
  allAgencies: 'All agencies',
  filterLanguage: 'Language',
  allLanguages: 'All languages',
  filterYear: 'Year',
  allYears: 'All years',
  filterOrder: 'Order',
  sortRelevance: 'Best match first',
  sortNewest: 'Newest first',
  sortOldest: 'Oldest first',
  searchNoScriptHeading: 'Search needs JavaScript',
  searchNoScript:
    'Searching runs in your browser, and JavaScript is off. Everything else on {site} works without it: start ' +
    'from {home}, browse a section or a topic below, or follow new stories through {feeds}.',
  theRssFeeds: 'the RSS feeds',
  topics: 'Topics',
  searchResults: 'Search results',
  showMore: 'Show more results',
  searchRunning: '“{q}”: {title}',
  searchForWords: ' “{q}”',
  searchForFilters: ' the chosen filters',
  searchNarrowed: ' with the chosen filters',
  searchNone: 'No stories match{what}{narrowed}. Check the spelling, try other or fewer words, or widen the filters.',
  searchFound: { one: '{count} story matches{what}{narrowed}.', other: '{count} stories match{what}{narrowed}.' },
  searchFailure:
    'Search is not working right now: the search index could not be loaded. Try again in a moment, ' +
    'or browse the sections above and the feeds.',

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
