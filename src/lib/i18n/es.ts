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
  pageOf: 'Página {page} de {pages}',

  updated: 'Actualizado',
  tagsLabel: 'Etiquetas',
  alsoIn: 'También en:',
  translationsLabel: 'Otros idiomas',
  relatedHeading: 'Noticias relacionadas',
  relatedEmpty: 'Aún no hay noticias relacionadas. Lea más en {section} o siga las nuevas noticias en {feed}.',
  theRssFeed: 'el canal RSS',
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
  feedPreviewTitle: 'Canal RSS:',
  feedPreviewHeading: 'Esto es un canal RSS',
  feedPreviewIntro:
    'Un canal le trae las nuevas noticias. Copie esta dirección en un lector de canales (NetNewsWire, Feedly, Thunderbird, Inoreader y muchos otros) para seguir {title}:',
  allStories: 'Todas las noticias',
  feedTitle: '{site}: {name}',

  footerCredit:
    '{site} publica los despachos tal como los transmitieron las agencias; cada noticia es obra de la agencia que la firma.',
  subscribeRss: 'Suscribirse por RSS',
  allFeeds: 'Todos los canales',

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
