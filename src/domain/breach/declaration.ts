import { DateTime } from 'luxon';
import { z } from 'zod';
import { checkAwareness, checkStartedAt, deadlineFor, isValidProcessorHours, MAX_PROCESSOR_HOURS, ROLES, type Role } from '../deadline.js';
import { checkBreachTimes, fromPicker } from './breach-times.js';
import { INCIDENT_CATEGORIES, type IncidentCategory } from './incident-category.js';
import { findPersonalData } from './personal-data.js';
import { FACT_SHORT_MAX, type RecordedFacts } from './recorded-facts.js';

export const TITLE_MAX = 80;
export const DESCRIPTION_MAX = 3000;
export const CODENAME_MAX = 30;
export const SHORT_TEXT_MAX = 500;

/** What the Declare modal collects, as plain values (the Slack layer converts element state to this). */
export interface DeclarationInput {
  title: string | null;
  description: string | null;
  /** Unix seconds, from the datetime picker. */
  awareAt: number | null;
  startedAt: number | null;
  discovery: string | null;
  role: string | null;
  processorHours: string | null;
  systems: string | null;
  ongoing: string | null;
  responderIds: string[];
  codename: string | null;
  /** EDPB template items the reporter may know at once (issue 11); all optional. */
  incidentCategory?: string | null;
  detectedAt?: number | null;
  endedAt?: number | null;
  reporterFunction?: string | null;
  /** The user already saw the personal-data warning for exactly this title and kept it. */
  personalDataAcknowledged?: boolean;
}

export type DeclarationField = keyof Omit<DeclarationInput, 'personalDataAcknowledged'>;

export interface ValidDeclaration {
  title: string;
  description: string;
  awareAt: DateTime;
  startedAt: DateTime | null;
  discovery: string | null;
  role: Role;
  processorHours: number | null;
  systems: string | null;
  ongoing: 'yes' | 'no' | 'unknown';
  responderIds: string[];
  codename: string | null;
  deadlineAt: DateTime;
  incidentCategory: IncidentCategory | null;
  detectedAt: DateTime | null;
  endedAt: DateTime | null;
  reporterFunction: string | null;
}

export type DeclarationCheck =
  | { ok: true; value: ValidDeclaration; warnings: [] }
  | { ok: false; errors: Partial<Record<DeclarationField, string>>; personalDataWarning: boolean };

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} can be at most ${max} characters`)
    .nullable()
    .transform((v) => (v ? v : null));

const schema = z.object({
  title: z
    .string({ error: 'Give the breach a short title' })
    .trim()
    .min(1, 'Give the breach a short title')
    .max(TITLE_MAX, `Keep the title to ${TITLE_MAX} characters; put details in "What happened"`),
  description: z
    .string({ error: 'Say what happened, as far as we know now' })
    .trim()
    .min(1, 'Say what happened, as far as we know now')
    .max(DESCRIPTION_MAX, `Keep this to ${DESCRIPTION_MAX} characters; add more in the channel`),
  awareAt: z.number({ error: 'Say when we became aware of the breach' }).int(),
  startedAt: z.number().int().nullable(),
  discovery: optionalText(SHORT_TEXT_MAX, 'How it was discovered'),
  role: z.enum(ROLES, { error: 'Choose our role in the processing' }),
  processorHours: z
    .string()
    .trim()
    .nullable()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v);
      if (!isValidProcessorHours(n)) {
        ctx.addIssue({ code: 'custom', message: `Give the contract's hours as a whole number from 1 to ${MAX_PROCESSOR_HOURS}` });
        return z.NEVER;
      }
      return n;
    }),
  systems: optionalText(SHORT_TEXT_MAX, 'Systems'),
  ongoing: z.enum(['yes', 'no', 'unknown']).nullable().transform((v) => v ?? 'unknown'),
  responderIds: z.array(z.string().regex(/^[UW][A-Z0-9]+$/)).max(100, 'Invite at most 100 responders here; add more later'),
  codename: optionalText(CODENAME_MAX, 'The code name'),
  incidentCategory: z.enum(INCIDENT_CATEGORIES, { error: 'Choose one of the listed kinds of incident, or "Other"' }).nullable(),
  detectedAt: z.number().int().nullable(),
  endedAt: z.number().int().nullable(),
  reporterFunction: optionalText(FACT_SHORT_MAX, 'Your function'),
});

/**
 * Validates a declaration. Every problem is reported at its field, in words for the person filling
 * in the form. A title or code name that looks like it holds personal data is sent back once with a
 * warning; submitting the same text again keeps it (the person has looked and decided).
 */
export function validateDeclaration(input: DeclarationInput, now: DateTime): DeclarationCheck {
  const errors: Partial<Record<DeclarationField, string>> = {};
  input = {
    ...input,
    incidentCategory: input.incidentCategory ?? null,
    detectedAt: input.detectedAt ?? null,
    endedAt: input.endedAt ?? null,
    reporterFunction: input.reporterFunction ?? null,
  };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as DeclarationField;
      errors[field] ??= issue.message;
    }
  }
  const v = parsed.success ? parsed.data : undefined;
  const awareAt = input.awareAt === null ? null : DateTime.fromSeconds(input.awareAt, { zone: 'utc' });
  if (awareAt) {
    const aware = checkAwareness(awareAt, now);
    if (!aware.ok) errors.awareAt ??= aware.message;
  }
  const startedAt = input.startedAt === null ? null : DateTime.fromSeconds(input.startedAt, { zone: 'utc' });
  if (awareAt && startedAt) {
    const started = checkStartedAt(startedAt, awareAt, now);
    if (!started.ok) errors.startedAt ??= started.message;
  }
  const detectedAt = fromPicker(input.detectedAt ?? null);
  const endedAt = fromPicker(input.endedAt ?? null);
  for (const [field, message] of Object.entries(checkBreachTimes({ startedAt, detectedAt, endedAt }, now))) {
    errors[field as 'detectedAt' | 'endedAt'] ??= message;
  }
  if (endedAt && input.ongoing !== 'no') {
    errors.endedAt ??= 'You gave an end time: answer "No, it has stopped" below, or clear the end time.';
  }
  let personalDataWarning = false;
  if (!input.personalDataAcknowledged) {
    for (const field of ['title', 'codename'] as const) {
      const found = findPersonalData(input[field] ?? '');
      if (found.length && !errors[field]) {
        personalDataWarning = true;
        errors[field] =
          `This looks like it contains ${found.map((f) => f.label).join(' and ')}. ` +
          'Titles and code names are shown outside the breach channel: remove personal data, or submit again to keep it.';
      }
    }
  }
  if (Object.keys(errors).length || !v || !awareAt) return { ok: false, errors, personalDataWarning };
  return {
    ok: true,
    warnings: [],
    value: {
      ...v,
      awareAt,
      startedAt,
      detectedAt,
      endedAt,
      processorHours: v.role === 'processor' ? v.processorHours : null,
      deadlineAt: deadlineFor({ awareAt, role: v.role, processorHours: v.processorHours }),
    },
  };
}

/**
 * The declaration's share of the recorded facts (recorded-facts.ts): stored with the breach, shown
 * and changed later in the Update facts modal, versioned with the rest.
 */
export function declaredFacts(d: Pick<ValidDeclaration, 'incidentCategory' | 'detectedAt' | 'endedAt' | 'reporterFunction'>): RecordedFacts {
  return {
    ...(d.incidentCategory ? { incidentCategory: d.incidentCategory } : {}),
    ...(d.detectedAt ? { detectedAt: d.detectedAt.toUTC().toISO()! } : {}),
    ...(d.endedAt ? { endedAt: d.endedAt.toUTC().toISO()! } : {}),
    ...(d.reporterFunction ? { reporterFunction: d.reporterFunction } : {}),
  };
}
