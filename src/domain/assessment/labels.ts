// English labels for data types and groups of people, used in reasons and in the modal.
import type { DataType, SubjectGroup } from './answers.js';

/** Short noun phrases for sentences ("Health data of about 1,200 patients ..."). */
export const DATA_TYPE_LABELS: Readonly<Record<DataType, string>> = {
  basic_identity: 'identity data',
  contact: 'contact details',
  national_id: 'national ID numbers (CPR)',
  official_document: 'identity documents',
  financial: 'financial data',
  income: 'income and salary data',
  payment_card: 'payment card data',
  credentials: 'login credentials',
  location: 'location data',
  behavioural: 'behavioural data',
  communications: 'communications data',
  employment: 'employment data',
  education: 'education data',
  health: 'health data',
  genetic: 'genetic data',
  biometric: 'biometric data',
  racial_ethnic: 'data on racial or ethnic origin',
  political: 'political opinions',
  religious: 'religious beliefs',
  philosophical: 'philosophical beliefs',
  trade_union: 'trade union membership',
  sex_life: 'data on sex life',
  sexual_orientation: 'sexual orientation',
  criminal: 'criminal records data',
};

/**
 * The labels above that are singular nouns ("sexual orientation was disclosed"); every other label
 * is a plural noun or a mass noun taking a plural verb ("data were", "contact details were").
 */
export const SINGULAR_DATA_TYPE_LABELS: ReadonlySet<DataType> = new Set<DataType>(['trade_union', 'sexual_orientation']);

/** Longer labels with examples, for the modal's choices (Slack: at most 75 characters). */
export const DATA_TYPE_CHOICE_LABELS: Readonly<Record<DataType, string>> = {
  basic_identity: 'Identity: name, date of birth, gender, customer number',
  contact: 'Contact details: address, e-mail, phone',
  national_id: 'National ID numbers (CPR)',
  official_document: 'Copies of passports, driving licences or other ID documents',
  financial: 'Financial: bank account numbers, debts, transactions, statements',
  income: 'Income: salary, pay slips, pensions, benefit amounts',
  payment_card: 'Payment card numbers',
  credentials: 'Usernames with passwords, PINs or other login secrets',
  location: 'Location: whereabouts, movements, entry and exit records',
  behavioural: 'Habits and preferences: purchase or browsing history, profiles',
  communications: 'Communications: messages, call or e-mail logs',
  employment: 'Employment: job, salary grade, evaluations, absence',
  education: 'Education: grades, exams, school records',
  health: 'Health: diagnoses, treatment, medication, sick leave reasons',
  genetic: 'Genetic data',
  biometric: 'Biometric data used to identify people (fingerprints, face)',
  racial_ethnic: 'Racial or ethnic origin',
  political: 'Political opinions',
  religious: 'Religious beliefs',
  philosophical: 'Philosophical beliefs',
  trade_union: 'Trade union membership',
  sex_life: 'Sex life',
  sexual_orientation: 'Sexual orientation',
  criminal: 'Criminal convictions, offences or suspicions',
};

export interface GroupLabel {
  singular: string;
  plural: string;
}

export const SUBJECT_GROUP_LABELS: Readonly<Record<SubjectGroup, GroupLabel>> = {
  customers: { singular: 'customer', plural: 'customers' },
  employees: { singular: 'employee', plural: 'employees' },
  patients: { singular: 'patient', plural: 'patients' },
  children: { singular: 'child', plural: 'children' },
  students: { singular: 'student', plural: 'students' },
  job_applicants: { singular: 'job applicant', plural: 'job applicants' },
  users: { singular: 'user', plural: 'users' },
  citizens: { singular: 'citizen', plural: 'citizens' },
  vulnerable: { singular: 'vulnerable person', plural: 'vulnerable people' },
  other: { singular: 'person', plural: 'other people' },
};

/** The modal's choice labels for groups of people. */
export const SUBJECT_GROUP_CHOICE_LABELS: Readonly<Record<SubjectGroup, string>> = {
  customers: 'Customers',
  employees: 'Employees',
  patients: 'Patients or clients of care',
  children: 'Children (under 18)',
  students: 'Students or pupils',
  job_applicants: 'Job applicants',
  users: 'Users of an app or website',
  citizens: 'Citizens using a public service',
  vulnerable: 'Vulnerable people (e.g. asylum seekers, welfare recipients)',
  other: 'Others',
};
