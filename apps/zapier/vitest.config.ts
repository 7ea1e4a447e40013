import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file starts its own simulator; the CLI tests spawn Node 24 and are slow, so keep files apart.
    fileParallelism: false,
    hookTimeout: 120_000,
  },
});
