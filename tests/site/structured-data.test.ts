import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { SITE } from '../../src/lib/site';
import { expandJsonLd, schema, value, values, type ExpandedNode } from '../helpers/jsonld';
import { editions, pagePaths, readBuilt, siteDir } from '../helpers/site';

const origin = new URL(process.env.SITE_URL ?? SITE.url).origin;

/** The schema.org properties of a NewsMediaOrganization that link to a statement of policy. */
const POLICIES = [
  'publishingPrinciples',
  'actionableFeedbackPolicy',
  'correctionsPolicy',
  'diversityPolicy',
  'diversityStaffingReport',
  'ethicsPolicy',
  'masthead',
  'missionCoveragePrioritiesPolicy',
  'noBylinesPolicy',
  'ownershipFundingInfo',
  'unnamedSourcesPolicy',
  'verificationFactCheckingPolicy',
];

/** One built site: the main one (content/) and the language-editions fixture. */
interface BuiltSite {
  name: string;
  dir: () => string;
  read: (path: string) => string;
  pages: () => string[];
}

const SITES: BuiltSite[] = [
  { name: 'the site', dir: siteDir, read: readBuilt, pages: pagePaths },
  { name: 'the editions site', dir: editions.dir, read: editions.read, pages: editions.pagePaths },
];

/** Every node of every JSON-LD script of a page, expanded against schema.org (safe mode). */
async function pageNodes(html: string): Promise<ExpandedNode[]> {
  const $ = cheerio.load(html);
  const scripts = $('script[type="application/ld+json"]')
    .toArray()
    .map((script) => JSON.parse($(script).text()) as object);
  return (await Promise.all(scripts.map(expandJsonLd))).flat();
}

const isA = (node: ExpandedNode, type: string) => (node['@type'] ?? []).includes(schema(type));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString(), file).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe.each(SITES)('the publisher in the structured data of $name', (site) => {
  /** Each edition's front: `/` and the editions it links to in the masthead. */
  let fronts: string[];
  const nodes = new Map<string, ExpandedNode[]>();
  const file = (url: string) => {
    const { origin: from, pathname } = new URL(url);
    expect(from).toBe(origin);
    return join(site.dir(), decodeURI(pathname), pathname.endsWith('/') ? 'index.html' : '');
  };

  beforeAll(async () => {
    const $ = cheerio.load(site.read('/'));
    fronts = [
      '/',
      ...$('nav.editions a')
        .toArray()
        .map((link) => $(link).attr('href') ?? ''),
    ];
    for (const path of site.pages()) nodes.set(path, await pageNodes(site.read(path)));
  });

  const organisations = (path: string) => (nodes.get(path) ?? []).filter((node) => isA(node, 'NewsMediaOrganization'));

  it('every edition’s front names the site once as a NewsMediaOrganization, the same node on each', () => {
    expect(fronts.length).toBeGreaterThan(0);
    const found = fronts.map(organisations);
    for (const [index, list] of found.entries()) expect(list, fronts[index]).toHaveLength(1);
    const [first] = found[0] ?? [];
    expect(first?.['@id']).toBe(`${origin}/#organization`);
    for (const [index, list] of found.entries()) expect(list[0], fronts[index]).toEqual(first);
  });

  it('gives the organisation its name, address and a logo that is a built PNG of the stated size', () => {
    const [organisation] = organisations('/');
    expect(value(organisation, 'name')).toBe(SITE.name);
    expect(value(organisation, 'url')).toBe(`${origin}/`);
    const [logo] = values(organisation, 'logo');
    expect(logo && isA(logo, 'ImageObject')).toBe(true);
    const url = String(value(logo, 'url'));
    expect(value(logo, 'contentUrl')).toBe(url);
    expect(pngSize(file(url))).toEqual([Number(value(logo, 'width')), Number(value(logo, 'height'))]);
  });

  it('links only the policies the publisher pages state, each to its built page', () => {
    const [organisation] = organisations('/');
    const stated = Object.fromEntries(
      POLICIES.filter((term) => values(organisation, term).length > 0).map((term) => [term, value(organisation, term)]),
    );
    expect(stated).toEqual({
      publishingPrinciples: `${origin}/about/`,
      correctionsPolicy: `${origin}/corrections/`,
    });
    const [contact] = values(organisation, 'contactPoint');
    expect(contact && isA(contact, 'ContactPoint')).toBe(true);
    expect(value(contact, 'url')).toBe(`${origin}/contact/`);
    for (const url of [...Object.values(stated), value(contact, 'url')]) {
      expect(existsSync(file(String(url))), String(url)).toBe(true);
    }
  });

  it('every story’s NewsArticle refers to the organisation as its publisher, and credits the agency as before', () => {
    const stories = site.pages().filter((path) => path.startsWith('/stories/'));
    expect(stories.length).toBeGreaterThan(0);
    const [organisation] = organisations('/');
    for (const path of stories) {
      const graph = nodes.get(path) ?? [];
      const articles = graph.filter((node) => isA(node, 'NewsArticle') && values(node, 'headline').length > 0);
      expect(articles, path).toHaveLength(1);
      const [article] = articles;
      // A reference by @id, with nothing of its own: the page's graph holds the node it names.
      expect(values(article, 'publisher'), path).toEqual([{ '@id': organisation?.['@id'] }]);
      expect(
        graph.filter((node) => node['@id'] === organisation?.['@id']),
        path,
      ).toEqual([organisation]);
      // The agency that filed the story stays its author and source, not the site.
      const $ = cheerio.load(site.read(path));
      const credit = $('.story-times .agency').text().trim();
      for (const term of ['author', 'sourceOrganization', 'copyrightHolder']) {
        const [agency] = values(article, term);
        expect(agency && isA(agency, 'Organization'), `${path} ${term}`).toBe(true);
        expect(value(agency, 'name'), `${path} ${term}`).toBe(credit);
      }
    }
  });
});
