import type { Messages } from './types.ts';

/** French (français). French puts a no-break space before a colon or semicolon. */
export default {
  languageName: 'Français',
  datelineSeparator: ', ',

  siteDescription: 'Les dépêches des agences de presse, mot pour mot, telles que les agences les ont transmises.',
  skipLink: 'Aller au contenu',
  sectionsNav: 'Rubriques',
  editionsNav: 'Éditions',

  latestStories: 'Dernières dépêches',
  listingPage: '{heading}, page {page}',
  sectionDescription: '{section}\u00a0: les dernières dépêches sur {site}.',
  tagHeading: 'Dépêches sur {tag}',
  tagDescription: 'Les dépêches sur {tag}, sur {site}.',
  followWithRss: 'Suivre {heading} par RSS',

  paginationLabel: 'Pages',
  newerStories: 'Dépêches plus récentes',
  olderStories: 'Dépêches plus anciennes',
  pageNumber: 'Page {page}',
  latestPage: 'Dernières',

  updated: 'Mis à jour',
  tagsLabel: 'Mots-clés',
  alsoIn: 'Aussi en\u00a0:',
  translationsLabel: 'Autres langues',
  relatedHeading: 'Articles liés',
  relatedEmpty:
    'Pas encore de dépêche liée. Lisez-en plus dans {section} ou suivez les nouvelles dépêches avec {feed}.',
  theRssFeed: 'un flux RSS',
  backToTop: 'Retour en haut',

  urgencyFlash: 'Flash',
  urgencyUrgent: 'Urgent',

  notFoundTitle: 'Page introuvable',
  notFoundDescription: 'Il n’y a pas de page à cette adresse.',
  notFoundBody:
    'Il n’y a ni dépêche ni page à cette adresse. Elle a peut-être été mal saisie, ou le lien qui vous a amené ici est erroné.',
  notFoundNext: 'Allez aux {home}, choisissez une rubrique ci-dessus ou lisez l’une de celles-ci\u00a0:',
  latestStoriesLink: 'dernières dépêches',
  notFoundElsewhere: 'Page introuvable. Allez aux {home}.',
  notFoundPermanence:
    'Les dépêches de {site} gardent leur adresse pour toujours\u00a0: un lien qui a fonctionné une fois fonctionne toujours.',

  feedsTitle: 'Flux RSS',
  feedsDescription: 'Suivez {site} dans un lecteur de flux.',
  feedsIntro:
    'Un flux vous apporte les nouvelles dépêches dès leur publication, entières et mot pour mot. Copiez l’adresse ' +
    'd’un flux dans un lecteur de flux (NetNewsWire, Feedly, Thunderbird, Inoreader et bien d’autres). Chaque flux ' +
    'contient les {limit} dernières dépêches.',
  allStories: 'Toutes les dépêches',
  feedTitle: '{site}\u00a0: {name}',

  footerCredit:
    '{site} publie les dépêches telles que les agences les ont transmises\u00a0; chaque dépêche est l’œuvre de l’agence qui la signe.',
  tagline: 'Les dépêches d’agence, mot pour mot, telles qu’elles ont été transmises',
  latestNav: 'À la une',
  archiveTitle: 'Archives',
  aboutLink: 'À propos',
  correctionsLink: 'Corrections',
  contactLink: 'Contact',
  termsLink: 'Conditions d’utilisation',
  searchLabel: 'Rechercher des dépêches',
  searchButton: 'Rechercher',

  earlierByDay: 'Dépêches précédentes, jour par jour',
  otherSections: 'Autres rubriques',
  bySection: 'Par rubrique',

  cardSection: 'Rubrique',
  cardEditionAlt: '{site}\u00a0: {description}',
  cardSectionAlt: '{site}\u00a0: la rubrique {section}',

  published: 'Publié le',
  correction: 'Correction',
  corrections: 'Corrections',
  correctedStories: 'Articles corrigés',
  noCorrections: 'Aucun article n’a encore été corrigé.',

  archiveDescription: 'Toutes les dépêches de {site}, mois par mois et jour par jour.',
  archiveIntro:
    'Toutes les dépêches, mois par mois et jour par jour. La page d’un jour ne change plus une fois la journée finie.',
  storyCount: { one: '{count}\u00a0dépêche', many: '{count}\u00a0de dépêches', other: '{count}\u00a0dépêches' },
  monthDescription: 'Les dépêches de {site} en {month}, jour par jour.',
  dayDescription: 'Les dépêches de {site} du {date}.',
  allMonths: 'Tous les mois',
  allOfMonth: 'Tout {month}',
  earlierDate: 'Avant\u00a0: {date}',

  searchTitle: 'Rechercher',
  searchDescription: 'Cherchez dans toutes les dépêches de {site}.',
  searchWords: 'Mots à chercher',
  searchFilters: 'Filtrer et trier',
  filterSection: 'Rubrique',
  allSections: 'Toutes les rubriques',
  filterAgency: 'Agence',
  allAgencies: 'Toutes les agences',
  filterLanguage: 'Langue',
  allLanguages: 'Toutes les langues',
  filterYear: 'Année',
  allYears: 'Toutes les années',
  filterOrder: 'Ordre',
  sortRelevance: 'Les plus pertinentes d’abord',
  sortNewest: 'Les plus récentes d’abord',
  sortOldest: 'Les plus anciennes d’abord',
  searchNoScriptHeading: 'La recherche a besoin de JavaScript',
  searchNoScript:
    'La recherche se fait dans votre navigateur, et JavaScript est désactivé. Tout le reste de {site} fonctionne ' +
    'sans lui\u00a0: commencez par {home}, parcourez une rubrique ou un thème ci-dessous, ou suivez les nouvelles ' +
    'dépêches avec {feeds}.',
  theRssFeeds: 'les flux RSS',
  topics: 'Thèmes',
  searchResults: 'Résultats de la recherche',
  showMore: 'Afficher plus de résultats',
  searchRunning: '«\u00a0{q}\u00a0»\u00a0: {title}',
  searchForWords: ' «\u00a0{q}\u00a0»',
  searchForFilters: ' les filtres choisis',
  searchNarrowed: ' avec les filtres choisis',
  searchNone:
    'Aucune dépêche ne correspond à{what}{narrowed}. Vérifiez l’orthographe, essayez d’autres mots ou moins de mots, ou élargissez les filtres.',
  searchFound: {
    one: '{count}\u00a0dépêche correspond à{what}{narrowed}.',
    many: '{count}\u00a0de dépêches correspondent à{what}{narrowed}.',
    other: '{count}\u00a0dépêches correspondent à{what}{narrowed}.',
  },
  searchFailure:
    'La recherche ne fonctionne pas pour le moment\u00a0: l’index n’a pas pu être chargé. Réessayez dans un instant, ' +
    'ou parcourez les rubriques ci-dessus et les flux.',

  furniture: [
    'articles liés',
    'à lire aussi',
    'lire aussi',
    'voir aussi',
    'retour en haut',
    'haut de page',
    'partager',
    'partager sur facebook',
    'partager sur twitter',
    'lire la suite',
    'publicité',
    'imprimer',
    'copier le lien',
    'commentaires',
    's’abonner',
    "s'abonner",
    'suivez-nous',
    'les plus lus',
    'aller au contenu',
  ],
} satisfies Messages;
