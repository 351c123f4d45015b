import { describe, expect, it } from 'vitest';
import { parseWireDate } from '../../src/lib/dates';
import {
  articleGraph,
  frontGraph,
  jsonLdScript,
  publisherNode,
  schemaDate,
  sitePublisher,
  type ArticleInput,
  type PublisherInput,
} from '../../src/lib/jsonld';
import { expandJsonLd as expand } from '../helpers/jsonld';

const site = 'https://wire-reader.example/';
const input: ArticleInput = {
  url: `${site}stories/tokayev/`,
  headline: 'Tokayev calls for support for peace initiatives',
  description: 'Kazakhstan’s president backs peace initiatives.',
  published: parseWireDate('2023-06-20'),
  updated: parseWireDate('2023-06-21T09:30:00+05:00'),
  lang: 'en',
  section: { name: 'Conflicts & War', url: `${site}sections/conflicts-war/` },
  keywords: ['Kazakhstan', 'Ukraine war'],
  place: 'Astana',
  agency: { name: 'EFE', legalName: 'Agencia EFE', url: 'https://www.efe.com/' },
  publisher: {
    name: 'Wire Reader',
    url: site,
    logo: { url: `${site}icon-512.png`, width: 512, height: 512 },
    publishingPrinciples: `${site}about/`,
    correctionsPolicy: `${site}corrections/`,
    contactPage: `${site}contact/`,
  },
  edition: { name: 'Wire Reader', url: site },
  images: [{ url: `${site}cards/abc.png`, width: 1200, height: 630 }],
};

/** Every property IRI in an expanded JSON-LD document. */
function properties(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => properties(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (!key.startsWith('@')) found.add(key);
      properties(value, found);
    }
  }
  return found;
}

describe('schemaDate', () => {
  it.each([
    ['a date-only entry gives its date, not a midnight', '2023-06-20', '2023-06-20'],
    [
      'an entry with a time gives the full date-time in its own zone',
      '2023-06-20T10:05:00+06:00',
      '2023-06-20T10:05:00+06:00',
    ],
    ['an entry in UTC keeps Z', '2023-06-20T04:05:00Z', '2023-06-20T04:05:00Z'],
    ['an entry without seconds stays without them', '2023-06-20T10:05+06:00', '2023-06-20T10:05+06:00'],
  ])('%s', (_name, written, expected) => {
    expect(schemaDate(parseWireDate(written))).toBe(expected);
  });
});

describe('articleGraph', () => {
  const graph = articleGraph(input);
  const [article, crumbs, organisation] = graph['@graph'];

  it('expands with a JSON-LD processor without dropping any property', async () => {
    const expanded = await expand(JSON.parse(jsonLdScript(graph)) as object);
    const found = properties(expanded);
    for (const property of [
      'headline',
      'description',
      'datePublished',
      'dateModified',
      'image',
      'author',
      'publisher',
      'logo',
      'publishingPrinciples',
      'correctionsPolicy',
      'contactPoint',
      'contactType',
      'sourceOrganization',
      'locationCreated',
      'articleSection',
      'keywords',
      'inLanguage',
      'isAccessibleForFree',
      'mainEntityOfPage',
      'copyrightHolder',
      'itemListElement',
      'position',
      'item',
    ]) {
      expect(found, property).toContain(`https://schema.org/${property}`);
    }
  });

  it('fails in safe mode on a property schema.org does not define, so the check above can fail', async () => {
    const bad = { ...graph, '@graph': [{ ...article, datelinePlace: 'Astana' }, crumbs] };
    await expect(expand(bad as object)).rejects.toThrow();
  });

  it('names the agency as author, source and copyright holder, with its URL', () => {
    const agency = { '@type': 'Organization', name: 'EFE', legalName: 'Agencia EFE', url: 'https://www.efe.com/' };
    expect(article).toMatchObject({ author: agency, sourceOrganization: agency, copyrightHolder: agency });
  });

  it('names the site as publisher by the @id of its organisation node in the same graph', () => {
    expect(article.publisher).toEqual({ '@id': `${site}#organization` });
    expect(organisation).toEqual(publisherNode(input.publisher));
    expect(organisation).toMatchObject({ '@type': 'NewsMediaOrganization', '@id': `${site}#organization` });
  });

  it('names the dateline place as where it was written', () => {
    expect(article.locationCreated).toEqual({ '@type': 'Place', name: 'Astana' });
  });

  it('gives a date-only publication as its date and a timed update with its zone', () => {
    expect(article).toMatchObject({ datePublished: '2023-06-20', dateModified: '2023-06-21T09:30:00+05:00' });
  });

  it('uses the publication date as the modification date when the story was never updated', () => {
    const [plain] = articleGraph({ ...input, updated: undefined })['@graph'];
    expect(plain.dateModified).toBe('2023-06-20');
  });

  it('lists every image with its size', () => {
    const three = articleGraph({
      ...input,
      images: [
        { url: `${site}a-16x9.jpg`, width: 1600, height: 900 },
        { url: `${site}a-4x3.jpg`, width: 1200, height: 900 },
        { url: `${site}a-1x1.jpg`, width: 900, height: 900 },
      ],
    })['@graph'][0];
    expect(three.image).toEqual([
      expect.objectContaining({ url: `${site}a-16x9.jpg`, width: '1600', height: '900' }),
      expect.objectContaining({ url: `${site}a-4x3.jpg`, width: '1200', height: '900' }),
      expect.objectContaining({ url: `${site}a-1x1.jpg`, width: '900', height: '900' }),
    ]);
  });

  it('refuses a story with no image, which Google would not show', () => {
    expect(() => articleGraph({ ...input, images: [] })).toThrow(
      /stories\/tokayev\/: a NewsArticle needs at least one image/,
    );
  });

  it('leaves out keywords when the story has no tags, and an agency URL when none is known', () => {
    const [bare] = articleGraph({ ...input, keywords: [], agency: { name: 'Xinhua' } })['@graph'];
    expect(bare).not.toHaveProperty('keywords');
    expect(bare.author).toEqual({ '@type': 'Organization', name: 'Xinhua' });
  });

  it('places the story under its edition and section in the breadcrumbs', () => {
    expect(crumbs.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Wire Reader', item: site },
      { '@type': 'ListItem', position: 2, name: 'Conflicts & War', item: `${site}sections/conflicts-war/` },
      { '@type': 'ListItem', position: 3, name: input.headline, item: input.url },
    ]);
  });
});

describe('publisherNode', () => {
  const publisher: PublisherInput = input.publisher;

  it('describes the site as a NewsMediaOrganization with its logo, policies and contact page', () => {
    expect(publisherNode(publisher)).toEqual({
      '@type': 'NewsMediaOrganization',
      '@id': `${site}#organization`,
      name: 'Wire Reader',
      url: site,
      logo: {
        '@type': 'ImageObject',
        url: `${site}icon-512.png`,
        contentUrl: `${site}icon-512.png`,
        width: '512',
        height: '512',
      },
      publishingPrinciples: `${site}about/`,
      correctionsPolicy: `${site}corrections/`,
      contactPoint: { '@type': 'ContactPoint', contactType: 'newsdesk', url: `${site}contact/` },
    });
  });

  it('claims no policy the input does not give', () => {
    const bare = publisherNode({ name: publisher.name, url: site, logo: publisher.logo });
    expect(Object.keys(bare).sort()).toEqual(['@id', '@type', 'logo', 'name', 'url']);
  });

  it('is the whole graph of an edition front, and expands without dropping a property', async () => {
    const graph = frontGraph(publisher);
    expect(graph['@graph']).toEqual([publisherNode(publisher)]);
    const found = properties(await expand(JSON.parse(jsonLdScript(graph)) as object));
    for (const property of ['name', 'url', 'logo', 'publishingPrinciples', 'correctionsPolicy', 'contactPoint']) {
      expect(found, property).toContain(`https://schema.org/${property}`);
    }
  });
});

describe('sitePublisher', () => {
  it('gives the site’s name, logo at its built size, policies and contact page as absolute addresses', () => {
    const root = 'https://news.example.org/';
    expect(sitePublisher(root)).toEqual({
      name: 'Wire Reader',
      url: root,
      logo: { url: `${root}icon-512.png`, width: 512, height: 512 },
      publishingPrinciples: `${root}about/`,
      correctionsPolicy: `${root}corrections/`,
      contactPage: `${root}contact/`,
    });
  });
});

describe('jsonLdScript', () => {
  it('escapes < so a headline cannot close the script element', () => {
    const text = jsonLdScript({ headline: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ headline: '</script><script>alert(1)</script>' });
  });
});
