import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts'],
    globalSetup: ['test/unit/cliBundleSetup.ts'],
    // Two files at a time on the 2-core machines (Vitest's default there is one): many tests wait on
    // CLI child processes. No test asserts a time; the timeout only catches a hang, so it allows for
    // a file sharing the cores with another.
    maxWorkers: 2,
    testTimeout: 180_000,
  },
});
