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
  pageOf: 'Page {page} sur {pages}',

  updated: 'Mis à jour',
  tagsLabel: 'Mots-clés',
  alsoIn: 'Aussi en\u00a0:',
  translationsLabel: 'Autres langues',
  relatedHeading: 'Articles liés',
  relatedEmpty:
    'Pas encore de dépêche liée. Lisez-en plus dans {section} ou suivez les nouvelles dépêches avec {feed}.',
  theRssFeed: 'le flux RSS',
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
  feedPreviewTitle: 'Flux RSS\u00a0:',
  feedPreviewHeading: 'Ceci est un flux RSS',
  feedPreviewIntro:
    'Un flux vous apporte les nouvelles dépêches. Copiez cette adresse dans un lecteur de flux (NetNewsWire, Feedly, Thunderbird, Inoreader et bien d’autres) pour suivre {title}\u00a0:',
  allStories: 'Toutes les dépêches',
  feedTitle: '{site}\u00a0: {name}',

  footerCredit:
    '{site} publie les dépêches telles que les agences les ont transmises\u00a0; chaque dépêche est l’œuvre de l’agence qui la signe.',
  subscribeRss: 'S’abonner par RSS',
  allFeeds: 'Tous les flux',

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
