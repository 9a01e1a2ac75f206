// Published worked examples of breach notification decisions, with the facts that decided them and
// the outcome their authors gave. Sources:
// - Article 29 Working Party, Guidelines on personal data breach notification under Regulation
//   2016/679 (WP250 rev.01, 6 February 2018), Annex B "Examples of personal data breaches and who
//   to notify", examples numbered 1 to 10 in their order there (spec/assessment.md);
// - EDPB Guidelines 01/2021 on examples regarding personal data breach notification (v2.0,
//   adopted 14 December 2021), "CASE No." 01 to 14 and 16 to 18 with their titles. Case 15
//   ("Personal data sent by mail by mistake") is left out: its facts could not be checked against
//   a copy of the text, and an example is not encoded from memory. Cases 16 and 18 were checked
//   against summaries of the text (the facts and outcome of each in two independent ones), not the
//   text itself: re-read them against the Guidelines when a copy is at hand.
// The kind of incident (features.ts KINDS) is what each example is about: a stolen USB key, tablet,
// notebook or logbook is a carrier; a flaw that shows users each other's accounts (WP250 ex. 7) shows
// data to the wrong people by mistake; an employee copying customer data for his own business (EDPB
// case 08) got at them in the systems on purpose, as an attacker does.
// A feature the example does not state is null: it is not compared. Numbers of people are given
// only where the text states them (WP250 5 and EDPB 16 and 17: one; EDPB 05: 213; EDPB 09: two
// dozen; EDPB 11: over 100,000; EDPB 13: two; EDPB 18: 99).
import type { Features } from './features.js';

/** What the example concludes for the authority and for the people affected. */
export type PublishedAnswer = 'yes' | 'no' | 'depends' | 'controller_decides';

export interface Precedent {
  /** Stable key, e.g. "wp250-8", "edpb-03". */
  readonly id: string;
  /** Where to read it. */
  readonly citation: string;
  /** What happened, in a line. */
  readonly summary: string;
  readonly authority: PublishedAnswer;
  readonly subjects: PublishedAnswer;
  /** The condition or nuance the example attaches to its outcome, if any. */
  readonly note: string | null;
  readonly features: Features;
}

const WP250 = 'WP250 rev.01, Annex B, example';
const EDPB = 'EDPB Guidelines 01/2021, case No.';

/** Defaults for a confidentiality breach; each example states what it is about. */
const disclosure: Features = {
  processor: false,
  disclosed: true,
  lost: false,
  data: null,
  dataTypes: null,
  vulnerable: null,
  scale: null,
  reach: null,
  protection: 'none',
  loss: null,
  effect: null,
  malicious: null,
  deletedByTrusted: false,
  copyOut: null,
  kinds: null,
};

/** Defaults for an availability breach. */
const outage: Features = { ...disclosure, disclosed: false, lost: true, protection: null, deletedByTrusted: null };

export const PRECEDENTS: readonly Precedent[] = [
  {
    id: 'wp250-1',
    citation: `${WP250} 1`,
    summary: 'a backup encrypted to the state of the art on a USB key is stolen; the key is safe and the data can be restored',
    authority: 'no',
    subjects: 'no',
    note: null,
    features: { ...disclosure, kinds: ['carrier'], reach: 'unknown', protection: 'intact', malicious: true },
  },
  {
    id: 'wp250-2',
    citation: `${WP250} 2`,
    summary: "a cyber attack on an online service exfiltrates customers' personal data",
    authority: 'yes',
    subjects: 'depends',
    note: 'tell the people depending on the data and how severe the consequences are',
    features: { ...disclosure, kinds: ['systems'], data: 'simple', dataTypes: ['basic_identity', 'contact'], reach: 'unknown', malicious: true },
  },
  {
    id: 'wp250-3',
    citation: `${WP250} 3`,
    summary: "a power cut of several minutes makes a call centre's customer records unreachable",
    authority: 'no',
    subjects: 'no',
    note: 'record it in the register',
    features: { ...outage, kinds: ['in_place'], data: 'simple', dataTypes: ['basic_identity', 'contact'], loss: 'brief', effect: 'minor', malicious: false },
  },
  {
    id: 'wp250-4',
    citation: `${WP250} 4`,
    summary: 'ransomware encrypts all data, there is no backup and nothing is restored; no sign of exfiltration',
    authority: 'yes',
    subjects: 'depends',
    note: 'tell the people depending on the data and the effect of the loss on them',
    features: { ...outage, kinds: ['in_place'], loss: 'permanent', malicious: true },
  },
  {
    id: 'wp250-5',
    citation: `${WP250} 5`,
    summary: "a bank customer receives another customer's monthly statement",
    authority: 'yes',
    subjects: 'yes',
    note: 'only the person affected, if the risk to them is high',
    features: { ...disclosure, kinds: ['misdirected'], data: 'fraud', dataTypes: ['basic_identity', 'financial'], scale: 'one', reach: 'known', malicious: false },
  },
  {
    id: 'wp250-6',
    citation: `${WP250} 6`,
    summary: "an attacker publishes an online marketplace's usernames, passwords and purchase history",
    authority: 'yes',
    subjects: 'yes',
    note: null,
    features: { ...disclosure, kinds: ['systems'], data: 'fraud', dataTypes: ['basic_identity', 'credentials', 'behavioural'], reach: 'public', malicious: true },
  },
  {
    id: 'wp250-7',
    citation: `${WP250} 7`,
    summary: "a hosting processor finds a flaw letting users see other users' accounts",
    authority: 'controller_decides',
    subjects: 'controller_decides',
    note: null,
    features: { ...disclosure, kinds: ['misdirected'], processor: true, reach: 'known', malicious: false },
  },
  {
    id: 'wp250-8',
    citation: `${WP250} 8`,
    summary: "a hospital's medical records are unavailable for 30 hours after a cyber attack",
    authority: 'yes',
    subjects: 'yes',
    note: null,
    features: { ...outage, kinds: ['in_place'], data: 'special', dataTypes: ['basic_identity', 'health'], vulnerable: true, loss: 'long', malicious: true },
  },
  {
    id: 'wp250-9',
    citation: `${WP250} 9`,
    summary: 'personal data of a large number of students are mailed by mistake to a list of 1,000+ recipients',
    authority: 'yes',
    subjects: 'yes',
    note: null,
    features: { ...disclosure, kinds: ['misdirected'], reach: 'known', malicious: false },
  },
  {
    id: 'wp250-10-marketing',
    citation: `${WP250} 10`,
    summary: 'a marketing e-mail is sent with every recipient\'s address visible in "To:" or "cc:"',
    authority: 'no',
    subjects: 'no',
    note: 'notifiable when many people are affected, sensitive data are revealed or other factors make the risk high',
    features: { ...disclosure, kinds: ['misdirected'], data: 'simple', dataTypes: ['contact'], reach: 'known', malicious: false },
  },
  {
    id: 'wp250-10-therapist',
    citation: `${WP250} 10`,
    summary: "a psychotherapist's client mailing list is sent with every address visible",
    authority: 'yes',
    subjects: 'yes',
    note: null,
    features: { ...disclosure, kinds: ['misdirected'], data: 'special', dataTypes: ['contact', 'health'], vulnerable: true, reach: 'known', malicious: false },
  },
  {
    id: 'edpb-01',
    citation: `${EDPB} 01`,
    summary: 'ransomware with proper backup and without exfiltration: data restored within hours, no effect on people',
    authority: 'no',
    subjects: 'no',
    note: 'record it in the register',
    features: { ...outage, kinds: ['in_place'], data: 'simple', dataTypes: ['basic_identity', 'contact', 'employment'], loss: 'brief', effect: 'none', malicious: true },
  },
  {
    id: 'edpb-02',
    citation: `${EDPB} 02`,
    summary: 'ransomware without proper backup: data restored from paper after five days, minor delays',
    authority: 'yes',
    subjects: 'no',
    note: null,
    features: { ...outage, kinds: ['in_place'], data: 'simple', dataTypes: ['basic_identity', 'contact', 'employment'], loss: 'long', effect: 'minor', malicious: true },
  },
  {
    id: 'edpb-03',
    citation: `${EDPB} 03`,
    summary: "ransomware with backup and without exfiltration in a hospital: two days' outage delays patients' treatment",
    authority: 'yes',
    subjects: 'yes',
    note: null,
    features: { ...outage, kinds: ['in_place'], data: 'special', dataTypes: ['basic_identity', 'health'], vulnerable: true, loss: 'long', effect: 'significant', malicious: true },
  },
  {
    id: 'edpb-04',
    citation: `${EDPB} 04`,
    summary: "ransomware without backup and with exfiltration of a transport company's customer data",
    authority: 'yes',
    subjects: 'yes',
    note: null,
    features: { ...disclosure, kinds: ['systems'], lost: true, copyOut: true, data: 'fraud', dataTypes: ['basic_identity', 'contact', 'national_id', 'payment_card'], reach: 'unknown', loss: 'permanent', effect: 'minor', malicious: true },
  },
  {
    id: 'edpb-05',
    citation: `${EDPB} 05`,
    summary: 'exfiltration of job application data from a website form',
    authority: 'yes',
    subjects: 'yes',
    note: null,
    features: { ...disclosure, kinds: ['systems'], data: 'simple', dataTypes: ['basic_identity', 'contact', 'education', 'employment'], scale: 'hundreds', reach: 'unknown', malicious: true },
  },
  {
    id: 'edpb-06',
    citation: `${EDPB} 06`,
    summary: 'exfiltration of salted password hashes, state of the art, from a website',
    authority: 'no',
    subjects: 'no',
    note: null,
    features: { ...disclosure, kinds: ['systems'], data: 'fraud', dataTypes: ['credentials'], reach: 'unknown', protection: 'intact', malicious: true },
  },
  {
    id: 'edpb-07',
    citation: `${EDPB} 07`,
    summary: 'a credential stuffing attack on a banking website gives access to customers\' accounts',
    authority: 'yes',
    subjects: 'yes',
    note: null,
    features: { ...disclosure, kinds: ['systems'], data: 'fraud', dataTypes: ['basic_identity', 'financial', 'credentials'], reach: 'unknown', malicious: true },
  },
  {
    id: 'edpb-08',
    citation: `${EDPB} 08`,
    summary: 'a departing employee copies customer data for his own business',
    authority: 'yes',
    subjects: 'no',
    note: null,
    features: { ...disclosure, kinds: ['systems'], data: 'simple', dataTypes: ['basic_identity', 'contact'], reach: 'known', malicious: true },
  },
  {
    id: 'edpb-09',
    citation: `${EDPB} 09`,
    summary: 'customer data are sent by mistake to a trusted third party (an insurance agent), who confirms deleting them',
    authority: 'no',
    subjects: 'no',
    note: null,
    features: { ...disclosure, kinds: ['misdirected'], data: 'simple', dataTypes: ['basic_identity', 'contact'], scale: 'few', reach: 'trusted', malicious: false, deletedByTrusted: true },
  },
  {
    id: 'edpb-10',
    citation: `${EDPB} 10`,
    summary: "encrypted tablets with children's data are stolen from a childcare centre; a backup exists",
    authority: 'no',
    subjects: 'no',
    note: null,
    // The tablets are gone (availability) and the backup gives the data back.
    features: { ...disclosure, kinds: ['carrier'], lost: true, loss: 'brief', copyOut: true, data: 'simple', dataTypes: ['basic_identity', 'education'], vulnerable: true, reach: 'unknown', protection: 'intact', malicious: true },
  },
  {
    id: 'edpb-11',
    citation: `${EDPB} 11`,
    summary: "an unencrypted notebook with over 100,000 customers' data is stolen; the data are restored from daily backups",
    authority: 'yes',
    subjects: 'yes',
    note: null,
    // The notebook is gone (availability) and the daily backups give the data back: the backup
    // settles the loss, not the disclosure.
    features: { ...disclosure, kinds: ['carrier'], lost: true, loss: 'brief', copyOut: true, data: 'simple', dataTypes: ['basic_identity', 'contact'], scale: 'very_many', reach: 'unknown', malicious: true },
  },
  {
    id: 'edpb-12',
    citation: `${EDPB} 12`,
    summary: "a rehabilitation centre's paper logbook with health data is stolen",
    authority: 'yes',
    subjects: 'yes',
    note: null,
    features: { ...disclosure, kinds: ['carrier'], data: 'special', dataTypes: ['basic_identity', 'health'], vulnerable: true, reach: 'unknown', malicious: true },
  },
  {
    id: 'edpb-13',
    citation: `${EDPB} 13`,
    summary: "two customers' order bills are swapped in the post",
    authority: 'no',
    subjects: 'no',
    note: null,
    features: { ...disclosure, kinds: ['misdirected'], data: 'simple', dataTypes: ['basic_identity', 'contact'], scale: 'few', reach: 'known', malicious: false },
  },
  {
    id: 'edpb-14',
    citation: `${EDPB} 14`,
    summary: "a document with job seekers' highly confidential data (CPR numbers) is attached by mistake to an e-mail to them",
    authority: 'yes',
    subjects: 'yes',
    note: null,
    features: { ...disclosure, kinds: ['misdirected'], data: 'fraud', dataTypes: ['basic_identity', 'contact', 'national_id'], reach: 'known', malicious: false },
  },
  {
    id: 'edpb-16',
    citation: `${EDPB} 16`,
    summary:
      "a car insurer's letter (registration number, this and next year's premiums, annual mileage, date of birth) is put in another policyholder's envelope by a mechanical error",
    authority: 'yes',
    subjects: 'no',
    note: 'no special-category or payment data; ask the recipient to return or destroy the letter and not to use it',
    // Mileage and premiums (a rise can reveal a claim) describe the person's driving and history:
    // more than an address, less than data that enable fraud.
    features: { ...disclosure, kinds: ['misdirected'], data: 'behavioural', dataTypes: ['basic_identity', 'contact', 'behavioural'], scale: 'one', reach: 'known', malicious: false },
  },
  {
    id: 'edpb-17',
    citation: `${EDPB} 17`,
    summary: "identity theft: an impostor obtains a customer's account and billing data by social engineering",
    authority: 'yes',
    subjects: 'yes',
    note: null,
    features: { ...disclosure, kinds: ['systems'], data: 'fraud', dataTypes: ['basic_identity', 'contact', 'financial', 'communications'], scale: 'one', reach: 'unknown', malicious: true },
  },
  {
    id: 'edpb-18',
    citation: `${EDPB} 18`,
    summary:
      "for three months, rules planted in a retailer's mailboxes forward e-mails about invoices and payments to an attacker: 99 employees' names and wages, for ten also family situation and working hours",
    authority: 'yes',
    subjects: 'yes',
    note: null,
    features: { ...disclosure, kinds: ['systems'], data: 'income', dataTypes: ['basic_identity', 'income', 'employment'], scale: 'few', reach: 'unknown', malicious: true },
  },
];
