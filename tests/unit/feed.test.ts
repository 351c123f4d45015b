import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  advertisedFeed,
  channelExtras,
  feedItem,
  feedText,
  feedOptions,
  feedPhotoFormat,
  feedPubDate,
  imageType,
  itemHtml,
  latestWithCards,
  mediaContent,
  type FeedImage,
  type ItemMedia,
} from '../../src/lib/feed';
import { sanitizeStoryHtml } from '../../src/lib/markdown';
import { parseWireDate } from '../../src/lib/dates';
import { newestFirst, toStory } from '../../src/lib/story';
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

  it.each([
    ['a date alone: noon UTC of that date', '2023-06-20', 'Tue, 20 Jun 2023 12:00:00 GMT', '2023-06-20'],
    ['a leap day alone', '2024-02-29', 'Thu, 29 Feb 2024 12:00:00 GMT', '2024-02-29'],
    [
      'a time in Astana: its instant',
      '2023-06-20T10:36:00+06:00',
      'Tue, 20 Jun 2023 04:36:00 GMT',
      '2023-06-20T10:36+06:00',
    ],
    [
      'a late time west of UTC: its instant, the next UTC day',
      '2023-06-20T23:30:00-05:00',
      'Wed, 21 Jun 2023 04:30:00 GMT',
      '2023-06-20T23:30-05:00',
    ],
    ['midnight given as a time: kept', '2023-06-20T00:00:00Z', 'Tue, 20 Jun 2023 00:00:00 GMT', '2023-06-20T00:00Z'],
  ])('gives pubDate for %s, and dc:date as the story gives it', (_name, iso, pubDate, dcDate) => {
    const item = feedItem(toStory('d', 'Text.', storyInput({ pubDate: parseWireDate(iso) })), site);
    expect(item.pubDate?.toUTCString()).toBe(pubDate);
    expect(feedPubDate(parseWireDate(iso)).toUTCString()).toBe(pubDate);
    expect(item.customData).toContain(`<dc:date>${dcDate}</dc:date>`);
  });

  it('puts a date-only pubDate on the dated day for readers from UTC−12 to UTC+11', () => {
    const pubDate = feedPubDate(parseWireDate('2023-06-20'));
    for (let hours = -12; hours <= 11; hours++) {
      const local = new Date(pubDate.getTime() + hours * 3_600_000).toISOString().slice(0, 10);
      expect(`${hours}: ${local}`).toBe(`${hours}: 2023-06-20`);
    }
  });

  it('moves only the feed date: the story still sorts at midnight, and items keep the site order', async () => {
    const dateOnly = toStory(
      'date-only',
      'Text.',
      storyInput({ title: 'Date only', pubDate: parseWireDate('2023-06-20') }),
    );
    const morning = toStory(
      'morning',
      'Text.',
      storyInput({ title: 'Morning', pubDate: parseWireDate('2023-06-20T09:00:00Z') }),
    );
    expect(dateOnly.pubDate.toISOString()).toBe('2023-06-20T00:00:00.000Z');
    const sorted = newestFirst([dateOnly, morning]);
    expect(sorted.map((s) => s.id)).toEqual(['morning', 'date-only']);
    const items = parser.parse(await rssOf(sorted, 50)).rss.channel.item as { title: string; pubDate: string }[];
    expect(items.map((item) => [item.title, item.pubDate])).toEqual([
      ['Morning', 'Tue, 20 Jun 2023 09:00:00 GMT'],
      ['Date only', 'Tue, 20 Jun 2023 12:00:00 GMT'],
    ]);
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

const PHOTO: FeedImage = { url: `${site}/_astro/photo.AbC.jpg`, type: 'image/jpeg', width: 1200, height: 800 };
const CARD: FeedImage = { url: `${site}/cards/0123abcd.png`, type: 'image/png', width: 1200, height: 630 };
const withPhoto = (changes: Parameters<typeof storyInput>[0] = {}) =>
  toStory(
    'photo',
    'Growth was strong.',
    storyInput({
      image: {
        src: { src: '/@fs/content/photo.jpg', width: 1500, height: 1000, format: 'jpg' },
        alt: 'Shoppers in "Madrid" & more',
        caption: 'Household <spending> drove growth.',
        credit: 'EFE/Fernando Alvarado',
      },
      ...changes,
    }),
  );
const note = (date: string, text: string) => ({ date: parseWireDate(date), text });

describe('itemHtml: corrections as the page words them', () => {
  it.each([
    [
      'one note, in English',
      'en',
      [note('2023-07-29', 'Wrong name.')],
      '<section><h2>Correction</h2>',
      ['<li><time datetime="2023-07-29">Saturday, July 29, 2023</time>: Wrong name.</li>'],
    ],
    [
      'two notes, oldest first',
      'en',
      [note('2023-07-29', 'One.'), note('2023-07-30', 'Two & <three>.')],
      '<section><h2>Corrections</h2>',
      [
        '<li><time datetime="2023-07-29">Saturday, July 29, 2023</time>: One.</li><li><time datetime="2023-07-30">Sunday, July 30, 2023</time>: Two &amp; &lt;three&gt;.</li>',
      ],
    ],
    [
      'one note, in Arabic',
      'ar',
      [note('2024-01-26', 'صُحّح عدد الدول.')],
      '<section><h2>تصحيح</h2>',
      ['<time datetime="2024-01-26">', ': صُحّح عدد الدول.</li>'],
    ],
    [
      'one note, in German',
      'de',
      [note('2023-02-13', 'Korrigiert.')],
      '<section><h2>Korrektur</h2>',
      ['<time datetime="2023-02-13">Montag, 13. Februar 2023</time>: Korrigiert.</li>'],
    ],
    [
      'a language with no message table: the English heading, marked English',
      'it',
      [note('2023-02-13', 'Corretto.')],
      '<section><h2 lang="en">Correction</h2>',
      [': Corretto.</li>'],
    ],
  ])('%s', (_name, lang, corrections, heading, notes) => {
    const html = itemHtml(toStory('c', 'Text.', storyInput({ lang, corrections })), site);
    const section = html.slice(html.indexOf('<section>'));
    expect(section.startsWith(heading)).toBe(true);
    for (const text of notes) expect(section).toContain(text);
    // After the text and its credit, inside the story's wrapper.
    expect(html.indexOf('<span class="credit">')).toBeLessThan(html.indexOf('<section>'));
    expect(html.endsWith('</ul></section>\n</div>')).toBe(true);
  });

  it('adds no section to a story without corrections', () => {
    expect(itemHtml(toStory('c', 'Text.', storyInput()), site)).not.toContain('<section');
  });
});

describe('itemHtml: the photo', () => {
  it.each<[string, ReturnType<typeof toStory>, ItemMedia, string | undefined]>([
    [
      'a built photo leads the item, with alt, size, caption and credit',
      withPhoto(),
      { photo: PHOTO, card: CARD },
      `<figure><img src="${PHOTO.url}" alt="Shoppers in &quot;Madrid&quot; &amp; more" width="1200" height="800">` +
        '<figcaption>Household &lt;spending&gt; drove growth. <span class="photo-credit">EFE/Fernando Alvarado</span></figcaption></figure>',
    ],
    [
      'a photo with neither caption nor credit has no figcaption',
      withPhoto({ image: { src: { src: '/x.jpg', width: 10, height: 10, format: 'jpg' }, alt: '' } }),
      { photo: PHOTO },
      `<figure><img src="${PHOTO.url}" alt="" width="1200" height="800"></figure>`,
    ],
    ['no figure when the route built no photo', withPhoto(), { card: CARD }, undefined],
    [
      'no figure for a story without a photo, whatever is passed',
      toStory('n', 'Text.', storyInput()),
      { photo: PHOTO },
      undefined,
    ],
  ])('%s', (_name, story, media, figure) => {
    const html = itemHtml(story, site, media);
    if (figure === undefined) expect(html).not.toContain('<figure');
    else expect(html).toContain(`<div lang="en" dir="ltr">\n${figure}\n<p><span class="dateline">`);
  });

  it('gives a whole item (photo, text, corrections, copyright) that sanitize-html leaves as it is', () => {
    const story = withPhoto({ corrections: [note('2023-07-29', 'Fixed <it>.')], copyright: '(c) EFE 2023 & partners' });
    const html = itemHtml(story, site, { photo: PHOTO });
    expect(html).toContain('<p>(c) EFE 2023 &amp; partners</p>\n</div>');
    // sanitize-html writes the void <img> as <img />: the same element.
    expect(sanitizeStoryHtml(html, site).replaceAll(' />', '>')).toBe(html);
  });
});

describe('mediaContent', () => {
  it.each<[string, ReturnType<typeof toStory>, ItemMedia, string]>([
    [
      'the photo, with its caption and credit',
      withPhoto(),
      { photo: PHOTO, card: CARD },
      `<media:content url="${PHOTO.url}" type="image/jpeg" medium="image" width="1200" height="800">` +
        '<media:description type="plain">Household &lt;spending&gt; drove growth.</media:description>' +
        '<media:credit>EFE/Fernando Alvarado</media:credit></media:content>',
    ],
    [
      'the photo described by its alt when it has no caption',
      withPhoto({ image: { src: { src: '/x.jpg', width: 10, height: 10, format: 'jpg' }, alt: 'A street.' } }),
      { photo: PHOTO },
      `<media:content url="${PHOTO.url}" type="image/jpeg" medium="image" width="1200" height="800">` +
        '<media:description type="plain">A street.</media:description></media:content>',
    ],
    [
      'the share card for a story without a photo',
      toStory('n', 'Text.', storyInput()),
      { photo: PHOTO, card: CARD },
      `<media:content url="${CARD.url}" type="image/png" medium="image" width="1200" height="630"/>`,
    ],
    ['nothing without a photo or a card of its own', toStory('n', 'Text.', storyInput()), {}, ''],
  ])('gives %s', (_name, story, media, xml) => {
    expect(mediaContent(story, media)).toBe(xml);
  });
});

describe('image formats', () => {
  it.each([
    ['jpg', 'jpg', 'image/jpeg'],
    ['jpeg', 'jpg', 'image/jpeg'],
    ['png', 'png', 'image/png'],
    ['PNG', 'png', 'image/png'],
    ['webp', 'jpg', 'image/jpeg'],
    ['avif', 'jpg', 'image/jpeg'],
    ['tiff', 'jpg', 'image/jpeg'],
  ])('a %s photo is built as %s (%s) for feeds', (format, built, type) => {
    expect(feedPhotoFormat(format)).toBe(built);
    expect(imageType(feedPhotoFormat(format))).toBe(type);
  });

  it('names the format it has no media type for', () => {
    expect(() => imageType('heic')).toThrow('image format "heic": no media type known for it');
  });
});

describe('feedText and advertisedFeed: one wording for a feed, in its channel and where it is advertised', () => {
  it.each([
    [{ kind: 'edition', name: 'English', lang: 'en' }, 'Wire Reader', '/rss.xml'],
    [{ kind: 'edition', name: 'Español', lang: 'es' }, 'Wire Reader: Español', '/es/rss.xml'],
    [
      { kind: 'section', name: 'Conflicts & War', lang: 'en' },
      'Wire Reader: Conflicts & War',
      '/sections/conflicts-war/rss.xml',
    ],
    [
      { kind: 'tag', name: "Côte d'Ivoire", lang: 'en' },
      "Wire Reader: Stories tagged Côte d'Ivoire",
      '/tags/cote-divoire/rss.xml',
    ],
    [{ kind: 'tag', name: 'España', lang: 'es' }, 'Wire Reader: Noticias sobre España', '/es/tags/espana/rss.xml'],
  ] as const)('%o is titled %s at %s', (subject, title, href) => {
    expect(feedText(subject).title).toBe(title);
    expect(advertisedFeed(subject)).toEqual({ title, href });
  });

  it('describes each kind of feed as plain text, not escaped', () => {
    expect(feedText({ kind: 'section', name: 'Conflicts & War', lang: 'en' }).description).toBe(
      'Conflicts & War: the latest wire stories on Wire Reader.',
    );
    expect(feedText({ kind: 'tag', name: "Côte d'Ivoire", lang: 'en' }).description).toBe(
      "Wire stories tagged Côte d'Ivoire on Wire Reader.",
    );
    expect(feedText({ kind: 'edition', name: 'English', lang: 'en' }).description).toBe(
      'News-agency wire stories, word for word, as the agencies filed them.',
    );
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

  it('gives items their photo or card as Media RSS, in a well-formed feed with the namespace bound', async () => {
    const plain = story('plain', 'Plain', 23);
    const xml = await getRssString(
      feedOptions({
        title: 'T',
        description: 'D',
        selfPath: '/rss.xml',
        pagePath: '/',
        stories: [withPhoto({ title: 'Photo' }), plain],
        media: new Map([
          ['photo', { photo: PHOTO }],
          ['plain', { card: CARD }],
        ]),
        limit: 50,
        lang: 'en',
        site,
      }),
    );
    expect(xmlErrors(xml)).toEqual([]);
    const rss = parser.parse(xml).rss;
    expect(rss['@_xmlns:media']).toBe('http://search.yahoo.com/mrss/');
    const items = rss.channel.item as { 'media:content': Record<string, unknown>; 'content:encoded': string }[];
    expect(items.map((item) => item['media:content']['@_url'])).toEqual([PHOTO.url, CARD.url]);
    expect(items[0]?.['media:content']['media:credit']).toBe('EFE/Fernando Alvarado');
    expect(items[0]?.['content:encoded']).toContain(`<img src="${PHOTO.url}"`);
  });

  it('caps the items to the limit, keeping the newest', async () => {
    const xml = await rssOf(stories, 3);
    const items = parser.parse(xml).rss.channel.item as { title: string }[];
    expect(items.map((item) => item.title)).toEqual([tricky, 'Story 0', 'Story 1']);
  });
});

describe('latestWithCards', () => {
  const stories = [story('c', 'Newest', 22), story('b', 'Middle', 21), story('a', 'Oldest', 20)];
  const cards = new Map([
    ['c', 'card of c'],
    ['a', 'card of a'],
  ]);

  it.each([
    ['fewer stories than the limit: all of them', 5, ['c', 'b', 'a'], ['card of c', undefined, 'card of a']],
    ['more stories than the limit: the newest, in order', 2, ['c', 'b'], ['card of c', undefined]],
    ['a limit of none: nothing', 0, [], []],
  ])('takes %s, each with its own card or none', (_name, limit, ids, expected) => {
    const latest = latestWithCards(stories, cards, limit);
    expect(latest.stories.map((one) => one.id)).toEqual(ids);
    expect(latest.cards).toEqual(expected);
  });
});
