import { heldSetupLeases, releaseSetup, unfinishedSetups } from '../store/breaches.js';
import { runSetup, type SetupContext } from './declare-setup.js';
import { isDeadLocalOwner } from './lease-owner.js';

/**
 * Resumes declarations whose setup stopped: at start-up (a crash between two steps) and then
 * periodically (a replica that died while holding a setup lease). Steps already done are skipped.
 */
export function startSetupSweeper(ctx: SetupContext, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let first = true;
  const sweep = async () => {
    // Right after start-up every unfinished setup is retried (someone may have fixed the cause);
    // later sweeps leave failed ones to the Retry button.
    if (first) {
      // A previous run of this bot killed mid-setup still "holds" its lease: free it now rather
      // than wait for it to expire.
      for (const lease of await heldSetupLeases(ctx.db)) {
        if (isDeadLocalOwner(lease.owner, ctx.owner)) await releaseSetup(ctx.db, lease.id, lease.owner, false);
      }
    }
    const todo = await unfinishedSetups(ctx.db, { includeFailed: first });
    first = false;
    for (const b of todo) {
      if (stopped) return;
      await runSetup(ctx, b.id).catch((err) => ctx.logger.warn(`resuming setup of ${b.reference} failed:`, (err as Error).message));
    }
  };
  const tick = () => {
    running = running.then(sweep).catch((err) => ctx.logger.warn('setup sweep failed:', (err as Error).message));
  };
  tick();
  const timer = intervalMs > 0 ? setInterval(tick, intervalMs) : undefined;
  timer?.unref();
  return {
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
