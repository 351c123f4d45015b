/**
 * What an `astro build` log says of its pages: Astro lists every page it generates, and
 * marks those the incremental build kept in place `(cached)` or copied back `(restored)`.
 * Used by the incremental-build test and the benchmark.
 *
 * @example
 * builtPages('  ├─ /a/index.html (+5ms)\n  ├─ /b/index.html (cached)'); // { rendered: ['/a/index.html'], kept: ['/b/index.html'] }
 */
export function builtPages(log: string): { rendered: string[]; kept: string[] } {
  const pages = [...log.matchAll(/├─ (\S+)(.*)$/gm)].map(([, path = '', rest = '']) => ({ path, rest }));
  const kept = (rest: string) => /\((cached|restored)\)/.test(rest);
  return {
    rendered: pages.filter((page) => !kept(page.rest)).map((page) => page.path),
    kept: pages.filter((page) => kept(page.rest)).map((page) => page.path),
  };
}
