/**
 * The shape of one language's table of reader-facing messages. Every table is declared
 * `satisfies Messages`, so a missing or misspelt key is a type error, never a blank on a page.
 *
 * Text in `{braces}` is a placeholder filled by {@link ./format.ts}; a table must use the
 * same placeholders as English (a unit test checks it).
 */
/**
 * A message that changes with a number: one text per plural category of the language
 * (`Intl.PluralRules`), `other` always there. Filled by `pluralMessage`.
 */
export type PluralMessage = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

export interface Messages {
  /** The language's own name, as the edition switcher shows it: `Español`, `العربية`. */
  languageName: string;
  /** What separates the place from the date in a dateline: `, ` or the Arabic comma `، `. */
  datelineSeparator: string;

  /** The site's one-line description, on the edition's front page and feeds. */
  siteDescription: string;
  skipLink: string;
  /** aria-label of the header's list of sections. */
  sectionsNav: string;
  /** aria-label of the header's list of other editions. */
  editionsNav: string;

  /** The front page's heading. */
  latestStories: string;
  /** A listing's later page, e.g. `{heading}, page {page}`. */
  listingPage: string;
  /** The `<meta description>` of a section page: `{section}`, `{site}`. */
  sectionDescription: string;
  /** A tag page's heading: `{tag}`. */
  tagHeading: string;
  /** The `<meta description>` of a tag page: `{tag}`, `{site}`. */
  tagDescription: string;
  /** The link to a listing's own feed: `{heading}`. */
  followWithRss: string;

  /** aria-label of the pagination block. */
  paginationLabel: string;
  newerStories: string;
  olderStories: string;
  /** An archive page, `{page}` counted from the oldest story (pages never renumber). */
  pageNumber: string;
  /** Where the pagination block names the front of a listing (its latest stories). */
  latestPage: string;

  /** Before the update time on a story: `Updated`. */
  updated: string;
  /** aria-label of a story's list of tags. */
  tagsLabel: string;
  /** Before the links to a story's other languages: `Also in:`. */
  alsoIn: string;
  /** aria-label of the links to a story's other languages. */
  translationsLabel: string;
  relatedHeading: string;
  /** When no related story exists: `{section}` and `{feed}` become links. */
  relatedEmpty: string;
  /** The text of the `{feed}` link in {@link relatedEmpty}. */
  theRssFeed: string;
  backToTop: string;

  /** Urgency labels for flash and urgent wire items (NewsML urgency 1 and 2). */
  urgencyFlash: string;
  urgencyUrgent: string;

  notFoundTitle: string;
  notFoundDescription: string;
  notFoundBody: string;
  /** `{home}` becomes a link with {@link latestStoriesLink} as its text. */
  notFoundNext: string;
  latestStoriesLink: string;
  /** The one-line version for other editions on the 404 page: `{home}` links their front page. */
  notFoundElsewhere: string;
  /** `{site}`. */
  notFoundPermanence: string;

  feedsTitle: string;
  /** `{site}`. */
  feedsDescription: string;
  /** `{limit}`: the number of stories each feed carries. */
  feedsIntro: string;
  /** The name of an edition's feed of every story. */
  allStories: string;
  /** A feed's title in feed readers: `{site}`, `{name}`. */
  feedTitle: string;

  /** The footer's credit line: `{site}`. */
  footerCredit: string;

  /** The line beside the wordmark in the masthead. */
  tagline: string;
  /** The sections bar's first link, to the edition's front page. */
  latestNav: string;
  /** The archive: its page title, its link in the sections bar and the footer, its aria-label. */
  archiveTitle: string;
  /** Footer links to the publisher pages. */
  aboutLink: string;
  correctionsLink: string;
  contactLink: string;
  termsLink: string;
  /** The header search box's name (aria-label) and its button. */
  searchLabel: string;
  searchButton: string;

  /** Under a listing: the link to its oldest story's month in the archive. */
  earlierByDay: string;
  /** The side column's heading on a section's page, and on other listings. */
  otherSections: string;
  bySection: string;

  /** The small line above the section's name on a section's share card (the image a shared link shows). */
  cardSection: string;
  /** The alternative text (`og:image:alt`) of an edition's share card: `{site}`, `{description}` (its big line). */
  cardEditionAlt: string;
  /** The alternative text of a section's share card: `{section}`, `{site}`. */
  cardSectionAlt: string;

  /** Before the publication time on a story. */
  published: string;
  /** The heading of a story's correction notes: one, or several. */
  correction: string;
  corrections: string;
  /** The corrections page: the heading of its list of corrected stories, and the line shown when there are none. */
  correctedStories: string;
  noCorrections: string;

  /** `{site}`. */
  archiveDescription: string;
  archiveIntro: string;
  /** How many stories a month or a day has: `{count}`, in each plural form the language has. */
  storyCount: PluralMessage;
  /** `{site}`, `{month}`. */
  monthDescription: string;
  /** `{site}`, `{date}`. */
  dayDescription: string;
  allMonths: string;
  /** `{month}`. */
  allOfMonth: string;
  /** A link to the day or month before: `{date}`. */
  earlierDate: string;

  searchTitle: string;
  /** `{site}`. */
  searchDescription: string;
  searchWords: string;
  searchFilters: string;
  filterSection: string;
  allSections: string;
  filterAgency: string;
  allAgencies: string;
  filterLanguage: string;
  allLanguages: string;
  filterYear: string;
  allYears: string;
  filterOrder: string;
  sortRelevance: string;
  sortNewest: string;
  sortOldest: string;
  searchNoScriptHeading: string;
  /** `{site}`; `{home}` and `{feeds}` become links ({@link latestStoriesLink}, {@link theRssFeeds}). */
  searchNoScript: string;
  theRssFeeds: string;
  /** The heading of the most used tags on the search page without JavaScript. */
  topics: string;
  /** aria-label of the list of results. */
  searchResults: string;
  showMore: string;
  /** The search page's title while a search runs: `{q}`, `{title}`. */
  searchRunning: string;
  /** What a search is for, in the result lines: `“{q}”`, or the filters alone. */
  searchForWords: string;
  searchForFilters: string;
  /** Added when words and filters were both given. */
  searchNarrowed: string;
  /** `{what}` (one of the two above), `{narrowed}` (the one above or nothing). */
  searchNone: string;
  /** `{count}`, `{what}`, `{narrowed}`: in each plural form. */
  searchFound: PluralMessage;
  searchFailure: string;

  /**
   * Web-page furniture in this language that the importer drops at the edges of pasted
   * text, lower case (`noticias relacionadas`). The table's own {@link relatedHeading} and
   * {@link backToTop} are dropped too without being listed here.
   */
  furniture: readonly string[];
}
