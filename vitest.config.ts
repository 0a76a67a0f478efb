import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Test files share a worker's modules, so the rule set's patterns compile once per worker, not once per file.
    isolate: false,
  },
});
