/**
 * Work a listener starts after it has acked (setup steps, card updates). Tracked so shutdown
 * waits for it instead of cutting a half-written step off from its database.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly onError: (err: unknown) => void) {}

  run(task: () => Promise<unknown>): void {
    const p = task().catch(this.onError);
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  /** Waits for everything started so far, up to `timeoutMs`. */
  async drain(timeoutMs = 10_000): Promise<void> {
    const all = Promise.allSettled([...this.running]);
    await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }

  get size(): number {
    return this.running.size;
  }
}
