import { pageLine, type PageLine } from '../../src/lib/publisher.ts';

/**
 * What an `astro build` log says of its pages, read line by line with the publisher's
 * `pageLine()`: the pages rendered, and those the incremental build kept in place
 * `(cached)` or copied back `(restored)`. Used by the incremental-build test and the benchmark.
 *
 * @example
 * builtPages('  ├─ /a/index.html (+5ms)\n  ├─ /b/index.html (cached)'); // { rendered: ['/a/index.html'], kept: ['/b/index.html'] }
 */
export function builtPages(log: string): { rendered: string[]; kept: string[] } {
  const pages = log
    .split('\n')
    .map(pageLine)
    .filter((page): page is PageLine => page !== undefined);
  return {
    rendered: pages.filter((page) => !page.kept).map((page) => page.path),
    kept: pages.filter((page) => page.kept).map((page) => page.path),
  };
}
