import { eq, sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { settings } from '../db/schema.js';
import { DEFAULT_REMINDER_SCHEDULE, reminderScheduleSchema, type ReminderSchedule } from '../domain/reminder-plan.js';
import { readLanguageSettings, type LanguageSettings } from '../domain/language.js';
import type { OrgSettings } from '../domain/org-settings.js';
import { readOrganisation, readRegimeSettings, scheduleFrom, type Organisation, type SettingsUpdate } from '../domain/settings-form.js';
import { eventOfSubmission } from './breach-lock.js';
import { appendEvent } from './events.js';


const KEY = 'org';

async function storedSettings(db: Pick<Db, 'select'>): Promise<Partial<OrgSettings>> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  return (row?.value ?? {}) as Partial<OrgSettings>;
}

export async function getOrgSettings(db: Pick<Db, 'select'>, config: Pick<Config, 'seeds'>): Promise<OrgSettings> {
  const stored = await storedSettings(db);
  return {
    dpoUserIds: stored.dpoUserIds ?? config.seeds.dpoUserIds,
    // `in`, not `??`: a group the DPO removed stays removed instead of falling back to the seed.
    responderGroupId: 'responderGroupId' in stored ? (stored.responderGroupId ?? null) : (config.seeds.responderGroupId ?? null),
    organisation: readOrganisation(stored.organisation),
    reminderSchedule: readSchedule(stored.reminderSchedule),
    archiveOnClose: stored.archiveOnClose === true,
    languages: readLanguageSettings(stored.languages),
    regimes: readRegimeSettings(stored.regimes),
  };
}

/** A stored schedule that no longer validates (a hand-edited row) falls back to the default, not a crash. */
function readSchedule(stored: unknown): ReminderSchedule {
  const parsed = reminderScheduleSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_REMINDER_SCHEDULE;
}

/** The reminder schedule for the reminder flow (DEFAULT_REMINDER_SCHEDULE until the DPO changes it). */
export async function getReminderSchedule(db: Pick<Db, 'select'>, config: Pick<Config, 'seeds'>): Promise<ReminderSchedule> {
  return (await getOrgSettings(db, config)).reminderSchedule;
}

/** The organisation and DPO contact details for the notices (notices/facts.ts `organisation`). */
export async function getOrganisation(db: Pick<Db, 'select'>): Promise<Organisation> {
  return readOrganisation((await storedSettings(db)).organisation);
}

/** The organisation's languages, for the drafts and the Update facts modal. */
export async function getLanguageSettings(db: Pick<Db, 'select'>): Promise<LanguageSettings> {
  return readLanguageSettings((await storedSettings(db)).languages);
}

/**
 * Saves the settings from the App Home form and writes the `settings_changed` event (before and
 * after, and the submission's key: a replay changes nothing) in one transaction, so a change is never without its audit row. Stored values override
 * the environment's seeds from now on.
 */
export async function saveOrgSettings(
  db: Db,
  config: Pick<Config, 'seeds'>,
  update: SettingsUpdate,
  meta: { actor: string; now: Date; submission: string },
): Promise<{ before: OrgSettings; after: OrgSettings; duplicate: boolean }> {
  return db.transaction(async (tx) => {
    // Settings changes serialise (there may be no row to lock yet), so a replay finds the first one.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('breachbot:settings'))`);
    const before = await getOrgSettings(tx, config);
    if (await eventOfSubmission(tx, 'settings_changed', meta.submission)) return { before, after: before, duplicate: true };
    const after: OrgSettings = {
      dpoUserIds: update.dpoUserIds,
      responderGroupId: update.responderGroupId,
      organisation: update.organisation,
      reminderSchedule: scheduleFrom(update, before.reminderSchedule),
      archiveOnClose: update.archiveOnClose,
      languages: update.languages,
      // A form without the regime choices (an older client) keeps what is stored.
      regimes: update.regimes ?? before.regimes,
    };
    const row = { value: after, updatedAt: meta.now, updatedBy: meta.actor };
    await tx.insert(settings).values({ key: KEY, ...row }).onConflictDoUpdate({ target: settings.key, set: row });
    await appendEvent(tx, { breachId: null, actor: meta.actor, type: 'settings_changed', data: { before, after, submission: meta.submission }, at: meta.now });
    return { before, after, duplicate: false };
  });
}
