import { describe, expect, it } from 'vitest';
import { escapeHtml, renderStoryHtml } from '../../src/lib/markdown';

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

describe('escapeHtml', () => {
  it('escapes the characters that open markup or attributes', () => {
    expect(escapeHtml(`AT&T <b class="x">`)).toBe('AT&amp;T &lt;b class=&quot;x&quot;&gt;');
  });
});
