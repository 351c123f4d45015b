/**
 * npm run import -- <file | -> [options]: turns raw wire text into a story entry under content/.
 * A thin wrapper around src/lib/wire-import.ts; runs on plain Node (no Astro).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { importWire, WireImportError, type ImportOptions } from '../lib/wire-import.ts';

const USAGE = `Usage: npm run import -- <file | -> [options]

Turns raw wire text (a section line, the headline, the story with its dateline and
sign-off) into a Markdown entry with frontmatter under content/.

Options:
  --section NAME       the section, when the text has no section line (or to replace it)
  --tags A,B,C         tags, comma-separated
  --date DATE          publication date, YYYY-MM-DD or YYYY-MM-DDTHH:MM+HH:MM
                       (also gives the dateline's year)
  --year YYYY          the dateline's year, when it gives only day and month
  --lang TAG           the story's language, BCP 47 (default: en)
  --description TEXT   the standfirst (default: the story's first sentence)
  --out PATH           file or folder to write (default: content/<slug>.md)
  --force              overwrite an existing entry
  --help               show this help`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      section: { type: 'string' },
      tags: { type: 'string' },
      date: { type: 'string' },
      year: { type: 'string' },
      lang: { type: 'string' },
      description: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return { help: true as const };
  if (positionals.length !== 1) throw new UsageError('give one input: a file, or - for standard input');
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) {
    throw new UsageError(`--year must be a four-digit year, not "${values.year}"`);
  }
  const options: ImportOptions = {
    section: values.section,
    tags: values.tags
      ?.split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    date: values.date,
    year: values.year === undefined ? undefined : Number(values.year),
    lang: values.lang,
    description: values.description,
    now: new Date(),
  };
  return { help: false as const, input: positionals[0] as string, options, out: values.out, force: values.force };
}

/** Files under a folder whose frontmatter gives this slug. */
function entriesWithSlug(folder: string, slug: string): string[] {
  if (!existsSync(folder)) return [];
  const pattern = new RegExp(`^slug:\\s*['"]?${slug}['"]?\\s*$`, 'm');
  return (readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith('.md'))
    .map((file) => join(folder, file))
    .filter((file) => pattern.test(readFileSync(file, 'utf8').split(/\n---\s*\n/)[0] ?? ''));
}

async function askYear(question: string): Promise<number | undefined> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(question)).trim();
    return /^\d{4}$/.test(answer) ? Number(answer) : undefined;
  } finally {
    rl.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const raw = args.input === '-' ? readFileSync(0, 'utf8') : readFileSync(args.input, 'utf8');
  const source = args.input === '-' ? 'standard input' : args.input;
  let result;
  try {
    result = importWire(raw, args.options);
  } catch (error) {
    const noYear = error instanceof WireImportError && /gives no year/.test(error.message);
    if (!noYear || args.input === '-' || !process.stdin.isTTY) throw error;
    const year = await askYear(`${error.message}\nYear of this story (YYYY): `);
    if (year === undefined) throw error;
    result = importWire(raw, { ...args.options, year });
  }

  const contentDir = resolve('content');
  let target = resolve(args.out ?? join(contentDir, `${result.data.slug}.md`));
  if (args.out && ((existsSync(target) && statSync(target).isDirectory()) || args.out.endsWith('/'))) {
    target = join(target, `${result.data.slug}.md`);
  }
  // Two entries with one slug would fail the build: point the editor at the one there is.
  const insideContent = !relative(contentDir, target).startsWith('..');
  const twins = insideContent ? entriesWithSlug(contentDir, result.data.slug).filter((file) => file !== target) : [];
  if (twins.length > 0 && !args.force) {
    throw new WireImportError(
      `${relative('.', twins[0] as string)} already has the slug "${result.data.slug}"; ` +
        `pass --out ${relative('.', twins[0] as string)} --force to replace it`,
    );
  }
  if (existsSync(target) && !args.force) {
    throw new WireImportError(`${relative('.', target)} exists; pass --force to overwrite it`);
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, result.markdown);

  for (const entry of result.dropped) {
    console.error(`${source}:${entry.line}: left out ${entry.reason}: "${entry.text}"`);
  }
  for (const warning of result.warnings) console.error(`${source}: warning: ${warning}`);
  console.log(`wrote ${relative('.', target)} (${result.paragraphs.length} paragraphs, /stories/${result.data.slug}/)`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`import: ${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      console.error(`import: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  },
);
