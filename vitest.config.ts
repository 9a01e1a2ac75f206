import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
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
