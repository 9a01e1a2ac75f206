import type { DateTime } from 'luxon';
import { checkWhen, REFERENCE_MAX, type Check, type RecordingContext } from '../notification-form.js';
import { recordable, regimeStream } from './breach-regimes.js';
import type { StageClock } from './clocks.js';

/*
 * "Record a report" for a regime other than the GDPR (NIS2's stages, the ICO report), validated as
 * a form with each problem at its field. Pure: the Slack layer reads the modal, the store writes.
 */

export interface StageFormInput {
  /** `<regime>:<stage>`, one of the stages offered. */
  stage: string | null;
  /** Unix seconds from the datetimepicker. */
  doneAt: number | null;
  reference: string | null;
}

export type StageField = keyof StageFormInput;

export interface StageValue {
  clock: StageClock;
  doneAt: DateTime;
  reference: string | null;
}

/** The stages a breach can record now: they apply and are not recorded yet, in the clocks' order. */
export function stagesToRecord(clocks: readonly StageClock[]): StageClock[] {
  return clocks.filter(recordable);
}

export function checkStageForm(input: StageFormInput, ctx: RecordingContext & { clocks: readonly StageClock[] }): Check<StageValue, StageField> {
  const errors: Partial<Record<StageField, string>> = {};
  const clock = stagesToRecord(ctx.clocks).find((c) => regimeStream(c.regime, c.stage) === input.stage);
  if (!clock) errors.stage = input.stage ? 'That report is recorded already or no longer applies: choose another.' : 'Choose which report was submitted.';
  const when = checkWhen(input.doneAt, ctx, 'it was submitted');
  if ('error' in when) errors.doneAt = when.error;
  const reference = (input.reference ?? '').trim();
  if (reference.length > REFERENCE_MAX) errors.reference = `Keep the reference under ${REFERENCE_MAX} characters.`;
  if (!clock || !('at' in when) || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { clock, doneAt: when.at, reference: reference || null } };
}
