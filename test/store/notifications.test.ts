import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { recordNotification } from '../../src/store/notifications.js';
import { describeEachDatabase } from '../support/databases.js';
import { storedBreach, useStoreDb } from '../support/stored-breach.js';

const now = DateTime.fromISO('2026-11-20T12:00:00Z', { zone: 'utc' });

describeEachDatabase('notification store', ({ freshDatabase }) => {
  const db = useStoreDb(freshDatabase);
  const breach = (key: string) => storedBreach(db.h, key, now.toJSDate());
  const value = (completeness: 'complete' | 'initial' | 'supplement') =>
    ({ submittedAt: now.minus({ hours: 1 }), method: 'online_form', reference: null, completeness, notes: null }) as const;

  it('the same submission delivered twice records once', async () => {
    const b = await breach('V-twice');
    const r = { breachId: b.id, actor: 'U0DPO', now, submission: 'view:V9', value: value('initial') };
    const first = await recordNotification(db.h.db, r);
    const second = await recordNotification(db.h.db, r);
    expect(first).toMatchObject({ ok: true, duplicate: false, scheduled: ['phased-1'] });
    expect(second).toMatchObject({ ok: true, duplicate: true });
    expect(second.ok && first.ok && second.row.id).toBe(first.ok && first.row.id);
    expect(await db.h.sql`select 1 from notifications where breach_id = ${b.id}`).toHaveLength(1);
    expect(await db.h.sql`select 1 from breach_events where breach_id = ${b.id} and type = 'notification_recorded'`).toHaveLength(1);
  });

  it('refuses a supplement with nothing to supplement, and anything on a closed breach, writing nothing', async () => {
    const b = await breach('V-refused');
    expect(await recordNotification(db.h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:A', value: value('supplement') })).toMatchObject({ ok: false, why: 'no_earlier' });
    await db.h.sql`update breaches set closed_at = now(), status = 'closed' where id = ${b.id}`;
    expect(await recordNotification(db.h.db, { breachId: b.id, actor: 'U0DPO', now, submission: 'view:B', value: value('complete') })).toMatchObject({ ok: false, why: 'closed' });
    expect(await db.h.sql`select 1 from notifications where breach_id = ${b.id}`).toHaveLength(0);
    expect(await db.h.sql`select 1 from breach_events where breach_id = ${b.id} and type = 'notification_recorded'`).toHaveLength(0);
  });
});
