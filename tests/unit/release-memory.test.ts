import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it } from 'vitest';
import { collectBuildMemos } from '../../src/data/build-memo';
import { BUILD_MEMOS } from '../../src/lib/registries';
import { memoryHandedBack } from '../../src/integrations/release-memory';

const ROOT = join(import.meta.dirname, '../..');

describe('releaseMemory', () => {
  it('hands back the heap pages V8 keeps after a phase of the build, and says how much', () => {
    // In a process of its own, so that no other test's memory moves the figures. Objects that
    // live a while (as a build's do) reach the old generation; once they are garbage, an
    // ordinary collection frees them but V8 keeps their pages resident.
    const script = [
      `import { releaseMemory } from ${JSON.stringify(join(ROOT, 'src/integrations/release-memory.ts'))};`,
      "import { runInNewContext } from 'node:vm';",
      'let kept = [];',
      'for (let round = 0; round < 6; round++) {',
      "  for (let i = 0; i < 500_000; i++) kept.push({ n: i, text: 'story ' + i, tags: [i] });",
      '  if (round % 2 === 1) kept = [];',
      '}',
      'kept = [];',
      'const first = releaseMemory();',
      'const second = releaseMemory();',
      "const leftGlobal = typeof globalThis.gc !== 'undefined' || runInNewContext('typeof gc') !== 'undefined';",
      'console.log(JSON.stringify({ first, second, leftGlobal }));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const { first, second, leftGlobal } = JSON.parse(run.stdout) as {
      first: number;
      second: number;
      leftGlobal: boolean;
    };
    expect(first).toBeGreaterThan(100);
    expect(second).toBeLessThan(20);
    // The collector is this module's: no other code (a worker, a new context) gets a gc().
    expect(leftGlobal).toBe(false);
  });
});

describe('memoryHandedBack', () => {
  it.each([
    ['astro:build:start', 'after the content sync'],
    ['astro:build:generated', 'after the pages'],
  ] as const)('hands memory back at %s and logs it', (hook, after) => {
    const lines: string[] = [];
    const logger = { info: (line: string) => lines.push(line) } as unknown as AstroIntegrationLogger;
    const run = memoryHandedBack().hooks[hook] as (options: { logger: AstroIntegrationLogger }) => void;
    run({ logger });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${after}: -?\\d+ MiB of memory handed back in \\d+\\.\\d s$`));
  });

  it("does nothing in the publisher's builder, which keeps its memory from build to build", () => {
    collectBuildMemos();
    try {
      const lines: string[] = [];
      const logger = { info: (line: string) => lines.push(line) } as unknown as AstroIntegrationLogger;
      const run = memoryHandedBack().hooks['astro:build:generated'] as (options: {
        logger: AstroIntegrationLogger;
      }) => void;
      run({ logger });
      expect(lines).toEqual([]);
    } finally {
      delete (globalThis as Record<symbol, unknown>)[Symbol.for(BUILD_MEMOS)];
    }
  });
});
