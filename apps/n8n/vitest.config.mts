import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One n8n-workflow, the CommonJS build: vitest inlines the ESM one slowly and noisily.
    alias: { 'n8n-workflow': require.resolve('n8n-workflow') },
  },
  test: {
    include: ['test/**/*.test.mts'],
    pool: 'forks',
  },
});
