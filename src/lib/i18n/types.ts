/**
 * The shape of one language's table of reader-facing messages. Every table is declared
 * `satisfies Messages`, so a missing or misspelt key is a type error, never a blank on a page.
 *
 * Text in `{braces}` is a placeholder filled by {@link ./format.ts}; a table must use the
 * same placeholders as English (a unit test checks it).
 */
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
  /** `{page}` of `{pages}`. */
  pageOf: string;

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
  /** A feed opened in a browser: the start of the window title (the feed's title follows). */
  feedPreviewTitle: string;
  feedPreviewHeading: string;
  /** `{title}`: the feed's title. */
  feedPreviewIntro: string;
  /** The name of an edition's feed of every story. */
  allStories: string;
  /** A feed's title in feed readers: `{site}`, `{name}`. */
  feedTitle: string;

  /** The footer's credit line: `{site}`. */
  footerCredit: string;
  subscribeRss: string;
  allFeeds: string;

  /**
   * Web-page furniture in this language that the importer drops at the edges of pasted
   * text, lower case (`noticias relacionadas`). The table's own {@link relatedHeading} and
   * {@link backToTop} are dropped too without being listed here.
   */
  furniture: readonly string[];
}
