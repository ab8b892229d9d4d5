import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/previewServer.ts'],
    // Many tests open the app afresh (a browser context of their own); on a shared 2-core machine with
    // software WebGL that alone can take a minute.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
