import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { parseWireDate } from '../../src/lib/dates';
import { articleGraph, jsonLdScript, schemaDate, type ArticleInput } from '../../src/lib/jsonld';

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
  },
  edition: { name: 'Wire Reader', url: site },
  images: [{ url: `${site}cards/abc.png`, width: 1200, height: 630 }],
};

/**
 * A local JSON-LD context with every schema.org type and property that schema-dts knows (it
 * is generated from the schema.org vocabulary), and no @vocab: expanding in safe mode then
 * fails on any term schema.org does not define, instead of dropping it silently.
 */
function schemaOrgContext() {
  const require = createRequire(import.meta.url);
  const types = readFileSync(join(dirname(require.resolve('schema-dts')), 'schema.d.ts'), 'utf8');
  const terms = new Set([
    ...[...types.matchAll(/"([A-Za-z][A-Za-z0-9]*)"\?:/g)].map((m) => m[1] as string),
    ...[...types.matchAll(/"@type": "([A-Za-z][A-Za-z0-9]*)"/g)].map((m) => m[1] as string),
  ]);
  const context: Record<string, string> = {};
  for (const term of terms) context[term] = `https://schema.org/${term}`;
  return { '@context': context };
}

const context = schemaOrgContext();
const documentLoader = async (url: string) => {
  if (url !== 'https://schema.org' && url !== 'https://schema.org/') throw new Error(`no network: ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: context };
};

// @types/jsonld predates safe mode; this is the signature jsonld 9 has.
const expand = jsonld.expand as (
  input: object,
  options: { documentLoader: typeof documentLoader; safe: boolean },
) => Promise<object[]>;

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
  const [article, crumbs] = graph['@graph'];

  it('expands with a JSON-LD processor without dropping any property', async () => {
    const expanded = await expand(JSON.parse(jsonLdScript(graph)) as object, { documentLoader, safe: true });
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
    await expect(expand(bad as object, { documentLoader, safe: true })).rejects.toThrow();
  });

  it('names the agency as author, source and copyright holder, with its URL', () => {
    const agency = { '@type': 'Organization', name: 'EFE', legalName: 'Agencia EFE', url: 'https://www.efe.com/' };
    expect(article).toMatchObject({ author: agency, sourceOrganization: agency, copyrightHolder: agency });
  });

  it('names the site as publisher with its logo, and the dateline place as where it was written', () => {
    expect(article).toMatchObject({
      publisher: { '@type': 'Organization', name: 'Wire Reader', url: site, logo: { url: `${site}icon-512.png` } },
      locationCreated: { '@type': 'Place', name: 'Astana' },
    });
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

describe('jsonLdScript', () => {
  it('escapes < so a headline cannot close the script element', () => {
    const text = jsonLdScript({ headline: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ headline: '</script><script>alert(1)</script>' });
  });
});
