import { configDefaults, defineConfig } from 'vitest/config';
import { isDriverTypeFetchFailure } from './src/db/driver-quirks.js';

export default defineConfig({
  test: {
    // Only postgres.js's own uncatchable rejection when a test database is dropped while a new
    // connection reads the type catalogue (src/db/driver-quirks.ts); every other unhandled error fails the run.
    onUnhandledError: (error) => !isDriverTypeFetchFailure(error),
    include: ['test/**/*.test.ts'],
    // The resilience suite kills processes and restarts servers: `npm run test:resilience`.
    exclude: [...configDefaults.exclude, 'test/resilience/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: more workers only fight over CPU and skew ack timings.
    maxWorkers: 2,
  },
});
