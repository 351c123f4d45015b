import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { escapeHtml, renderPageHtml, renderStoryHtml, sanitizeStoryHtml } from '../../src/lib/markdown';

const frame = { dateline: 'Astana, Jun 20 (EFE).-', credit: 'EFE', base: 'https://wire-reader.example' };

describe('renderStoryHtml', () => {
  it('leads the first paragraph with the dateline and closes the last with the credit', () => {
    const html = renderStoryHtml('First “quoted” words.\n\nMiddle.\n\nLast words.', frame);
    expect(html).toBe(
      '<p><span class="dateline">Astana, Jun 20 (EFE).-</span> First “quoted” words.</p>\n' +
        '<p>Middle.</p>\n' +
        '<p>Last words. <span class="credit">EFE</span></p>\n',
    );
  });

  it('puts both on one paragraph when the story has only one', () => {
    expect(renderStoryHtml('Only.', frame)).toBe(
      '<p><span class="dateline">Astana, Jun 20 (EFE).-</span> Only. <span class="credit">EFE</span></p>\n',
    );
  });

  it('escapes markup in the dateline and the credit', () => {
    const html = renderStoryHtml('Text.', { ...frame, dateline: 'A&B <x>', credit: 'R&D' });
    expect(html).toContain('A&amp;B &lt;x&gt;');
    expect(html).toContain('R&amp;D');
  });

  it.each([
    ['a script element', 'Text <script>alert(1)</script> here.', /<script/i],
    ['an iframe', 'Text.\n\n<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['an event handler', 'Text <img src="x.png" onerror="alert(1)"> here.', /onerror/i],
    ['a javascript: link', 'A [link](javascript:alert(1)) here.', /javascript:/i],
    ['a javascript: reference link', 'A [link][x] here.\n\n[x]: javascript:alert(1)', /javascript:/i],
    ['a data: image', 'An ![image](data:image/svg+xml;base64,PHN2Zz4=) here.', /data:/i],
    ['a style attribute', '<p style="color:red">Text.</p>', /style=/i],
  ])('removes %s', (_name, markdown, forbidden) => {
    expect(renderStoryHtml(markdown, frame)).not.toMatch(forbidden);
  });

  it('makes relative links and images absolute', () => {
    const html = renderStoryHtml('See [the map](/maps/astana/) and ![a map](img/map.png).', frame);
    expect(html).toContain('href="https://wire-reader.example/maps/astana/"');
    expect(html).toContain('src="https://wire-reader.example/img/map.png"');
  });

  it('turns a level-one heading in the body into level two, keeping the headline the only h1', () => {
    const html = renderStoryHtml('# Inside\n\nText.', frame);
    expect(html).not.toContain('<h1');
    expect(html).toContain('<h2>Inside</h2>');
  });
});

describe('the fast path for Markdown without raw HTML', () => {
  const committed = readFileSync(
    new URL('../../content/tokayev-peace-initiatives-ukraine.md', import.meta.url),
    'utf8',
  );
  it.each([
    ['the seed story', committed.split(/^---$/m)[2] ?? ''],
    ['emphasis, code and quotes', 'Some *emphasis*, `code` and “quotes” & ampersands.\n\n> A quote.'],
    [
      'links and images',
      'A [relative](/a/) and [absolute](https://x.example/?a=1&b=2 "T") link, <https://y.example>, ![alt "x"](i.png).',
    ],
    ['lists and headings', '# One\n\n## Two\n\n- a\n- b\n\n1. c\n\nText.'],
    ['escaped markup', 'Not \\<b\\> bold, \\*not\\* emphasis.'],
  ])('gives for %s exactly what sanitize-html would', (_name, markdown) => {
    const html = renderStoryHtml(markdown, frame);
    // sanitize-html writes void elements as <img />; marked as <img>: the same element.
    expect(sanitizeStoryHtml(html, frame.base).replaceAll(' />', '>')).toBe(html);
  });

  it('still sends raw HTML through sanitize-html', () => {
    expect(renderStoryHtml('A <b onclick="x()">bold</b> word.', frame)).toContain('<b>bold</b>');
  });
});

describe('escapeHtml', () => {
  it('escapes the characters that open markup or attributes', () => {
    expect(escapeHtml(`AT&T <b class="x">`)).toBe('AT&amp;T &lt;b class=&quot;x&quot;&gt;');
  });
});

describe('renderPageHtml', () => {
  const base = 'https://wire-reader.example';

  it('renders a publisher page with its headings one level down, site links as paths, others absolute', () => {
    expect(renderPageHtml('# Who we are\n\nSee [feeds](feeds/) and [EFE](https://efe.com/x).', base)).toBe(
      '<h2>Who we are</h2>\n<p>See <a href="/feeds/">feeds</a> and <a href="https://efe.com/x">EFE</a>.</p>\n',
    );
  });

  it('links an e-mail address and removes scripts and javascript: links', () => {
    const html = renderPageHtml('Write to <desk@wire-reader.example>. <script>x()</script>[x](javascript:x())', base);
    expect(html).toContain('<a href="mailto:desk@wire-reader.example">desk@wire-reader.example</a>');
    expect(html).not.toMatch(/<script|javascript:/);
  });
});
