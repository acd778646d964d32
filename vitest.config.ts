import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Files that replace a Node.js module (vi.mock) for their own tests: they get modules of their own. */
const MOCKING = ['tests/robustness/hostile.test.ts', 'tests/robustness/nothing-lost.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Some hooks build large trees (3,000 records in one folder), which a loaded machine makes slow.
    hookTimeout: 60_000,
    pool: 'forks',
    // Every core: vitest leaves one free by default, which on a two-core machine runs the files one at a time.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'toolkit',
          include: ['tests/**/*.test.ts'],
          // The adoption test runs this whole suite inside a copy of the repository: `npm run test:adoption`.
          exclude: ['tests/adoption/**', ...MOCKING],
          // Test files share each worker's loaded modules instead of loading the toolkit again for
          // every file (a third of the suite's time). They can: every test works on temp copies and
          // local servers, and none replaces a module or changes global state.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'fault injection', include: MOCKING } },
    ],
  },
});
