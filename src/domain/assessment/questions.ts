// The question catalogue the Slack modal renders: a plain-language question, help text and
// choices for every answer field, the modal step it belongs to, and when it applies.
// Pure data: the modal maps a chosen option's `id` back to its `value`.
import {
  type AnswerField,
  type AssessmentAnswers,
  DATA_TYPES,
  type DataType,
  SUBJECT_GROUPS,
} from './answers.js';
import { DATA_TYPE_CHOICE_LABELS, SUBJECT_GROUP_CHOICE_LABELS } from './labels.js';

export { DATA_TYPE_LABELS, SUBJECT_GROUP_LABELS, DATA_TYPE_CHOICE_LABELS, SUBJECT_GROUP_CHOICE_LABELS } from './labels.js';

/** The value a choice stands for: an array element for multi-selects, the value itself otherwise. */
export type ChoiceValue<K extends AnswerField> = NonNullable<AssessmentAnswers[K]> extends readonly (infer E)[]
  ? E
  : AssessmentAnswers[K];

export interface Choice<V> {
  /** Stable string for a Slack option's `value` (Slack values are strings). */
  readonly id: string;
  readonly value: V;
  /** At most 75 characters (Slack option text). */
  readonly label: string;
}

/**
 * single: one of the choices; multi: any of the choices; count: a whole number or empty
 * (unknown); hours: a number of hours or empty (not yet / unknown).
 */
export type QuestionInput = 'single' | 'multi' | 'count' | 'hours';

export interface Question<K extends AnswerField = AnswerField> {
  readonly field: K;
  /** Modal step: 1 what happened and to whom, 2 details that depend on step 1, 3 Art. 34(3). */
  readonly step: 1 | 2 | 3;
  readonly input: QuestionInput;
  readonly question: string;
  readonly help: string;
  /** Empty for count and hours inputs. */
  readonly choices: readonly Choice<ChoiceValue<K>>[];
  /** May be left empty: counts and hours mean "unknown", multi-selects mean "none". */
  readonly optional: boolean;
  /** When the question is asked, in words; null = always. `applicableFields` is the rule. */
  readonly appliesWhen: string | null;
  /** The answer to store when the question does not apply (schema-consistent). */
  readonly whenNotApplicable: AssessmentAnswers[K];
}

export type QuestionCatalogue = { readonly [K in AnswerField]: Question<K> };

const yes = <V>(value: V, label: string): Choice<V> => ({ id: String(value), value, label });
const YES_NO = [yes(true, 'Yes'), yes(false, 'No')] as const;

const CONFIDENTIALITY = 'Only when someone may have seen or taken the data (confidentiality).';

export const QUESTIONS: QuestionCatalogue = {
  role: {
    field: 'role',
    step: 1,
    input: 'single',
    question: 'Who decides what these data are used for?',
    help: 'The one who decides why and how the data are used is the controller. If we only handle them for a customer, we are its processor.',
    choices: [
      yes('controller', 'We do (we are the controller)'),
      yes('processor', 'A customer does: we handle the data for them (processor)'),
      yes('joint_controller', 'We and another organisation decide together (joint controller)'),
    ],
    optional: false,
    appliesWhen: null,
    whenNotApplicable: 'controller',
  },
  breachTypes: {
    field: 'breachTypes',
    step: 1,
    input: 'multi',
    question: 'What happened to the data?',
    help: 'Choose all that apply. Ransomware, for example, makes data unavailable and may also have copied them.',
    choices: [
      yes('confidentiality', 'Someone who should not have the data may have seen or taken them'),
      yes('integrity', 'Data were changed or corrupted'),
      yes('availability', 'Data were lost, deleted or could not be reached'),
    ],
    optional: false,
    appliesWhen: null,
    whenNotApplicable: [],
  },
  subjectsCount: {
    field: 'subjectsCount',
    step: 1,
    input: 'count',
    question: 'About how many people are affected?',
    help: 'A rough number is fine. Leave it empty if you do not know yet: it will be assessed as the worse case.',
    choices: [],
    optional: true,
    appliesWhen: null,
    whenNotApplicable: null,
  },
  recordsCount: {
    field: 'recordsCount',
    step: 1,
    input: 'count',
    question: 'About how many records are affected?',
    help: 'Records are rows, files or documents. Leave it empty if you do not know.',
    choices: [],
    optional: true,
    appliesWhen: null,
    whenNotApplicable: null,
  },
  subjectGroups: {
    field: 'subjectGroups',
    step: 1,
    input: 'multi',
    question: 'Who are the people affected?',
    help: 'Choose all that apply. Children, patients and vulnerable people make a breach more serious.',
    choices: SUBJECT_GROUPS.map((g) => yes(g, SUBJECT_GROUP_CHOICE_LABELS[g])),
    optional: true,
    appliesWhen: null,
    whenNotApplicable: [],
  },
  dataTypes: {
    field: 'dataTypes',
    step: 1,
    input: 'multi',
    question: 'What kinds of data are involved?',
    // Context reveals special categories (Recital 35; CJEU C-184/20): the list of an HIV clinic's
    // patients is health data though it holds only names and e-mails. Slack hints: at most 150 here.
    help: "Choose every kind; the most sensitive sets the severity. Tick a category the context reveals too: a clinic's patient list is health data.",
    choices: DATA_TYPES.map((t) => yes(t, DATA_TYPE_CHOICE_LABELS[t])),
    optional: false,
    appliesWhen: null,
    whenNotApplicable: [],
  },
  credentialsGiveAccessTo: {
    field: 'credentialsGiveAccessTo',
    step: 2,
    input: 'multi',
    question: 'What can someone open with the exposed logins or passwords?',
    help: 'A login is as serious as what it opens. Leave it empty if you do not know: it is assessed as the worse case.',
    choices: DATA_TYPES.map((t) => yes(t, DATA_TYPE_CHOICE_LABELS[t])),
    optional: true,
    appliesWhen: 'Only when the data include login credentials.',
    whenNotApplicable: [],
  },
  identifiability: {
    field: 'identifiability',
    step: 1,
    input: 'single',
    question: 'How easily can someone tell who the people are from these data?',
    help: 'A name with an address or an ID number identifies a person at once; a customer number alone does so only with other data.',
    choices: [
      yes('maximum', 'At once: names, ID numbers, photos'),
      yes('significant', 'Easily: e.g. an e-mail address or a name in a small group'),
      yes('limited', 'Only with some effort or other data'),
      yes('negligible', 'Hardly at all: pseudonymised or aggregated data'),
    ],
    optional: false,
    appliesWhen: null,
    whenNotApplicable: 'maximum',
  },
  publiclyAvailableBefore: {
    field: 'publiclyAvailableBefore',
    step: 1,
    input: 'single',
    question: 'Were the same data already public before the breach?',
    help: 'For example a published staff directory. Data that were already public lose less by being disclosed.',
    choices: [
      yes(true, 'Yes'),
      yes(false, 'No'),
      // Not known: assessed as not public (facts.ts), so nothing is lowered on a guess.
      { id: 'unknown', value: null, label: 'We do not know yet (assessed as not public)' },
    ],
    optional: false,
    appliesWhen: null,
    whenNotApplicable: false,
  },
  disclosure: {
    field: 'disclosure',
    step: 2,
    input: 'single',
    question: 'Could someone who should not have the data have seen or taken them?',
    help: 'If you do not know yet, say so: it will be assessed as the worse case (disclosed).',
    choices: [
      yes('confirmed', 'Yes, we know they did'),
      yes('likely', 'Probably'),
      yes('unlikely', 'Probably not, but we cannot rule it out'),
      yes('ruled_out', 'No, ruled out (e.g. logs show no access, recalled unopened)'),
      { id: 'unknown', value: null, label: 'We do not know yet' },
    ],
    optional: true,
    appliesWhen: CONFIDENTIALITY,
    whenNotApplicable: null,
  },
  recipients: {
    field: 'recipients',
    step: 2,
    input: 'single',
    question: 'Who got, or could get, the data?',
    help: 'Bound to secrecy means a lawyer, doctor or accountant, our processor, or an employee with a duty of confidentiality. A private person is not.',
    choices: [
      yes('trusted', 'Someone bound to secrecy (a professional, our processor or employee)'),
      yes('known', 'Known people we can contact (e.g. a wrong e-mail recipient)'),
      yes('unknown', 'Unknown people (e.g. an attacker, a thief, a finder)'),
      yes('public', 'Anyone: the data were published or open on the internet'),
      { id: 'unknown_recipients', value: null, label: 'We do not know yet' },
    ],
    optional: true,
    appliesWhen: CONFIDENTIALITY,
    whenNotApplicable: null,
  },
  physicalDanger: {
    field: 'physicalDanger',
    step: 2,
    input: 'single',
    question: 'Could the disclosure put someone in physical danger (a protected address, a hiding place, someone being searched for)?',
    help: "For example a secret address sent to a violent ex-partner, or a foster child's new address to the birth parent.",
    choices: [
      yes(true, 'Yes, it could'),
      yes(false, 'No'),
      // Recitals 75 and 85: assessed as the worse case (rules.ts, confidentiality rule 5).
      { id: 'unknown', value: null, label: 'We do not know yet (assessed as if it could)' },
    ],
    // Required: an empty answer would be "not known", the worse case, for every disclosure.
    optional: false,
    appliesWhen: CONFIDENTIALITY,
    // Not asked: absent, which the assessment reads as it read answers from before the question.
    whenNotApplicable: undefined,
  },
  recipientDeletedOrReturned: {
    field: 'recipientDeletedOrReturned',
    step: 2,
    input: 'single',
    question: 'Has that recipient (bound to secrecy) confirmed in writing that they deleted or returned the data and did not pass them on?',
    help: "Only a recipient bound to secrecy counts: a private person's word does not lower the risk.",
    choices: YES_NO,
    optional: false,
    appliesWhen: 'Only when someone may have seen or taken the data, and the recipient is bound to secrecy.',
    whenNotApplicable: false,
  },
  copyOutOfControl: {
    field: 'copyOutOfControl',
    step: 2,
    input: 'single',
    question: 'Is a copy of the data out of your hands?',
    help: 'A lost or stolen laptop, USB stick or paper file is, even if a backup restored the data. Ransomware that only encrypted them in place is not.',
    choices: [
      yes(true, 'Yes: a lost or stolen device or paper, or a copy sent or taken'),
      yes(false, 'No: the data stayed in our systems or premises'),
      { id: 'unknown', value: null, label: 'We do not know yet' },
    ],
    optional: true,
    appliesWhen: 'Only when someone may have seen or taken the data and data were also lost or altered.',
    // Not asked: absent, which the assessment reads as it read answers from before the question.
    whenNotApplicable: undefined,
  },
  protection: {
    field: 'protection',
    step: 2,
    input: 'single',
    question: 'Were the data encrypted or hashed, and is the key safe?',
    help: 'Choose the first answer only for encryption or hashing to current standards whose key or salt nobody else may have.',
    choices: [
      yes('intact', 'Yes, to current standards, and the key or salt is safe'),
      yes('compromised', 'Yes, but the key or salt may be exposed, or the method is weak'),
      yes('none', 'No, not encrypted or hashed'),
    ],
    optional: false,
    appliesWhen: CONFIDENTIALITY,
    whenNotApplicable: 'none',
  },
  protectedDataTypes: {
    field: 'protectedDataTypes',
    step: 2,
    input: 'multi',
    question: 'Which of these kinds of data does the encryption or hashing protect?',
    help: 'Hashes protect the passwords, not the names and e-mails stored beside them. Data not chosen here count as unprotected.',
    choices: DATA_TYPES.map((t) => yes(t, DATA_TYPE_CHOICE_LABELS[t])),
    optional: false,
    appliesWhen: 'Only when the data were encrypted or hashed to current standards with the key safe.',
    whenNotApplicable: null,
  },
  alteration: {
    field: 'alteration',
    step: 2,
    input: 'single',
    question: 'Can the correct data be recovered?',
    help: 'For example from a backup or the original documents.',
    choices: [
      yes('recoverable', 'Yes, the correct data can be restored'),
      yes('unrecoverable', 'No, the correct data are lost'),
    ],
    optional: false,
    appliesWhen: 'Only when data were changed or corrupted (integrity).',
    whenNotApplicable: 'none',
  },
  unavailability: {
    field: 'unavailability',
    step: 2,
    input: 'single',
    question: 'Were the data lost for good, or unavailable for a time?',
    help: 'Data restored from a backup were unavailable for a time.',
    choices: [
      yes('temporary', 'For a time: they are, or will be, restored'),
      yes('permanent', 'For good: there is no copy'),
    ],
    optional: false,
    appliesWhen: 'Only when data were lost or could not be reached (availability).',
    whenNotApplicable: 'none',
  },
  restoredWithinHours: {
    field: 'restoredWithinHours',
    step: 2,
    input: 'hours',
    question: 'How many hours until the data were available and correct again?',
    help: 'Leave it empty if they are not restored yet, or you do not know.',
    choices: [],
    optional: true,
    appliesWhen: 'Only when data were altered or unavailable for a time.',
    whenNotApplicable: null,
  },
  impactOnPeople: {
    field: 'impactOnPeople',
    step: 2,
    input: 'single',
    question: 'What did the loss or change do to the people affected?',
    help: 'A loss that delays care, payments or legal rights is not minor. Wrong benefit cuts or police reports are severe.',
    choices: [
      yes('none', 'Nothing noticeable'),
      yes('minor', 'Minor inconvenience (e.g. a short delay, re-entering data)'),
      yes('significant', 'Significant (e.g. delayed care, payments or case handling)'),
      yes('severe', 'Severe (e.g. harm to health, loss of benefits or liberty)'),
    ],
    optional: false,
    appliesWhen: 'Only when data were altered or lost (integrity or availability).',
    whenNotApplicable: 'none',
  },
  malicious: {
    field: 'malicious',
    step: 1,
    input: 'single',
    question: 'Was this done on purpose?',
    help: 'Theft, hacking, ransomware, insider misuse or social engineering count as on purpose.',
    choices: [
      yes(true, 'Yes'),
      yes(false, 'No, an accident or error'),
      // Not known: assessed as on purpose (facts.ts); a team made to pick would guess.
      { id: 'unknown', value: null, label: 'We do not know yet (assessed as on purpose)' },
    ],
    optional: false,
    appliesWhen: null,
    whenNotApplicable: false,
  },
  measuresRemoveHighRisk: {
    field: 'measuresRemoveHighRisk',
    step: 3,
    input: 'single',
    question: 'Has what you did since the breach made a high risk to the people unlikely now?',
    help: 'For example: every exposed password reset and every card blocked before any misuse (Art. 34(3)(b)). Describe these steps in the notification.',
    choices: YES_NO,
    optional: false,
    appliesWhen: 'Only for a controller or joint controller (a processor leaves this to the controller).',
    whenNotApplicable: false,
  },
  individualContactDisproportionate: {
    field: 'individualContactDisproportionate',
    step: 3,
    input: 'single',
    question: 'Would telling each person directly take a disproportionate effort?',
    help: 'For example: there are no contact details for most of them (Art. 34(3)(c)). A public announcement must then tell them instead.',
    choices: YES_NO,
    optional: false,
    appliesWhen: 'Only for a controller or joint controller (a processor leaves this to the controller).',
    whenNotApplicable: false,
  },
};

/** All fields in the order the modal asks them. */
export const QUESTION_ORDER: readonly AnswerField[] = [
  'role',
  'breachTypes',
  'dataTypes',
  'subjectGroups',
  'subjectsCount',
  'recordsCount',
  'identifiability',
  'publiclyAvailableBefore',
  'malicious',
  'credentialsGiveAccessTo',
  'disclosure',
  'recipients',
  'physicalDanger',
  'copyOutOfControl',
  'recipientDeletedOrReturned',
  'protection',
  'protectedDataTypes',
  'alteration',
  'unavailability',
  'restoredWithinHours',
  'impactOnPeople',
  'measuresRemoveHighRisk',
  'individualContactDisproportionate',
];

/**
 * The fields to ask, in order, given the answers so far. A field is left out only when an
 * answer already given rules it out; a field whose deciding answer is not given yet is kept.
 * Fields left out take their `whenNotApplicable` value.
 */
export function applicableFields(answers: Partial<AssessmentAnswers>): AnswerField[] {
  return QUESTION_ORDER.filter((field) => applies(field, answers));
}

function applies(field: AnswerField, a: Partial<AssessmentAnswers>): boolean {
  const has = (t: 'confidentiality' | 'integrity' | 'availability') =>
    a.breachTypes === undefined || a.breachTypes.includes(t);
  const hasData = (t: DataType) => a.dataTypes === undefined || a.dataTypes.includes(t);
  switch (field) {
    case 'credentialsGiveAccessTo':
      return hasData('credentials');
    case 'disclosure':
    case 'recipients':
    case 'physicalDanger':
    case 'protection':
      return has('confidentiality');
    case 'recipientDeletedOrReturned':
      return (
        has('confidentiality') &&
        a.disclosure !== 'ruled_out' &&
        (a.recipients === undefined || a.recipients === 'trusted')
      );
    case 'copyOutOfControl':
      // Only beside a loss does it matter: whether a restore undid the breach (rules.ts, rule 4a).
      return has('confidentiality') && (has('integrity') || has('availability'));
    case 'protectedDataTypes':
      return has('confidentiality') && (a.protection === undefined || a.protection === 'intact');
    case 'alteration':
      return has('integrity');
    case 'unavailability':
      return has('availability');
    case 'restoredWithinHours':
      return (
        (has('integrity') || has('availability')) &&
        a.unavailability !== 'permanent' &&
        !(a.alteration === 'unrecoverable' && !has('availability'))
      );
    case 'impactOnPeople':
      return has('integrity') || has('availability');
    case 'measuresRemoveHighRisk':
    case 'individualContactDisproportionate':
      return a.role !== 'processor';
    default:
      return true;
  }
}

/**
 * The choices to offer for a field given the answers so far: which kinds of data the protection
 * covers is chosen among the kinds involved; every other field offers its whole list.
 */
export function choicesFor<K extends AnswerField>(field: K, answers: Partial<AssessmentAnswers>): readonly Choice<ChoiceValue<K>>[] {
  const all = QUESTIONS[field].choices as readonly Choice<ChoiceValue<K>>[];
  if (field !== 'protectedDataTypes' || answers.dataTypes === undefined) return all;
  const involved = answers.dataTypes as readonly unknown[];
  return all.filter((c) => involved.includes(c.value));
}

/**
 * Complete answers from what was asked: fields that do not apply take their
 * `whenNotApplicable` value, so a modal's answers pass the schema's consistency checks.
 */
export function withNotApplicableDefaults(
  asked: Partial<AssessmentAnswers>,
): Partial<AssessmentAnswers> {
  const out: Partial<AssessmentAnswers> = { ...asked };
  const keep = new Set(applicableFields(asked));
  for (const field of QUESTION_ORDER) {
    if (!keep.has(field)) setDefault(out, field);
  }
  return out;
}

function setDefault<K extends AnswerField>(out: Partial<AssessmentAnswers>, field: K): void {
  out[field] = QUESTIONS[field].whenNotApplicable;
}
