import type { DeclarationInput } from '../../domain/breach/declaration.js';
import { declareAction, DECLARE_REGIME_ACTION, DECLARE_REGIME_FIELD, type DeclareFieldId } from '../ids.js';

/** `view.state.values` as Slack sends it: block id → action id → element state (slack-rules §2.3). */
export type ViewStateValues = Record<string, Record<string, ElementState | undefined> | undefined>;

interface ElementState {
  type: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_users?: string[] | null;
  selected_options?: Array<{ value: string }> | null;
  selected_date_time?: number | null;
}

/** Reads the Declare modal's state into plain values. Missing or cleared values become null. */
export function readDeclareState(values: ViewStateValues): DeclarationInput {
  const el = (f: DeclareFieldId) => values[f]?.[declareAction(f)];
  const str = (f: DeclareFieldId) => el(f)?.value ?? null;
  const sel = (f: DeclareFieldId) => el(f)?.selected_option?.value ?? null;
  return {
    title: str('title'),
    description: str('description'),
    awareAt: el('awareAt')?.selected_date_time ?? null,
    startedAt: el('startedAt')?.selected_date_time ?? null,
    discovery: str('discovery'),
    role: sel('role'),
    processorHours: str('processorHours'),
    systems: str('systems'),
    ongoing: sel('ongoing'),
    responderIds: el('responderIds')?.selected_users ?? [],
    codename: str('codename'),
    incidentCategory: sel('incidentCategory'),
    detectedAt: el('detectedAt')?.selected_date_time ?? null,
    endedAt: el('endedAt')?.selected_date_time ?? null,
    reporterFunction: str('reporterFunction'),
  };
}

/**
 * The answer to the regime question (a significant NIS2 incident?): true, false, or null when it was
 * "Not known yet" or not asked (the modal had no question, or adding it failed): the regime's
 * verdict then decides, and an open question counts as applying.
 */
export function readRegimeAnswer(values: ViewStateValues): boolean | null {
  const v = values[DECLARE_REGIME_FIELD]?.[DECLARE_REGIME_ACTION]?.selected_option?.value;
  return v === 'yes' ? true : v === 'no' ? false : null;
}
