import { describe, expect, it } from 'vitest';
import { storeLinesDroppedAfterSync } from '../../src/integrations/store-lines';
import { STORE_LINES } from '../../src/lib/registries';

describe('storeLinesDroppedAfterSync', () => {
  it("drops the content store's remembered lines when the build starts, after the sync wrote the store", async () => {
    const global = globalThis as Record<symbol, unknown>;
    const key = Symbol.for(STORE_LINES);
    const lines = new WeakMap([[{ id: 'a-story' }, { id: 'a-story', line: '[...]\n' }]]);
    global[key] = lines;
    const hook = storeLinesDroppedAfterSync().hooks['astro:build:start'] as unknown as () => Promise<void> | void;
    await hook();
    expect(global[key]).toBeUndefined();
  });
});
