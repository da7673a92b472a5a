import { defineConfig } from 'vitest/config';

// Real Chromium (Debian's /usr/bin/chromium via playwright-core) against the built renderer served
// by the real server. Run by `npm run test:e2e`, which builds the renderer first.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
