import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts'],
    globalSetup: ['test/unit/cliBundleSetup.ts'],
    testTimeout: 60_000,
  },
});
