/**
 * The publisher's builder (src/cli/publisher.ts starts it): a process that stays up and runs
 * `astro build` through Astro's JavaScript API each time it is asked. A build in a process
 * that has built before skips Node's start, the loading of Astro and Vite, and the warming
 * up of their code (README, "The publisher").
 *
 * Messages: it sends `{ type: 'ready' }` once Astro is loaded, takes `{ type: 'build' }` and
 * answers each with `{ type: 'built', ok, seconds, rssBytes, rendered, kept, error? }`;
 * `{ type: 'exit' }` ends it once its build is done. Its build log goes to stdout, as
 * `astro build`'s does. It runs in a process group of its own, out of reach of a terminal's
 * Ctrl-C, and ignores SIGINT and SIGTERM: the publisher decides when it stops, so that a
 * build is never cut off half-way. It ends when the publisher does.
 */
import { build } from 'astro';
import { collectBuildMemos, releaseBuildMemos } from '../data/build-memo.ts';
import { pageLine } from '../lib/publisher.ts';
import { releaseBuildLock } from '../integrations/checkout-lock.ts';
import { CODE_HASH } from '../lib/registries.ts';

/** A message to the builder. */
export type BuilderRequest = { type: 'build' } | { type: 'exit' };

/** A message from the builder. */
export type BuilderReport =
  | { type: 'ready' }
  | {
      type: 'built';
      ok: boolean;
      seconds: number;
      rssBytes: number;
      /** Pages the build rendered, and pages it kept as they were (from its log). */
      rendered: number;
      kept: number;
      error?: string;
    };

const send = (report: BuilderReport) => process.send?.(report);

if (!process.send) {
  console.error('publisher-builder: run by `npm run publisher`, not on its own');
  process.exit(2);
}
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
process.on('disconnect', () => process.exit(0));

// Astro lists every page it generates in its log: count them as they are written.
const pages = { rendered: 0, kept: 0 };
let partial = '';
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
  const lines = (partial + String(chunk)).split('\n');
  partial = lines.pop() ?? '';
  for (const line of lines) {
    const page = pageLine(line);
    if (page?.kept) pages.kept++;
    else if (page) pages.rendered++;
  }
  return write(chunk, ...rest);
}) as typeof process.stdout.write;

// Each build's archive is let go of once the build is done, not kept for the process's life.
collectBuildMemos();

let queue = Promise.resolve();
process.on('message', (request: BuilderRequest) => {
  if (request.type === 'exit') {
    queue = queue.then(() => process.exit(0));
    return;
  }
  queue = queue.then(async () => {
    const started = performance.now();
    pages.rendered = 0;
    pages.kept = 0;
    let error: string | undefined;
    // The build sets the hash of its pages' code again; a build that never gets that far
    // (or a config without incremental builds) must not find the last build's.
    delete (globalThis as Record<symbol, unknown>)[Symbol.for(CODE_HASH)];
    try {
      await build({ root: process.cwd() });
    } catch (problem) {
      error = problem instanceof Error ? (problem.stack ?? problem.message) : String(problem);
    } finally {
      // Builds of this checkout by others (npm run build, the tests) may run between ours.
      releaseBuildLock(process.cwd());
      releaseBuildMemos();
    }
    const seconds = (performance.now() - started) / 1000;
    const rssBytes = process.memoryUsage().rss;
    send({ type: 'built', ok: error === undefined, seconds, rssBytes, ...pages, ...(error && { error }) });
  });
});
send({ type: 'ready' });
