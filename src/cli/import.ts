/**
 * npm run import -- <file | -> [options]: turns raw wire text into a story entry under content/.
 * A thin wrapper around src/lib/wire-import.ts; runs on plain Node (no Astro).
 */
import {
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { importWire, WireImportError, type ImportOptions } from '../lib/wire-import.ts';
import { importAgency, isAgencyInput } from './agency.ts';
import { watchDropFolder } from './import-watch.ts';
import { loadContentIndex } from './content-index.ts';

const USAGE = `Usage: npm run import -- <file | folder | -> [options]

Turns raw wire text (a section line, the headline, the story with its dateline and
sign-off) into a Markdown entry with frontmatter under content/. Agency items (NewsML 1.2
with NITF, NewsML-G2, NITF, ninjs 1.x-3.0), told apart by their content, and folders of
them (a drop folder, photos beside the items) become entries under content/<agency>/,
one report line per item; newer revisions update the same entry, kills mark it canceled.

Options:
  --agency NAME        the agency, for items that do not name it
  --place NAME         the dateline place, for agency items that give none (PA)
  --section NAME       the section, when the text has no section line (or to replace it)
  --tags A,B,C         tags, comma-separated
  --date DATE          publication date, YYYY-MM-DD or YYYY-MM-DDTHH:MM+HH:MM
                       (also gives the dateline's year)
  --year YYYY          the dateline's year, when it gives only day and month
  --lang TAG           the story's language, BCP 47 (default: en); a warning says so
                       when the text reads as another language
  --translation-key K  the key this story shares with its versions in other languages
  --description TEXT   the standfirst (default: the story's first sentence)
  --out PATH           file or folder to write (default: content/<slug>.md; for agency
                       items, the content folder to write under)
  --force              overwrite an existing entry
  --watch              with a drop folder: import it, then stay up and import each item
                       that lands in it (Ctrl-C to stop)
  --help               show this help`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      section: { type: 'string' },
      agency: { type: 'string' },
      place: { type: 'string' },
      tags: { type: 'string' },
      date: { type: 'string' },
      year: { type: 'string' },
      lang: { type: 'string' },
      'translation-key': { type: 'string' },
      description: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      watch: { type: 'boolean', default: false },
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
    translationKey: values['translation-key'],
    now: new Date(),
  };
  return {
    help: false as const,
    input: positionals[0] as string,
    options,
    agency: values.agency,
    place: values.place,
    out: values.out,
    force: values.force,
    watch: values.watch,
  };
}

/**
 * Files under a folder whose story id (as the build computes it: the `slug`, else the
 * headline made into a slug) is `id`. Read from the importer's index of the folder, so only
 * entries changed since the last import are opened.
 */
async function entriesWithId(folder: string, id: string): Promise<string[]> {
  const { entries } = await loadContentIndex(folder);
  return entries.filter((entry) => entry.id === id).map((entry) => join(folder, entry.file));
}

/** Whether a path is a symbolic link (dangling or not). */
function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Writes the entry without ever following a symbolic link: a link at the target, dangling
 * or not, is refused (O_NOFOLLOW), and without --force an existing file is never replaced
 * (O_EXCL).
 */
function writeEntry(target: string, text: string, force: boolean): void {
  const flags =
    constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | (force ? constants.O_TRUNC : constants.O_EXCL);
  let fd: number;
  try {
    fd = openSync(target, flags, 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || isLink(target)) {
      throw new WireImportError(`--out: ${relative('.', target)} is a symbolic link; not writing through it`);
    }
    if (code === 'EEXIST') throw new WireImportError(`${relative('.', target)} exists; pass --force to overwrite it`);
    throw error;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
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
  if (args.watch) {
    if (args.input === '-' || !existsSync(args.input) || !statSync(args.input).isDirectory()) {
      throw new UsageError(`--watch needs a drop folder to watch, and ${args.input} is not one`);
    }
    // Ctrl-C or SIGTERM: the running import finishes, what has landed is imported, then it stops.
    const stop = new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    const options = { ...args.options, agency: args.agency, place: args.place, out: args.out };
    return watchDropFolder(args.input, options, { stop });
  }
  const stdin = args.input === '-' ? readFileSync(0) : undefined;
  if (isAgencyInput(args.input, stdin)) {
    return importAgency(args.input, { ...args.options, agency: args.agency, place: args.place, out: args.out, stdin });
  }
  // Bytes, not text: the importer refuses anything that is not UTF-8, naming the line.
  const raw = stdin ?? readFileSync(args.input);
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
  if (args.out && isLink(target)) {
    throw new WireImportError(`--out: ${relative('.', target)} is a symbolic link; not writing through it`);
  }
  if (args.out && ((existsSync(target) && lstatSync(target).isDirectory()) || args.out.endsWith('/'))) {
    target = join(target, `${result.data.slug}.md`);
  }
  // Two entries with one id would fail the build: point the editor at the one there is.
  // Ids are computed as the build computes them, so an entry with no slug: line counts too.
  const insideContent = !relative(contentDir, target).startsWith('..');
  const twins = insideContent
    ? (await entriesWithId(contentDir, result.data.slug)).filter((file) => file !== target)
    : [];
  if (twins.length > 0 && !args.force) {
    throw new WireImportError(
      `${relative('.', twins[0] as string)} already has the id "${result.data.slug}" (its slug or headline); ` +
        `pass --out ${relative('.', twins[0] as string)} --force to replace it`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  writeEntry(target, result.markdown, args.force);

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
