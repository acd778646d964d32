import { defineConfig } from 'vitest/config';

/** `npm run test:adoption`: init, the first day, upgrade and the whole test suite on a copy of this repository. */
export default defineConfig({
  test: {
    include: ['tests/adoption/**/*.test.ts'],
    testTimeout: 30 * 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
