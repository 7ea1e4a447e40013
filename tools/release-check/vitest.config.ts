import { defineConfig } from 'vitest/config';

// One file, one process: the checks share one packing and run one after the other (npm is the slow part).
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false },
});
