import type { Messages } from './types.ts';

/** Spanish (español): EFE's main service. */
export default {
  languageName: 'Español',
  datelineSeparator: ', ',

  siteDescription: 'Noticias de agencia, palabra por palabra, tal como las transmitieron las agencias.',
  skipLink: 'Saltar al contenido',
  sectionsNav: 'Secciones',
  editionsNav: 'Ediciones',

  latestStories: 'Últimas noticias',
  listingPage: '{heading}, página {page}',
  sectionDescription: '{section}: las últimas noticias de agencia en {site}.',
  tagHeading: 'Noticias sobre {tag}',
  tagDescription: 'Noticias de agencia sobre {tag} en {site}.',
  followWithRss: 'Seguir {heading} por RSS',

  paginationLabel: 'Páginas',
  newerStories: 'Noticias más recientes',
  olderStories: 'Noticias anteriores',
  pageNumber: 'Página {page}',
  latestPage: 'Lo último',

  updated: 'Actualizado',
  tagsLabel: 'Etiquetas',
  alsoIn: 'También en:',
  translationsLabel: 'Otros idiomas',
  relatedHeading: 'Noticias relacionadas',
  relatedEmpty: 'Aún no hay noticias relacionadas. Lea más en {section} o siga las nuevas noticias en {feed}.',
  theRssFeed: 'un canal RSS',
  backToTop: 'Volver arriba',

  urgencyFlash: 'Última hora',
  urgencyUrgent: 'Urgente',

  notFoundTitle: 'Página no encontrada',
  notFoundDescription: 'No hay ninguna página en esta dirección.',
  notFoundBody:
    'No hay ninguna noticia ni página en esta dirección. Puede que se haya escrito mal o que el enlace que le trajo aquí sea incorrecto.',
  notFoundNext: 'Vaya a {home}, elija una sección arriba o lea una de estas:',
  latestStoriesLink: 'las últimas noticias',
  notFoundElsewhere: 'Página no encontrada. Vaya a {home}.',
  notFoundPermanence:
    'Las noticias de {site} conservan su dirección para siempre: un enlace que funcionó una vez sigue funcionando.',

  feedsTitle: 'Canales RSS',
  feedsDescription: 'Siga {site} en un lector de noticias.',
  feedsIntro:
    'Un canal le trae las nuevas noticias en cuanto se publican, completas y palabra por palabra. Copie la dirección ' +
    'de un canal en un lector de canales (NetNewsWire, Feedly, Thunderbird, Inoreader y muchos otros). Cada canal ' +
    'incluye las últimas {limit} noticias.',
  allStories: 'Todas las noticias',
  feedTitle: '{site}: {name}',

  footerCredit:
    '{site} publica los despachos tal como los transmitieron las agencias; cada noticia es obra de la agencia que la firma.',
  tagline: 'Noticias de agencia, palabra por palabra, tal como se transmitieron',
  latestNav: 'Últimas',
  archiveTitle: 'Archivo',
  aboutLink: 'Quiénes somos',
  correctionsLink: 'Correcciones',
  contactLink: 'Contacto',
  termsLink: 'Condiciones de uso',
  searchLabel: 'Buscar noticias',
  searchButton: 'Buscar',

  earlierByDay: 'Noticias anteriores, día por día',
  otherSections: 'Otras secciones',
  bySection: 'Por sección',

  cardSection: 'Sección',
  cardEditionAlt: '{site}: {description}',
  cardSectionAlt: '{site}: la sección {section}',

  published: 'Publicado',
  correction: 'Corrección',
  corrections: 'Correcciones',
  correctedStories: 'Noticias corregidas',
  noCorrections: 'Todavía no se ha corregido ninguna noticia.',

  archiveDescription: 'Todas las noticias de {site}, mes a mes y día por día.',
  archiveIntro: 'Todas las noticias, mes a mes y día por día. La página de un día no cambia una vez terminado el día.',
  storyCount: { one: '{count} noticia', other: '{count} noticias' },
  monthDescription: 'Noticias de agencia en {site} en {month}, día por día.',
  dayDescription: 'Noticias de agencia en {site} del {date}.',
  allMonths: 'Todos los meses',
  allOfMonth: 'Todo {month}',
  earlierDate: 'Antes: {date}',

  searchTitle: 'Buscar',
  searchDescription: 'Busque en todas las noticias de {site}.',
  searchWords: 'Palabras que buscar',
  searchFilters: 'Filtrar y ordenar',
  filterSection: 'Sección',
  allSections: 'Todas las secciones',
  filterAgency: 'Agencia',
  allAgencies: 'Todas las agencias',
  filterLanguage: 'Idioma',
  allLanguages: 'Todos los idiomas',
  filterYear: 'Año',
  allYears: 'Todos los años',
  filterOrder: 'Orden',
  sortRelevance: 'Más pertinentes primero',
  sortNewest: 'Más recientes primero',
  sortOldest: 'Más antiguas primero',
  searchNoScriptHeading: 'La búsqueda necesita JavaScript',
  searchNoScript:
    'La búsqueda se hace en su navegador y JavaScript está desactivado. Todo lo demás de {site} funciona sin él: ' +
    'empiece por {home}, recorra una sección o un tema más abajo, o siga las nuevas noticias con {feeds}.',
  theRssFeeds: 'los canales RSS',
  topics: 'Temas',
  searchResults: 'Resultados de la búsqueda',
  showMore: 'Mostrar más resultados',
  searchRunning: '«{q}»: {title}',
  searchForWords: ' «{q}»',
  searchForFilters: ' los filtros elegidos',
  searchNarrowed: ' con los filtros elegidos',
  searchNone:
    'Ninguna noticia coincide con{what}{narrowed}. Revise la ortografía, pruebe otras palabras o menos, o amplíe los filtros.',
  searchFound: {
    one: '{count} noticia coincide con{what}{narrowed}.',
    other: '{count} noticias coinciden con{what}{narrowed}.',
  },
  searchFailure:
    'La búsqueda no funciona en este momento: no se pudo cargar el índice. Vuelva a intentarlo en un momento ' +
    'o recorra las secciones de arriba y los canales.',

  furniture: [
    'noticias relacionadas',
    'relacionadas',
    'relacionado',
    'te puede interesar',
    'le puede interesar',
    'volver arriba',
    'ir arriba',
    'subir',
    'compartir',
    'compartir en facebook',
    'compartir en twitter',
    'leer más',
    'lee también',
    'lea también',
    'ver también',
    'publicidad',
    'imprimir',
    'enviar por correo',
    'copiar enlace',
    'comentarios',
    'suscríbete',
    'síguenos',
    'lo más leído',
    'saltar al contenido',
  ],
} satisfies Messages;
