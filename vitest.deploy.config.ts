import { defineConfig } from 'vitest/config';

/**
 * `npm run test:deploy`: the built site served by the machine's nginx with deploy/nginx.conf
 * (headers, redirects, 404, traversal, compression, CSP in Chromium, a loopback load run).
 */
export default defineConfig({
  test: {
    include: ['tests/deploy/**/*.test.ts'],
    globalSetup: ['tests/deploy/setup.ts'],
    reporters: ['default', ['json', { outputFile: 'tests/.artifacts/vitest-deploy.json' }]],
    // One file at a time: the load run should not share the two cores with Chromium.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
