import { defineConfig } from 'vitest/config';

// Each file starts its own simulator and server processes; two at a time is what a 2-core machine takes well.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, maxWorkers: 2 },
});
