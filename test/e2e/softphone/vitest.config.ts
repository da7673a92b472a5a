import { defineConfig } from 'vitest/config';

// The built-in softphone against a real Kamailio, in real Chromium. Run inside a network namespace
// with only loopback up (test/sip/in-netns.sh), so WebRTC media stays on 127.0.0.1: see
// `npm run test:e2e`, which builds the renderer first.
export default defineConfig({
  test: {
    name: 'softphone-e2e',
    environment: 'node',
    include: ['test/e2e/softphone/**/*.sip.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
