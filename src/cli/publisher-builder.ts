/**
 * The publisher's builder (src/cli/publisher.ts starts it): a process that stays up and runs
 * `astro build` through Astro's JavaScript API each time it is asked. A build in a process
 * that has built before skips Node's start, the loading of Astro and Vite, and the warming
 * up of their code: on a 10,000-story archive, one story added publishes in about 8 s here
 * where `npm run build` takes about 12 s (README, "The publisher").
 *
 * Messages: it sends `{ type: 'ready' }` once Astro is loaded, takes `{ type: 'build' }` and
 * answers each with `{ type: 'built', ok, seconds, rssBytes, error? }`; `{ type: 'exit' }`
 * ends it. Its build log goes to stdout, as `astro build`'s does.
 */
import { build } from 'astro';
import { releaseBuildLock } from '../integrations/checkout-lock.ts';

/** A message to the builder. */
export type BuilderRequest = { type: 'build' } | { type: 'exit' };

/** A message from the builder. */
export type BuilderReport =
  { type: 'ready' } | { type: 'built'; ok: boolean; seconds: number; rssBytes: number; error?: string };

const send = (report: BuilderReport) => process.send?.(report);

if (!process.send) {
  console.error('publisher-builder: run by `npm run publisher`, not on its own');
  process.exit(2);
}

let queue = Promise.resolve();
process.on('message', (request: BuilderRequest) => {
  if (request.type === 'exit') {
    queue = queue.then(() => process.exit(0));
    return;
  }
  queue = queue.then(async () => {
    const started = performance.now();
    let error: string | undefined;
    try {
      await build({ root: process.cwd() });
    } catch (problem) {
      error = problem instanceof Error ? (problem.stack ?? problem.message) : String(problem);
    } finally {
      // Builds of this checkout by others (npm run build, the tests) may run between ours.
      releaseBuildLock(process.cwd());
    }
    const seconds = (performance.now() - started) / 1000;
    send({
      type: 'built',
      ok: error === undefined,
      seconds,
      rssBytes: process.memoryUsage().rss,
      ...(error && { error }),
    });
  });
});
send({ type: 'ready' });
