/**
 * When Pagefind's process dies (the out-of-memory killer ended it during a 100,000-story
 * build), its Node API never answers, Node runs out of work, and the build exited with
 * status 0 and no search index. These tests run each case in a Node process of its own, as
 * a build would, and check that it now fails with a message that says what happened.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { thenClose } from '../../src/integrations/pagefind-call';

const CALL = fileURLToPath(new URL('../../src/integrations/pagefind-call.ts', import.meta.url));
const PAGEFIND = import.meta.resolve('pagefind');

/** Runs an ES module in a new Node process (the one running the tests, which strips types). */
function run(source: string) {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', source], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

// As Astro runs a hook: a promise awaited, not a top-level await (Node reports those itself).
const hook = (body: string) => `
  import { answered } from ${JSON.stringify(CALL)};
  (async () => { ${body} })().then(
    () => console.log('hook finished'),
    (error) => { console.error(error.message); process.exitCode = 1; },
  );
`;

describe('a Pagefind call whose process is gone', () => {
  it.each([
    ['without the guard, the process ends with status 0 and says nothing (the bug)', 'await never;', 0, /^$/],
    [
      'with it, the process fails and says why',
      "await answered(never, 'writing /pagefind/ (97000 story pages)');",
      1,
      /Pagefind stopped without answering while writing \/pagefind\/ \(97000 story pages\)\. .*out-of-memory killer.*WIRE_SEARCH_BUNDLE_STORIES/s,
    ],
  ])('%s', (_name, body, status, stderr) => {
    const result = run(hook(`const never = new Promise(() => {}); ${body}`));
    expect(result.stdout).not.toContain('hook finished');
    expect(result.stderr.trim()).toMatch(stderr);
    expect(result.status).toBe(status);
  });

  it('fails the build when the real Pagefind process is killed mid-call', () => {
    const result = run(
      hook(`
        const { execSync } = await import('node:child_process');
        const pagefind = await import(${JSON.stringify(PAGEFIND)});
        const { index } = await answered(pagefind.createIndex({}), 'starting');
        await answered(index.addHTMLFile({ url: '/a/', content: '<html lang="en"><body><p>Astana</p></body></html>' }), 'adding');
        const [pid] = execSync('pgrep -P ' + process.pid).toString().trim().split('\\n').map(Number);
        const writing = answered(index.getFiles(), 'writing the index');
        process.kill(pid, 'SIGKILL');
        await writing;
      `),
    );
    expect(result.stdout).not.toContain('hook finished');
    // Killed before or after it read the request: no answer ever comes, or the pipe breaks.
    expect(result.stderr).toMatch(/Pagefind stopped without answering while writing the index|Pagefind backend closed/);
    expect(result.status).toBe(1);
  });
});

describe('thenClose', () => {
  it.each([
    ['work and close succeed: the result', async () => 'done', async () => undefined, 'done'],
    [
      'work fails: its error, though closing failed too',
      () => Promise.reject(new Error('why')),
      () => Promise.reject(new Error('closing')),
      'why',
    ],
    ['only closing fails: its error', async () => 'done', () => Promise.reject(new Error('closing')), 'closing'],
  ])('%s', async (_name, work, close, expected) => {
    let closed = 0;
    const outcome = await thenClose(work, () => (closed++, close())).then(
      (value) => value,
      (error: Error) => error.message,
    );
    expect(outcome).toBe(expected);
    expect(closed).toBe(1);
  });
});
