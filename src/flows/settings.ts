import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { LanguageSettings } from '../domain/language.js';
import type { OrgSettings } from '../domain/org-settings.js';
import type { SettingsUpdate } from '../domain/settings-form.js';
import { getLanguageSettings, getOrgSettings, saveOrgSettings } from '../store/settings.js';

/*
 * The organisation's settings (App Home → Edit settings) for the Slack side: it reads and saves them
 * here, never in the store (../shared/design/layout.md: slack → flows → store).
 */

export interface SettingsContext {
  db: Db;
  config: Pick<Config, 'seeds'>;
}

/** The settings in force: as stored, with the environment's seeds where nothing is stored yet. */
export function currentSettings(ctx: SettingsContext): Promise<OrgSettings> {
  return getOrgSettings(ctx.db, ctx.config);
}

/** The languages drafted and the language the team writes in. */
export function currentLanguages(ctx: Pick<SettingsContext, 'db'>): Promise<LanguageSettings> {
  return getLanguageSettings(ctx.db);
}

/**
 * Saves a validated settings form with its audit event; a replayed submission (the same key)
 * changes nothing more. Throws when the database cannot be reached.
 */
export async function saveSettings(
  ctx: SettingsContext,
  update: SettingsUpdate,
  meta: { actor: string; now: Date; submission: string },
): Promise<void> {
  await saveOrgSettings(ctx.db, ctx.config, update, meta);
}
