import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAstro } from '../helpers/astro';

const fixtures = fileURLToPath(new URL('../fixtures/bad-frontmatter/', import.meta.url));

/** Runs astro on a fixture folder instead of content/, in a scratch folder of its own. */
function astro(command: 'sync' | 'build', fixture: string) {
  const scratch = mkdtempSync(join(tmpdir(), 'wire-fixture-'));
  try {
    return runAstro(command, { content: join(fixtures, fixture), scratch });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

describe('a story with bad frontmatter fails the build, naming the file and the field', () => {
  it.each([
    ['missing-title', 'no-title.md', /title: title is required/],
    ['bad-date', 'not-a-date.md', /pubDate: "next Tuesday" is not an ISO 8601 date/],
    ['empty-section', 'empty-section.md', /section: section must not be empty/],
    ['bad-lang', 'bad-lang.md', /lang: lang must be a BCP 47 language tag/],
    ['misspelt-field', 'misspelt.md', /secton/],
    ['bad-yaml', 'broken.md', /broken\.md:\d+: the frontmatter is not valid YAML/],
    ['duplicate-slug', 'second.md', /second\.md: slug: "same-headline" is already the id of .*first\.md/],
  ])('%s', (fixture, file, field) => {
    const { status, output } = astro('sync', fixture);
    expect(status).not.toBe(0);
    expect(output).toContain(file);
    expect(output).toMatch(field);
  });

  it('unknown-related', () => {
    const { status, output } = astro('build', 'unknown-related');
    expect(status).not.toBe(0);
    expect(output).toMatch(/unknown-related\.md: related\[0\]: no story has the id "no-such-story"/);
  });
});
