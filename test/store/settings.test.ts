import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/client.js';
import { DEFAULT_REMINDER_SCHEDULE } from '../../src/domain/reminder-plan.js';
import type { SettingsUpdate } from '../../src/domain/settings-form.js';
import { homeViewersSince, recordHomeViewer } from '../../src/store/home-viewers.js';
import { getOrganisation, getOrgSettings, getReminderSchedule, saveOrgSettings } from '../../src/store/settings.js';
import { describeEachDatabase } from '../support/databases.js';

const seeds = { seeds: { dpoUserIds: ['U0SEED'], responderGroupId: 'S0SEED' } };
const update: SettingsUpdate = {
  organisation: { name: 'Example Kommune', cvr: '12345678', address: 'Rådhuspladsen 1', dpo: { name: 'Dina', email: 'dpo@example.dk', phone: null } },
  dpoUserIds: ['U0DPO1', 'U0DPO2'],
  responderGroupId: null,
  countdownHours: [24, 2],
  overdueEveryHours: 6,
  archiveOnClose: true,
  languages: { drafting: ['en'], writing: 'en' },
};

describeEachDatabase('settings store', ({ freshDatabase }) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = openDb(await freshDatabase());
  });
  afterAll(() => h.close());

  it('starts from the environment seeds and the default reminder schedule', async () => {
    const s = await getOrgSettings(h.db, seeds);
    expect(s).toMatchObject({ dpoUserIds: ['U0SEED'], responderGroupId: 'S0SEED', reminderSchedule: DEFAULT_REMINDER_SCHEDULE });
    expect(s.organisation.name).toBeNull();
    expect(await getReminderSchedule(h.db, seeds)).toEqual(DEFAULT_REMINDER_SCHEDULE);
  });

  it('saves the form: stored values override the seeds (a removed group stays removed) and an event records before and after', async () => {
    const at = new Date('2026-11-20T09:00:00Z');
    const { before, after } = await saveOrgSettings(h.db, seeds, update, { actor: 'U0ADMIN', now: at, submission: 'view:V1' });
    expect(before.dpoUserIds).toEqual(['U0SEED']);
    expect(before.archiveOnClose).toBe(false);
    const s = await getOrgSettings(h.db, seeds);
    expect(s).toEqual(after);
    expect(s.dpoUserIds).toEqual(['U0DPO1', 'U0DPO2']);
    expect(s.responderGroupId).toBeNull();
    expect(s.archiveOnClose).toBe(true);
    expect(await getReminderSchedule(h.db, seeds)).toEqual({ countdownHours: [24, 2], atDeadline: true, overdueEveryHours: 6 });
    expect(await getOrganisation(h.db)).toEqual(update.organisation);

    const events = await h.sql`select breach_id, actor, type, data, at from breach_events where type = 'settings_changed'`;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ breach_id: null, actor: 'U0ADMIN' });
    expect(events[0]!.data.before.dpoUserIds).toEqual(['U0SEED']);
    expect(events[0]!.data.after.organisation.cvr).toBe('12345678');
    const [row] = await h.sql`select updated_by from settings where key = 'org'`;
    expect(row!.updated_by).toBe('U0ADMIN');
  });

  it('falls back to the default schedule when the stored one is damaged', async () => {
    await h.sql`update settings set value = jsonb_set(value, '{reminderSchedule}', '{"countdownHours": "soon"}') where key = 'org'`;
    expect(await getReminderSchedule(h.db, seeds)).toEqual(DEFAULT_REMINDER_SCHEDULE);
  });

  it('remembers Home viewers with the time they last opened it', async () => {
    await recordHomeViewer(h.db, 'U1', new Date('2026-11-01T00:00:00Z'));
    await recordHomeViewer(h.db, 'U2', new Date('2026-11-19T00:00:00Z'));
    await recordHomeViewer(h.db, 'U1', new Date('2026-11-20T00:00:00Z'));
    expect(await homeViewersSince(h.db, new Date('2026-11-13T00:00:00Z'))).toEqual(['U2', 'U1']);
    expect(await homeViewersSince(h.db, new Date('2026-11-19T12:00:00Z'))).toEqual(['U1']);
  });
});
