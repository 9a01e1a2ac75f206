import { describe, expect, it } from 'vitest';
import { Coalescer } from '../../src/flows/coalescer.js';

/** A run per key that waits until released, recording the state it read. */
function harness(readFirst: boolean) {
  let state = 0;
  const reads: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const gates: Array<() => void> = [];
  const c = new Coalescer<string>(async (_key, reading) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const read = () => (reading(), reads.push(state));
    if (readFirst) read();
    await new Promise<void>((r) => gates.push(r));
    if (!readFirst) read();
    inFlight -= 1;
  });
  const release = async () => {
    await new Promise((r) => setImmediate(r));
    gates.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { c, reads, change: () => (state += 1), release, maxInFlight: () => maxInFlight };
}

describe('Coalescer', () => {
  it('folds a burst into one run in flight and one waiting, and the waiting one reads the latest state', async () => {
    const h = harness(true);
    const first = h.c.request('card');
    const later = Array.from({ length: 10 }, () => (h.change(), h.c.request('card')));
    await h.release();
    await first;
    await h.release();
    await Promise.all(later);
    expect(h.reads).toEqual([0, 10]);
    expect(h.maxInFlight()).toBe(1);
  });

  it('requests made while a run waited for its turn (before it read) are served by that run', async () => {
    const h = harness(false);
    const all = [h.c.request('card'), ...Array.from({ length: 5 }, () => (h.change(), h.c.request('card')))];
    await h.release();
    await Promise.all(all);
    expect(h.reads).toEqual([5]);
  });

  it('keys are independent', async () => {
    const h = harness(true);
    const a = h.c.request('a');
    const b = h.c.request('b');
    expect(h.c.busyKeys).toBe(2);
    await h.release();
    await h.release();
    await Promise.all([a, b]);
    expect(h.reads).toHaveLength(2);
    expect(h.c.busyKeys).toBe(0);
  });
});
