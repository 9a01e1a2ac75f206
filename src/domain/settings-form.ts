import { z } from 'zod';
import { optionalText } from './form-text.js';
import { LANGUAGES, isLanguage, type Language, type LanguageSettings } from './language.js';
import { reminderScheduleSchema, type ReminderSchedule } from './reminder-plan.js';
import { DEFAULT_REGIME_SETTINGS } from './regimes/index.js';
import type { RegimeSettings } from './regimes/types.js';

/*
 * The settings the DPO edits in the App Home (flow 8), validated as a form: every problem is
 * reported at its field in words for the person typing. Pure: the Slack layer reads the modal into
 * SettingsFormInput, the store saves the result.
 */

export const ORG_NAME_MAX = 200;
export const ADDRESS_MAX = 500;
export const PERSON_NAME_MAX = 200;
export const PHONE_MAX = 40;
/** More DPO users than this is a mistake: each is invited to every breach channel. */
export const DPO_USERS_MAX = 20;

/** Organisation and DPO contact details the notices need (notices/facts.ts OrganisationFacts). Null = not set. */
export interface Organisation {
  name: string | null;
  cvr: string | null;
  address: string | null;
  dpo: { name: string | null; email: string | null; phone: string | null };
}

export const EMPTY_ORGANISATION: Organisation = Object.freeze({
  name: null,
  cvr: null,
  address: null,
  dpo: Object.freeze({ name: null, email: null, phone: null }),
}) as Organisation;

/** What the settings modal collects, as plain values; empty inputs are null. */
export interface SettingsFormInput {
  orgName: string | null;
  cvr: string | null;
  address: string | null;
  dpoName: string | null;
  dpoEmail: string | null;
  dpoPhone: string | null;
  dpoUserIds: string[];
  responderGroupId: string | null;
  /** As typed: "48, 24, 12, 6, 3, 1". */
  countdownHours: string | null;
  overdueEveryHours: string | null;
  /** The checkbox "archive the breach channel when the breach is closed". */
  archiveOnClose?: boolean;
  /** The languages ticked under "Draft the notices in" ('da', 'en'). */
  draftingLanguages?: string[];
  /** The language the team writes the facts in. */
  writingLanguage?: string | null;
  /** The reporting-regime boxes ticked (REGIME_OPTIONS values); absent: the regimes are not on the form. */
  regimeOptions?: string[];
}

export type SettingsField = keyof SettingsFormInput;

export interface SettingsUpdate {
  organisation: Organisation;
  dpoUserIds: string[];
  responderGroupId: string | null;
  /** Countdown and overdue cadence; the "at the deadline" reminder is kept as it was. */
  countdownHours: number[];
  overdueEveryHours: number;
  archiveOnClose: boolean;
  languages: LanguageSettings;
  /** Absent: keep the stored regime settings. */
  regimes?: RegimeSettings;
}

/**
 * The reporting-regime boxes of the settings form: each adds a country to the regime settings
 * (src/domain/regimes). Denmark stays the establishment: breachbot's GDPR flow is Datatilsynet's.
 */
export const REGIME_OPTIONS = {
  /** An essential or important entity under the Danish NIS 2 act: the NIS2 clocks may apply. */
  nis2_dk: { label: 'We are an essential or important entity under the Danish NIS 2 act', adds: { nis2EntityIn: 'DK' } },
  /** An establishment in the United Kingdom: the ICO's clock applies to personal data breaches. */
  uk: { label: 'We have an establishment in the United Kingdom', adds: { establishedIn: 'GB' } },
} as const;
export type RegimeOption = keyof typeof REGIME_OPTIONS;

/** The regime settings the ticked boxes give; an unknown box is an error at the field. */
function regimesFrom(ticked: readonly string[]): RegimeSettings | { error: string } {
  const unknown = ticked.find((t) => !Object.hasOwn(REGIME_OPTIONS, t));
  if (unknown !== undefined) return { error: `"${unknown.slice(0, 30)}" is not a choice here. Tick only the boxes shown.` };
  const establishedIn = [...DEFAULT_REGIME_SETTINGS.establishedIn];
  const nis2EntityIn: string[] = [];
  for (const t of ticked as RegimeOption[]) {
    const adds: { establishedIn?: string; nis2EntityIn?: string } = REGIME_OPTIONS[t].adds;
    if (adds.establishedIn && !establishedIn.includes(adds.establishedIn)) establishedIn.push(adds.establishedIn);
    if (adds.nis2EntityIn && !nis2EntityIn.includes(adds.nis2EntityIn)) nis2EntityIn.push(adds.nis2EntityIn);
  }
  return { establishedIn, nis2EntityIn };
}

/** The boxes ticked for these settings, for the form's initial state. */
export function regimeOptionsOf(s: RegimeSettings): RegimeOption[] {
  return (Object.keys(REGIME_OPTIONS) as RegimeOption[]).filter((o) => {
    const adds: { establishedIn?: string; nis2EntityIn?: string } = REGIME_OPTIONS[o].adds;
    return (adds.establishedIn && s.establishedIn.includes(adds.establishedIn)) || (adds.nis2EntityIn && s.nis2EntityIn.includes(adds.nis2EntityIn));
  });
}

/** Reads stored regime settings defensively: anything unreadable is the default (Denmark, not NIS2). */
export function readRegimeSettings(stored: unknown): RegimeSettings {
  const o = (stored ?? {}) as Record<string, unknown>;
  const codes = (v: unknown) => (Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string' && /^[A-Z]{2}$/.test(c)) : null);
  const establishedIn = codes(o['establishedIn']);
  return {
    establishedIn: establishedIn && establishedIn.length > 0 ? establishedIn : [...DEFAULT_REGIME_SETTINGS.establishedIn],
    nis2EntityIn: codes(o['nis2EntityIn']) ?? [],
  };
}

export type SettingsCheck = { ok: true; value: SettingsUpdate } | { ok: false; errors: Partial<Record<SettingsField, string>> };

const formSchema = z.object({
  orgName: optionalText(ORG_NAME_MAX, 'The name'),
  cvr: z
    .string()
    .nullable()
    .transform((v) => (v ? v.replace(/[\s-]/g, '') : null))
    // Danish CVR numbers are 8 digits; people often type them as "12 34 56 78".
    .refine((v) => v === null || /^\d{8}$/.test(v), 'A CVR number is 8 digits, e.g. 12345678'),
  address: optionalText(ADDRESS_MAX, 'The address'),
  dpoName: optionalText(PERSON_NAME_MAX, 'The name'),
  dpoEmail: z
    .string()
    .trim()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || z.email().safeParse(v).success, 'Give an e-mail address such as dpo@example.dk'),
  dpoPhone: z
    .string()
    .trim()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || (v.length <= PHONE_MAX && /^\+?[0-9][0-9 ()-]{5,}$/.test(v)), 'Give a phone number such as +45 12 34 56 78'),
  dpoUserIds: z
    .array(z.string().regex(/^[UW][A-Z0-9]+$/))
    .min(1, 'Name at least one DPO user: they are invited to every breach and record the decisions')
    .max(DPO_USERS_MAX, `Name at most ${DPO_USERS_MAX} DPO users`),
  responderGroupId: z
    .string()
    .trim()
    .nullable()
    .transform((v) => (v ? v.toUpperCase() : null))
    .refine((v) => v === null || /^S[A-Z0-9]{2,}$/.test(v), 'Give the user group id, which starts with S (e.g. S0123ABCD)'),
  countdownHours: z.string().nullable().transform((v, ctx) => parseHourList(v ?? '', ctx)),
  overdueEveryHours: z
    .string({ error: 'Say how often to remind while overdue' })
    .trim()
    .transform((v, ctx) => {
      const n = Number(v);
      if (v === '' || !Number.isInteger(n) || n < 1 || n > 168) {
        ctx.addIssue({ code: 'custom', message: 'Give whole hours from 1 to 168, e.g. 12' });
        return z.NEVER;
      }
      return n;
    }),
});

/** "48, 24, 12" → [48, 24, 12], largest first and without repeats, so the order typed does not matter. */
function parseHourList(text: string, ctx: z.RefinementCtx): number[] {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const bad = parts.find((p) => !/^\d+(\.\d+)?$/.test(p));
  if (bad !== undefined) {
    ctx.addIssue({ code: 'custom', message: `"${bad.slice(0, 20)}" is not a number of hours. Use numbers separated by commas, e.g. 48, 24, 12, 6, 3, 1` });
    return z.NEVER;
  }
  const hours = [...new Set(parts.map(Number))].sort((a, b) => b - a);
  if (hours.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'Give at least one reminder, e.g. 48, 24, 12, 6, 3, 1' });
    return z.NEVER;
  }
  const checked = reminderScheduleSchema.shape.countdownHours.safeParse(hours);
  if (!checked.success) {
    ctx.addIssue({ code: 'custom', message: 'Each reminder must be more than 0 and at most 720 hours (30 days) before the deadline, at most 50 of them' });
    return z.NEVER;
  }
  return checked.data;
}

export function validateSettingsForm(input: SettingsFormInput): SettingsCheck {
  const parsed = formSchema.safeParse(input);
  const errors: Partial<Record<SettingsField, string>> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path[0] as SettingsField] ??= issue.message;
  const drafting = LANGUAGES.filter((l) => (input.draftingLanguages ?? []).includes(l));
  if (drafting.length === 0) errors.draftingLanguages = 'Tick at least one language to draft the notices in.';
  const writing: Language = isLanguage(input.writingLanguage) ? input.writingLanguage : 'da';
  const regimes = input.regimeOptions === undefined ? undefined : regimesFrom(input.regimeOptions);
  if (regimes && 'error' in regimes) errors.regimeOptions = regimes.error;
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const v = parsed.data;
  return {
    ok: true,
    value: {
      organisation: { name: v.orgName, cvr: v.cvr, address: v.address, dpo: { name: v.dpoName, email: v.dpoEmail, phone: v.dpoPhone } },
      dpoUserIds: [...new Set(v.dpoUserIds)],
      archiveOnClose: input.archiveOnClose ?? false,
      responderGroupId: v.responderGroupId,
      countdownHours: v.countdownHours,
      overdueEveryHours: v.overdueEveryHours,
      languages: { drafting, writing },
      ...(regimes && !('error' in regimes) ? { regimes } : {}),
    },
  };
}

/** The schedule a saved form gives, keeping the parts the form does not edit. */
export function scheduleFrom(update: Pick<SettingsUpdate, 'countdownHours' | 'overdueEveryHours'>, current: ReminderSchedule): ReminderSchedule {
  return reminderScheduleSchema.parse({ ...current, countdownHours: update.countdownHours, overdueEveryHours: update.overdueEveryHours });
}

/** Reads a stored organisation defensively: a hand-edited row must not break the Home or the notices. */
export function readOrganisation(stored: unknown): Organisation {
  const o = (stored ?? {}) as Record<string, unknown>;
  const dpo = (o['dpo'] ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);
  return {
    name: str(o['name']),
    cvr: str(o['cvr']),
    address: str(o['address']),
    dpo: { name: str(dpo['name']), email: str(dpo['email']), phone: str(dpo['phone']) },
  };
}
