import { defineConfig } from 'vitest/config';

// End-to-end journeys in Debian's Chromium against the built app and server (`npm run build` first).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
