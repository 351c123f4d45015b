/**
 * The rules of the long-running publisher (`npm run publisher`, src/cli/publisher.ts): which
 * changes under the content folder call for a build, when the next build starts, and when a
 * builder process has grown enough to be replaced by a fresh one.
 *
 * Pure: the caller watches the folder, reads the clock and the memory figures, and passes
 * them in.
 */
import { parseWireDate } from './dates.ts';

/** What the publisher is doing, and what waits for the next build. */
export interface PublishQueue {
  /** A build is running. */
  readonly building: boolean;
  /** Paths changed since the last build started, in the order first seen, each once. */
  readonly changed: readonly string[];
  /** When the newest change was seen (ms since the epoch); absent when nothing waits. */
  readonly lastChangeMs?: number;
  /** When the oldest change still waiting was seen; absent when nothing waits. */
  readonly firstChangeMs?: number;
  /** A build is due whether or not a path changed: a builder's first build, which catches up. */
  readonly owed: boolean;
}

/** What to do next: build now (the changes it publishes), wait and ask again, or nothing. */
export type NextStep =
  | { action: 'build'; queue: PublishQueue; changes: readonly string[] }
  | { action: 'wait'; ms: number }
  | { action: 'idle' };

/** Endings of the scratch files editors and copy tools write beside a file before renaming it. */
const SCRATCH_ENDINGS = ['~', '.swp', '.swx', '.tmp', '.part', '.crdownload'];

/** Folders of version control, which hold no stories however many files change in them. */
const VCS_FOLDERS = new Set(['.git', '.hg', '.svn']);

/**
 * Whether a changed path (relative to the content folder, `/` or `\` separated) can change
 * the site. The build reads every `.md` file under the folder, hidden or not, and the photos
 * stories name, so any path counts but version-control folders (`.git/`) and editors' and
 * copy tools' scratch files (`story.md~`, `.story.md.swp`, `#story.md#`, `.#story.md`,
 * `story.md.tmp`, `item.xml.part`), which become a story only once renamed (and the rename
 * is a change).
 *
 * @example
 * isContentChange('2024/06/astana.md'); // true
 * isContentChange('2024/06/astana.jpg'); // true: a story's photo
 * isContentChange('2024/06/.astana.md.swp'); // false
 * isContentChange('.git/index'); // false
 */
export function isContentChange(path: string): boolean {
  const parts = path.split(/[/\\]/).filter(Boolean);
  if (parts.length === 0) return false;
  const name = parts.at(-1) ?? '';
  if (parts.some((part) => VCS_FOLDERS.has(part))) return false;
  if (name.startsWith('#') || name.startsWith('.#')) return false;
  return !SCRATCH_ENDINGS.some((ending) => name.endsWith(ending));
}

/**
 * A queue for a builder that has not built yet: its first build is due at once, to catch up
 * with whatever changed while no builder ran.
 *
 * @example
 * nextStep(firstBuild(), 0, { quietMs: 250, maxWaitMs: 5000 }).action; // 'build'
 */
export function firstBuild(): PublishQueue {
  return { building: false, changed: [], owed: true };
}

/**
 * The queue after a change to `path` seen at `nowMs`. A change seen while a build runs waits
 * for the next build: the running one may have read the file before it changed.
 *
 * @example
 * noteChange(firstBuild(), 'a.md', 1000).changed; // ['a.md']
 */
export function noteChange(queue: PublishQueue, path: string, nowMs: number): PublishQueue {
  const changed = queue.changed.includes(path) ? queue.changed : [...queue.changed, path];
  return { ...queue, changed, lastChangeMs: nowMs, firstChangeMs: queue.firstChangeMs ?? nowMs };
}

/** How long the publisher waits before a build. */
export interface Waits {
  /** Build once no file has changed for this long. */
  quietMs: number;
  /** But never wait longer than this after the oldest change, however busy the folder. */
  maxWaitMs: number;
}

/**
 * What to do at `nowMs`. One build at a time; a build starts once `quietMs` have passed
 * since the newest change, so a story written in several steps, or a folder of them copied
 * in, is published by one build, not by one build per file; but no later than `maxWaitMs`
 * after the oldest change, so a feed that never pauses does not hold every story back.
 *
 * @example
 * const queue = noteChange({ building: false, changed: [], owed: false }, 'a.md', 1000);
 * nextStep(queue, 1100, { quietMs: 250, maxWaitMs: 5000 }); // { action: 'wait', ms: 150 }
 * nextStep(queue, 1250, { quietMs: 250, maxWaitMs: 5000 }).action; // 'build'
 */
export function nextStep(queue: PublishQueue, nowMs: number, waits: Waits): NextStep {
  if (queue.building || (!queue.owed && queue.changed.length === 0)) return { action: 'idle' };
  const quietAt = Math.min(
    (queue.lastChangeMs ?? -Infinity) + waits.quietMs,
    (queue.firstChangeMs ?? -Infinity) + waits.maxWaitMs,
  );
  if (nowMs < quietAt) return { action: 'wait', ms: quietAt - nowMs };
  return { action: 'build', queue: { building: true, changed: [], owed: false }, changes: queue.changed };
}

/**
 * The queue once the running build has ended, whether it published or failed: a failed
 * build is not tried again until something changes (the fix to the file it names).
 *
 * @example
 * buildEnded({ building: true, changed: ['b.md'], owed: false, lastChangeMs: 5 }).building; // false
 */
export function buildEnded(queue: PublishQueue): PublishQueue {
  return { ...queue, building: false };
}

/**
 * A builder's memory, in bytes: after its second good build (undefined until then), and after
 * its latest build; and its builds so far.
 */
export interface BuilderMemory {
  baselineRssBytes: number | undefined;
  rssBytes: number;
  builds: number;
}

/**
 * Why a builder should make way for a fresh process, or undefined while it should go on.
 * Every build leaves some memory behind in the process that ran it (Node never unloads the
 * modules a build imports), so a builder is replaced once its resident memory passes
 * `maxRssBytes`, or, when no limit is given, once it has grown by half its size after its
 * second good build (and by at least 256 MiB). The size is taken after the second build, not
 * the first: the first build of a fresh builder catches up and warms up, and the process
 * grows most in the build after it (at 10,000 stories 733 MiB after the first build, 999 MiB
 * after the second, then 30 to 50 MiB a build), so a baseline taken after the first had a
 * builder replaced after five builds for memory it was not leaking. A builder is never
 * replaced after its first build: a fresh one would be as big, and would be replaced in
 * turn, for ever.
 *
 * @example
 * retireReason({ baselineRssBytes: 800 * 2 ** 20, rssBytes: 1300 * 2 ** 20, builds: 4 });
 * // 'resident memory 1300 MiB, over 1200 MiB'
 * retireReason({ baselineRssBytes: 800 * 2 ** 20, rssBytes: 900 * 2 ** 20, builds: 4 }); // undefined
 */
export function retireReason(memory: BuilderMemory, maxRssBytes?: number): string | undefined {
  if (memory.builds < 2) return undefined;
  const baseline = memory.baselineRssBytes;
  const limit =
    maxRssBytes ?? (baseline === undefined ? undefined : Math.max(baseline * 1.5, baseline + 256 * 2 ** 20));
  if (limit === undefined || memory.rssBytes <= limit) return undefined;
  const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
  return `resident memory ${mib(memory.rssBytes)} MiB, over ${mib(limit)} MiB`;
}

/** A page line of Astro's build log: the page's path, and whether the build kept it as it was. */
export interface PageLine {
  path: string;
  kept: boolean;
}

/**
 * Reads one line of an `astro build` log: Astro lists every page it generates (`├─ /path`,
 * `└─ /path`) and marks those the incremental build kept in place `(cached)` or copied back
 * `(restored)`. Undefined for any other line.
 *
 * @example
 * pageLine('10:00:01   ├─ /a/index.html (+5ms)'); // { path: '/a/index.html', kept: false }
 * pageLine('10:00:01   ├─ /b/index.html (cached)'); // { path: '/b/index.html', kept: true }
 * pageLine('10:00:01 [build] Complete!'); // undefined
 */
export function pageLine(line: string): PageLine | undefined {
  const match = /[├└]─ (\S+)(.*)$/.exec(line);
  if (!match) return undefined;
  return { path: match[1] ?? '', kept: /\((cached|restored)\)/.test(match[2] ?? '') };
}

/**
 * When the next embargo among `embargoes` (as written in the entries: ISO date-times with
 * an offset) ends after `nowMs`, in ms since the epoch: the publisher builds again then, so
 * an embargoed story goes live on time without anyone touching its file. Embargoes that
 * have ended, and text that is not a date (the build reports it), are passed over.
 *
 * @example
 * nextEmbargoEnd(['2024-06-21T06:00:00Z', '2024-06-20T06:00:00Z'], Date.parse('2024-06-20T12:00:00Z'));
 * // Date.parse('2024-06-21T06:00:00Z')
 * nextEmbargoEnd(['2024-06-20T06:00:00Z'], Date.parse('2024-06-20T12:00:00Z')); // undefined
 */
export function nextEmbargoEnd(embargoes: readonly string[], nowMs: number): number | undefined {
  let next: number | undefined;
  for (const text of embargoes) {
    let endMs: number;
    try {
      endMs = parseWireDate(text).instant.getTime();
    } catch {
      continue;
    }
    if (endMs > nowMs && (next === undefined || endMs < next)) next = endMs;
  }
  return next;
}
