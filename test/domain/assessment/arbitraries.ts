// fast-check arbitrary for valid AssessmentAnswers: every field drawn freely, then the
// follow-up answers made consistent with the breach types the way the modal would.
import fc from 'fast-check';
import type { AssessmentAnswers } from '../../../src/domain/assessment/index.js';
import {
  ALTERATIONS,
  BREACH_TYPES,
  DATA_TYPES,
  DISCLOSURES,
  IDENTIFIABILITY,
  IMPACTS,
  PROTECTIONS,
  RECIPIENTS,
  ROLES,
  SUBJECT_GROUPS,
} from '../../../src/domain/assessment/answers.js';

const count = fc.option(fc.integer({ min: 1, max: 2_000_000 }), { nil: null });

const raw = fc.record({
  role: fc.constantFrom(...ROLES),
  breachTypes: fc.subarray([...BREACH_TYPES], { minLength: 1 }),
  subjectsCount: count,
  recordsCount: count,
  subjectGroups: fc.subarray([...SUBJECT_GROUPS]),
  dataTypes: fc.subarray([...DATA_TYPES], { minLength: 1 }),
  opens: fc.subarray([...DATA_TYPES]),
  identifiability: fc.constantFrom(...IDENTIFIABILITY),
  publiclyAvailableBefore: fc.option(fc.boolean(), { nil: null }),
  disclosure: fc.option(fc.constantFrom(...DISCLOSURES), { nil: null }),
  recipients: fc.option(fc.constantFrom(...RECIPIENTS), { nil: null }),
  recipientDeletedOrReturned: fc.boolean(),
  protection: fc.constantFrom(...PROTECTIONS),
  // Which of the data types intact protection covers: a 0..1 weight per type; absent/null = all.
  covers: fc.option(fc.array(fc.boolean(), { minLength: DATA_TYPES.length, maxLength: DATA_TYPES.length }), { nil: null }),
  coversAbsent: fc.boolean(),
  // A copy out of the organisation's control: absent (not asked, stored before the question), yes, no, unknown.
  copy: fc.constantFrom(undefined, true, false, null),
  // Could the disclosure put someone in physical danger: absent (not asked, stored before the question), yes, no, unknown.
  danger: fc.constantFrom(undefined, true, false, null),
  alteration: fc.constantFrom(...ALTERATIONS.filter((x) => x !== 'none')),
  unavailability: fc.constantFrom('temporary' as const, 'permanent' as const),
  restoredWithinHours: fc.option(fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.double({ min: 0, max: 200, noNaN: true })), { nil: null }),
  impactOnPeople: fc.constantFrom(...IMPACTS),
  malicious: fc.option(fc.boolean(), { nil: null }),
  measuresRemoveHighRisk: fc.boolean(),
  individualContactDisproportionate: fc.boolean(),
});

export const validAnswers: fc.Arbitrary<AssessmentAnswers> = raw.map((r) => {
  const conf = r.breachTypes.includes('confidentiality');
  const integ = r.breachTypes.includes('integrity');
  const avail = r.breachTypes.includes('availability');
  const unavailability = avail ? r.unavailability : 'none';
  const recipients = conf ? r.recipients : null;
  // The questionnaire asks about deletion only for a recipient bound to secrecy.
  const canConfirmDeletion = recipients === 'trusted';
  const intact = conf && r.protection === 'intact';
  const chosen = r.covers === null ? null : r.dataTypes.filter((_, i) => r.covers![i]);
  const protectedDataTypes = intact && chosen !== null ? (chosen.length > 0 ? chosen : [r.dataTypes[0]!]) : null;
  const coverage = protectedDataTypes === null && r.coversAbsent ? {} : { protectedDataTypes };
  // Asked only beside a loss, as the questionnaire does; absent otherwise.
  const copy = conf && (integ || avail) && r.copy !== undefined ? { copyOutOfControl: r.copy } : {};
  // Asked whenever confidentiality is lost; absent otherwise.
  const danger = conf && r.danger !== undefined ? { physicalDanger: r.danger } : {};
  return {
    role: r.role,
    breachTypes: r.breachTypes,
    subjectsCount: r.subjectsCount,
    recordsCount: r.recordsCount,
    subjectGroups: r.subjectGroups,
    dataTypes: r.dataTypes,
    credentialsGiveAccessTo: r.dataTypes.includes('credentials') ? r.opens : [],
    identifiability: r.identifiability,
    publiclyAvailableBefore: r.publiclyAvailableBefore,
    disclosure: conf ? r.disclosure : null,
    recipients,
    recipientDeletedOrReturned: conf && canConfirmDeletion && r.recipientDeletedOrReturned,
    protection: r.protection,
    ...coverage,
    ...copy,
    ...danger,
    alteration: integ ? r.alteration : 'none',
    unavailability,
    restoredWithinHours: (integ || avail) && unavailability !== 'permanent' ? r.restoredWithinHours : null,
    impactOnPeople: r.impactOnPeople,
    malicious: r.malicious,
    measuresRemoveHighRisk: r.measuresRemoveHighRisk,
    individualContactDisproportionate: r.individualContactDisproportionate,
  };
});
