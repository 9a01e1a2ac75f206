import type { StageClock } from './clocks.js';
import type { RegimeProfile, RegisterColumn } from './types.js';

/**
 * The regime's register columns for one breach: header and cell text (ISO 8601 UTC, as stored).
 * A provisional due time (NIS2's final report before the notification is recorded) is left empty:
 * it is not a due time yet, and it is later than the real one will be if the earlier stage is done
 * early, so a register must not show it as the deadline.
 */
export function registerCells(regime: RegimeProfile, clocks: readonly StageClock[]): Array<{ header: string; value: string }> {
  return regime.registerColumns.map((column) => {
    const clock = clocks.find((c) => c.regime === regime.id && c.stage === column.stage);
    return { header: column.header, value: clock ? cell(clock, column.show) : '' };
  });
}

function cell(clock: StageClock, show: RegisterColumn['show']): string {
  if (show === 'status') return clock.status;
  if (show === 'recorded') return clock.recordedAt?.toISO() ?? '';
  return clock.provisional ? '' : (clock.dueAt?.toISO() ?? '');
}
