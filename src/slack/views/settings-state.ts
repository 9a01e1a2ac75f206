import type { SettingsFormInput } from '../../domain/settings-form.js';
import { settingsAction, type SettingsFieldId } from '../ids.js';
import type { ViewStateValues } from './declare-state.js';

/** Reads the settings modal's state into plain values. Missing or cleared values become null. */
export function readSettingsState(values: ViewStateValues): SettingsFormInput {
  const el = (f: SettingsFieldId) => values[f]?.[settingsAction(f)];
  const str = (f: SettingsFieldId) => el(f)?.value ?? null;
  return {
    orgName: str('orgName'),
    cvr: str('cvr'),
    address: str('address'),
    dpoName: str('dpoName'),
    dpoEmail: str('dpoEmail'),
    dpoPhone: str('dpoPhone'),
    dpoUserIds: el('dpoUserIds')?.selected_users ?? [],
    responderGroupId: str('responderGroupId'),
    countdownHours: str('countdownHours'),
    overdueEveryHours: str('overdueEveryHours'),
    archiveOnClose: (el('archiveOnClose')?.selected_options ?? []).some((o) => o.value === 'archive'),
    draftingLanguages: (el('draftingLanguages')?.selected_options ?? []).map((o) => o.value),
    writingLanguage: el('writingLanguage')?.selected_option?.value ?? null,
    // Absent from the state (a form opened before the boxes existed): the stored regimes are kept.
    ...(el('regimeOptions') ? { regimeOptions: (el('regimeOptions')?.selected_options ?? []).map((o) => o.value) } : {}),
  };
}
