/**
 * The agency side of `npm run import`: a file, standard input or a drop folder of NewsML
 * 1.2, NewsML-G2, NITF and ninjs items (and plain wire text) becomes entries under
 * content/. Every item gets one report line; a bad item writes nothing and the others
 * still import. Runs on plain Node (no Astro); the mapping is in src/lib/agency/.
 */
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { entryFile, hash, itemToEntry, planItem, withFrontmatter } from '../lib/agency/entry.ts';
import { decodeItem, detectFormat, MAX_ITEM_BYTES } from '../lib/agency/registry.ts';
import { instant } from '../lib/agency/time.ts';
import { AgencyParseError, NotAStory, type WireItem } from '../lib/agency/types.ts';
import { rootName } from '../lib/agency/xml.ts';
import { bodyOf, splitFrontmatter } from '../lib/frontmatter.ts';
import { isContentChange } from '../lib/publisher.ts';
import { slugify } from '../lib/slug.ts';
import { importWire, type ImportOptions } from '../lib/wire-import.ts';
import { loadContentIndex } from './content-index.ts';

/** Options of an agency import. */
export interface AgencyImportOptions extends ImportOptions {
  agency?: string | undefined;
  /** The dateline place, for items that give none. */
  place?: string | undefined;
  /** Where entries go: the content folder (default content/). */
  out?: string | undefined;
  /** Standard input, already read, when the input is `-`. */
  stdin?: Uint8Array | undefined;
}

/** A file read as an item source. */
export interface Source {
  label: string;
  /** The folder photos named by the item are looked for in. */
  folder: string;
  bytes?: Uint8Array;
  /** Why this file is not read as an item (a partial or scratch file): reported, not imported. */
  skipped?: string;
  /** Why this file is refused unread (a symbolic link): reported as an error for the file. */
  refused?: string;
  /** Read only if it is no symbolic link when opened (a drop folder's file). */
  noFollow?: boolean;
}

const IMAGE_TYPES: Record<string, (bytes: Uint8Array) => boolean> = {
  '.jpg': (b) => b[0] === 0xff && b[1] === 0xd8,
  '.jpeg': (b) => b[0] === 0xff && b[1] === 0xd8,
  '.png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  '.webp': (b) => String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
  '.gif': (b) => String.fromCharCode(...b.subarray(0, 3)) === 'GIF',
  '.avif': (b) => String.fromCharCode(...b.subarray(4, 12)).startsWith('ftypavi'),
};

/** An entry as read from disk. */
interface Existing {
  file: string;
  data: Record<string, unknown>;
  body: string;
}

/** What the content folder holds: from the importer's index, kept up to date within the run. */
interface Index {
  /** Agency item id to the entry's file. */
  bySource: Map<string, string>;
  /** Entries this run wrote, by agency item id. */
  written: Map<string, Existing>;
  bySlug: Map<string, string>;
  spelling: Map<string, string>;
}

async function readIndex(contentDir: string): Promise<Index> {
  const index: Index = { bySource: new Map(), written: new Map(), bySlug: new Map(), spelling: new Map() };
  for (const entry of (await loadContentIndex(contentDir)).entries) {
    const file = join(contentDir, entry.file);
    if (entry.id !== undefined) index.bySlug.set(entry.id, file);
    if (entry.sourceId !== undefined) index.bySource.set(entry.sourceId, file);
    for (const name of entry.names) index.spelling.set(slugify(name), name);
  }
  return index;
}

/** The entry an agency item id already has, read when it is needed (one file, not the archive). */
function existingEntry(index: Index, id: string): Existing | undefined {
  const written = index.written.get(id);
  if (written) return written;
  const file = index.bySource.get(id);
  if (file === undefined) return undefined;
  return { file, ...splitFrontmatter(readFileSync(file, 'utf8'), file) };
}

function sourcesOf(input: string, stdin: Uint8Array | undefined): Source[] {
  if (input === '-') return [{ label: 'standard input', folder: process.cwd(), bytes: stdin ?? readFileSync(0) }];
  const stat = statSync(input);
  if (!stat.isDirectory()) return [{ label: input, folder: dirname(resolve(input)) }];
  return dropFolderSources(input);
}

function readSource(source: Source): string {
  let bytes = source.bytes;
  if (!bytes) {
    // A drop folder's item is opened without following a link: one put in its place after
    // the folder was listed is refused too, not read.
    let fd;
    try {
      fd = openSync(source.label, constants.O_RDONLY | (source.noFollow ? constants.O_NOFOLLOW : 0));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new AgencyParseError('file', LINK_REFUSED);
      throw error;
    }
    try {
      const size = fstatSync(fd).size;
      if (size > MAX_ITEM_BYTES) {
        throw new AgencyParseError('file', `${size} bytes is more than any agency item (limit ${MAX_ITEM_BYTES})`);
      }
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  if (bytes.length > MAX_ITEM_BYTES) {
    throw new AgencyParseError('file', `more than ${MAX_ITEM_BYTES} bytes is more than any agency item`);
  }
  return decodeItem(bytes, 'file');
}

const shown = (file: string) => relative('.', file) || file;

/** Whether a path is inside a folder and reaches it through no symbolic link. */
function safeTarget(root: string, target: string): boolean {
  if (!inside(root, target)) return false;
  for (let dir = dirname(target); dir.length >= root.length; dir = dirname(dir)) {
    if (existsSync(dir) && lstatSync(dir).isSymbolicLink()) return false;
    if (dir === root) break;
  }
  return !(existsSync(target) && lstatSync(target).isSymbolicLink());
}

/** Whether `path` is `folder` or inside it (not merely a name starting with `..`). */
function inside(folder: string, path: string): boolean {
  const way = relative(folder, path);
  return way !== '..' && !way.startsWith(`..${sep}`) && !isAbsolute(way);
}

/**
 * What a photo an item names is: a file whose real location is in the item's folder, a
 * missing one, or one that a symbolic link (the file or a folder on its way) puts outside
 * that folder, which is never read.
 *
 * @example
 * photoFile('/srv/drop', '/srv/drop/efe-foto.jpg'); // 'file', or 'missing' when it is not there
 * photoFile('/srv/drop', '/srv/drop/link-to-etc/passwd'); // 'outside'
 */
export function photoFile(folder: string, path: string): 'file' | 'missing' | 'outside' {
  if (!inside(folder, path)) return 'missing';
  try {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (!stat) return 'missing';
    if (!inside(realpathSync(folder), realpathSync(path))) return 'outside';
    return statSync(path).isFile() ? 'file' : 'missing';
  } catch {
    // A file named as a folder on the way (ENOTDIR), a loop of links (ELOOP), a dangling link.
    return 'missing';
  }
}

function write(root: string, target: string, content: string | Uint8Array): void {
  if (!safeTarget(root, target))
    throw new AgencyParseError('--out', `${shown(target)} is outside ${shown(root)} or behind a symbolic link`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}

/** Imports one item; returns its report line. */
function importItem(item: WireItem, source: Source, index: Index, root: string, options: AgencyImportOptions): string {
  const head = `${source.label}: ${item.format} ${item.id} v${item.version}`;
  const existing = existingEntry(index, item.id);
  const plan = planItem(item, existing?.data);
  if (plan.kind === 'skip') {
    const file = shown(existing?.file ?? '');
    return plan.revision === 'older'
      ? `${head}: skipped: ${file} already has the newer version ${plan.current}; nothing changed`
      : `${head}: skipped: ${file} already has this version; nothing changed`;
  }
  if (plan.kind === 'kill-unknown') return `${head}: kill of an item that is not in the archive; nothing to withdraw`;
  if (plan.kind === 'kill') {
    if (!existing) throw new Error(`no entry to kill for ${item.id}`);
    write(root, existing.file, withFrontmatter(plan.data, existing.body));
    index.written.set(item.id, { ...existing, data: plan.data });
    return `${head}: killed: ${shown(existing.file)} kept on disk, marked canceled; it leaves every page and feed at the next build`;
  }

  const agency = item.agency ?? options.agency;
  const file = existing?.file ?? join(root, entryFile(item, agency ?? 'agency'));
  const extras: string[] = [];
  // The photo: a file beside the item is copied next to the entry; a remote one is only recorded,
  // and so is a reference into the agency's archive that names no image file (NTB's `iJIJyyF0tiE`).
  const remote = item.photos.filter((photo) => /^[a-z][a-z\d+.-]*:/i.test(photo.href));
  const references = item.photos.filter(
    (photo) => !remote.includes(photo) && !(extname(photo.href).toLowerCase() in IMAGE_TYPES),
  );
  const local = item.photos.find((photo) => !remote.includes(photo) && !references.includes(photo));
  let photo: { bytes: Uint8Array; to: string } | undefined;
  let keptPhoto: string | undefined;
  const from = local && resolve(source.folder, local.href);
  const found = from ? photoFile(source.folder, from) : 'missing';
  if (local && found === 'outside') {
    throw new AgencyParseError(
      local.field,
      `the photo file "${local.href}" leads outside the drop folder through a symbolic link: not followed, so that nothing outside the folder is read; put the photo itself beside the item`,
    );
  }
  const present = found === 'file';
  const before = (existing?.data.image as { src?: unknown } | undefined)?.src;
  if (local && !present && typeof before === 'string' && existsSync(resolve(dirname(file), before))) {
    // A revision often comes without the photo the first version brought: keep that one.
    keptPhoto = before;
  } else if (local && from) {
    if (!present) {
      throw new AgencyParseError(local.field, `the photo file "${local.href}" is missing beside the item`);
    }
    const ext = extname(from).toLowerCase();
    const check = IMAGE_TYPES[ext];
    const bytes = readFileSync(realpathSync(from));
    if (!check || !check(bytes)) {
      throw new AgencyParseError(local.field, `"${local.href}" is not a JPEG, PNG, WebP, AVIF or GIF image`);
    }
    photo = { bytes, to: join(dirname(file), `${basename(file, '.md')}${ext === '.jpeg' ? '.jpg' : ext}`) };
  }
  for (const entry of remote) extras.push(`photo not fetched (remote only, recorded): ${entry.href}`);
  for (const entry of references) {
    extras.push(`photo "${entry.href}" (${entry.field}) names no image file: not copied; ask the agency for the file`);
  }

  let slug = slugify(item.headline);
  const twin = index.bySlug.get(slug);
  if (!existing && twin && twin !== file) slug = `${slug}-${hash(item.id)}`;
  const entry = itemToEntry(item, {
    agency: options.agency,
    section: options.section,
    place: options.place,
    tags: options.tags,
    lang: options.lang,
    existing: existing?.data,
    imageSrc: photo ? `./${basename(photo.to)}` : keptPhoto,
    remoteImages: remote.map((entry) => entry.href),
    spelling: index.spelling,
    slug,
  });
  // The bytes checked are the bytes copied.
  if (photo) write(root, photo.to, photo.bytes);
  write(root, file, entry.markdown);
  const id = String(entry.data.slug);
  index.bySource.set(item.id, file);
  index.written.set(item.id, { file, data: entry.data, body: bodyOf(entry.markdown, file) });
  index.bySlug.set(id, file);

  const what =
    plan.revision === 'update' ? `updated ${shown(file)} from v${plan.current ?? '?'}` : `wrote ${shown(file)}`;
  if (item.status === 'withheld') extras.unshift('withheld: kept, not published');
  if (item.embargo) extras.unshift(`embargoed until ${item.embargo}`);
  if (item.urgency !== undefined && item.urgency <= 2) extras.push(item.urgency === 1 ? 'flash' : 'urgent');
  if (photo) extras.push(`photo ${shown(photo.to)}`);
  if (item.correction && plan.revision === 'update') extras.push('correction note added');
  extras.push(...entry.notes);
  return `${head}: ${what} (/stories/${id}/, ${entry.paragraphs} paragraph${entry.paragraphs === 1 ? '' : 's'})${extras.map((extra) => `; ${extra}`).join('')}`;
}

/**
 * Imports a file, standard input or a folder of agency items; prints one line per item
 * and returns the exit code (1 when any item failed).
 */
export async function importAgency(input: string, options: AgencyImportOptions): Promise<number> {
  const { failed } = await importSources(sourcesOf(input, options.stdin), options);
  return failed.size > 0 ? 1 : 0;
}

/**
 * The files of a drop folder that are read as items, by name (all of them when `names` is
 * not given): files only, never a photo (photos are read beside the items that name them)
 * or a hidden file. A symbolic link to anything but a folder is listed with `refused` set:
 * reported as an error, never followed. A partial or scratch file (`x.xml.part`, `x.tmp`, `x~`) is listed with
 * `skipped` set, so that it is reported and not read: renamed whole, it is an item.
 *
 * @example
 * dropFolderSources('/srv/drop', ['efe-1.xml', 'efe-1.jpg', '.x.swp']); // the source of efe-1.xml
 */
export function dropFolderSources(folder: string, names?: readonly string[]): Source[] {
  return [...(names ?? (readdirSync(folder, { encoding: 'utf8' }) as string[]))]
    .filter((name) => !name.startsWith('.') && !isPhotoFile(name))
    .sort()
    .flatMap((name): Source[] => {
      const source = { label: join(folder, name), folder: resolve(folder), noFollow: true };
      const stat = lstatSync(source.label, { throwIfNoEntry: false });
      if (!isDropItem(name)) {
        const skipped = 'a partial or scratch file, not an item (renamed whole, it is imported)';
        return stat?.isFile() ? [{ ...source, skipped }] : [];
      }
      // A link could make the importer read, and quote in its errors, any file on the machine.
      // A link to a folder (of photos, say) is no item, as a folder is not: left out, unread.
      if (stat?.isSymbolicLink()) {
        let folder = false;
        try {
          folder = statSync(source.label, { throwIfNoEntry: false })?.isDirectory() === true;
        } catch {
          // a loop of links: refused below, like any link to no folder
        }
        return folder ? [] : [{ ...source, refused: LINK_REFUSED }];
      }
      return stat?.isFile() ? [source] : [];
    });
}

const LINK_REFUSED =
  'a symbolic link: not followed, so that nothing outside the drop folder is read; put the file itself in the folder';

/**
 * Whether a file name in a drop folder is an item's: not hidden, not a photo, not a
 * partial or scratch file.
 *
 * @example
 * isDropItem('efe-1.xml'); // true
 * isDropItem('efe-1.xml.part'); // false: still arriving
 * isDropItem('efe-1.jpg'); // false: a photo, read beside its item
 */
export function isDropItem(name: string): boolean {
  return !name.startsWith('.') && !isPhotoFile(name) && isContentChange(name);
}

/**
 * Whether a file name is a photo's (by its ending), which the importer reads beside an item, not as one.
 *
 * @example
 * isPhotoFile('efe-foto-astana.JPG'); // true
 */
export function isPhotoFile(name: string): boolean {
  return extname(name).toLowerCase() in IMAGE_TYPES;
}

/**
 * Imports agency items (and wire texts) from the given sources, printing one line per
 * item, all items in order of version and time; returns the labels of the sources of which
 * an item failed (nothing written for it).
 *
 * @example
 * const { failed } = await importSources(dropFolderSources('/srv/drop'), { now: new Date() });
 */
export async function importSources(
  sources: readonly Source[],
  options: AgencyImportOptions,
): Promise<{ failed: Set<string> }> {
  const root = resolve(options.out ?? 'content');
  const index = await readIndex(root);
  const items: { item: WireItem; source: Source }[] = [];
  const failed = new Set<string>();
  const fail = (source: Source, label: string, error: unknown) => {
    if (error instanceof NotAStory) {
      console.log(`${label}: skipped: ${error.message}; nothing written`);
      return;
    }
    failed.add(source.label);
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${label}: error: ${message}; nothing written for it`);
  };
  for (const source of sources) {
    if (source.skipped !== undefined) {
      console.log(`${source.label}: skipped: ${source.skipped}; nothing written`);
      continue;
    }
    if (source.refused !== undefined) {
      fail(source, source.label, new AgencyParseError('file', source.refused));
      continue;
    }
    try {
      const text = readSource(source);
      const format = detectFormat(text);
      if (format === 'text') {
        const result = importWire(text, options);
        const target = join(root, `${result.data.slug}.md`);
        if (existsSync(target) || index.bySlug.has(result.data.slug)) {
          throw new AgencyParseError(
            'slug',
            `a story with the slug "${result.data.slug}" is already in ${shown(root)}`,
          );
        }
        write(root, target, result.markdown);
        index.bySlug.set(result.data.slug, target);
        console.log(
          `${source.label}: wire text: wrote ${shown(target)} (/stories/${result.data.slug}/, ${result.paragraphs.length} paragraph${result.paragraphs.length === 1 ? '' : 's'})`,
        );
        continue;
      }
      for (const item of format.parse(text)) items.push({ item, source });
    } catch (error) {
      fail(source, source.label, error);
    }
  }
  const time = (item: WireItem) => instant(item.versionCreated ?? item.firstCreated ?? '1970-01-01');
  items.sort((a, b) => a.item.version - b.item.version || time(a.item) - time(b.item));
  for (const { item, source } of items) {
    try {
      console.log(importItem(item, source, index, root, options));
    } catch (error) {
      fail(source, `${source.label}: ${item.format} ${item.id} v${item.version}`, error);
    }
  }
  return { failed };
}

/**
 * Whether an input is for the agency importer: a folder, or a file whose content is an
 * agency format (detected from the content, never the name).
 */
export function isAgencyInput(input: string, stdin?: Uint8Array): boolean {
  if (input !== '-' && statSync(input).isDirectory()) return true;
  if (input !== '-' && statSync(input).size > MAX_ITEM_BYTES) return true;
  const bytes = stdin ?? readFileSync(input);
  try {
    return detectFormat(decodeItem(bytes, input)) !== 'text';
  } catch {
    // Binary data, or XML/JSON the agency importer reports by name; text that is merely
    // not UTF-8 goes to the wire-text importer, which names the line.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    return bytes.subarray(0, 8192).includes(0) || rootName(head) !== undefined || /^\s*[[{]/.test(head);
  }
}
