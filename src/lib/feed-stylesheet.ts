/**
 * The XSL stylesheet that shows an RSS feed opened in a browser as a readable page (what a
 * feed is, the address to copy, the latest stories), in the language of the feed's edition.
 */
import { messageParts, messagesFor, textDirection } from './i18n/index.ts';
import { escapeHtml } from './markdown.ts';
import { editionOf, editionPrefix } from './slug.ts';

/**
 * Where an edition's feeds find their stylesheet: `/rss.xsl` for the default language,
 * `/<lang>/rss.xsl` for the others.
 *
 * @example
 * feedStylesheetPath('en'); // "/rss.xsl"
 * feedStylesheetPath('es-419'); // "/es/rss.xsl"
 */
export function feedStylesheetPath(lang: string): string {
  return `${editionPrefix(editionOf(lang))}/rss.xsl`;
}

/**
 * The stylesheet for one edition's feeds: its own words from the edition's message table,
 * the page's direction from its language; the feed's titles and descriptions are marked
 * with the feed's `<language>`.
 *
 * @example
 * feedStylesheet('es').includes('<h1>Esto es un canal RSS</h1>'); // true
 */
export function feedStylesheet(lang: string): string {
  const m = messagesFor(lang);
  const dir = textDirection(lang);
  const intro = messageParts(m.feedPreviewIntro)
    .map((part) =>
      typeof part === 'string'
        ? escapeHtml(part)
        : '<strong lang="{language}" dir="auto"><xsl:value-of select="title"/></strong>',
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  exclude-result-prefixes="atom dc">
  <xsl:output method="html" version="5.0" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:template match="/rss/channel">
    <html lang="${escapeHtml(lang)}" dir="${dir}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <title>${escapeHtml(m.feedPreviewTitle)} <xsl:value-of select="title"/></title>
        <style>
          :root { color-scheme: light dark; --text: #1b1b1b; --muted: #545454; --bg: #fff; --link: #0a4fa8; --rule: #d6d6d6; --box: #f3f3f3; }
          @media (prefers-color-scheme: dark) { :root { --text: #ececec; --muted: #b4b4b4; --bg: #141414; --link: #8cb8ff; --rule: #3d3d3d; --box: #242424; } }
          body { margin: 0; background: var(--bg); color: var(--text); font: 1rem/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
          header, main { width: min(100% - 2rem, 46rem); margin-inline: auto; }
          header { padding-block: 1rem; border-block-end: 1px solid var(--rule); }
          a { color: var(--link); }
          .feed-url { display: block; padding: 0.75rem; background: var(--box); border: 1px solid var(--rule); overflow-wrap: anywhere; font-family: ui-monospace, monospace; direction: ltr; unicode-bidi: isolate; text-align: start; }
          ol { list-style: none; padding: 0; }
          li { padding-block: 0.75rem; border-block-end: 1px solid var(--rule); }
          li a { display: inline-block; min-height: 24px; font-weight: 700; }
          .meta { color: var(--muted); font-size: 0.9375rem; margin: 0.25rem 0; }
        </style>
      </head>
      <body>
        <header>
          <p lang="{language}" dir="auto"><a href="{link}"><xsl:value-of select="title"/></a></p>
        </header>
        <main>
          <h1>${escapeHtml(m.feedPreviewHeading)}</h1>
          <p>${intro}</p>
          <code class="feed-url"><xsl:value-of select="atom:link[@rel='self']/@href"/></code>
          <p lang="{language}" dir="auto"><xsl:value-of select="description"/></p>
          <h2>${escapeHtml(m.latestStories)}</h2>
          <ol lang="{language}">
            <xsl:for-each select="item">
              <li>
                <a href="{link}" dir="auto"><xsl:value-of select="title"/></a>
                <p class="meta"><bdi><xsl:value-of select="pubDate"/></bdi> · <bdi><xsl:value-of select="dc:creator"/></bdi></p>
                <p dir="auto"><xsl:value-of select="description"/></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
`;
}
