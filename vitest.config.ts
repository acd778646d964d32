import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The adoption test runs this whole suite inside a copy of the repository: `npm run test:adoption`.
    exclude: ['tests/adoption/**', 'node_modules/**'],
    testTimeout: 30_000,
    pool: 'forks',
    // Every core: vitest leaves one free by default, which on a two-core machine runs the files one at a time.
    maxWorkers: availableParallelism(),
  },
});
