import type { Messages } from './types.ts';

/** Portuguese (português). */
export default {
  languageName: 'Português',
  datelineSeparator: ', ',

  siteDescription: 'Notícias de agências, palavra por palavra, tal como as agências as transmitiram.',
  skipLink: 'Ir para o conteúdo',
  sectionsNav: 'Seções',
  editionsNav: 'Edições',

  latestStories: 'Últimas notícias',
  listingPage: '{heading}, página {page}',
  sectionDescription: '{section}: as últimas notícias de agências em {site}.',
  tagHeading: 'Notícias sobre {tag}',
  tagDescription: 'Notícias de agências sobre {tag} em {site}.',
  followWithRss: 'Seguir {heading} por RSS',

  paginationLabel: 'Páginas',
  newerStories: 'Notícias mais recentes',
  olderStories: 'Notícias anteriores',
  pageOf: 'Página {page} de {pages}',

  updated: 'Atualizado',
  tagsLabel: 'Etiquetas',
  alsoIn: 'Também em:',
  translationsLabel: 'Outros idiomas',
  relatedHeading: 'Notícias relacionadas',
  relatedEmpty:
    'Ainda não há notícias relacionadas. Leia mais em {section} ou acompanhe as novas notícias pelo {feed}.',
  theRssFeed: 'feed RSS',
  backToTop: 'Voltar ao topo',

  urgencyFlash: 'Última hora',
  urgencyUrgent: 'Urgente',

  notFoundTitle: 'Página não encontrada',
  notFoundDescription: 'Não há nenhuma página neste endereço.',
  notFoundBody:
    'Não há nenhuma notícia ou página neste endereço. O endereço pode ter sido digitado incorretamente, ou o link que o trouxe até aqui pode estar errado.',
  notFoundNext: 'Vá para {home}, escolha uma seção acima ou leia uma destas:',
  latestStoriesLink: 'as últimas notícias',
  notFoundElsewhere: 'Página não encontrada. Vá para {home}.',
  notFoundPermanence:
    'As notícias do {site} mantêm o seu endereço para sempre: um link que já funcionou continua a funcionar.',

  feedsTitle: 'Feeds RSS',
  feedsDescription: 'Acompanhe o {site} num leitor de feeds.',
  feedsIntro:
    'Um feed traz as novas notícias assim que são publicadas, completas e palavra por palavra. Copie o endereço de ' +
    'um feed para um leitor de feeds (NetNewsWire, Feedly, Thunderbird, Inoreader e muitos outros). Cada feed traz ' +
    'as últimas {limit} notícias.',
  feedPreviewTitle: 'Feed RSS:',
  feedPreviewHeading: 'Isto é um feed RSS',
  feedPreviewIntro:
    'Um feed traz as novas notícias até você. Copie este endereço para um leitor de feeds (NetNewsWire, Feedly, Thunderbird, Inoreader e muitos outros) para acompanhar {title}:',
  allStories: 'Todas as notícias',
  feedTitle: '{site}: {name}',

  footerCredit:
    'O {site} publica os despachos tal como as agências os transmitiram; cada notícia é obra da agência que a assina.',
  subscribeRss: 'Assinar por RSS',
  allFeeds: 'Todos os feeds',

  furniture: [
    'notícias relacionadas',
    'relacionadas',
    'voltar ao topo',
    'voltar para o topo',
    'compartilhar',
    'compartilhe',
    'partilhar',
    'leia mais',
    'leia também',
    'veja também',
    'publicidade',
    'imprimir',
    'copiar link',
    'comentários',
    'assine',
    'siga-nos',
    'mais lidas',
    'ir para o conteúdo',
  ],
} satisfies Messages;
