import { describe, expect, it } from 'vitest';
import { builtPages } from '../helpers/astro-log';

describe('builtPages', () => {
  it('tells rendered pages from those the incremental build kept or restored', () => {
    const log = [
      '01:02:03 [build] Collecting build info...',
      '01:02:04   ├─ /index.html (+12ms) ',
      '01:02:04   ├─ /stories/a/index.html (cached)',
      '01:02:04   ├─ /stories/b/index.html (restored)',
      '01:02:05   ├─ /rss.xml (+40ms) ',
    ].join('\n');
    expect(builtPages(log)).toEqual({
      rendered: ['/index.html', '/rss.xml'],
      kept: ['/stories/a/index.html', '/stories/b/index.html'],
    });
  });

  it('finds no pages in a log without a page list', () => {
    expect(builtPages('[build] Complete!')).toEqual({ rendered: [], kept: [] });
  });
});
