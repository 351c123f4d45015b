/**
 * The agency importer end to end: a drop folder, revisions, a kill and bad items through
 * `npm run import`, then the site built from the result at two build times, before and
 * after an embargo.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/lib/frontmatter';
import { ROOT, runAstro } from '../helpers/astro';
import { xmlErrors } from '../helpers/xml';

const scratch = mkdtempSync(join(tmpdir(), 'wire-agency-'));
const content = join(scratch, 'content');
const fixtures = join(ROOT, 'tests/fixtures/agency');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(args: string[], input?: string | Buffer) {
  const result = spawnSync('npm', ['run', '--silent', 'import', '--', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const EFE = 'efe/urn-newsml-efe-es-20230620-4410271.md';
const AP = 'ap/urn-publicid-ap-org-9b1f0c4e2d7a4c53a8f1.md';
const frontmatter = (file: string) => splitFrontmatter(readFileSync(join(content, file), 'utf8'), file).data;

describe('npm run import with agency items', () => {
  it('imports a drop folder, one report line per item, in order of version and time', () => {
    const { status, stdout, stderr } = run(['tests/fixtures/agency/drop', '--out', content]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.map((line) => line.split(': ')[0])).toEqual([
      'tests/fixtures/agency/drop/dpa-bahnstreik.xml',
      'tests/fixtures/agency/drop/efe-tokayev-v1.xml',
      'tests/fixtures/agency/drop/dpa-withheld.xml',
      'tests/fixtures/agency/drop/afp-climat-embargo.xml',
      'tests/fixtures/agency/drop/ap-ninjs1.json',
      'tests/fixtures/agency/drop/kyodo-ninjs3.json',
    ]);
    expect(stdout).toMatch(
      /efe-tokayev-v1\.xml: NewsML 1\.2 urn:newsml:efe\.es:20230620:4410271 v1: wrote .*; urgent; photo /,
    );
    expect(stdout).toMatch(
      /dpa-bahnstreik\.xml: .*photo not fetched \(remote only, recorded\): https:\/\/images\.example\.com\//,
    );
    expect(stdout).toMatch(/afp-climat-embargo\.xml: .*; embargoed until 2023-06-21T06:00:00Z/);
    expect(stdout).toMatch(/dpa-withheld\.xml: .*; withheld: kept, not published/);
    expect(existsSync(join(content, 'efe/urn-newsml-efe-es-20230620-4410271.jpg'))).toBe(true);
    expect(frontmatter('dpa/urn-newsml-dpa-com-20230620-230620-99-104215.md').remoteImages).toEqual([
      'https://images.example.com/dpa/230620-99-104216.jpg',
    ]);
  });

  it('applies a newer revision to the same entry and refuses an older one, changing nothing', () => {
    const update = run(['tests/fixtures/agency/revisions', '--out', content]);
    expect(update.status).toBe(0);
    expect(update.stdout).toMatch(
      /efe-tokayev-v2\.xml: .* v2: updated .*efe\/urn-newsml-efe-es-20230620-4410271\.md from v1 .*correction note added/,
    );
    const before = readFileSync(join(content, EFE), 'utf8');
    expect(before).toContain('entre 2017 y 2023');
    const older = run(['tests/fixtures/agency/drop/efe-tokayev-v1.xml', '--out', content]);
    expect(older.status).toBe(0);
    expect(older.stdout).toMatch(/v1: skipped: .* already has the newer version 2; nothing changed/);
    expect(readFileSync(join(content, EFE), 'utf8')).toBe(before);
    expect(frontmatter(EFE).source).toEqual({ id: 'urn:newsml:efe.es:20230620:4410271', version: 2 });
  });

  it('marks a killed entry canceled and keeps it on disk with its text', () => {
    const { status, stdout } = run(['tests/fixtures/agency/kill/ap-ninjs1-kill.json', '--out', content]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/v2: killed: .* kept on disk, marked canceled/);
    expect(frontmatter(AP)).toMatchObject({ status: 'canceled', source: { version: 2 } });
    expect(readFileSync(join(content, AP), 'utf8')).toContain('Ukrainian forces have retaken several villages');
  });

  it('reads an agency item from standard input', () => {
    const json = readFileSync(join(fixtures, 'bad/reuters-ninjs2-good.json'));
    const { status, stdout } = run(['-', '--out', join(scratch, 'stdin')], json);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^standard input: ninjs urn:example:reuters:good-1 v1: wrote /);
  });

  it('names the file and the element or field of each bad item, writes nothing for it, and imports the rest', () => {
    const out = join(scratch, 'bad');
    const { status, stdout, stderr } = run(['tests/fixtures/agency/bad', '--out', out]);
    expect(status).toBe(1);
    const errors = stderr.trim().split('\n');
    expect(errors).toHaveLength(6);
    for (const [file, field] of [
      ['malformed.xml', 'XML: line 5, column 3'],
      ['unknown-root.xml', 'rss: unknown root element <rss>'],
      ['ninjs-no-body.json', 'body_html: the item has no body'],
      ['g2-no-headline.xml', 'newsItem/contentMeta/headline: the headline is missing'],
      ['binary.xml', 'file: binary data'],
      [
        'efe-missing-photo.xml',
        'NewsComponent/NewsComponent/ContentItem/@Href: the photo file "efe-foto-que-no-llego.jpg" is missing',
      ],
    ]) {
      expect(errors.find((line) => line.startsWith(`tests/fixtures/agency/bad/${file}`))).toContain(field);
    }
    expect(stdout).toMatch(/reuters-ninjs2-good\.json: .* wrote /);
    const written = (readdirSync(out, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) =>
      f.endsWith('.md'),
    );
    expect(written).toEqual([join('reuters', 'urn-example-reuters-good-1.md')]);
  });

  it('reports packages and picture items as skipped, not failed, and records a photo reference that names no file', () => {
    const out = join(scratch, 'variants');
    const { status, stdout, stderr } = run(['tests/fixtures/agency/variants', '--out', out, '--section', 'World']);
    const variants = 'tests/fixtures/agency/variants';
    for (const [file, what] of [
      ['g2-package.xml', 'skipped: packageItem: a NewsML-G2 package (packageItem)'],
      ['g2-picture-only.xml', 'skipped: itemSet/newsItem: no text item (itemClass ninat:text) to make a story of'],
      ['ninjs-picture.json', 'skipped: type: a picture item (type "picture"), not a story'],
    ]) {
      expect(stdout.split('\n').find((line) => line.startsWith(`${variants}/${file}: `))).toContain(what);
    }
    expect(stdout).toMatch(/ntb-nitf-baselang\.xml: .* wrote .*photo "aBcD3fGh1" .* names no image file: not copied/);
    // What still needs the editor fails, named: an item with no body, items with no place.
    expect(status).toBe(1);
    expect(stderr.trim().split('\n').sort()).toEqual([
      expect.stringMatching(
        /^tests\/fixtures\/agency\/variants\/ap-media-renditions-only\.json: error: data\.item\.body_html: /,
      ),
      expect.stringMatching(/pa-nitf-ends-no-dateline\.xml: NITF .*: error: dateline: .*pass --place NAME/),
      expect.stringMatching(/reuters-g2-timestamp-dateline\.xml: NewsML-G2 .*: error: dateline: .*pass --place NAME/),
    ]);
    const withPlace = run([`${variants}/pa-nitf-ends-no-dateline.xml`, '--out', out, '--place', 'London']);
    expect(withPlace.status).toBe(0);
    expect(withPlace.stdout).toMatch(/: wrote .*left out the sign-off "ends"/);
  });

  it('refuses a symbolic link in a drop folder, item or photo, unread and named, and imports the rest', () => {
    const drop = mkdtempSync(join(scratch, 'links-'));
    const secret = join(scratch, 'not-for-the-site.xml');
    writeFileSync(secret, '<secret>the first line of a private file</secret>\n');
    symlinkSync(secret, join(drop, 'leak.xml'));
    // An item whose photo is a link to a real photo outside the drop folder, and one good item.
    cpSync(join(fixtures, 'drop/efe-tokayev-v1.xml'), join(drop, 'efe-tokayev-v1.xml'));
    symlinkSync(join(fixtures, 'drop/efe-foto-astana.jpg'), join(drop, 'efe-foto-astana.jpg'));
    cpSync(join(fixtures, 'drop/ap-ninjs1.json'), join(drop, 'ap-ninjs1.json'));
    const out = join(scratch, 'links-out');
    const { status, stdout, stderr } = run([drop, '--out', out]);
    expect(status).toBe(1);
    const errors = stderr.trim().split('\n');
    expect(errors).toEqual([
      `${drop}/leak.xml: error: file: a symbolic link: not followed, so that nothing outside the drop folder is read; put the file itself in the folder; nothing written for it`,
      expect.stringMatching(
        /efe-tokayev-v1\.xml: NewsML 1\.2 .*: error: NewsItem\[1\]\/NewsComponent\/NewsComponent\/ContentItem\/@Href: the photo file "efe-foto-astana\.jpg" leads outside the drop folder through a symbolic link: not followed/,
      ),
    ]);
    expect(stderr).not.toContain('private file');
    expect(stdout).toMatch(/ap-ninjs1\.json: .* wrote /);
    const written = readdirSync(out, { recursive: true, encoding: 'utf8' }) as string[];
    expect(written.filter((file) => /\.(md|jpg)$/.test(file))).toEqual([
      join('ap', 'urn-publicid-ap-org-9b1f0c4e2d7a4c53a8f1.md'),
    ]);
  });

  it('fails fast on a file too large to be an item', () => {
    const big = join(scratch, 'big.xml');
    writeFileSync(big, Buffer.alloc(9 * 1024 * 1024, 0x20));
    const { status, stderr } = run([big, '--out', join(scratch, 'big')]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/big\.xml: error: file: 9437184 bytes is more than any agency item/);
  });
});

/** Every built file's text, by site path. */
function builtTexts(dist: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[]) {
    if (/\.(html|xml|json|txt|css|js)$/.test(file)) {
      texts.set(`/${relative(dist, join(dist, file)).split(sep).join('/')}`, readFileSync(join(dist, file), 'utf8'));
    }
  }
  return texts;
}

const EMBARGOED = {
  slug: 'climat-leurope-se-rechauffe-deux-fois-plus-vite-que-la-moyenne-mondiale-selon-un-rapport',
  words: 'deux fois plus vite que la moyenne',
};
const KILLED = { slug: 'ukraine-says-counteroffensive-gains-ground-in-the-south', words: 'counteroffensive' };
const WITHHELD = { slug: 'bundestag-vertagt-abstimmung-uber-heizungsgesetz', words: 'Heizungsgesetz' };
const EFE_PATH = '/stories/tokayev-pide-respaldo-a-las-iniciativas-de-paz-de-china-y-otros-paises-para-ucrania/';
const DPA_PATH = '/stories/warnstreik-legt-fernverkehr-der-bahn-bundesweit-lahm/';

/** Photos given here to the embargoed and the withheld story, to show they never leak. */
const HELD_PHOTOS = [
  { entry: 'afp/urn-newsml-afp-com-20230620-tx-par-kqa12.md', lang: 'fr', file: 'afp-held-photo.jpg' },
  { entry: 'dpa/urn-newsml-dpa-com-20230620-230620-99-104300.md', lang: 'de', file: 'dpa-held-photo.jpg' },
];
const HELD_ALT = (lang: string) => `A held-back photo (${lang})`;

/** The site paths of the share cards a built page names as its og:image. */
function cardsNamed(texts: Map<string, string>): Set<string> {
  const named = new Set<string>();
  for (const [path, text] of texts) {
    if (!path.endsWith('.html')) continue;
    const image = cheerio.load(text)('meta[property="og:image"]').attr('content');
    if (image) named.add(new URL(image).pathname);
  }
  return named;
}

/** The `image` list of a built story page's NewsArticle, in order: url, width and height. */
function articleImages($: cheerio.CheerioAPI): { url: string; width: string; height: string }[] {
  const graph = JSON.parse($('script[type="application/ld+json"]').text())['@graph'] as {
    '@type': string;
    image?: { url: string; width: string; height: string }[];
  }[];
  const article = graph.find((node) => node['@type'] === 'NewsArticle');
  return (article?.image ?? []).map(({ url, width, height }) => ({ url, width, height }));
}

describe('the site built from agency items', () => {
  let before: Map<string, string>;
  let after: Map<string, string>;
  let distBefore: string;
  let distAfter: string;

  beforeAll(() => {
    // The content as the import tests above left it: drop folder, correction, kill; and a
    // photo beside the embargoed and the withheld story.
    const site = join(scratch, 'site-content');
    cpSync(content, site, { recursive: true });
    for (const { entry, lang, file } of HELD_PHOTOS) {
      const md = join(site, entry);
      cpSync(join(fixtures, 'drop/efe-foto-astana.jpg'), join(md, '..', file));
      const text = readFileSync(md, 'utf8');
      expect(text).toContain(`\nlang: ${lang}\n`);
      writeFileSync(
        md,
        text.replace(`\nlang: ${lang}\n`, `\nlang: ${lang}\nimage:\n  src: ./${file}\n  alt: ${HELD_ALT(lang)}\n`),
      );
    }
    const early = runAstro(
      'build',
      { content: site, scratch: join(scratch, 'early') },
      { env: { WIRE_BUILD_TIME: '2023-06-21T05:59:59Z' } },
    );
    expect(early.status, early.output).toBe(0);
    const late = runAstro(
      'build',
      { content: site, scratch: join(scratch, 'late') },
      { env: { WIRE_BUILD_TIME: '2023-06-21T06:00:00Z' } },
    );
    expect(late.status, late.output).toBe(0);
    distBefore = early.dist;
    distAfter = late.dist;
    before = builtTexts(early.dist);
    after = builtTexts(late.dist);
  }, 240_000);

  it('leaves an embargoed story out of every file in dist/ until the build time passes the embargo', () => {
    for (const [path, text] of before) {
      expect(text.includes(EMBARGOED.slug) || text.includes(EMBARGOED.words), path).toBe(false);
    }
    expect(existsSync(join(distBefore, 'stories', EMBARGOED.slug))).toBe(false);
    expect(after.get(`/stories/${EMBARGOED.slug}/index.html`)).toContain(EMBARGOED.words);
    // A French story: listed on the French edition's front page and feed.
    expect(after.get('/fr/index.html')).toContain(`/stories/${EMBARGOED.slug}/`);
    expect(after.get('/fr/rss.xml')).toContain(`/stories/${EMBARGOED.slug}/`);
  });

  it('copies no photo of a withheld story, or of an embargoed one before its embargo, and draws no card of it', () => {
    const files = (dist: string) => readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[];
    for (const [dist, held] of [
      [distBefore, ['afp-held-photo', 'dpa-held-photo']],
      [distAfter, ['dpa-held-photo']],
    ] as const) {
      for (const name of held) expect(files(dist).filter((file) => file.includes(name))).toEqual([]);
      // Every card in dist/ is one that a built page names: none is drawn for a story not published.
      const cards = files(dist)
        .filter((file) => file.startsWith(`cards${sep}`) && file.endsWith('.png'))
        .map((file) => `/${file.split(sep).join('/')}`);
      expect(cards.length).toBeGreaterThan(0);
      expect(new Set(cards)).toEqual(cardsNamed(dist === distBefore ? before : after));
    }
    // Once the embargo has passed, the story shows its photo, on the page and on its card.
    expect(files(distAfter).some((file) => file.includes('afp-held-photo'))).toBe(true);
    const $ = cheerio.load(after.get(`/stories/${EMBARGOED.slug}/index.html`) ?? '');
    expect($('meta[property="og:image:alt"]').attr('content')).toBe(HELD_ALT('fr'));
    for (const [path, text] of before) expect(text.includes('A held-back photo'), path).toBe(false);
    for (const [path, text] of after) expect(text.includes(HELD_ALT('de')), path).toBe(false);
  });

  it('puts a story’s photo on its 1200x630 share card, described by the photo’s caption when it has no alt', async () => {
    const $ = cheerio.load(after.get(`${EFE_PATH}index.html`) ?? '');
    const meta = (property: string) => $(`meta[property="${property}"]`).attr('content');
    expect(meta('og:image:alt')).toBe(
      'El presidente kazajo, Kasim-Yomart Tokáyev, durante su discurso ante el cuerpo diplomático en Astaná.',
    );
    expect([meta('og:image:width'), meta('og:image:height'), meta('og:image:type')]).toEqual([
      '1200',
      '630',
      'image/png',
    ]);
    const card = join(distAfter, new URL(meta('og:image') ?? '').pathname);
    const { width, height } = await sharp(card).metadata();
    expect([width, height]).toEqual([1200, 630]);
    // The photo shows in the card's top corner, away from the text, where a text card is plain paper.
    const corner = [
      ...(await sharp(card).extract({ left: 1150, top: 10, width: 1, height: 1 }).removeAlpha().raw().toBuffer()),
    ];
    expect(corner).not.toEqual([255, 255, 255]);
    // A story without a photo keeps the text card, described by its text.
    const dpa = cheerio.load(after.get(`${DPA_PATH}index.html`) ?? '');
    expect(dpa('meta[property="og:image:alt"]').attr('content')).toMatch(/^Warnstreik/);
  });

  it('lists a story’s photo in its structured data as 16:9, 4:3 and 1:1 crops, built JPEGs of their stated size, then the card', async () => {
    const $ = cheerio.load(after.get(`${EFE_PATH}index.html`) ?? '');
    const images = articleImages($);
    // The photo is 1200x800: each crop is the largest of its ratio it holds, largest first.
    const source = await sharp(join(fixtures, 'drop/efe-foto-astana.jpg')).metadata();
    expect([source.width, source.height]).toEqual([1200, 800]);
    expect(images.map(({ width, height }) => `${width}x${height}`)).toEqual([
      '1064x798',
      '1200x675',
      '800x800',
      '1200x630',
    ]);
    const card = images.at(-1);
    expect(card?.url).toBe($('meta[property="og:image"]').attr('content'));
    const crops = images.slice(0, -1);
    for (const crop of crops) {
      // An absolute address on the site, as the card's is.
      const url = new URL(crop.url);
      expect(url.origin, crop.url).toBe(new URL(card?.url ?? '').origin);
      expect(url.pathname, crop.url).toMatch(/^\/_astro\/[^/]+\.jpg$/);
      const file = join(distAfter, url.pathname);
      expect(existsSync(file), `${crop.url} is not in the build`).toBe(true);
      const { width, height, format } = await sharp(file).metadata();
      expect({ width, height, format }, crop.url).toEqual({
        width: Number(crop.width),
        height: Number(crop.height),
        format: 'jpeg',
      });
    }
    expect(new Set(crops.map((crop) => crop.url)).size).toBe(3);
    // Crawlable: robots.txt keeps no crawler away from the crops' folder.
    expect(after.get('/robots.txt')).not.toMatch(/^Disallow:\s*\/(_astro\/?)?\s*$/m);
  });

  it('lists only the share card in the structured data of a story without a photo', () => {
    const $ = cheerio.load(after.get(`${DPA_PATH}index.html`) ?? '');
    expect(articleImages($)).toEqual([
      { url: $('meta[property="og:image"]').attr('content'), width: '1200', height: '630' },
    ]);
  });

  it('leaves a killed or withheld story out of every page, listing and feed', () => {
    for (const texts of [before, after]) {
      for (const [path, text] of texts) {
        for (const story of [KILLED, WITHHELD]) {
          expect(text.includes(story.slug) || text.includes(story.words), `${path} shows ${story.slug}`).toBe(false);
        }
      }
    }
  });

  it('shows the photo as a figure with its caption and credit, in AVIF and WebP with width and height', () => {
    const $ = cheerio.load(after.get(`${EFE_PATH}index.html`) ?? '');
    const figure = $('article figure.story-photo');
    expect(figure.find('figcaption').text()).toBe(
      'El presidente kazajo, Kasim-Yomart Tokáyev, durante su discurso ante el cuerpo diplomático en Astaná.EFE/Darja Kolesnikova',
    );
    expect(figure.find('.photo-credit').text()).toBe('EFE/Darja Kolesnikova');
    expect(figure.find('source[type="image/avif"]').attr('srcset')).toMatch(/ 360w, .* 576w/);
    expect(figure.find('source[type="image/webp"]').attr('srcset')).toMatch(/ 360w, .* 576w/);
    const img = figure.find('img');
    expect(img.attr('width')).toBe('1200');
    expect(img.attr('height')).toBe('800');
    expect(img.attr('sizes')).toBeTruthy();
  });

  it('labels urgent and flash stories on the story, in listings and as a feed category, in the story’s language', () => {
    const efe = cheerio.load(after.get(`${EFE_PATH}index.html`) ?? '');
    expect(efe('article .urgency-label').text()).toBe('Urgente');
    expect(
      cheerio
        .load(after.get(`${DPA_PATH}index.html`) ?? '')('article .urgency-label')
        .text(),
    ).toBe('Eilmeldung');
    const home = cheerio.load(after.get('/es/index.html') ?? '');
    const item = home(`main li:has(> div a[href="${EFE_PATH}"]), main li:has(> a[href="${EFE_PATH}"])`).first();
    expect(item.find('.urgency-label').text()).toBe('Urgente');
    expect(home('main .urgency-label').length).toBe(1);
    expect(
      cheerio
        .load(after.get('/de/index.html') ?? '')('main .urgency-label')
        .text(),
    ).toBe('Eilmeldung');
    const rss = cheerio.load(after.get('/es/rss.xml') ?? '', { xml: true });
    const feedItem = rss('item').filter((_, el) => rss(el).find('link').text().endsWith(EFE_PATH));
    expect(feedItem.find('category').first().text()).toBe('Urgente');
  });

  it('shows the correction note of a corrected revision, and never the editors notes or staff initials', () => {
    const page = after.get(`${EFE_PATH}index.html`) ?? '';
    const $ = cheerio.load(page);
    expect($('.corrections').text()).toMatch(/This story has been corrected since it was first published\./);
    expect($('.story-body').text()).toContain('entre 2017 y 2023');
    expect(page).not.toMatch(/Ampliará con declaraciones|asl\/tib|Asia Central/);
    expect($('.rights').text()).toBe('© Agencia EFE, S.A. 2023');
    expect($('article header .meta').text()).toMatch(/Actualizado .*12:45/);
    expect($('article header .meta time').last().attr('datetime')).toMatch(/^2023-06-20T12:45(:00)?\+06:00$/);
  });

  it('lists the corrected story on /corrections/: the note’s date, the headline linked to the story, the note', () => {
    for (const texts of [before, after]) {
      const $ = cheerio.load(texts.get('/corrections/index.html') ?? '');
      const items = $('main section[aria-labelledby="corrected-heading"] li');
      expect(items.length).toBe(1);
      const item = items.first();
      expect(item.attr('lang')).toBe('es');
      expect(item.find('time').attr('datetime')).toBe('2023-06-20');
      expect(item.find('time').text()).toBe('martes, 20 de junio de 2023');
      expect(item.find('.headline a').attr('href')).toBe(EFE_PATH);
      expect(item.find('.headline a').text()).toBe(
        'Tokáyev pide respaldo a las iniciativas de paz de China y otros países para Ucrania',
      );
      expect(item.find('.standfirst').text()).toBe('This story has been corrected since it was first published.');
      expect($('main').text()).not.toContain('No story has been corrected yet.');
    }
  });

  it('gives subscribers the story as the page shows it: photo figure, correction, copyright, and the photo as media:content', async () => {
    const xml = after.get('/es/rss.xml') ?? '';
    expect(xmlErrors(xml)).toEqual([]);
    const items = new XMLParser({
      ignoreAttributes: false,
      parseTagValue: false,
      isArray: (name) => name === 'item',
    }).parse(xml).rss.channel.item as Record<string, unknown>[];
    const item = items.find((i) => String(i.link).endsWith(EFE_PATH));
    const html = String(item?.['content:encoded'] ?? '');
    const feed = cheerio.load(html, null, false);
    const page = cheerio.load(after.get(`${EFE_PATH}index.html`) ?? '');
    const wrapper = feed.root().children();
    expect([wrapper.length, wrapper.attr('lang'), wrapper.attr('dir')]).toEqual([1, 'es', 'ltr']);
    // The photo leads, built as a JPEG at an absolute URL, with the page's caption and credit.
    const figure = wrapper.children().first();
    expect(figure.is('figure')).toBe(true);
    const src = figure.find('img').attr('src') ?? '';
    expect(src).toMatch(/^https:\/\/wire-reader\.example\/_astro\/[^/]+\.jpg$/);
    expect([figure.find('img').attr('width'), figure.find('img').attr('height')]).toEqual(['1200', '800']);
    expect(figure.find('figcaption').text().replace(/\s+/g, '')).toBe(
      page('article figure.story-photo figcaption').text().replace(/\s+/g, ''),
    );
    const file = await sharp(join(distAfter, new URL(src).pathname)).metadata();
    expect([file.format, file.width, file.height]).toEqual(['jpeg', 1200, 800]);
    expect(item?.['media:content']).toMatchObject({
      '@_url': src,
      '@_type': 'image/jpeg',
      '@_medium': 'image',
      '@_width': '1200',
      '@_height': '800',
      'media:credit': 'EFE/Darja Kolesnikova',
    });
    // The correction note and the copyright line, as the page words them.
    expect(feed('section h2').text()).toBe(page('#corrections-heading').text());
    expect(feed('section li').text()).toBe(page('article .corrections li').text());
    expect(wrapper.children().last().text()).toBe(page('.rights').text());
    expect(html).not.toMatch(/<script|\son\w+=|javascript:/i);
  });

  it('builds pages that html-validate finds no problem in', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    for (const path of [
      `${EFE_PATH}index.html`,
      `${DPA_PATH}index.html`,
      '/index.html',
      '/es/index.html',
      '/corrections/index.html',
    ]) {
      const report = await validator.validateString(after.get(path) ?? '', path);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${path} ${m.ruleId}: ${m.message}`));
      expect(messages).toEqual([]);
    }
  });
});
