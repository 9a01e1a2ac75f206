import { DateTime } from 'luxon';
import type { CommunicationChannel } from './notices/facts.js';
import { JUSTIFICATION_MAX, JUSTIFICATION_MIN } from './decision.js';

/*
 * Recording what was sent (flow 6): the notification to Datatilsynet (or, for a processor, to the
 * controller), the communication to the people affected, and a § 22 restriction. Validated as forms,
 * pure: the Slack layer reads the modal, the store writes the rows.
 */

export type RecordKind = 'notification' | 'communication' | 'restriction';
export const RECORD_KINDS: readonly RecordKind[] = ['notification', 'communication', 'restriction'];

export const NOTIFICATION_METHODS = ['online_form', 'email', 'other'] as const;
export type NotificationMethod = (typeof NOTIFICATION_METHODS)[number];

/** complete | initial (phased, Art. 33(4)) | supplement (completes an earlier initial one). */
export const COMPLETENESS = ['complete', 'initial', 'supplement'] as const;
export type Completeness = (typeof COMPLETENESS)[number];

/** The notices' own vocabulary, so a recorded communication passes into the drafts as it is. */
export const COMMUNICATION_METHODS = [
  'email', 'letter', 'digital_post', 'sms', 'phone', 'direct_message', 'website', 'media',
] as const satisfies readonly CommunicationChannel[];
export type CommunicationMethod = (typeof COMMUNICATION_METHODS)[number];
/** A public communication (Art. 34(3)(c)) instead of one to each person. */
export const PUBLIC_METHODS: ReadonlySet<CommunicationMethod> = new Set(['website', 'media']);

export const REFERENCE_MAX = 100;
export const NOTES_MAX = 2000;
/** The datetimepicker has no seconds and clocks drift: this much "in the future" is still now. */
const FUTURE_TOLERANCE_MS = 2 * 60_000;

export interface NotificationInput {
  /** Unix seconds from the datetimepicker. */
  submittedAt: number | null;
  method: string | null;
  reference: string | null;
  completeness: string | null;
  notes: string | null;
}

export interface CommunicationInput {
  submittedAt: number | null;
  /** How the people were told (a CommunicationMethod). */
  channel: string | null;
  count: string | null;
  notes: string | null;
}

export interface RestrictionInput {
  justification: string | null;
}

export interface NotificationValue {
  submittedAt: DateTime;
  method: NotificationMethod;
  reference: string | null;
  completeness: Completeness;
  notes: string | null;
}

export interface CommunicationValue {
  submittedAt: DateTime;
  method: CommunicationMethod;
  isPublic: boolean;
  count: number | null;
  notes: string | null;
}

export type Check<T, F extends string> = { ok: true; value: T } | { ok: false; errors: Partial<Record<F, string>> };

/** What is already recorded that a new notification must fit with (oldest first). */
export interface EarlierNotification {
  completeness: string | null;
  submittedAt: Date;
}

export interface RecordingContext {
  now: DateTime;
  awareAt: DateTime;
  zone: string;
}

const show = (t: DateTime, zone: string) => t.setZone(zone).setLocale('en-GB').toFormat('d LLL yyyy HH:mm ZZZZ');

/** When something was sent: not in the future, and not before we knew of the breach (also a regime stage, regimes/stage-form.ts). */
export function checkWhen(seconds: number | null, ctx: RecordingContext, what: string): { at: DateTime } | { error: string } {
  if (seconds === null || !Number.isFinite(seconds)) return { error: `Give the date and time ${what}.` };
  const at = DateTime.fromSeconds(seconds, { zone: 'utc' });
  if (at.toMillis() > ctx.now.toMillis() + FUTURE_TOLERANCE_MS) return { error: 'This is in the future: record it once it has been sent.' };
  // The picker has minute precision: the minute of awareness itself is allowed.
  if (at.toMillis() < ctx.awareAt.startOf('minute').toMillis()) {
    return { error: `This is before we became aware of the breach (${show(ctx.awareAt, ctx.zone)}).` };
  }
  return { at };
}

function optionalText(raw: string | null, max: number): string | null | 'too_long' {
  const v = (raw ?? '').trim();
  if (v.length > max) return 'too_long';
  return v || null;
}

const isOneOf = <T extends string>(list: readonly T[], v: string | null): v is T => v !== null && (list as readonly string[]).includes(v);

export function checkNotification(
  input: NotificationInput,
  ctx: RecordingContext & { earlier: readonly EarlierNotification[] },
): Check<NotificationValue, keyof NotificationInput> {
  const errors: Partial<Record<keyof NotificationInput, string>> = {};
  const when = checkWhen(input.submittedAt, ctx, 'it was submitted');
  if ('error' in when) errors.submittedAt = when.error;
  if (!isOneOf(NOTIFICATION_METHODS, input.method)) errors.method = 'Choose how it was submitted.';
  const reference = optionalText(input.reference, REFERENCE_MAX);
  if (reference === 'too_long') errors.reference = `Keep the reference under ${REFERENCE_MAX} characters.`;
  const notes = optionalText(input.notes, NOTES_MAX);
  if (notes === 'too_long') errors.notes = `Keep the notes under ${NOTES_MAX} characters.`;
  else if (input.method === 'other' && !notes) errors.notes = 'Say how it was submitted.';
  if (!isOneOf(COMPLETENESS, input.completeness)) {
    errors.completeness = 'Choose whether it was complete, initial or a supplement.';
  } else if (input.completeness === 'supplement') {
    const first = ctx.earlier[0];
    if (!first) errors.completeness = 'No earlier notification is recorded: record this one as complete or initial.';
    else if ('at' in when && when.at.toMillis() < first.submittedAt.getTime()) {
      errors.submittedAt = `A supplement comes after the notification it completes (${show(DateTime.fromJSDate(first.submittedAt), ctx.zone)}).`;
    }
  }
  if (Object.keys(errors).length > 0 || !('at' in when)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      submittedAt: when.at,
      method: input.method as NotificationMethod,
      reference: reference as string | null,
      completeness: input.completeness as Completeness,
      notes: notes as string | null,
    },
  };
}

export function checkCommunication(input: CommunicationInput, ctx: RecordingContext): Check<CommunicationValue, keyof CommunicationInput> {
  const errors: Partial<Record<keyof CommunicationInput, string>> = {};
  const when = checkWhen(input.submittedAt, ctx, 'the people were told');
  if ('error' in when) errors.submittedAt = when.error;
  const method = isOneOf(COMMUNICATION_METHODS, input.channel) ? input.channel : null;
  if (!method) errors.channel = 'Choose how the people were told.';
  const isPublic = method !== null && PUBLIC_METHODS.has(method);
  const digits = (input.count ?? '').replace(/[\s,.]/g, '');
  let count: number | null = null;
  if (digits !== '') {
    if (!/^\d+$/.test(digits) || Number(digits) < 1 || Number(digits) > 1_000_000_000) errors.count = 'Give the number of people told, e.g. 1200.';
    else count = Number(digits);
  } else if (method && !isPublic) {
    // A direct communication reaches people we can count; a public notice may not.
    errors.count = 'Give how many people were told.';
  }
  const notes = optionalText(input.notes, NOTES_MAX);
  if (notes === 'too_long') errors.notes = `Keep the notes under ${NOTES_MAX} characters.`;
  if (Object.keys(errors).length > 0 || !('at' in when) || !method) return { ok: false, errors };
  return { ok: true, value: { submittedAt: when.at, method, isPublic, count, notes: notes as string | null } };
}

export function checkRestriction(input: RestrictionInput): Check<{ justification: string }, keyof RestrictionInput> {
  const justification = (input.justification ?? '').trim();
  if (justification.length < JUSTIFICATION_MIN) {
    return {
      ok: false,
      errors: {
        justification: `Write the justification in at least ${JUSTIFICATION_MIN} characters: which interest under databeskyttelsesloven § 22 outweighs telling the people, and why. It goes into the register.`,
      },
    };
  }
  if (justification.length > JUSTIFICATION_MAX) return { ok: false, errors: { justification: `Keep it under ${JUSTIFICATION_MAX} characters.` } };
  return { ok: true, value: { justification } };
}

/** Submitted after the deadline: the notification must give the reasons for the delay (Art. 33(1)). */
export function isLate(submittedAt: Date, deadlineAt: Date): boolean {
  return submittedAt.getTime() > deadlineAt.getTime();
}
