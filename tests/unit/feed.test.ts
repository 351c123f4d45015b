import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { channelExtras, feedItem, feedOptions, itemHtml } from '../../src/lib/feed';
import { sanitizeStoryHtml } from '../../src/lib/markdown';
import { parseWireDate } from '../../src/lib/dates';
import { toStory } from '../../src/lib/story';
import { rssOf, storyInput } from '../helpers/stories';
import { xmlErrors } from '../helpers/xml';

const site = 'https://wire-reader.example';
const story = (id: string, title: string, day: number) =>
  toStory(
    id,
    'First paragraph.\n\nSecond <b>bold</b> & last.',
    storyInput({
      title,
      description: `Standfirst of ${title}`,
      pubDate: parseWireDate(`2023-06-${String(day).padStart(2, '0')}`),
      section: 'Conflicts & War',
      tags: ['Kazakhstan', 'Conflicts & War'],
    }),
  );

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });

describe('feedItem', () => {
  it('links to the absolute permalink and carries the whole story with dateline and credit', () => {
    const item = feedItem(story('tokayev', 'Headline', 20), site);
    expect(item.link).toBe('https://wire-reader.example/stories/tokayev/');
    expect(item.content).toMatch(
      /^<div lang="en" dir="ltr">\n<p><span class="dateline">Astana, Jun 20 \(EFE\)\.-<\/span> First paragraph\.<\/p>/,
    );
    expect(item.content).toContain('<span class="credit">EFE</span></p>');
    expect(item.categories).toEqual(['Conflicts & War', 'Kazakhstan']);
    expect(item.customData).toBe('<dc:creator>EFE</dc:creator><dc:date>2023-06-20</dc:date>');
  });

  it('gives dc:date the time and offset a story gives, and RSS pubDate the instant', () => {
    const timed = toStory('timed', 'Text.', storyInput({ title: 'Timed' }));
    const item = feedItem(timed, site);
    expect(item.customData).toContain('<dc:date>2023-06-20T10:36+06:00</dc:date>');
    expect(item.pubDate?.toISOString()).toBe('2023-06-20T04:36:00.000Z');
  });
});

describe('itemHtml', () => {
  it.each([
    ['an English story', 'en', 'en', 'ltr'],
    ['an Arabic story', 'ar', 'ar', 'rtl'],
    ['a Hebrew story with a region', 'he-IL', 'he-IL', 'rtl'],
    ['a Latin American Spanish story', 'es-419', 'es-419', 'ltr'],
  ])('wraps %s in one element with its lang and dir', (_name, lang, wantLang, wantDir) => {
    const html = itemHtml(toStory('s', 'Text.', storyInput({ lang })), site);
    const wrapper = html.match(/^<div lang="([^"]*)" dir="([^"]*)">\n<p><span class="dateline">/);
    expect(wrapper?.slice(1)).toEqual([wantLang, wantDir]);
    expect(html.endsWith('</p>\n</div>')).toBe(true);
    expect(html.match(/<div/g)).toHaveLength(1);
  });

  it('is HTML that sanitize-html leaves as it is, lang and dir included', () => {
    const html = itemHtml(toStory('s', 'One.\n\nTwo.', storyInput({ lang: 'ar' })), site);
    expect(sanitizeStoryHtml(html, site)).toBe(html);
  });

  it.each([
    ['keeps lang and dir on a quote', '<q lang="en" dir="ltr">Yes</q>', '<q lang="en" dir="ltr">Yes</q>'],
    ['keeps dir="auto"', '<span dir="auto">x</span>', '<span dir="auto">x</span>'],
    ['drops a dir that is no direction', '<span dir="up" lang="en">x</span>', '<span lang="en">x</span>'],
  ])('in a raw-HTML body, %s', (_name, raw, kept) => {
    const html = itemHtml(toStory('s', `Said ${raw}.`, storyInput()), site);
    expect(html).toContain(kept);
  });
});

describe('channelExtras', () => {
  it('escapes the self address', () => {
    expect(channelExtras({ lang: 'en', selfUrl: 'https://x.example/a?b=1&c=2' })).toContain(
      'href="https://x.example/a?b=1&amp;c=2"',
    );
  });
});

describe('a feed built from the options', () => {
  const tricky = 'Salt & pepper <b>not bold</b> “quoted” and "straight" and \'single\'';
  const stories = [
    story('tricky', tricky, 21),
    ...Array.from({ length: 5 }, (_, i) => story(`s${i}`, `Story ${i}`, 10 - i)),
  ];

  it('keeps a title with &, < and quotes word for word through XML', async () => {
    const xml = await getRssString(
      feedOptions({
        title: 'T & T',
        description: 'D',
        selfPath: '/rss.xml',
        pagePath: '/',
        stories,
        limit: 50,
        lang: 'en',
        site,
      }),
    );
    expect(xmlErrors(xml)).toEqual([]);
    const channel = parser.parse(xml).rss.channel;
    expect(channel.title).toBe('T & T');
    expect(channel.item[0].title).toBe(tricky);
    expect(channel.item[0]['content:encoded']).toContain('Second <b>bold</b> &amp; last.');
  });

  it('gives the standfirst as plain text: markup in it reaches readers escaped, never live', async () => {
    const xss = '<img src=x onerror=alert(1)> & AT&amp;T';
    const item = { ...story('xss', 'X', 22), description: xss };
    const xml = await rssOf([item], 50);
    expect(xmlErrors(xml)).toEqual([]);
    const description: string = parser.parse(xml).rss.channel.item.description;
    // After XML parsing, the reader holds HTML that shows the standfirst as text.
    expect(description).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; AT&amp;amp;T');
    expect(description).not.toContain('<img');
  });

  it('caps the items to the limit, keeping the newest', async () => {
    const xml = await rssOf(stories, 3);
    const items = parser.parse(xml).rss.channel.item as { title: string }[];
    expect(items.map((item) => item.title)).toEqual([tricky, 'Story 0', 'Story 1']);
  });
});
