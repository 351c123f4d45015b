import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** What the publisher tells a parent process after each build (src/cli/publisher.ts). */
export interface Published {
  type: 'published';
  ok: boolean;
  seconds: number;
  rendered: number;
  kept: number;
  changes: string[];
}

/** A running publisher, its log so far, and ways to wait for its next build's report and its end. */
export interface RunningPublisher {
  child: ChildProcess;
  log: () => string;
  /** The next build's report, in order, failing after `reportTimeoutMs` or if the publisher ends. */
  next: () => Promise<Published>;
  /** Its exit code, once it has ended. */
  exited: () => Promise<number | null>;
  /** Sends it SIGTERM unless it has ended, and gives its exit code. */
  stop: () => Promise<number | null>;
}

/** Options of {@link startPublisher}. */
export interface PublisherOptions {
  /** The project to run it in (a checkout, or a scratch copy of one). */
  project: string;
  env: NodeJS.ProcessEnv;
  args?: string[];
  /** In a process group of its own, as a terminal starts it (so a test can send the group Ctrl-C). */
  detached?: boolean;
  /** How long a build's report may take (default 180 s). */
  reportTimeoutMs?: number;
}

/**
 * Starts `npm run publisher`'s script with an IPC channel, as the publisher test and the
 * benchmark do.
 *
 * @example
 * const publisher = startPublisher({ project: ROOT, env: { ...process.env, WIRE_CONTENT_DIR: dir } });
 * (await publisher.next()).ok; // true once the first build is done
 * await publisher.stop();
 */
export function startPublisher(options: PublisherOptions): RunningPublisher {
  const { project, env, args = [], detached = false, reportTimeoutMs = 180_000 } = options;
  let log = '';
  const child = fork(join(project, 'src/cli/publisher.ts'), args, {
    cwd: project,
    detached,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const reports: Published[] = [];
  const waiting: ((report: Published) => void)[] = [];
  child.on('message', (report: Published) => {
    const waiter = waiting.shift();
    if (waiter) waiter(report);
    else reports.push(report);
  });
  const next = () =>
    new Promise<Published>((resolve, reject) => {
      const queued = reports.shift();
      if (queued) return resolve(queued);
      const timer = setTimeout(
        () => reject(new Error(`no build report in ${reportTimeoutMs / 1000} s; the log:\n${log.slice(-4000)}`)),
        reportTimeoutMs,
      );
      child.once('exit', (code) => reject(new Error(`the publisher stopped (${code}):\n${log.slice(-4000)}`)));
      waiting.push((report) => {
        clearTimeout(timer);
        resolve(report);
      });
    });
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  const exited = () =>
    new Promise<number | null>((resolve) => {
      if (ended()) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });
  const stop = () => {
    if (!ended()) child.kill('SIGTERM');
    return exited();
  };
  return { child, log: () => log, next, exited, stop };
}
