/**
 * Fixed wording of the notices to the authority and to the controller, in both languages. The
 * section builders (report-sections.ts) are written once against this table.
 */

import { LEGAL, DATATILSYNET } from './reference.js';
import { TERMS, capitalise, type Bilingual } from './terms.js';

const cap = (b: Bilingual): Bilingual => ({ en: capitalise(b.en), da: capitalise(b.da) });

export const REPORT_TEXT = {
  authorityTitle: { en: 'Notification of a personal data breach to Datatilsynet', da: capitalise(TERMS.notificationToAuthority.da) },
  processorTitle: {
    en: 'Notice of a personal data breach to the controller',
    da: 'Meddelelse om brud på persondatasikkerheden til den dataansvarlige',
  },
  to: { en: 'To', da: 'Til' },
  // Heads a notice to Datatilsynet drafted although the recorded decision is that none is needed (issue 17).
  draftedOnRequest: {
    en: 'Drafted on request: the recorded decision is that Datatilsynet need not be notified',
    da: 'Udkast på anmodning: den registrerede beslutning er, at Datatilsynet ikke skal underrettes',
  },
  authorityAddressee: {
    en: `${DATATILSYNET.name.en}, ${DATATILSYNET.address}; ${DATATILSYNET.phone}; ${DATATILSYNET.email}; ${DATATILSYNET.website}`,
    da: `${DATATILSYNET.name.da}, ${DATATILSYNET.address}; ${DATATILSYNET.phone}; ${DATATILSYNET.email}; ${DATATILSYNET.website}`,
  },

  // 1. Type of notification
  notificationType: { en: 'Type of notification', da: 'Anmeldelsestype' },
  newNotification: { en: 'New notification.', da: 'Ny anmeldelse.' },
  followUpTo: { en: 'Follow-up to the earlier notification', da: 'Opfølgning på den tidligere anmeldelse' },
  completeness: { en: 'Complete or initial', da: 'Fuldstændig eller foreløbig' },
  complete: { en: 'Complete notification.', da: 'Fuldstændig anmeldelse.' },
  initial: {
    en: `Initial notification; more information will follow ${TERMS.inPhases.en} (${LEGAL.art33_4.en}).`,
    da: `Foreløbig anmeldelse; flere oplysninger følger ${TERMS.inPhases.da} (${LEGAL.art33_4.da}).`,
  },
  supplementExpectedBy: {
    en: 'When the missing information will be available',
    da: 'Hvornår de manglende oplysninger foreligger',
  },
  ourReference: { en: 'Our reference', da: 'Vores reference' },
  title: { en: 'Title', da: 'Titel' },

  // 2. Contacts
  ourRole: { en: 'Our role', da: 'Vores rolle' },
  controller: cap(TERMS.controller),
  processor: cap(TERMS.processor),
  cvr: { en: 'CVR number', da: 'CVR-nummer' },
  address: { en: 'Address', da: 'Adresse' },
  reporter: { en: 'Person reporting', da: 'Anmelder' },
  sector: { en: 'Sector', da: 'Branche eller sektor' },
  dpo: { en: 'Data protection officer (contact point)', da: 'Databeskyttelsesrådgiver (kontaktpunkt)' },
  otherParties: { en: 'Other parties involved', da: 'Andre involverede parter' },

  // 3. Timeline
  started: { en: 'The breach started', da: 'Bruddet begyndte' },
  startUnknown: { en: 'Not yet known.', da: 'Endnu ikke kendt.' },
  ongoingLabel: { en: 'Still ongoing', da: 'Står stadig på' },
  ongoingYes: { en: 'Yes, the breach is ongoing.', da: 'Ja, bruddet står stadig på.' },
  ongoingNo: { en: 'No, the breach has ended', da: 'Nej, bruddet er ophørt' },
  endedAt: { en: 'The breach ended', da: 'Bruddet ophørte' },
  detectedAt: { en: 'The breach was detected', da: 'Bruddet blev opdaget' },
  awareAt: { en: 'We became aware of the breach', da: 'Vi blev bekendt med bruddet' },
  discovery: { en: 'How it was discovered', da: 'Sådan blev bruddet opdaget' },
  authorityDeadline: {
    en: `Deadline for notification (${TERMS.withoutUndueDelay.en} and, ${TERMS.within72Hours.en}, ${LEGAL.art33_1.en})`,
    da: `Frist for anmeldelse (${TERMS.withoutUndueDelay.da} og ${TERMS.within72Hours.da}, ${LEGAL.art33_1.da})`,
  },
  processorDeadline: {
    en: 'Deadline for telling the controller (our agreement)',
    da: 'Frist for at underrette den dataansvarlige (databehandleraftalen)',
  },

  // Delay
  authorityLate: {
    en: `This notification is made after the deadline of {deadline}. ${LEGAL.art33_1.en} requires the ${TERMS.reasonsForDelay.en}.`,
    // The Regulation's words: a late notification "ledsages af en begrundelse for forsinkelsen"; the comma
    // after "stk. 1" closes the reference, as Danish legal citations do.
    da: `Anmeldelsen sker efter fristen, der udløb den {deadline}. Efter ${LEGAL.art33_1.da}, skal anmeldelsen derfor ledsages af en ${TERMS.reasonsForDelay.da}.`,
  },
  processorLate: {
    en: 'This notice is sent after the deadline of {deadline} in our agreement.',
    da: 'Meddelelsen sendes efter fristen i databehandleraftalen, der udløb den {deadline}.',
  },
  delayReason: cap(TERMS.reasonsForDelay),

  // 4. Nature
  incidentCategory: { en: 'Kind of incident', da: 'Hændelsens art' },
  breachType: { en: 'Type of breach', da: 'Bruddets type' },
  whatHappened: { en: 'What happened', da: 'Hvad er der sket' },
  cause: { en: 'Cause', da: 'Årsag' },
  internal: { en: 'internal', da: 'intern' },
  external: { en: 'external', da: 'ekstern' },
  malicious: { en: 'deliberate (malicious)', da: 'bevidst (ondsindet)' },
  notMalicious: { en: 'not deliberate', da: 'ikke bevidst' },
  systems: { en: 'Systems involved', da: 'Berørte systemer' },

  // 5. Subjects and data
  subjectCategories: { en: 'Categories of data subjects', da: 'Kategorier af registrerede' },
  subjectCount: { en: 'Number of data subjects', da: 'Antal registrerede' },
  dataTypes: { en: 'Types of personal data', da: 'Typer af personoplysninger' },
  specialData: {
    en: `Special categories or criminal data (${LEGAL.art9_10.en})`,
    da: `Særlige kategorier eller oplysninger om strafbare forhold (${LEGAL.art9_10.da})`,
  },
  specialDataUk: {
    en: `Special categories or criminal data (${LEGAL.art9_10Uk.en})`,
    da: `Særlige kategorier eller oplysninger om strafbare forhold (${LEGAL.art9_10Uk.da})`,
  },
  yes: { en: 'Yes', da: 'Ja' },
  no: { en: 'No', da: 'Nej' },
  recordsCount: { en: 'Number of records', da: 'Antal registreringer' },
  unintelligible: {
    en: 'The data were encrypted or otherwise unintelligible to whoever got them',
    da: 'Oplysningerne var krypterede eller på anden måde uforståelige for uvedkommende',
  },
  // The risk assessment's answer (assessment.md `protection`) where the team recorded no yes or no.
  unintelligibleOnly: { en: 'Yes, for the {types} only.', da: 'Ja, men kun for {types}.' },
  unintelligibleCompromised: {
    en: 'No: they were encrypted, but the key or method is not safe.',
    da: 'Nej: de var krypterede, men nøglen eller metoden er ikke sikker.',
  },

  // 6. Measures before
  measuresBefore: { en: 'Measures in place before the breach', da: 'Foranstaltninger før bruddet' },

  // 7. Consequences and risk
  actualConsequences: { en: 'Consequences for the data subjects so far', da: 'Konsekvenser for de registrerede indtil nu' },
  likelyConsequences: cap(TERMS.likelyConsequences),
  riskAssessment: { en: 'Our risk assessment', da: 'Vores risikovurdering' },
  riskSentence: { en: 'The breach is {risk}.', da: 'Bruddet {risk}.' },
  // Said of us: an override is recorded by the DPO or the breach lead, and the notice names neither.
  decidedOnGrounds: {
    en: 'We decided this on the following grounds:',
    da: 'Vi har truffet denne beslutning med følgende begrundelse:',
  },
  severity: { en: 'Severity', da: 'Alvor' },
  reasons: { en: 'Reasons', da: 'Begrundelser' },

  // 8. Measures taken
  measuresTaken: { en: 'Measures taken', da: 'Trufne foranstaltninger' },
  measuresProposed: { en: 'Measures proposed', da: 'Foreslåede foranstaltninger' },
  mitigation: cap(TERMS.mitigationMeasures),

  // 9. Communication
  status: { en: 'Status', da: 'Status' },
  communicated: { en: 'The data subjects have been told.', da: 'De registrerede er underrettet.' },
  planned: { en: 'The data subjects will be told.', da: 'De registrerede vil blive underrettet.' },
  notCommunicated: { en: 'The data subjects are not told, because', da: 'De registrerede underrettes ikke, fordi' },
  notCommunicatedOwnReason: { en: 'The data subjects are not told.', da: 'De registrerede underrettes ikke.' },
  when: { en: 'When', da: 'Hvornår' },
  plannedWhen: { en: 'Planned for', da: 'Planlagt til' },
  how: { en: 'How', da: 'Hvordan' },
  publicCommunication: {
    en: `as a public communication (${LEGAL.art34_3c.en})`,
    da: `som offentlig meddelelse (${LEGAL.art34_3c.da})`,
  },
  countTold: { en: 'Number of data subjects told', da: 'Antal underrettede registrerede' },
  ourReason: { en: 'Our reasoning', da: 'Vores begrundelse' },
  textAttached: {
    en: 'The text of the communication is attached.',
    da: 'Teksten til underretningen er vedlagt.',
  },

  // 10. Other authorities
  police: { en: 'Police informed', da: 'Politiet underrettet' },
  policeReference: { en: 'police reference', da: 'politiets journalnummer' },
  otherAuthorities: { en: 'Other authorities informed', da: 'Andre underrettede myndigheder' },
  crossBorder: { en: 'People in other EU/EEA countries affected', da: 'Personer i andre EU/EØS-lande berørt' },

  // Processor notice
  processorIntro: {
    en: `We, {org}, process personal data on your behalf as your ${TERMS.processor.en}. Under ${LEGAL.art33_2.en} we tell you, as ${TERMS.controller.en}, of a ${TERMS.personalDataBreach.en} ${TERMS.withoutUndueDelay.en} after becoming aware of it.`,
    da: `Vi, {org}, behandler personoplysninger på jeres vegne som ${TERMS.processor.da}. Efter ${LEGAL.art33_2.da}, underretter vi jer som ${TERMS.controller.da} om et ${TERMS.personalDataBreach.da} ${TERMS.withoutUndueDelay.da}, efter at vi er blevet bekendt med det.`,
  },
  controllerDecides: {
    en: 'You, as controller, decide whether the breach must be notified to the supervisory authority and communicated to the data subjects. This notice gives what we know and makes no risk decision for you.',
    da: 'I afgør som dataansvarlig, om bruddet skal anmeldes til tilsynsmyndigheden, og om de registrerede skal underrettes. Denne meddelelse indeholder de oplysninger, vi har, og vi træffer ingen afgørelse om risikoen på jeres vegne.',
  },
  controllerDeadline: {
    en: `If you must notify the supervisory authority, your own deadline runs from when you become aware of the breach, which is at the latest when you receive this notice: ${TERMS.withoutUndueDelay.en} and, ${TERMS.within72Hours.en} (${LEGAL.art33_1.en}).`,
    da: `Hvis I skal anmelde bruddet til tilsynsmyndigheden, løber jeres egen frist fra det tidspunkt, hvor I bliver bekendt med bruddet, og dermed senest fra det tidspunkt, hvor I modtager denne meddelelse: ${TERMS.withoutUndueDelay.da} og ${TERMS.within72HoursOfYou.da} (${LEGAL.art33_1.da}).`,
  },
  askUs: {
    en: 'Tell our contact person above what further information you need.',
    da: 'Kontakt vores kontaktperson ovenfor, hvis I har brug for flere oplysninger.',
  },
} as const satisfies Record<string, Bilingual>;
