import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['harness/**/*.test.ts', 'reference/**/*.test.ts', 'test/**/*.test.ts'],
    // Each test grades real Python servers; deadlines live in the harness, not here.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
