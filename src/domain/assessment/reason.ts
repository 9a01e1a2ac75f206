// A reason of the assessment: a stable code and its sentence in each language breachbot drafts in.
//
// The English sentence is what `assess()` returns and what the assessments table stores (the
// contract in spec/assessment.md: "plain English sentences"). The Danish one is what a Danish notice
// to Datatilsynet states (notices.md §3 terms; issue 12: a Danish draft is wholly Danish). Both are
// written side by side in reasons.ts, once per reason, so neither can be added without the other.
import type { Language } from '../language.js';

/** One code per reason the engine can give; a new reason needs a new code here. */
export const REASON_CODES = [
  // confidentiality
  'intact_protection',
  'disclosure_ruled_out',
  'recipient_deleted',
  'deletion_by_unbound_recipient',
  'partial_protection',
  'probably_not_seen_is_not_ruled_out',
  'backup_does_not_recall_copy',
  'physical_danger',
  'special_disclosed',
  'special_even_if_trivial',
  'patient_status_is_health',
  'income_is_not_fraud',
  'sensitive_exposed',
  'no_sign_of_disclosure',
  'fraud_enabling',
  'special_hardly_identifiable',
  'disclosure_by_enisa',
  'public_data_no_risk',
  'disclosure_of_public_data',
  'scale_raises_outcome',
  'malicious_floor',
  'uncontrolled_recipients_floor',
  'large_scale_floor',
  // integrity and availability
  'severe_loss',
  'care_records_lost_for_good',
  'attack_on_care_records',
  'depended_on_records_floor',
  'brief_loss',
  'lasting_loss',
  'loss_capped_by_impact',
  // unknowns, role, outcome
  'worse_case_count',
  'worse_case_disclosure',
  'worse_case_recipients',
  'worse_case_credentials',
  'worse_case_malicious',
  'worse_case_public',
  'processor_note',
  'joint_controller_note',
  'communication_individual',
  'exemption_unintelligible',
  'exemption_measures',
  'exemption_disproportionate',
  'protection_does_not_exempt_disclosure',
  'protection_does_not_exempt_loss',
  'no_notification_needed',
  'no_communication_needed',
  'register_controller',
  'register_processor',
  'enisa_arithmetic',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/** The same sentence in every language: { en: '…', da: '…' }. */
export type ReasonText = Readonly<Record<Language, string>>;

export interface Reason {
  readonly code: ReasonCode;
  readonly text: ReasonText;
}

export function reason(code: ReasonCode, text: ReasonText): Reason {
  return { code, text };
}

/**
 * The sentence in one language. A reason that is not a coded Reason (an English string pushed by a
 * rule written before reasons had codes) fails here, naming itself, rather than reaching a draft
 * half translated.
 */
export function reasonText(r: Reason, lang: Language): string {
  const sentence: unknown = (r as { text?: Partial<Record<string, unknown>> } | null | undefined)?.text?.[lang];
  if (typeof sentence === 'string' && sentence.trim() !== '') return sentence;
  const what =
    typeof r === 'string'
      ? `is a plain string, with no code and no Danish sentence: ${JSON.stringify(r)}`
      : `has no ${lang === 'da' ? 'Danish' : 'English'} sentence: ${JSON.stringify(r)}`;
  throw new TypeError(
    `An assessment reason ${what}. Write it in src/domain/assessment/reasons.ts as reason(code, { en, da }), ` +
      'with its code in REASON_CODES (src/domain/assessment/reason.ts).',
  );
}
