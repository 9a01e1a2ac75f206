import { DateTime, Duration, type DurationLike } from 'luxon';

/**
 * The one source of "now" for domain code. Everything that needs the time takes a Clock, so tests
 * move time with a manual clock instead of sleeping, and the database stays in UTC.
 */
export interface Clock {
  /** The current instant, always in UTC. */
  now(): DateTime;
}

export const systemClock: Clock = {
  now: () => DateTime.utc(),
};

export interface ManualClock extends Clock {
  /** Jump to an instant (ISO string or DateTime). Going backwards is allowed: tests may need it. */
  set(to: DateTime | string): void;
  /** Move forward (or back, with a negative duration) by a duration, e.g. `{ hours: 12 }`. */
  advance(by: DurationLike): void;
}

function toValidUtc(value: DateTime | string): DateTime {
  const dt = typeof value === 'string' ? DateTime.fromISO(value, { zone: 'utc' }) : value;
  if (!dt.isValid) {
    throw new RangeError(`invalid time for clock: ${String(value)} (${dt.invalidExplanation ?? ''})`);
  }
  return dt.toUTC();
}

export function manualClock(start: DateTime | string): ManualClock {
  let current = toValidUtc(start);
  return {
    now: () => current,
    set(to) {
      current = toValidUtc(to);
    },
    advance(by) {
      const step = Duration.fromDurationLike(by);
      if (!step.isValid) throw new RangeError(`invalid duration: ${JSON.stringify(by)}`);
      current = current.plus(step);
    },
  };
}
