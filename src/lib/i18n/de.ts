import type { Messages } from './types.ts';

/**
 * German (Deutsch): dpa's language. The wording is a German news site's (Meldung, Ressort,
 * Schlagwörter); readers are addressed as `Sie`; quotation marks are „…“.
 */
export default {
  languageName: 'Deutsch',
  datelineSeparator: ', ',

  siteDescription: 'Meldungen der Nachrichtenagenturen, Wort für Wort, so wie die Agenturen sie gesendet haben.',
  skipLink: 'Zum Inhalt springen',
  sectionsNav: 'Ressorts',
  editionsNav: 'Ausgaben',

  latestStories: 'Neueste Meldungen',
  listingPage: '{heading}, Seite {page}',
  sectionDescription: '{section}: die neuesten Agenturmeldungen auf {site}.',
  tagHeading: 'Meldungen zum Thema {tag}',
  tagDescription: 'Agenturmeldungen zum Thema {tag} auf {site}.',
  followWithRss: '{heading} per RSS folgen',

  paginationLabel: 'Seiten',
  newerStories: 'Neuere Meldungen',
  olderStories: 'Ältere Meldungen',
  pageNumber: 'Seite {page}',
  latestPage: 'Neueste',

  updated: 'Aktualisiert',
  tagsLabel: 'Schlagwörter',
  alsoIn: 'Auch auf:',
  translationsLabel: 'Andere Sprachen',
  relatedHeading: 'Mehr zum Thema',
  relatedEmpty:
    'Noch keine Meldungen zum selben Thema. Lesen Sie mehr im Ressort {section} oder folgen Sie neuen Meldungen über {feed}.',
  theRssFeed: 'einen RSS-Feed',
  backToTop: 'Nach oben',

  urgencyFlash: 'Eilmeldung',
  urgencyUrgent: 'Dringend',

  notFoundTitle: 'Seite nicht gefunden',
  notFoundDescription: 'Unter dieser Adresse gibt es keine Seite.',
  notFoundBody:
    'Unter dieser Adresse gibt es weder eine Meldung noch eine Seite. Vielleicht wurde sie falsch eingegeben, oder der Link, der Sie hierher geführt hat, ist fehlerhaft.',
  notFoundNext: 'Gehen Sie zu den {home}, wählen Sie oben ein Ressort oder lesen Sie eine dieser Meldungen:',
  latestStoriesLink: 'neuesten Meldungen',
  notFoundElsewhere: 'Seite nicht gefunden. Weiter zu den {home}.',
  notFoundPermanence:
    'Meldungen auf {site} behalten ihre Adresse auf Dauer: Ein Link, der einmal funktioniert hat, funktioniert weiterhin.',

  feedsTitle: 'RSS-Feeds',
  feedsDescription: 'Folgen Sie {site} in einem Feedreader.',
  feedsIntro:
    'Ein Feed bringt Ihnen neue Meldungen, sobald sie erscheinen, vollständig und Wort für Wort. Kopieren Sie die ' +
    'Adresse eines Feeds in einen Feedreader (NetNewsWire, Feedly, Thunderbird, Inoreader und viele andere). Jeder ' +
    'Feed enthält die neuesten {limit} Meldungen.',
  allStories: 'Alle Meldungen',
  feedTitle: '{site}: {name}',

  footerCredit:
    '{site} veröffentlicht Agenturmeldungen so, wie die Agenturen sie gesendet haben; jede Meldung ist das Werk der Agentur, die darunter genannt ist.',
  tagline: 'Agenturmeldungen, Wort für Wort, so wie sie gesendet wurden',
  latestNav: 'Aktuell',
  archiveTitle: 'Archiv',
  aboutLink: 'Über uns',
  correctionsLink: 'Korrekturen',
  contactLink: 'Kontakt',
  termsLink: 'Nutzungsbedingungen',
  searchLabel: 'Meldungen durchsuchen',
  searchButton: 'Suchen',

  earlierByDay: 'Ältere Meldungen, Tag für Tag',
  otherSections: 'Weitere Ressorts',
  bySection: 'Nach Ressort',

  cardSection: 'Ressort',
  cardEditionAlt: '{site}: {description}',
  cardSectionAlt: '{site}: das Ressort {section}',

  published: 'Veröffentlicht',
  correction: 'Korrektur',
  corrections: 'Korrekturen',
  correctedStories: 'Korrigierte Meldungen',
  noCorrections: 'Bisher wurde keine Meldung korrigiert.',

  archiveDescription: 'Alle Meldungen auf {site}, Monat für Monat und Tag für Tag.',
  archiveIntro:
    'Alle Meldungen, Monat für Monat und Tag für Tag. Die Seite eines Tages ändert sich nicht mehr, sobald der Tag vorbei ist.',
  storyCount: { one: '{count} Meldung', other: '{count} Meldungen' },
  monthDescription: 'Agenturmeldungen auf {site} im {month}, Tag für Tag.',
  dayDescription: 'Agenturmeldungen auf {site} vom {date}.',
  allMonths: 'Alle Monate',
  allOfMonth: 'Der ganze {month}',
  earlierDate: 'Davor: {date}',

  searchTitle: 'Suche',
  searchDescription: 'Durchsuchen Sie alle Meldungen auf {site}.',
  searchWords: 'Suchbegriffe',
  searchFilters: 'Eingrenzen und sortieren',
  filterSection: 'Ressort',
  allSections: 'Alle Ressorts',
  filterAgency: 'Agentur',
  allAgencies: 'Alle Agenturen',
  filterLanguage: 'Sprache',
  allLanguages: 'Alle Sprachen',
  filterYear: 'Jahr',
  allYears: 'Alle Jahre',
  filterOrder: 'Reihenfolge',
  sortRelevance: 'Beste Treffer zuerst',
  sortNewest: 'Neueste zuerst',
  sortOldest: 'Älteste zuerst',
  searchNoScriptHeading: 'Die Suche braucht JavaScript',
  searchNoScript:
    'Die Suche läuft in Ihrem Browser, und JavaScript ist ausgeschaltet. Alles andere auf {site} funktioniert ' +
    'auch ohne: Beginnen Sie bei den {home}, stöbern Sie unten in einem Ressort oder Thema, oder folgen Sie neuen ' +
    'Meldungen über {feeds}.',
  theRssFeeds: 'die RSS-Feeds',
  topics: 'Themen',
  searchResults: 'Suchergebnisse',
  showMore: 'Weitere Treffer anzeigen',
  searchRunning: '„{q}“: {title}',
  // Both follow „für“, so the filters are in the accusative.
  searchForWords: ' „{q}“',
  searchForFilters: ' die gewählten Filter',
  searchNarrowed: ' mit den gewählten Filtern',
  searchNone:
    'Keine Meldungen gefunden für{what}{narrowed}. Prüfen Sie die Schreibweise, versuchen Sie andere oder weniger ' +
    'Wörter, oder lockern Sie die Filter.',
  searchFound: {
    one: '{count} Meldung gefunden für{what}{narrowed}.',
    other: '{count} Meldungen gefunden für{what}{narrowed}.',
  },
  searchFailure:
    'Die Suche funktioniert gerade nicht: Der Suchindex konnte nicht geladen werden. Versuchen Sie es gleich noch ' +
    'einmal, oder stöbern Sie in den Ressorts oben und in den Feeds.',

  furniture: [
    'mehr zum thema',
    'weitere artikel',
    'verwandte artikel',
    'das könnte sie auch interessieren',
    'lesen sie auch',
    'auch interessant',
    'nach oben',
    'zum seitenanfang',
    'teilen',
    'artikel teilen',
    'auf facebook teilen',
    'auf twitter teilen',
    'weiterlesen',
    'mehr lesen',
    'siehe auch',
    'anzeige',
    'werbung',
    'drucken',
    'per e-mail versenden',
    'link kopieren',
    'kommentare',
    'abonnieren',
    'folgen sie uns',
    'meistgelesen',
    'zum inhalt springen',
  ],
} satisfies Messages;
