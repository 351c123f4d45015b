import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { builtFiles, editions, readBuilt, siteDir } from '../helpers/site';

const pages = builtFiles('.html');
/** The language-editions fixture's pages (Spanish, Arabic, and English with translations). */
const editionPages = editions.pagePaths().map((path) => (path.endsWith('/') ? `${path}index.html` : path));
// The project's .htmlvalidate.json: the recommended rules, with room for a wire headline in <title>.
const htmlValidate = new HtmlValidate(new FileSystemConfigLoader());

describe('html-validate (recommended rules)', () => {
  it.each(pages)('finds no problem in %s', async (page) => {
    const report = await htmlValidate.validateString(readBuilt(page), join(siteDir(), page));
    const messages = report.results.flatMap((result) =>
      result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    expect(messages).toEqual([]);
  });

  it.each(editionPages)('finds no problem in the editions fixture’s %s', async (page) => {
    const report = await htmlValidate.validateString(editions.read(page), join(editions.dir(), page));
    const messages = report.results.flatMap((result) =>
      result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    expect(messages).toEqual([]);
  });
});

describe('the W3C Nu HTML checker', () => {
  it('finds no error and no warning in any built page', () => {
    const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
    const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
    if (java.error) {
      throw new Error('The Nu checker needs Java 11 or newer on the PATH: apt-get install -y default-jre-headless');
    }
    const files = [
      ...pages.map((page) => join(siteDir(), page)),
      ...editionPages.map((page) => join(editions.dir(), page)),
    ];
    const run = spawnSync('java', ['-jar', jar, '--format', 'json', '--also-check-css', ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const { messages } = JSON.parse(run.stderr || '{"messages":[]}') as {
      messages: { type: string; url?: string; lastLine?: number; message: string }[];
    };
    expect(
      messages.map(
        (m) =>
          `${m.type} ${decodeURI(m.url ?? '')
            .replace(`file:${siteDir()}`, '/')
            .replace(`file:${editions.dir()}`, 'editions:/')}:${m.lastLine ?? ''} ${m.message}`,
      ),
    ).toEqual([]);
    expect(run.status).toBe(0);
    // One Java run over every page of both sites (about 120): some 25 s of CPU, which takes
    // past the default minute on a shared, busy machine.
  }, 180_000);
});
