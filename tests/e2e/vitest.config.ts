import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Bounds for a loaded machine, where a full e2e test has taken 45 s; a quick run never nears them.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // One Chromium and one host per test, one test at a time: the build machine has two cores.
    fileParallelism: false,
  },
});
