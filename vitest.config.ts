import { defineConfig } from 'vitest/config';

// Node for the pure and main-process code, jsdom + fake-indexeddb for the renderer.
// End-to-end tests in real Chromium have their own config (test/e2e/vitest.config.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/shared/**/*.test.ts', 'test/electron/**/*.test.ts', 'test/server/**/*.test.ts', 'test/sip/**/*.test.ts'],
        },
      },
      {
        // A real server on a random port and sync-engine clients on fake-indexeddb.
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: ['fake-indexeddb/auto'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/helpers/rendererSetup.ts'],
        },
      },
    ],
  },
});
