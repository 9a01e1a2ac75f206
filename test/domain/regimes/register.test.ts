/**
 * The NIS2 columns of the register come from the recorded stages: when the early warning and the
 * notification were given, and the final report's due time, which is one month after the recorded
 * notification (and not shown while it can only be counted provisionally).
 */

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { clocksFor, NIS2_DK, registerCells, type RecordedStage } from '../../../src/domain/regimes/index.js';

const awareAt = DateTime.fromISO('2026-01-30T09:00', { zone: 'Europe/Copenhagen' });
const at = (hours: number) => awareAt.plus({ hours });
const done = (stage: string, hours: number): RecordedStage => ({ regime: 'nis2-dk', stage, at: at(hours) });
const cells = (recorded: RecordedStage[], now = at(1)) =>
  registerCells(NIS2_DK, clocksFor({ regimes: [NIS2_DK], awareAt, role: 'processor', recorded, now }));

describe('the NIS2 register columns', () => {
  it('are empty before anything is recorded: the final report has no due time until the notification is given', () => {
    expect(cells([])).toEqual([
      { header: 'NIS2 early warning (UTC)', value: '' },
      { header: 'NIS2 incident notification (UTC)', value: '' },
      { header: 'NIS2 final report due (UTC)', value: '' },
      { header: 'NIS2 final report (UTC)', value: '' },
    ]);
  });

  it('show the early warning and the notification as recorded, and the final report due one calendar month after the notification', () => {
    // Notified 1 Feb 2026 at 15:00 Copenhagen time (14:00 UTC): due 1 March at 15:00 Copenhagen time, whatever the role.
    expect(cells([done('early_warning', 20), done('incident_notification', 54)], at(60))).toEqual([
      { header: 'NIS2 early warning (UTC)', value: '2026-01-31T04:00:00.000Z' },
      { header: 'NIS2 incident notification (UTC)', value: '2026-02-01T14:00:00.000Z' },
      { header: 'NIS2 final report due (UTC)', value: '2026-03-01T14:00:00.000Z' },
      { header: 'NIS2 final report (UTC)', value: '' },
    ]);
  });

  it('count the final report from the earliest recorded notification, and show the final report once recorded', () => {
    const values = cells([done('incident_notification', 70), done('incident_notification', 30), done('final_report', 400)], at(500)).map((c) => c.value);
    // The notification recorded twice (a correction): the first one counts, 31 Jan 15:00 UTC + 1 month = 28 Feb (the month is shorter).
    expect(values).toEqual(['', '2026-01-31T14:00:00.000Z', '2026-02-28T14:00:00.000Z', '2026-02-16T00:00:00.000Z']);
  });
});
