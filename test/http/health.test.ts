import { describe, expect, it } from 'vitest';
import { HealthCache } from '../../src/http/health.js';

const quiet = { warn() {} };

describe('the cached health check behind /healthz', () => {
  it('asks the database on its timer, not once per request', async () => {
    let checks = 0;
    const cache = new HealthCache(async () => (checks++, true), { intervalMs: 60_000, logger: quiet });
    await cache.start();
    for (let i = 0; i < 1000; i++) expect(cache.current().ok).toBe(true);
    expect(checks).toBe(1);
    cache.stop();
  });

  it('runs one check at a time, however many refreshes are asked for', async () => {
    let checks = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const cache = new HealthCache(async () => (checks++, await gate, true), { intervalMs: 60_000, logger: quiet });
    const all = Promise.all([cache.refresh(), cache.refresh(), cache.refresh()]);
    release();
    await all;
    expect(checks).toBe(1);
  });

  it('is unhealthy before the first check, when the check fails or hangs, and when the answer is stale', async () => {
    let now = 1_000_000;
    let answer: () => Promise<boolean> = async () => true;
    const cache = new HealthCache(() => answer(), { intervalMs: 1_000, timeoutMs: 50, logger: quiet, now: () => now });
    expect(cache.current().ok).toBe(false);
    await cache.refresh();
    expect(cache.current().ok).toBe(true);
    now += 3_001;
    expect(cache.current().ok).toBe(false);
    await cache.refresh();
    expect(cache.current().ok).toBe(true);
    answer = async () => {
      throw new Error('connection refused');
    };
    await cache.refresh();
    expect(cache.current().ok).toBe(false);
    answer = () => new Promise(() => {});
    await cache.refresh();
    expect(cache.current().ok).toBe(false);
  });
});
