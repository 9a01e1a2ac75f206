import type { LanguageSettings } from './language.js';
import type { ReminderSchedule } from './reminder-plan.js';
import type { Organisation } from './settings-form.js';
import type { RegimeSettings } from './regimes/types.js';

/** The organisation's breach-response settings. Kept in the database; environment variables seed them. */
export interface OrgSettings {
  dpoUserIds: string[];
  responderGroupId: string | null;
  /** Organisation and DPO contact details for the notices; edited in the App Home, not seeded. */
  organisation: Organisation;
  reminderSchedule: ReminderSchedule;
  /** Archive a breach's channel when it is closed (the record stays in the register either way). */
  archiveOnClose: boolean;
  /** The languages drafted and the language the team writes in (DEFAULT_LANGUAGES until changed). */
  languages: LanguageSettings;
  /** Where the organisation is established and a NIS2 entity: which reporting regimes may apply (DEFAULT_REGIME_SETTINGS until changed). */
  regimes: RegimeSettings;
}
