/**
 * Three breaches for the golden tests. Only facts a team could have recorded are set; what the
 * sources do not say (the seed agency's CVR, DPO, counts) is deliberately left unset, so the drafts
 * must show placeholders for it.
 *
 * The risk assessment of each is not hand-set: it is what `assess()` gives for the questionnaire
 * answers the team would have recorded, as the DPO decided it, mapped the way the bot maps it
 * (from-breach.ts). So the golden drafts test the engine and the drafts together; after a change to
 * the engine's reasons, regenerate them with `npm run golden:update` and review the diff.
 */

import { assess, type AssessmentAnswers } from '../../../src/domain/assessment/index.js';
import { proposedOutcome } from '../../../src/domain/decision.js';
import { decidedAssessment } from '../../../src/domain/notices/from-breach.js';
import type { NoticeFacts } from '../../../src/domain/notices/index.js';

/** Answers start from a small confidentiality breach by a controller; each case says what it is about. */
export function answers(over: Partial<AssessmentAnswers>): AssessmentAnswers {
  const confidentiality = (over.breachTypes ?? ['confidentiality']).includes('confidentiality');
  return {
    role: 'controller', breachTypes: ['confidentiality'], subjectsCount: 10, recordsCount: null, subjectGroups: ['customers'],
    dataTypes: ['basic_identity'], credentialsGiveAccessTo: [], identifiability: 'maximum', publiclyAvailableBefore: false,
    disclosure: confidentiality ? 'confirmed' : null, recipients: confidentiality ? 'known' : null, recipientDeletedOrReturned: false,
    protection: 'none', alteration: 'none', unavailability: 'none', restoredWithinHours: null, impactOnPeople: 'none',
    malicious: false, measuresRemoveHighRisk: false, individualContactDisproportionate: false,
    ...over,
  };
}

export type DpoDecision =
  | { kind: 'accepted' }
  | { kind: 'overridden'; notifyAuthority: boolean; communicateToSubjects: 'no' | 'individual' | 'public'; justification: string };

/** The assessment of these answers with the DPO's decision: accepted as proposed, or overridden. */
export function decided(a: AssessmentAnswers, decision: DpoDecision = { kind: 'accepted' }): Pick<NoticeFacts, 'assessment' | 'decision'> {
  const result = assess(a);
  const d = decision.kind === 'accepted' ? { kind: 'accepted', ...proposedOutcome(result), justification: null } : decision;
  return decidedAssessment({ answers: a, result }, d);
}

/**
 * The seed case (../../../../shared/seeds/000_*.txt): partial loss of entry/exit records of the
 * return centres in the AMS system, summer 2020. Notified late (the loss was found afterwards),
 * communicated publicly. Assessed: records of vulnerable people lost and altered for good, with a
 * severe effect (benefit cuts, police reports); contacting each person is disproportionate.
 */
export const seedAnswers = answers({
  breachTypes: ['availability', 'integrity'], subjectsCount: null, subjectGroups: ['vulnerable'], dataTypes: ['basic_identity', 'location'],
  alteration: 'unrecoverable', unavailability: 'permanent', impactOnPeople: 'severe', individualContactDisproportionate: true,
});

export const seedCase: NoticeFacts = {
  organisation: { name: 'Udlændingestyrelsen', sector: 'Public administration (immigration)' },
  reporter: { name: 'Case Handler' },
  reference: 'BR-2020-0007',
  title: 'Data loss in the AMS access system',
  description:
    'Unscheduled interruptions of the AMS access system caused a partial loss of entry and exit records for Return Centre Kærshovedgård and Return Centre Sjælsmark.',
  awareAt: '2020-08-04T08:00:00Z',
  startedAt: '2020-06-09T06:00:00Z',
  endedAt: '2020-07-17T20:00:00Z',
  ongoing: false,
  incidentCategory: 'system_failure',
  dataUnintelligible: false,
  discovery: 'A thorough examination of the AMS together with other authorities.',
  role: 'controller',
  otherParties: [{ name: 'AMS system supplier', role: 'processor' }],
  systems: ['Adgangs- og Meldepligt system (AMS)'],
  breachTypes: ['availability', 'integrity'],
  cause: { origin: 'internal', malicious: false, description: 'Human error and insufficient backup frequency.' },
  subjects: {
    groups: ['vulnerable'],
    description: 'rejected foreign nationals obliged to stay at Return Centre Kærshovedgård or Sjælsmark',
  },
  measuresTaken: [
    'Abstained from filing police reports for the periods and recalled reports already filed',
    'Told the public prosecutor that data from those dates cannot be used',
  ],
  measuresProposed: [
    'Repeated our data guidelines to our suppliers',
    'Tightened system monitoring, increased backup frequency and extended the logging period',
  ],
  mitigation: ['Disregarded the periods in question when calculating benefits'],
  actualConsequences: 'As far as we know, no one had benefits lowered or was sanctioned on faulty premises.',
  likelyConsequences:
    'A resident could be registered as absent. That could lead to lower benefits and a police report, even though the person was present.',
  ...decided(seedAnswers),
  notification: { type: 'new', completeness: 'complete' },
  delayReason: 'The loss of data was found only later, not when the interruptions were identified.',
  communication: { status: 'planned', at: '2021-08-26T08:00:00Z', channels: ['website'], isPublic: true },
  subjectAdvice: { steps: [], noActionReason: 'we have stopped the errors and made sure they cannot harm you' },
  publicNoticeReason: 'we no longer have a way to reach everyone who stayed at the centres then',
  subjectText: {
    whatHappened: 'In the summer of 2020, our system that records when you enter and leave the centre stopped several times. Some of the records of your visits were lost.',
    cause: 'Our staff made mistakes, and we did not make copies of the records often enough.',
    consequences: 'You could have been shown as absent even though you were there. That could have lowered your benefits or led to a police report.',
    measures: 'We have withdrawn the police reports for those days. We do not use the lost days when we work out your benefits.',
    apology: 'We are sorry that this happened.',
  },
  data: {
    types: ['basic_identity', 'location'],
    description: "whether the resident's access card was scanned at the entry point",
    notInvolved: 'Your case files and your contact details.',
  },
  otherAuthorities: { police: false, others: ['The public prosecutor'] },
  crossBorder: { involved: false },
};
/** Drafted a year later: well past the 72 hours. */
export const seedNow = '2021-08-20T10:00:00Z';

/** A ransomware attack on a clinic, possibly with data copied out; drafted on time, initial notice. */
export const ransomwareAnswers = answers({
  breachTypes: ['availability', 'confidentiality'], subjectsCount: 3400, recordsCount: 41000, subjectGroups: ['patients'],
  dataTypes: ['basic_identity', 'national_id', 'health'], disclosure: 'likely', recipients: 'unknown', unavailability: 'temporary',
  impactOnPeople: 'significant', malicious: true,
});

export const ransomwareCase: NoticeFacts = {
  organisation: {
    name: 'Klinik Nord ApS',
    cvr: '31415926',
    address: 'Nordvej 7, 9000 Aalborg',
    dpo: { name: 'Dorte Dahl', email: 'dpo@kliniknord.dk', phone: '+45 70 10 20 30' },
    sector: 'Health care',
  },
  reporter: { name: 'Lars Leth', function: 'IT manager', email: 'lars@kliniknord.dk', phone: '+45 70 10 20 31' },
  reference: 'BR-2026-0042',
  title: 'Ransomware on the patient file server',
  description: 'Ransomware encrypted the patient file server. The attackers say they copied files.',
  awareAt: '2026-03-14T08:30:00Z',
  startedAt: 'unknown',
  ongoing: true,
  detectedAt: '2026-03-14T07:45:00Z',
  incidentCategory: 'malware',
  dataUnintelligible: false,
  discovery: 'Staff could not open patient files and saw a ransom note.',
  role: 'controller',
  otherParties: [{ name: 'IT Drift A/S', role: 'processor', contact: 'soc@itdrift.dk' }],
  systems: ['Patient file server', 'Booking system'],
  breachTypes: ['availability', 'confidentiality'],
  cause: { origin: 'external', malicious: true },
  subjects: { groups: ['patients'], count: 3400, countIsApproximate: true },
  data: { types: ['basic_identity', 'national_id', 'health'], recordsCount: 41000, recordsCountIsApproximate: true },
  exposure: { who: 'the criminal group behind the attack', status: 'likely' },
  measuresBefore: ['Nightly backup to a separate network', 'Antivirus on all servers'],
  measuresTaken: ['Took the server off the network', 'Reset all administrator passwords'],
  measuresProposed: ['Multi-factor authentication for remote access'],
  mitigation: ['Restoring patient files from backup'],
  actualConsequences: 'Appointments on 14 March had to be moved.',
  likelyConsequences: 'Patients may lose care if records stay unavailable, and health data may be published.',
  ...decided(ransomwareAnswers),
  notification: { type: 'new', completeness: 'initial', supplementExpectedBy: '2026-03-20T11:00:00Z' },
  communication: { status: 'planned', at: '2026-03-16T09:00:00Z', channels: ['digital_post', 'letter'] },
  subjectAdvice: { steps: ['Be careful if someone contacts you about your treatment.'] },
  subjectText: {
    whatHappened: 'Criminals attacked our patient file server and locked your records. They say they copied files.',
    cause: 'The criminals got in through a weak spot in our remote access.',
    consequences: 'Your health data may be published, and your treatment may be delayed.',
    measures: 'We shut the server off and changed all passwords. We are restoring your records from a backup.',
  },
  otherAuthorities: { police: true, policeReference: 'POL-0815', others: [] },
  crossBorder: { involved: true, countries: [{ country: 'DE', count: 40 }, { country: 'SE', count: 12 }] },
};
/** 26 hours after awareness: on time. */
export const ransomwareNow = '2026-03-15T10:30:00Z';

/**
 * A spreadsheet of customers with their purchase history e-mailed to the wrong recipient; notified
 * on time, drafted afterwards. Assessed: a risk, not a high risk.
 */
export const misSentAnswers = answers({
  subjectsCount: 212, dataTypes: ['basic_identity', 'contact', 'behavioural'], disclosure: 'confirmed', recipients: 'known',
});

export const misSentEmailCase: NoticeFacts = {
  organisation: {
    name: 'Byg & Bo A/S',
    cvr: '27182818',
    address: 'Havnegade 3, 8000 Aarhus C',
    dpo: { name: 'Mette Mørk', email: 'dpo@bygbo.dk' },
    sector: 'Building supplies retail',
  },
  reference: 'BR-2026-0007',
  title: 'Customer list sent to the wrong recipient',
  description: 'An employee e-mailed a spreadsheet of customers to a private person instead of our accountant.',
  awareAt: '2026-02-02T13:15:00Z',
  startedAt: '2026-02-02T12:58:00Z',
  ongoing: false,
  detectedAt: '2026-02-02T13:10:00Z',
  incidentCategory: 'mis_sent',
  dataUnintelligible: false,
  discovery: 'The recipient replied that the e-mail was not meant for them.',
  role: 'controller',
  systems: ['E-mail'],
  breachTypes: ['confidentiality'],
  cause: { origin: 'internal', malicious: false },
  subjects: { groups: ['customers'], count: 212 },
  data: { types: ['basic_identity', 'contact', 'behavioural'] },
  exposure: { who: 'one private person who got the e-mail by mistake', status: 'confirmed' },
  measuresBefore: ['Guidelines on sending personal data by e-mail'],
  measuresTaken: ['Asked the recipient to delete the e-mail'],
  measuresProposed: ['Warning in the mail client for external recipients'],
  mitigation: [],
  actualConsequences: 'None known.',
  likelyConsequences: 'Customers may get unwanted contact, or attempts at fraud using their details.',
  ...decided(misSentAnswers),
  notification: { type: 'new', completeness: 'complete', submittedAt: '2026-02-04T09:00:00Z' },
  communication: { status: 'not_communicated', reason: 'not_high_risk' },
  otherAuthorities: { police: false, others: [] },
  crossBorder: { involved: false },
};
/** Drafted again after submission, past the deadline: still not late, as it went in on time. */
export const misSentNow = '2026-02-10T08:00:00Z';

/** Sections of a draft by id, for section-by-section assertions. */
export function sectionsById(draft: { sections: Array<{ id: string; heading: string; body: string }> }) {
  return new Map(draft.sections.map((s) => [s.id, s]));
}

/**
 * The seed case as a Danish-writing team records it: the team's texts in Danish (the drafts take
 * each language's text from its own facts, from-breach.ts), so the Danish goldens read as Danish.
 * Names (the system, the centres, the person reporting) stay as they are.
 */
export const seedCaseDa: NoticeFacts = {
  ...seedCase,
  organisation: { ...seedCase.organisation, sector: 'Offentlig forvaltning (udlændingeområdet)' },
  title: 'Tab af data i adgangssystemet AMS',
  description:
    'Uplanlagte nedbrud i adgangssystemet AMS medførte, at en del af registreringerne af ind- og udgang på Udrejsecenter Kærshovedgård og Udrejsecenter Sjælsmark gik tabt.',
  discovery: 'En grundig undersøgelse af AMS sammen med andre myndigheder.',
  otherParties: [{ name: 'Leverandøren af AMS', role: 'processor' }],
  cause: { ...seedCase.cause, description: 'Menneskelige fejl og for sjælden sikkerhedskopiering.' },
  measuresTaken: [
    'Undlod at politianmelde overtrædelser i perioderne og trak allerede indgivne anmeldelser tilbage',
    'Meddelte anklagemyndigheden, at data fra de pågældende datoer ikke kan bruges',
  ],
  measuresProposed: [
    'Indskærpelse af vores retningslinjer for data over for leverandørerne',
    'Skærpet overvågning af systemet, hyppigere sikkerhedskopiering og længere logningsperiode',
  ],
  mitigation: ['De pågældende perioder indgår ikke i beregningen af ydelser'],
  actualConsequences: 'Så vidt vi ved, har ingen fået nedsat ydelser eller været udsat for sanktioner på et forkert grundlag.',
  likelyConsequences:
    'En beboer kan være registreret som fraværende. Det kan føre til lavere ydelser og en politianmeldelse, selv om personen var til stede.',
  delayReason: 'Tabet af data blev først opdaget senere, ikke allerede da nedbruddene blev konstateret.',
  otherAuthorities: { ...seedCase.otherAuthorities, others: ['Anklagemyndigheden'] },
  subjects: { ...seedCase.subjects, description: 'afviste udlændinge med pligt til at opholde sig på Udrejsecenter Kærshovedgård eller Sjælsmark' },
  data: {
    ...seedCase.data,
    description: 'om beboerens adgangskort blev scannet ved indgangen',
    notInvolved: 'Dine sagsakter og dine kontaktoplysninger.',
  },
  publicNoticeReason: 'vi ikke længere kan nå alle, der boede på centrene dengang',
  subjectAdvice: { steps: [], noActionReason: 'vi har stoppet fejlene og sikret, at de ikke kan skade dig' },
  subjectText: {
    whatHappened: 'I sommeren 2020 gik vores system, der registrerer, når du går ind og ud af centret, i stå flere gange. Nogle registreringer af, hvornår du kom og gik, gik tabt.',
    cause: 'Vores medarbejdere begik fejl, og vi tog ikke kopier af registreringerne ofte nok.',
    consequences: 'Du kan være blevet registreret som fraværende, selvom du var der. Det kan have ført til lavere ydelser eller en politianmeldelse.',
    measures: 'Vi har trukket politianmeldelserne for de dage tilbage. Vi bruger ikke de tabte dage, når vi beregner dine ydelser.',
    apology: 'Vi beklager, at det er sket.',
  },
};

/** The ransomware case as the clinic's Danish-writing team records it; the Danish goldens are drafted from it. */
export const ransomwareCaseDa: NoticeFacts = {
  ...ransomwareCase,
  organisation: { ...ransomwareCase.organisation, sector: 'Sundhedssektoren' },
  reporter: { ...ransomwareCase.reporter, function: 'IT-chef' },
  title: 'Ransomware på serveren med patientjournaler',
  description: 'Ransomware har krypteret serveren med patientjournaler. Angriberne oplyser, at de har kopieret filer.',
  discovery: 'Personalet kunne ikke åbne patientjournaler og så en besked med krav om løsesum.',
  systems: ['Server med patientjournaler', 'Bookingsystem'],
  measuresBefore: ['Sikkerhedskopiering hver nat til et separat netværk', 'Antivirus på alle servere'],
  measuresTaken: ['Tog serveren af netværket', 'Nulstillede alle administratoradgangskoder'],
  measuresProposed: ['Totrinsbekræftelse ved fjernadgang'],
  mitigation: ['Genskabelse af patientjournalerne fra sikkerhedskopien'],
  actualConsequences: 'Aftaler den 14. marts måtte flyttes.',
  likelyConsequences: 'Patienter kan gå glip af behandling, hvis journalerne forbliver utilgængelige, og helbredsoplysninger kan blive offentliggjort.',
  exposure: { ...ransomwareCase.exposure, who: 'den kriminelle gruppe bag angrebet' },
  subjectAdvice: { steps: ['Vær forsigtig, hvis nogen kontakter dig om din behandling.'] },
  subjectText: {
    whatHappened: 'Kriminelle har angrebet den server, hvor vi gemmer patientjournaler, og låst dine oplysninger. De siger, at de har kopieret filer.',
    cause: 'De kriminelle kom ind gennem et svagt punkt i vores fjernadgang.',
    consequences: 'Dine helbredsoplysninger kan blive offentliggjort, og din behandling kan blive forsinket.',
    measures: 'Vi har lukket serveren ned og skiftet alle adgangskoder. Vi er ved at hente dine oplysninger tilbage fra en sikkerhedskopi.',
  },
};

/**
 * The mis-sent e-mail as a Danish-writing team records it. The team has written nothing to the
 * customers yet beyond who got the e-mail, so the Danish notice keeps the same gaps as the English one.
 */
export const misSentEmailCaseDa: NoticeFacts = {
  ...misSentEmailCase,
  organisation: { ...misSentEmailCase.organisation, sector: 'Detailhandel med byggematerialer' },
  title: 'Kundeliste sendt til en forkert modtager',
  description: 'En medarbejder sendte et regneark med kunder til en privatperson i stedet for til vores revisor.',
  discovery: 'Modtageren svarede, at e-mailen ikke var tiltænkt vedkommende.',
  measuresBefore: ['Retningslinjer for at sende personoplysninger med e-mail'],
  measuresTaken: ['Bad modtageren om at slette e-mailen'],
  measuresProposed: ['Advarsel i mailprogrammet ved eksterne modtagere'],
  actualConsequences: 'Ingen kendte.',
  likelyConsequences: 'Kunderne kan blive kontaktet uønsket eller udsat for forsøg på svindel med deres oplysninger.',
  exposure: { ...misSentEmailCase.exposure, who: 'én privatperson, der ved en fejl fik e-mailen' },
};
