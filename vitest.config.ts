import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['harness/**/*.test.ts', 'reference/**/*.test.ts', 'test/**/*.test.ts'],
    // Each test grades real Python servers; deadlines live in the harness, not here.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The tests run the CLI as a child process: on GitHub Actions it would otherwise print annotations into
    // the outputs under test and append to this job's own summary. Tests that want them set them.
    env: { GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' },
    // A run left ~40 folders in /tmp; now one, removed at the end.
    globalSetup: ['test/helpers/scratch-root.ts'],
  },
});
