// Validation of the questionnaire's answers: one error per field path, in words for a person.
import { z } from 'zod';
import {
  ALTERATIONS,
  type AssessmentAnswers,
  BREACH_TYPES,
  DATA_TYPES,
  DISCLOSURES,
  IDENTIFIABILITY,
  IMPACTS,
  PROTECTIONS,
  RECIPIENTS,
  ROLES,
  SUBJECT_GROUPS,
  UNAVAILABILITIES,
} from './answers.js';
import { DATA_TYPE_LABELS } from './labels.js';

const yesNo = (what: string) => z.boolean({ error: `Answer yes or no: ${what}` });
/** Required like `yesNo`, with null for "not known" (assessed as the worse case, facts.ts). */
const yesNoUnknown = (what: string) => z.boolean({ error: `Answer yes, no or not known: ${what}` }).nullable();

const count = (what: string) =>
  z
    .number({ error: `Enter the approximate number of ${what} as a number, or leave it empty if unknown.` })
    .int({ error: `Enter a whole number of ${what}.` })
    .min(1, { error: `The number of ${what} must be at least 1; leave it empty if unknown.` })
    .nullable();

const baseSchema = z.object(
  {
  role: z.enum(ROLES, { error: 'Choose whether you are the controller, a processor or a joint controller.' }),
  breachTypes: z
    .array(z.enum(BREACH_TYPES, { error: 'A breach is about confidentiality, integrity or availability.' }), {
      error: 'Choose what happened to the data.',
    })
    .min(1, { error: 'Choose at least one: data seen or taken, data altered, or data lost or unavailable.' }),

  subjectsCount: count('people affected'),
  recordsCount: count('records affected'),
  subjectGroups: z.array(z.enum(SUBJECT_GROUPS, { error: 'Choose the groups of people from the list.' }), {
    error: 'Choose the groups of people affected.',
  }),
  dataTypes: z
    .array(z.enum(DATA_TYPES, { error: 'Choose the kinds of data from the list.' }), {
      error: 'Choose the kinds of data involved.',
    })
    .min(1, { error: 'Choose at least one kind of data involved.' }),
  credentialsGiveAccessTo: z.array(z.enum(DATA_TYPES, { error: 'Choose the kinds of data from the list.' }), {
    error: 'Choose what the credentials give access to, or none.',
  }),
  identifiability: z.enum(IDENTIFIABILITY, {
    error: 'Choose how easily the people can be identified from the data.',
  }),
  publiclyAvailableBefore: yesNoUnknown('were the same data already public?'),

  disclosure: z
    .enum(DISCLOSURES, { error: 'Choose whether someone unauthorised saw or took the data, or leave it as unknown.' })
    .nullable(),
  recipients: z
    .enum(RECIPIENTS, { error: 'Choose who received the data, or leave it as unknown.' })
    .nullable(),
  recipientDeletedOrReturned: yesNo('did a recipient bound to secrecy confirm deleting or returning the data?'),
  protection: z.enum(PROTECTIONS, {
    error: 'Choose whether the data were encrypted or hashed, and whether the key is safe.',
  }),
  protectedDataTypes: z
    .array(z.enum(DATA_TYPES, { error: 'Choose the kinds of data from the list.' }), {
      error: 'Choose which kinds of data the encryption or hashing protects.',
    })
    .nullable()
    .optional(),
  copyOutOfControl: z
    .boolean({ error: 'Answer whether a copy of the data is out of your control, or leave it as unknown.' })
    .nullable()
    .optional(),
  physicalDanger: z
    .boolean({ error: 'Answer whether the disclosure could put someone in physical danger, or say it is not known.' })
    .nullable()
    .optional(),

  alteration: z.enum(ALTERATIONS, { error: 'Choose whether the data were altered and can be recovered.' }),
  unavailability: z.enum(UNAVAILABILITIES, { error: 'Choose whether the data were unavailable, and for how long.' }),
  restoredWithinHours: z
    .number({ error: 'Enter the hours until the data were available again, or leave it empty if not yet or unknown.' })
    .min(0, { error: 'The hours until the data were available again cannot be negative.' })
    .nullable(),
  impactOnPeople: z.enum(IMPACTS, { error: 'Choose what the loss or alteration did to the people affected.' }),

  malicious: yesNoUnknown('was this theft, hacking, insider misuse or social engineering?'),

  measuresRemoveHighRisk: yesNo('do measures taken since make a high risk no longer likely?'),
  individualContactDisproportionate: yesNo('would contacting each person take disproportionate effort?'),
  },
  { error: 'The answers must be a set of fields (an object).' },
);

type Ctx = z.core.$RefinementCtx<AssessmentAnswers>;

function issue(ctx: Ctx, field: keyof AssessmentAnswers, message: string): void {
  ctx.addIssue({ code: 'custom', path: [field], message });
}

/** Answers that contradict each other, each reported on the field to correct. */
function checkConsistency(a: AssessmentAnswers, ctx: Ctx): void {
  if (a.credentialsGiveAccessTo.length > 0 && !a.dataTypes.includes('credentials')) {
    issue(
      ctx,
      'credentialsGiveAccessTo',
      'Only say what credentials give access to when login credentials are among the data: add them, or clear this answer.',
    );
  }

  // Without a kind of breach (reported on breachTypes) the follow-up answers cannot be judged.
  if (a.breachTypes.length === 0) return;

  const confidentiality = a.breachTypes.includes('confidentiality');
  if (!confidentiality) {
    const onlyWhen = 'is only asked when someone may have seen or taken the data (confidentiality): clear it, or add confidentiality.';
    if (a.disclosure !== null) issue(ctx, 'disclosure', `Whether the data were disclosed ${onlyWhen}`);
    if (a.recipients !== null) issue(ctx, 'recipients', `Who received the data ${onlyWhen}`);
    if (a.recipientDeletedOrReturned) issue(ctx, 'recipientDeletedOrReturned', `Whether a recipient deleted the data ${onlyWhen}`);
    if (a.physicalDanger !== undefined) issue(ctx, 'physicalDanger', `Whether the disclosure could put someone in physical danger ${onlyWhen}`);
  } else if (a.recipientDeletedOrReturned && (a.recipients === 'unknown' || a.recipients === 'public')) {
    issue(
      ctx,
      'recipientDeletedOrReturned',
      'Only a known recipient can confirm deleting or returning the data, not unknown recipients or the public.',
    );
  }

  checkProtectedTypes(a, confidentiality, ctx);

  const integrity = a.breachTypes.includes('integrity');
  const availability = a.breachTypes.includes('availability');
  if (a.copyOutOfControl !== undefined && !(confidentiality && (integrity || availability))) {
    issue(
      ctx,
      'copyOutOfControl',
      'Whether a copy of the data is out of your control is only asked when data may have been seen or taken and were also lost or altered: clear it, or change what happened to the data.',
    );
  }

  if (integrity && a.alteration === 'none') {
    issue(ctx, 'alteration', 'You said data were altered: say whether the correct data can be recovered.');
  } else if (!integrity && a.alteration !== 'none') {
    issue(ctx, 'alteration', 'Data count as altered only when the breach includes integrity: choose "not altered", or add integrity.');
  }

  if (availability && a.unavailability === 'none') {
    issue(ctx, 'unavailability', 'You said data were lost or unavailable: say whether for a time or for good.');
  } else if (!availability && a.unavailability !== 'none') {
    issue(ctx, 'unavailability', 'Data count as unavailable only when the breach includes availability: choose "not lost", or add availability.');
  }

  if (a.restoredWithinHours !== null) {
    if (!integrity && !availability) {
      issue(ctx, 'restoredWithinHours', 'A restore time is only asked when data were altered or lost: clear it.');
    } else if (availability && a.unavailability === 'permanent') {
      issue(ctx, 'restoredWithinHours', 'Data lost for good were not restored: clear the restore time, or say the loss was temporary.');
    }
  }
}

/** Which kinds of data an intact protection covers: only asked, and only meaningful, for intact protection. */
function checkProtectedTypes(a: AssessmentAnswers, confidentiality: boolean, ctx: Ctx): void {
  const covered = a.protectedDataTypes;
  if (covered === null || covered === undefined) return;
  if (!confidentiality || a.protection !== 'intact') {
    issue(
      ctx,
      'protectedDataTypes',
      'Which kinds of data the encryption protects is only asked when the data were encrypted or hashed with the key safe: clear it, or change that answer.',
    );
    return;
  }
  if (covered.length === 0) {
    issue(
      ctx,
      'protectedDataTypes',
      'Choose at least one kind of data the encryption or hashing protects; if it protects none of them, answer that the data were not encrypted.',
    );
    return;
  }
  const notInvolved = [...new Set(covered.filter((t) => !a.dataTypes.includes(t)))];
  if (notInvolved.length > 0) {
    issue(
      ctx,
      'protectedDataTypes',
      `Only choose kinds of data involved in the breach: ${notInvolved.map((t) => DATA_TYPE_LABELS[t]).join(', ')} ${notInvolved.length === 1 ? 'is' : 'are'} not among them.`,
    );
  }
}

export const assessmentAnswersSchema: z.ZodType<AssessmentAnswers> = baseSchema.superRefine(checkConsistency);
