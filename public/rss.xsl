<?xml version="1.0" encoding="UTF-8"?>
<!-- Shows an RSS feed opened in a browser as a readable page: what a feed is, the address to copy, the latest stories.
     Its own words are English (lang="en"); the feed's titles and descriptions carry the feed's <language>. -->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  exclude-result-prefixes="atom dc">
  <xsl:output method="html" version="5.0" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>
  <xsl:template match="/rss/channel">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <title>RSS feed: <xsl:value-of select="title"/></title>
        <style>
          :root { color-scheme: light dark; --text: #1b1b1b; --muted: #545454; --bg: #fff; --link: #0a4fa8; --rule: #d6d6d6; --box: #f3f3f3; }
          @media (prefers-color-scheme: dark) { :root { --text: #ececec; --muted: #b4b4b4; --bg: #141414; --link: #8cb8ff; --rule: #3d3d3d; --box: #242424; } }
          body { margin: 0; background: var(--bg); color: var(--text); font: 1rem/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
          header, main { width: min(100% - 2rem, 46rem); margin-inline: auto; }
          header { padding-block: 1rem; border-bottom: 1px solid var(--rule); }
          a { color: var(--link); }
          .feed-url { display: block; padding: 0.75rem; background: var(--box); border: 1px solid var(--rule); overflow-wrap: anywhere; font-family: ui-monospace, monospace; }
          ol { list-style: none; padding: 0; }
          li { padding-block: 0.75rem; border-bottom: 1px solid var(--rule); }
          li a { display: inline-block; min-height: 24px; font-weight: 700; }
          .meta { color: var(--muted); font-size: 0.9375rem; margin: 0.25rem 0; }
        </style>
      </head>
      <body>
        <header>
          <p lang="{language}" dir="auto"><a href="{link}"><xsl:value-of select="title"/></a></p>
        </header>
        <main>
          <h1>This is an RSS feed</h1>
          <p>
            A feed brings new stories to you. Copy this address into a feed reader
            (NetNewsWire, Feedly, Thunderbird, Inoreader, and many others) to follow
            <strong lang="{language}" dir="auto"><xsl:value-of select="title"/></strong>:
          </p>
          <code class="feed-url"><xsl:value-of select="atom:link[@rel='self']/@href"/></code>
          <p lang="{language}" dir="auto"><xsl:value-of select="description"/></p>
          <h2>Latest stories</h2>
          <ol lang="{language}">
            <xsl:for-each select="item">
              <li>
                <a href="{link}" dir="auto"><xsl:value-of select="title"/></a>
                <p class="meta"><xsl:value-of select="pubDate"/> · <xsl:value-of select="dc:creator"/></p>
                <p dir="auto"><xsl:value-of select="description"/></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
