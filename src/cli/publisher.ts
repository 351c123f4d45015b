/**
 * npm run publisher [-- options]: builds the site, then watches the content folder and builds
 * again, incrementally, whenever a story or photo in it changes, until stopped (Ctrl-C).
 * The builds run in a builder process that stays up between them (src/cli/publisher-builder.ts),
 * so a new story is live in `dist/` in seconds. The rules (which changes count, when to build,
 * when to replace the builder) are in src/lib/publisher.ts.
 *
 * When started with an IPC channel (the benchmark, the tests), it also sends each build's
 * result as `{ type: 'published', ok, seconds, rendered, kept, changes }`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  buildEnded,
  firstBuild,
  isContentChange,
  nextEmbargoEnd,
  nextStep,
  noteChange,
  pageLine,
  retireReason,
  type PublishQueue,
} from '../lib/publisher.ts';
import { loadContentIndex } from './content-index.ts';
import type { BuilderReport } from './publisher-builder.ts';
import { watchTree } from './watch-tree.ts';

const USAGE = `Usage: npm run publisher [-- options]

Builds the site into dist/, then watches the content folder (content/, or WIRE_CONTENT_DIR)
and builds again whenever a story or a photo in it is added, changed, moved or deleted.
Builds are incremental and run in a process that stays up, so a new story is published
in seconds. Stop it with Ctrl-C (once: after the running build; twice: now).

Options:
  --quiet-ms N     wait until no file has changed for N ms before building (default 250)
  --max-rss-mib N  replace the builder process once it holds more than N MiB (default:
                   half as much again as after its second build)
  --strict         fail every build while SITE_URL is not set to the site's real address,
                   as \`npm run build -- --strict\` does (use it for a site you deploy)
  --verbose        print every page line of the build log, not only the summary
  --help           show this help`;

function readOptions() {
  try {
    return parseArgs({
      options: {
        'quiet-ms': { type: 'string', default: '250' },
        'max-rss-mib': { type: 'string' },
        strict: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`publisher: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}
const values = readOptions();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

/** A whole number of at least `least` from option `name`, or exit with a usage error. */
function count(name: string, value: string | undefined, least: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < least) {
    console.error(`publisher: --${name} "${value}" must be a whole number, ${least} or more\n\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

const quietMs = count('quiet-ms', values['quiet-ms'], 0) ?? 250;
const maxRssMiB = count('max-rss-mib', values['max-rss-mib'], 1);
const contentDir = resolve(process.env.WIRE_CONTENT_DIR ?? 'content');
if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
  console.error(`publisher: the content folder ${contentDir} is not a folder (set WIRE_CONTENT_DIR or create it)`);
  process.exit(2);
}

const log = (message: string) => console.log(`publisher: ${message}`);
const builderScript = fileURLToPath(new URL('./publisher-builder.ts', import.meta.url));
const waits = { quietMs, maxWaitMs: Math.max(quietMs, 5000) };
type Built = Extract<BuilderReport, { type: 'built' }>;

let queue: PublishQueue = firstBuild();
let builder: ChildProcess | undefined;
/** The running builder's resident memory after its second good build (src/lib/publisher.ts `retireReason`). */
let baselineRssBytes: number | undefined;
/** Builds the running builder has done, and how many of them were good. */
let builds = 0;
let goodBuilds = 0;
/** The changes the running build publishes. */
let building: readonly string[] | undefined;
let timer: NodeJS.Timeout | undefined;
let stopping = false;
let failedStarts = 0;

/** Starts a builder process; its first build catches up with what changed meanwhile. */
function startBuilder(): void {
  baselineRssBytes = undefined;
  builds = 0;
  goodBuilds = 0;
  // In a process group of its own: a terminal's Ctrl-C goes to the foreground group, and
  // must not reach the builder's own helpers (esbuild's service, Pagefind) mid-build.
  // --strict reaches astro.config.mjs in the builder's arguments, as in `astro build --strict`.
  const child = fork(builderScript, values.strict ? ['--strict'] : [], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  builder = child;
  const lines = (stream: NodeJS.ReadableStream | null, write: (line: string) => void) => {
    if (stream) createInterface({ input: stream }).on('line', write);
  };
  lines(child.stdout, (line) => {
    if (values.verbose || !pageLine(line)) console.log(line);
  });
  lines(child.stderr, (line) => console.error(line));
  // A message to a builder that has just died must not take the publisher with it.
  child.on('error', (error) => console.error(`publisher: the builder: ${error.message}`));
  child.on('message', (report: BuilderReport) => {
    if (report.type === 'ready') {
      queue = { ...queue, owed: true };
      schedule();
    } else finished(report);
  });
  child.on('exit', (code, signal) => {
    if (builder !== child) return;
    builder = undefined;
    if (stopping) process.exit(0);
    failedStarts++;
    console.error(`publisher: the builder stopped (${signal ?? `exit code ${code}`})`);
    if (building) {
      // What it was publishing is published by the fresh builder's first build.
      building = undefined;
      queue = buildEnded(queue);
      tell(
        { type: 'built', ok: false, seconds: 0, rssBytes: 0, rendered: 0, kept: 0, error: 'the builder stopped' },
        [],
      );
    }
    if (failedStarts >= 3) {
      console.error('publisher: the builder stopped three times in a row; giving up');
      process.exit(1);
    }
    startBuilder();
  });
}

/** Sends a build's outcome to a parent process (benchmark, tests), when there is one. */
function tell(built: Built, changes: readonly string[]): void {
  const { ok, seconds, rendered, kept } = built;
  if (process.connected) process.send?.({ type: 'published', ok, seconds, rendered, kept, changes });
}

function finished(built: Built): void {
  const changes = building ?? [];
  building = undefined;
  const mib = Math.round(built.rssBytes / 2 ** 20);
  if (built.ok) {
    failedStarts = 0;
    log(
      `published in ${built.seconds.toFixed(1)} s: ${built.rendered} page(s) rendered, ${built.kept} kept (builder ${mib} MiB)`,
    );
  } else {
    console.error(
      `publisher: the build failed after ${built.seconds.toFixed(1)} s; dist/ keeps the last good build's pages`,
    );
    console.error(built.error ?? '');
    log('waiting for a change to the content (fix the file the error names)');
  }
  builds++;
  // A failed build says little of the builder's size.
  if (built.ok && ++goodBuilds === 2) baselineRssBytes = built.rssBytes;
  const reason = retireReason(
    { baselineRssBytes, rssBytes: built.rssBytes, builds },
    maxRssMiB === undefined ? undefined : maxRssMiB * 2 ** 20,
  );
  if (reason && !stopping) log(`starting a fresh builder (${reason})`);
  tell(built, changes);
  queue = buildEnded(queue);
  // Off the path to the next build: refreshing the content index takes 0.25 s at 10,000
  // stories even when nothing changed.
  void awaitEmbargoes().catch(embargoProblem);
  if (stopping) {
    builder?.send({ type: 'exit' });
  } else if (reason && builder) {
    const old = builder;
    builder = undefined;
    old.send({ type: 'exit' });
    startBuilder();
  } else schedule();
}

let embargoTimer: NodeJS.Timeout | undefined;
/** Looks at the embargoes begun so far. */
let embargoLooks = 0;
/** The longest the embargo timer waits before it looks again: a clock that jumps, or a machine that slept, is caught up with then. */
const EMBARGO_LOOK_MS = 60_000;

/**
 * Sets a build for the moment the next embargo ends, from the content index (which reads
 * only the entries changed since it last looked). With WIRE_BUILD_TIME set, every build
 * publishes as of that time, so no embargo ends and none is waited for.
 */
async function awaitEmbargoes(): Promise<void> {
  if (process.env.WIRE_BUILD_TIME) return;
  const look = ++embargoLooks;
  const { entries } = await loadContentIndex(contentDir);
  // A later look, begun while this one read the index, knows better.
  if (look !== embargoLooks) return;
  const embargoed = entries.filter((entry) => entry.embargo !== undefined);
  const endMs = nextEmbargoEnd(
    embargoed.map((entry) => entry.embargo ?? ''),
    Date.now(),
  );
  clearTimeout(embargoTimer);
  if (endMs === undefined) return;
  const files = embargoed.filter((entry) => nextEmbargoEnd([entry.embargo ?? ''], endMs - 1) === endMs);
  log(
    `the embargo on ${files.map((entry) => entry.file).join(', ')} ends at ${new Date(endMs).toISOString()}: building then`,
  );
  const wake = () => {
    if (Date.now() < endMs) {
      embargoTimer = setTimeout(wake, Math.min(endMs - Date.now() + 1, EMBARGO_LOOK_MS));
      return;
    }
    for (const entry of files) queue = noteChange(queue, entry.file, Date.now());
    schedule();
  };
  wake();
}

function embargoProblem(error: unknown): void {
  console.error(`publisher: could not read the embargoes in ${contentDir}: ${String(error)}`);
}

/** Starts the next build if one is due, or looks again when the quiet time is over. */
function schedule(): void {
  clearTimeout(timer);
  if (!builder || stopping) return;
  const step = nextStep(queue, Date.now(), waits);
  if (step.action === 'wait') timer = setTimeout(schedule, step.ms);
  if (step.action !== 'build') return;
  queue = step.queue;
  building = step.changes;
  const shown = step.changes.slice(0, 3).join(', ') + (step.changes.length > 3 ? ', ...' : '');
  log(step.changes.length > 0 ? `building: ${step.changes.length} change(s): ${shown}` : 'building');
  builder.send({ type: 'build' });
}

watchTree(
  contentDir,
  (path) => {
    if (!isContentChange(path)) return;
    queue = noteChange(queue, path, Date.now());
    schedule();
  },
  {
    onError: (folder, error) => {
      const limit = (error as NodeJS.ErrnoException).code === 'ENOSPC';
      console.error(
        `publisher: cannot watch ${resolve(contentDir, folder)}: ${error.message}. Changes there start no build; ` +
          'another change, or a restart, publishes them.' +
          (limit ? ' Raise the limit (sysctl fs.inotify.max_user_watches) and restart the publisher.' : ''),
      );
    },
  },
);

/** When the last stop signal came: npm passes on the Ctrl-C the publisher also got itself. */
let lastSignalMs = -Infinity;
const stop = () => {
  const now = Date.now();
  if (now - lastSignalMs < 500) return;
  lastSignalMs = now;
  if (stopping || !building) {
    log(building ? 'stopped during a build: run it again to build what changed' : 'stopped');
    // The builder's whole group: its helpers too.
    if (builder?.pid) process.kill(-builder.pid, 'SIGKILL');
    process.exit(building ? 130 : 0);
  }
  stopping = true;
  log('stopping after the running build (Ctrl-C again to stop now)');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Started by a program that has gone (a test, the benchmark, a supervisor): stop as on Ctrl-C.
process.on('disconnect', stop);

log(
  `watching ${contentDir}; building after ${quietMs} ms without a change (at most ${waits.maxWaitMs} ms after the first)`,
);
startBuilder();
