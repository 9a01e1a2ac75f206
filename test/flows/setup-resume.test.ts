import { afterEach, describe, expect, it, vi } from 'vitest';
import { SetupResumer } from '../../src/flows/setup-resume.js';

/*
 * A setup cut by Slack being busy or the database restarting is tried again within seconds, a few
 * times, before the periodic sweep takes over (src/flows/setup-resume.ts).
 */
describe('quick resumption of a deferred setup', () => {
  afterEach(() => vi.useRealTimers());

  it('tries again after 2, 4, 8 and 16 seconds, then leaves it to the sweep', async () => {
    vi.useFakeTimers();
    const resumed: Array<{ id: string; at: number }> = [];
    const start = Date.now();
    const resumer = new SetupResumer(async (id) => void resumed.push({ id, at: Date.now() - start }));
    const tries: Array<number | null> = [];
    for (let i = 0; i < 5; i += 1) {
      tries.push(resumer.soon('b1'));
      await vi.advanceTimersByTimeAsync(20_000);
    }
    expect(tries).toEqual([1, 2, 3, 4, null]);
    // Each try runs its delay after it was asked for (asked at 0, 20 s, 40 s, 60 s).
    expect(resumed.map((r) => r.at)).toEqual([2_000, 24_000, 48_000, 76_000]);
    expect(resumed.every((r) => r.id === 'b1')).toBe(true);
    // After the sweep took over, a new deferral starts the quick tries again.
    expect(resumer.soon('b1')).toBe(1);
    resumer.stop();
  });

  it('starts over once the setup settles, counts each breach apart, and runs nothing after stop', async () => {
    vi.useFakeTimers();
    const resumed: string[] = [];
    const resumer = new SetupResumer(async (id) => void resumed.push(id));
    expect(resumer.soon('a')).toBe(1);
    expect(resumer.soon('a')).toBe(2);
    expect(resumer.soon('b')).toBe(1);
    resumer.settled('a');
    expect(resumer.soon('a')).toBe(1);
    resumer.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(resumed).toEqual([]);
    expect(resumer.soon('c')).toBeNull();
  });

  it('a failing resumption does not escape (the sweep still has it)', async () => {
    vi.useFakeTimers();
    const resumer = new SetupResumer(async () => {
      throw new Error('database restarting');
    });
    resumer.soon('a');
    await vi.advanceTimersByTimeAsync(3_000);
    resumer.stop();
  });
});
