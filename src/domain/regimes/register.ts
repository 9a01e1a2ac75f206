import type { StageClock } from './clocks.js';
import type { RegimeProfile } from './types.js';

/** The regime's register columns for one breach: header and cell text (ISO 8601 UTC, as stored). */
export function registerCells(regime: RegimeProfile, clocks: readonly StageClock[]): Array<{ header: string; value: string }> {
  return regime.registerColumns.map((column) => {
    const clock = clocks.find((c) => c.regime === regime.id && c.stage === column.stage);
    const value = !clock ? '' : column.show === 'status' ? clock.status : ((column.show === 'due' ? clock.dueAt : clock.recordedAt)?.toISO() ?? '');
    return { header: column.header, value };
  });
}
