import type { Logger } from '@slack/bolt';
import { within } from '../time-limit.js';

export interface HealthState {
  ok: boolean;
  /** When the last check finished (ms since epoch); 0 before the first. */
  checkedAt: number;
}

/**
 * The database check behind `GET /healthz`, run on a timer instead of per request: a load
 * balancer probing every second, or anyone hammering the public port, costs no database query.
 * A check that hangs counts as failed after `timeoutMs`; an answer older than three intervals
 * (the timer stopped, the event loop stalled) is not trusted.
 */
export class HealthCache {
  private state: HealthState = { ok: false, checkedAt: 0 };
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly check: () => Promise<boolean>,
    private readonly opts: { intervalMs: number; timeoutMs?: number; logger: Pick<Logger, 'warn'>; now?: () => number },
  ) {}

  /** Runs the first check (awaited, so /healthz is right from the start) and then every interval. */
  async start(): Promise<void> {
    await this.refresh();
    if (this.stopped) return; // stopped while the first check ran (a start-up that failed meanwhile)
    this.timer = setInterval(() => void this.refresh(), this.opts.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One check at a time: a slow database does not get a queue of them. */
  refresh(): Promise<void> {
    this.running ??= this.runCheck().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runCheck(): Promise<void> {
    const timeoutMs = this.opts.timeoutMs ?? 2_000;
    let ok = false;
    try {
      const answer = await within(this.check(), timeoutMs, () => 'timed out' as const);
      if (answer === 'timed out') this.opts.logger.warn(`health check failed: timed out after ${timeoutMs} ms`);
      else ok = answer;
    } catch (err) {
      this.opts.logger.warn('health check failed:', (err as Error).message);
    }
    this.state = { ok, checkedAt: this.now() };
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** The cached answer; stale answers are unhealthy. */
  current(): HealthState {
    const fresh = this.now() - this.state.checkedAt <= 3 * this.opts.intervalMs;
    return { ok: this.state.ok && fresh, checkedAt: this.state.checkedAt };
  }
}
