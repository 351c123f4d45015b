/**
 * Calls to Pagefind's Node API that fail, instead of hanging, when Pagefind's process dies.
 * No imports: tests run it in a plain Node process.
 */

/**
 * Awaits a call to Pagefind, failing if Pagefind's process dies first. Its Node API answers
 * through the process's output and never settles a call whose process was killed (the
 * kernel's out-of-memory killer, for one); Node then runs out of work and exits with
 * status 0, and `astro build` would look as if it had succeeded with no search index,
 * compression or headers. Node's `beforeExit` comes only when nothing is left that could
 * settle the call, so it is the sign that Pagefind is gone.
 *
 * @example
 * const added = await answered(index.addDirectory({ path, glob }), 'reading 9,732 story pages');
 */
export async function answered<T>(call: Promise<T>, what: string): Promise<T> {
  let stop = () => {};
  const gone = new Promise<never>((_resolve, reject) => {
    stop = () =>
      reject(
        new Error(
          `Search index: Pagefind stopped without answering while ${what}. Its process was ended, ` +
            'most likely by the out-of-memory killer (see `dmesg`): give the build more memory, or fewer ' +
            'stories per search bundle with WIRE_SEARCH_BUNDLE_STORIES (README, "Search").',
        ),
      );
    process.once('beforeExit', stop);
  });
  try {
    return await Promise.race([call, gone]);
  } finally {
    process.off('beforeExit', stop);
  }
}

/**
 * Runs `work`, then `close` whatever happened. When `work` failed, a failure of `close` too
 * (Pagefind gone, say) is dropped, so that the first error, which says why, is the one thrown.
 *
 * @example
 * const count = await thenClose(() => writeBundle(index), () => answered(index.deleteIndex(), 'closing'));
 */
export async function thenClose<T>(work: () => Promise<T>, close: () => Promise<unknown>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  await close();
  return result;
}
