import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSeed, SEED_COPY, SHARED_SEED } from '../helpers/seed';

describe('the seed story', () => {
  it('has the committed copy identical to the shared seed, where the shared seed is present', () => {
    const copy = readFileSync(SEED_COPY, 'utf8');
    if (existsSync(SHARED_SEED)) expect(copy).toBe(readFileSync(SHARED_SEED, 'utf8'));
    expect(copy.length).toBeGreaterThan(3000);
  });

  it('reads as a section, a headline and 17 body paragraphs from dateline to sign-off', () => {
    const seed = readSeed();
    expect(seed.section).toBe('Conflicts & War');
    expect(seed.paragraphs).toHaveLength(17);
    expect(seed.paragraphs[0]).toMatch(/^Astana, Jun 20 \(EFE\)\.- Kazakh President/);
    expect(seed.paragraphs.at(-1)).toMatch(/had more than doubled\.” EFE$/);
  });
});
