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
  pageNumber: 'Página {page}',
  latestPage: 'Últimas',

  updated: 'Atualizado',
  tagsLabel: 'Etiquetas',
  alsoIn: 'Também em:',
  translationsLabel: 'Outros idiomas',
  relatedHeading: 'Notícias relacionadas',
  relatedEmpty: 'Ainda não há notícias relacionadas. Leia mais em {section} ou acompanhe as novas notícias por {feed}.',
  theRssFeed: 'um feed RSS',
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
  allStories: 'Todas as notícias',
  feedTitle: '{site}: {name}',

  footerCredit:
    'O {site} publica os despachos tal como as agências os transmitiram; cada notícia é obra da agência que a assina.',
  tagline: 'Notícias de agência, palavra por palavra, tal como foram transmitidas',
  latestNav: 'Últimas',
  archiveTitle: 'Arquivo',
  aboutLink: 'Quem somos',
  correctionsLink: 'Correções',
  contactLink: 'Contato',
  termsLink: 'Termos de uso',
  searchLabel: 'Pesquisar notícias',
  searchButton: 'Pesquisar',

  earlierByDay: 'Notícias anteriores, dia a dia',
  otherSections: 'Outras seções',
  bySection: 'Por seção',

  cardSection: 'Seção',
  cardEditionAlt: '{site}: {description}',
  cardSectionAlt: '{site}: a seção {section}',

  published: 'Publicado',
  correction: 'Correção',
  corrections: 'Correções',
  correctedStories: 'Notícias corrigidas',
  noCorrections: 'Ainda não foi corrigida nenhuma notícia.',

  archiveDescription: 'Todas as notícias de {site}, mês a mês e dia a dia.',
  archiveIntro: 'Todas as notícias, mês a mês e dia a dia. A página de um dia não muda depois que o dia termina.',
  storyCount: { one: '{count} notícia', many: '{count} de notícias', other: '{count} notícias' },
  monthDescription: 'Notícias de agência em {site} em {month}, dia a dia.',
  dayDescription: 'Notícias de agência em {site} de {date}.',
  allMonths: 'Todos os meses',
  allOfMonth: 'Todo o mês de {month}',
  earlierDate: 'Antes: {date}',

  searchTitle: 'Pesquisar',
  searchDescription: 'Pesquise em todas as notícias de {site}.',
  searchWords: 'Palavras a procurar',
  searchFilters: 'Filtrar e ordenar',
  filterSection: 'Seção',
  allSections: 'Todas as seções',
  filterAgency: 'Agência',
  allAgencies: 'Todas as agências',
  filterLanguage: 'Idioma',
  allLanguages: 'Todos os idiomas',
  filterYear: 'Ano',
  allYears: 'Todos os anos',
  filterOrder: 'Ordem',
  sortRelevance: 'Mais relevantes primeiro',
  sortNewest: 'Mais recentes primeiro',
  sortOldest: 'Mais antigas primeiro',
  searchNoScriptHeading: 'A pesquisa precisa de JavaScript',
  searchNoScript:
    'A pesquisa é feita no seu navegador, e o JavaScript está desativado. Todo o resto de {site} funciona sem ele: ' +
    'comece pelas {home}, percorra uma seção ou um tema abaixo, ou acompanhe as novas notícias pelos {feeds}.',
  theRssFeeds: 'feeds RSS',
  topics: 'Temas',
  searchResults: 'Resultados da pesquisa',
  showMore: 'Mostrar mais resultados',
  searchRunning: '“{q}”: {title}',
  searchForWords: ' “{q}”',
  searchForFilters: ' os filtros escolhidos',
  searchNarrowed: ' com os filtros escolhidos',
  searchNone:
    'Nenhuma notícia corresponde a{what}{narrowed}. Verifique a ortografia, tente outras palavras ou menos, ou amplie os filtros.',
  searchFound: {
    one: '{count} notícia corresponde a{what}{narrowed}.',
    many: '{count} de notícias correspondem a{what}{narrowed}.',
    other: '{count} notícias correspondem a{what}{narrowed}.',
  },
  searchFailure:
    'A pesquisa não está funcionando agora: não foi possível carregar o índice. Tente de novo daqui a pouco ' +
    'ou percorra as seções acima e os feeds.',

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
