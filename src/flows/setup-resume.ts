/*
 * Quick resumption of a setup cut by a failure that passes by itself (Slack answering 5xx or 429, the
 * database restarting): the setup is tried again after 2, 4, 8 and 16 seconds in this process, so
 * a declaration made during a short Slack outage has its channel seconds after Slack recovers, not
 * at the next periodic sweep (30 s). After those tries the periodic sweep (setup-sweeper.ts) takes
 * over, as it does for a replica that died. Another replica may resume it first: the setup lease
 * makes a second run find the work done or held ('busy'), so nothing is done twice.
 */

export const QUICK_RESUME_DELAYS_MS: readonly number[] = [2_000, 4_000, 8_000, 16_000];

export class SetupResumer {
  private readonly tries = new Map<string, number>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private stopped = false;

  constructor(
    private readonly resume: (breachId: string) => Promise<unknown>,
    private readonly delaysMs: readonly number[] = QUICK_RESUME_DELAYS_MS,
  ) {}

  /**
   * Schedules the next quick try of a deferred setup. Returns which try this is (1 for the first
   * deferral, when the reporter is told it will finish by itself), or null when the quick tries
   * are used up and the periodic sweep takes over.
   */
  soon(breachId: string): number | null {
    const done = this.tries.get(breachId) ?? 0;
    const delay = this.delaysMs[done];
    if (this.stopped || delay === undefined) {
      this.tries.delete(breachId);
      return null;
    }
    this.tries.set(breachId, done + 1);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) void this.resume(breachId).catch(() => {});
    }, delay);
    timer.unref();
    this.timers.add(timer);
    return done + 1;
  }

  /** The setup finished (or failed for good, waiting for Retry): its quick tries start over if it is deferred again. */
  settled(breachId: string): void {
    this.tries.delete(breachId);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
