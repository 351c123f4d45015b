import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // tests/deploy needs nginx: `npm run test:deploy` (vitest.deploy.config.ts) runs it.
    exclude: [...configDefaults.exclude, 'tests/deploy/**'],
    globalSetup: ['tests/setup/build-site.ts'],
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'tests/.artifacts/vitest.json' }]],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
