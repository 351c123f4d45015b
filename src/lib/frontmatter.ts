/**
 * Reading a story file: YAML frontmatter between `---` lines, then the Markdown body.
 */
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { titleSlug } from './slug.ts';

/** A story file split into its raw (not yet validated) frontmatter and its body. */
export interface SplitEntry {
  data: Record<string, unknown>;
  body: string;
}

function frontmatterBlock(source: string, file: string) {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // A fence is `---` alone on its line: a value ending in `---` does not close the block.
  const match = /^---[ \t]*\n(?:([\s\S]*?)\n)?---[ \t]*(?:\n|$)/.exec(text);
  if (!match) throw new Error(`${file}: the file must open with YAML frontmatter between two "---" lines`);
  return { text, match };
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a
 * substring of 13 or more characters as a view into its parent, and js-yaml cuts every value
 * out of the text it parses: without the copy, each stored title or tag would keep its whole
 * file alive, body and all (about 800 MB over a 100,000-story archive on a cold build).
 * Through JSON, not UTF-8 bytes, so that an unpaired surrogate is kept for the text rules
 * to refuse by name rather than turned into U+FFFD.
 */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/**
 * The Markdown body of a story file, without reading its frontmatter.
 *
 * @example
 * bodyOf('---\ntitle: Hi\n---\n\nBody.\n', 'content/a.md'); // "\nBody.\n"
 */
export function bodyOf(source: string, file: string): string {
  const { text, match } = frontmatterBlock(source, file);
  return text.slice(match[0].length);
}

/**
 * Splits a Markdown file into frontmatter and body. A missing or malformed frontmatter
 * block is an error that names the file and, for YAML errors, the line.
 *
 * @example
 * splitFrontmatter('---\ntitle: Hi\n---\n\nBody.\n', 'content/a.md');
 * // { data: { title: 'Hi' }, body: '\nBody.\n' }
 */
export function splitFrontmatter(source: string, file: string): SplitEntry {
  const { text, match } = frontmatterBlock(source, file);
  let data: unknown;
  try {
    // The core schema has no timestamp type: dates stay text for the schema's strict
    // reading, never a JS Date made (and shifted or rolled over) behind its back.
    data = load(ownCopy(match[1] ?? ''), { schema: CORE_SCHEMA });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    // The frontmatter starts on the file's second line.
    const line = (error.mark?.line ?? 0) + 2;
    throw new Error(`${file}:${line}: the frontmatter is not valid YAML: ${error.reason}`, { cause: error });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${file}: the frontmatter must be a mapping of fields (title: ..., pubDate: ...)`);
  }
  return { data: data as Record<string, unknown>, body: text.slice(match[0].length) };
}

/**
 * A story's permanent id: its `slug` field, else its title made into a slug (see
 * {@link titleSlug}), else (for an entry the schema refuses anyway) its file path. Never the file name alone, so moving
 * or renaming a file keeps the story's address.
 *
 * @example
 * storyId({ title: 'Conflicts & War' }, '2023/a.md'); // "conflicts-war"
 * storyId({ slug: 'kept', title: 'New title' }, 'a.md'); // "kept"
 */
export function storyId(data: Record<string, unknown>, path: string): string {
  if (typeof data.slug === 'string' && data.slug) return data.slug;
  const fromTitle = typeof data.title === 'string' ? titleSlug(data.title) : '';
  return fromTitle || path;
}
