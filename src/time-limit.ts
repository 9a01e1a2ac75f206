/**
 * `work`'s answer, or `late()`'s when `work` takes longer than `ms`. The work itself goes on and its
 * answer is then dropped: for reads whose answer is only useful in time (a check before Slack's
 * 3 s ack, a health probe). Plain Node, no Slack: any layer may use it.
 */
export async function within<T, L>(work: Promise<T>, ms: number, late: () => L): Promise<T | L> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<L>((resolve) => {
    timer = setTimeout(() => resolve(late()), Math.max(0, ms));
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
