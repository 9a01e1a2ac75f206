/**
 * Folds repeated requests for the same key into as few runs as keep the result current: at most
 * one run per key at a time and one more waiting, which starts when the running one ends and so
 * reads the latest state. A request resolves when a run that read the state after it has finished,
 * so whoever awaits it knows its change is shown. A run says when it reads (`reading()`): requests
 * made while it waited for its turn are covered by it too. Used for card refreshes (chat.update,
 * Tier 3) and Home publishes (views.publish, Tier 4): a burst of changes costs two calls, not one each.
 */
export class Coalescer<K> {
  /** Per key: the requests waiting for the next run. The key is present while a run is going. */
  private readonly waiting = new Map<K, Array<() => void>>();
  private readonly loops = new Set<Promise<void>>();

  /**
   * `work` must not throw: it logs its own failures (the next request tries again). It calls
   * `reading()` just before it reads the state it will show; if it never does, every request made
   * before it ended counts as served (it found nothing to do).
   */
  constructor(private readonly work: (key: K, reading: () => void) => Promise<void>) {}

  request(key: K): Promise<void> {
    return new Promise<void>((resolve) => {
      const queue = this.waiting.get(key);
      if (queue) return void queue.push(resolve);
      this.waiting.set(key, [resolve]);
      const loop = this.loop(key);
      this.loops.add(loop);
      void loop.finally(() => this.loops.delete(loop));
    });
  }

  /** Runs in flight or waiting, over all keys (for tests and metrics). */
  get busyKeys(): number {
    return this.waiting.size;
  }

  /** Waits for every run requested so far, up to `timeoutMs`. */
  async drain(timeoutMs = 10_000): Promise<void> {
    const all = Promise.allSettled([...this.loops]);
    await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }

  private async loop(key: K): Promise<void> {
    for (;;) {
      if ((this.waiting.get(key) ?? []).length === 0) {
        this.waiting.delete(key);
        return;
      }
      let served: Array<() => void> | undefined;
      const reading = () => {
        if (served) return;
        served = this.waiting.get(key) ?? [];
        this.waiting.set(key, []);
      };
      await this.work(key, reading).catch(() => {});
      reading();
      for (const resolve of served!) resolve();
    }
  }
}
