import { describe, expect, it } from 'vitest';
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
} from '../../src/lib/publisher';

const idle: PublishQueue = { building: false, changed: [], owed: false };
const MiB = 2 ** 20;
const waits = { quietMs: 250, maxWaitMs: 5000 };

describe('isContentChange', () => {
  it.each([
    ['2024/06/astana.md', true],
    ['astana.md', true],
    ['2024/06/astana.jpg', true],
    ['2024\\06\\astana.md', true],
    ['2024/06', true],
    ['2024/06/.astana.md.swp', false],
    ['2024/06/astana.md~', false],
    ['2024/06/#astana.md#', false],
    ['2024/06/astana.md.tmp', false],
    ['incoming/item.xml.part', false],
    ['2024/06/.#astana.md', false],
    ['.git/index', false],
    ['archive/.git/objects/ab/cd', false],
    ['2024/.incoming/astana.md', true],
    ['2024/06/.astana.md', true],
    ['', false],
  ])('counts %j as a change to the site: %s', (path, expected) => {
    expect(isContentChange(path)).toBe(expected);
  });
});

describe('the publish queue', () => {
  it('builds at once when a builder starts, to catch up with what changed while none ran', () => {
    expect(nextStep(firstBuild(), 0, waits)).toEqual({
      action: 'build',
      queue: { building: true, changed: [], owed: false },
      changes: [],
    });
  });

  it('does nothing while nothing changed', () => {
    expect(nextStep(idle, 1000, waits)).toEqual({ action: 'idle' });
  });

  it('waits for the quiet time after the newest change, then builds once for every change', () => {
    let queue = noteChange(idle, 'a.md', 1000);
    queue = noteChange(queue, 'b.md', 1100);
    queue = noteChange(queue, 'a.md', 1200);
    expect(nextStep(queue, 1300, waits)).toEqual({ action: 'wait', ms: 150 });
    const step = nextStep(queue, 1450, waits);
    expect(step).toMatchObject({ action: 'build', changes: ['a.md', 'b.md'] });
    if (step.action !== 'build') throw new Error('expected a build');
    expect(nextStep(step.queue, 5000, waits)).toEqual({ action: 'idle' });
  });

  it('builds at the latest the longest wait after the oldest change, however busy the folder', () => {
    let queue = idle;
    for (let at = 0; at < 6000; at += 200) {
      queue = noteChange(queue, `feed/${at}.md`, at);
      const step = nextStep(queue, at, waits);
      if (at < 5000) expect(step).toEqual({ action: 'wait', ms: Math.min(250, 5000 - at) });
      else {
        expect(step).toMatchObject({ action: 'build' });
        expect(step.action === 'build' && step.changes.length).toBe(26);
        return;
      }
    }
    throw new Error('never built');
  });

  it('keeps a change seen during a build for the next build, never starting two at once', () => {
    const step = nextStep(noteChange(idle, 'a.md', 0), 300, waits);
    if (step.action !== 'build') throw new Error('expected a build');
    const during = noteChange(step.queue, 'b.md', 400);
    expect(nextStep(during, 5000, waits)).toEqual({ action: 'idle' });
    const after = buildEnded(during);
    expect(nextStep(after, 5000, waits)).toMatchObject({ action: 'build', changes: ['b.md'] });
  });

  it('does not try a failed build again until something changes', () => {
    const step = nextStep(noteChange(idle, 'broken.md', 0), 300, waits);
    if (step.action !== 'build') throw new Error('expected a build');
    expect(nextStep(buildEnded(step.queue), 10_000, waits)).toEqual({ action: 'idle' });
  });
});

describe('retireReason', () => {
  it.each([
    { first: 800, now: 1000, limit: undefined, expected: undefined },
    { first: 800, now: 1200, limit: undefined, expected: undefined },
    { first: 800, now: 1201, limit: undefined, expected: 'resident memory 1201 MiB, over 1200 MiB' },
    { first: 300, now: 556, limit: undefined, expected: undefined },
    { first: 300, now: 557, limit: undefined, expected: 'resident memory 557 MiB, over 556 MiB' },
    { first: 800, now: 1500, limit: 2048, expected: undefined },
    { first: 800, now: 900, limit: 850, expected: 'resident memory 900 MiB, over 850 MiB' },
  ])(
    'replaces a builder of $first MiB now at $now MiB (limit $limit): $expected',
    ({ first, now, limit, expected }) => {
      const reason = retireReason(
        { baselineRssBytes: first * MiB, rssBytes: now * MiB, builds: 3 },
        limit === undefined ? undefined : limit * MiB,
      );
      expect(reason).toBe(expected);
    },
  );
});

describe('retireReason after a first build', () => {
  it('never replaces a builder after its first build, however big, so fresh builders cannot take turns for ever', () => {
    expect(retireReason({ baselineRssBytes: undefined, rssBytes: 900 * MiB, builds: 1 }, 1 * MiB)).toBeUndefined();
    expect(retireReason({ baselineRssBytes: undefined, rssBytes: 900 * MiB, builds: 2 }, 1 * MiB)).toBe(
      'resident memory 900 MiB, over 1 MiB',
    );
  });

  it('has no limit of its own until it knows the size after a second good build', () => {
    expect(retireReason({ baselineRssBytes: undefined, rssBytes: 4000 * MiB, builds: 2 })).toBeUndefined();
    expect(retireReason({ baselineRssBytes: 1000 * MiB, rssBytes: 1501 * MiB, builds: 3 })).toBe(
      'resident memory 1501 MiB, over 1500 MiB',
    );
  });
});

describe('pageLine', () => {
  it.each([
    ['01:02:04   ├─ /index.html (+12ms) ', { path: '/index.html', kept: false }],
    ['01:02:04   └─ /rss.xml (+40ms)', { path: '/rss.xml', kept: false }],
    ['01:02:04   ├─ /stories/a/index.html (cached)', { path: '/stories/a/index.html', kept: true }],
    ['01:02:04   ├─ /stories/b/index.html (restored)', { path: '/stories/b/index.html', kept: true }],
    ['01:02:03 [build] Collecting build info...', undefined],
  ])('reads %j', (line, expected) => {
    expect(pageLine(line)).toEqual(expected);
  });
});

describe('nextEmbargoEnd', () => {
  const now = Date.parse('2024-06-20T12:00:00Z');
  it.each([
    {
      what: 'the earliest embargo still to end',
      embargoes: ['2024-06-22T06:00:00Z', '2024-06-21T06:00:00+02:00'],
      expected: '2024-06-21T04:00:00.000Z',
    },
    {
      what: 'nothing when every embargo has ended',
      embargoes: ['2024-06-20T06:00:00Z', '2024-06-20T12:00:00Z'],
      expected: undefined,
    },
    { what: 'nothing without embargoes', embargoes: [], expected: undefined },
    {
      what: 'a date without a time, from its midnight (UTC)',
      embargoes: ['2024-06-21'],
      expected: '2024-06-21T00:00:00.000Z',
    },
    {
      what: 'the next one, passing over text that is not a date',
      embargoes: ['tomorrow', '2024-06-21T06:00:00Z'],
      expected: '2024-06-21T06:00:00.000Z',
    },
  ])('gives $what', ({ embargoes, expected }) => {
    const end = nextEmbargoEnd(embargoes, now);
    expect(end === undefined ? undefined : new Date(end).toISOString()).toBe(expected);
  });
});
