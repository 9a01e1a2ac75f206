import { defineConfig } from 'vitest/config';
import { isDriverTypeFetchFailure } from './src/db/driver-quirks.js';

/**
 * `npm run test:resilience`: crashes, database restarts, Slack storms, replicas and bad requests
 * (test/resilience/). Not part of `npm test`. The scenarios kill and time real processes, so they
 * run one file at a time.
 */
export default defineConfig({
  test: {
    // Only postgres.js's own uncatchable rejection when a test database is dropped while a new
    // connection reads the type catalogue (src/db/driver-quirks.ts); every other unhandled error fails the run.
    onUnhandledError: (error) => !isDriverTypeFetchFailure(error),
    include: ['test/resilience/**/*.test.ts'],
    // The files skip themselves without it, so that `npm test` (which includes test/**) passes them by.
    env: { BREACHBOT_RESILIENCE: '1' },
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
