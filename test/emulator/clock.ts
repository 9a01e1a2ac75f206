/**
 * Emulator time. Trigger expiry (§1.5: 3 s), rate-limit windows (§4.3), scheduled messages
 * (§4.2 chat.scheduleMessage) and message ts all read this clock, so tests can move time
 * without sleeping. Ack timing (§1.4, 3-second rule) is always measured in real time,
 * because it is the bot's real latency that Slack would see.
 */
export type Clock = () => number;

export interface ManualClock extends Clock {
  now(): number;
  /** Move time forward by `ms` and return the new time. */
  advance(ms: number): number;
  set(ms: number): void;
}

/** A clock that only moves when told to. Defaults to 2026-01-15T09:00:00Z. */
export function manualClock(startMs: number = Date.UTC(2026, 0, 15, 9, 0, 0)): ManualClock {
  let t = startMs;
  const fn = (() => t) as ManualClock;
  fn.now = () => t;
  fn.advance = (ms: number) => {
    t += ms;
    return t;
  };
  fn.set = (ms: number) => {
    t = ms;
  };
  return fn;
}
