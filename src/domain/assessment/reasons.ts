// The reason sentences: plain English a DPO can paste into a notification, naming the
// decisive facts and the guidance they rest on.
import { type Facts, GOOD_TIME_HOURS } from './facts.js';
import { DATA_TYPE_LABELS } from './labels.js';
import {
  capitalise,
  dataLabel,
  dataList,
  formatCount,
  formatNumber,
  joinAnd,
  people,
  specialSuffix,
  wasWere,
} from './phrases.js';
import type { Risk, SeverityLevel } from './result.js';
import type { SeverityExplained } from './severity.js';

const LEVEL_WORDS: Readonly<Record<SeverityLevel, string>> = {
  low: 'low',
  medium: 'medium',
  high: 'high',
  very_high: 'very high',
};

const RISK_WORDS: Readonly<Record<Risk, string>> = {
  unlikely: 'is unlikely to result in a risk to the people affected',
  risk: 'is likely to result in a risk to the people affected, but not a high risk',
  high: 'is likely to result in a high risk to the people affected',
};

// ---- confidentiality ----------------------------------------------------------------------

function disclosedHow(f: Facts): string {
  const certainty =
    f.disclosure === 'confirmed' ? '' : f.disclosureAssumed || f.disclosure === 'unlikely' ? 'possibly ' : 'likely ';
  if (f.recipients === 'public') return `${certainty}made public`;
  const to =
    f.recipients === 'trusted'
      ? 'to a recipient bound to secrecy'
      : f.recipients === 'known'
        ? 'to known recipients'
        : 'to unknown recipients';
  return `${certainty}disclosed ${to}`;
}

export function intactProtection(): string {
  return (
    'The data were protected by encryption or hashing to current standards and the key or salt ' +
    'was not compromised, so they are unintelligible to whoever obtained them: the loss of ' +
    'confidentiality is unlikely to result in a risk (WP250 Annex B, example 1; EDPB Guidelines ' +
    '01/2021, cases 06 and 10).'
  );
}

export function disclosureRuledOut(f: Facts): string {
  return (
    `It was ruled out that anyone unauthorised saw or took the ${dataList(f.disclosedTypes, f.answers)} ` +
    `of ${people(f.answers)}: the loss of confidentiality is unlikely to result in a risk.`
  );
}

export function recipientDeleted(): string {
  return (
    'The recipient is bound to secrecy (a professional under a duty of confidentiality, a processor or ' +
    'an employee under confidentiality) and confirmed deleting or returning the data, with no further ' +
    'disclosure: the loss of confidentiality is unlikely to result in a risk (EDPB Guidelines 01/2021, case 09).'
  );
}

export function deletionByUnboundRecipient(): string {
  return (
    "The recipient said they deleted or returned the data, but a private person's word is not the " +
    'assurance of someone bound to secrecy: nothing binds them, and nobody can check what they kept or ' +
    'told others, so it does not make the breach unlikely to result in a risk (EDPB Guidelines 01/2021, ' +
    'case 09, relies on a trusted recipient).'
  );
}

export function partialProtection(f: Facts): string {
  return (
    `The encryption or hashing protects the ${dataList(f.protectedTypes, f.answers)}, not the ` +
    `${dataList(f.disclosedTypes, f.answers)} stored beside them, which whoever obtained the data can read: ` +
    'those are assessed as unprotected.'
  );
}

export function probablyNotSeenIsNotRuledOut(f: Facts): string {
  const where =
    f.recipients === 'public'
      ? 'were open to anyone'
      : 'are out of the organisation\'s control, in the hands of unknown people (a finder, a thief or an attacker)';
  return (
    `Nobody can show that the data were not seen: they ${where}. "Probably not seen" is not "ruled out", ` +
    'so the breach is assessed as a possible disclosure (EDPB Guidelines 01/2021, cases 11 and 12: lost or ' +
    'stolen devices and paper).'
  );
}

/**
 * Why a quick restore does not settle a disclosure when a copy of the data is out of the
 * organisation's control: EDPB Guidelines 01/2021 case 11 (a stolen unencrypted notebook whose
 * data could be restored from daily backups: notify the authority and the people) and WP250
 * Annex B example 1 (a stolen device is harmless only when its data are encrypted as well as backed up).
 */
export function backupDoesNotRecallCopy(f: Facts): string {
  const copy = f.copyOutOfControlAssumed
    ? "whether a copy of them is out of the organisation's control is not known, so it is assessed as the worse case: it is"
    : "a copy of them is out of the organisation's control (a lost or stolen device or paper, or a copy sent or taken)";
  return (
    `${lossHead(f)} and are back in good time, but ${copy}. Restoring the data gives them back to the organisation, ` +
    'not the copy back from whoever holds it, so the quick restore does not make the breach unlikely to result in a ' +
    'risk: the possible disclosure is assessed on its own (EDPB Guidelines 01/2021, case 11: a stolen unencrypted ' +
    'notebook is notifiable although its data could be restored from daily backups; WP250 Annex B, example 1: a ' +
    'stolen device needs its data encrypted, not only backed up).'
  );
}

export function specialDisclosed(f: Facts): string {
  const head = `${capitalise(dataList(f.special, f.answers))}${specialSuffix(f.special)} of ${people(f.answers)} ${wasWere(f.special)} ${disclosedHow(f)}`;
  if (f.disclosure === 'unlikely') {
    return (
      `${head}: however unlikely it is that they were seen, the consequences (discrimination, harm to health ` +
      'or reputation) would be very serious, which Datatilsynet treats as a high risk however small the ' +
      'likelihood (EDPB Guidelines 01/2021, case 12; EDPB Guidelines 9/2022).'
    );
  }
  return `${head}: damage should be considered likely (EDPB Guidelines 9/2022), so the risk is high.`;
}

export function specialEvenIfTrivial(): string {
  return (
    'A special-category item counts even when its content seems trivial (a sick-leave note, a single ' +
    'diagnosis, a membership): the GDPR protects the category itself (Art. 9(1), Recital 51), because ' +
    'what it reveals can lead to discrimination or exclusion whatever the detail, and the people affected, ' +
    'not the organisation, bear that.'
  );
}

export function incomeIsNotFraud(f: Facts): string {
  return (
    `The ${DATA_TYPE_LABELS.income} of ${people(f.answers)} reveal their economic situation, which can embarrass ` +
    'them or be used against them, but unlike account or card numbers or CPR numbers they do not enable ' +
    'identity theft or fraud: they weigh as a risk, not as a high risk on that ground.'
  );
}

export function sensitiveExposed(f: Facts, special: boolean): string {
  const types = special ? f.special : f.fraud;
  const suffix = special ? specialSuffix(types) : '';
  const consequences = special ? 'discrimination or harm to health or reputation' : 'identity theft or fraud';
  return (
    `${capitalise(dataList(types, f.answers))}${suffix} of ${people(f.answers)} ${wasWere(types)} exposed, ` +
    `though there is no sign that anyone unauthorised saw or took them: with possible consequences such as ` +
    `${consequences}, the exposure cannot be considered unlikely to result in a risk, but without a likely ` +
    'disclosure it is not a high risk.'
  );
}

export function noSignOfDisclosure(f: Facts): string {
  return (
    `There is no sign that anyone unauthorised saw or took the ${dataList(f.disclosedTypes, f.answers)} ` +
    `of ${people(f.answers)}: the loss of confidentiality is unlikely to result in a risk (ENISA: data ` +
    'exposed without evidence of unlawful processing).'
  );
}

export function fraudEnabling(f: Facts): string {
  const misuse = f.fraud.includes('credentials')
    ? 'they can be used to take over accounts, and others where the same password is reused, leading to identity theft or fraud'
    : f.disclosure === 'unlikely'
      ? 'however unlikely it is that they were seen, misuse would mean identity theft or fraud'
      : 'this can lead to identity theft or fraud';
  return (
    `${capitalise(dataList(f.fraud, f.answers))} of ${people(f.answers)} ${wasWere(f.fraud)} ${disclosedHow(f)}: ` +
    `${misuse}, which Datatilsynet treats as very serious consequences however small the likelihood, ` +
    'so the risk is high.'
  );
}

export function specialHardlyIdentifiable(f: Facts): string {
  return (
    `The people can hardly be identified from the ${dataList(f.special, f.answers)} concerned ` +
    '(negligible ease of identification), so the disclosure alone does not make the risk high.'
  );
}

/**
 * The ENISA outcome of a disclosure: deciding when no rule overrides it, otherwise stated as
 * what the arithmetic alone would give.
 */
export function disclosureByEnisa(f: Facts, sev: SeverityExplained, risk: Risk, overridden = false): string {
  const what = `${dataList(f.disclosedTypes, f.answers)} of ${people(f.answers)}`;
  const severity = `The ENISA severity of the disclosure of ${what} is ${LEVEL_WORDS[sev.level]} (${formatNumber(sev.score)})`;
  if (overridden) {
    return `${severity}; on that alone the breach ${RISK_WORDS[risk].replace(/^is /, 'would be ')}.`;
  }
  return `${severity} and no GDPR rule overrides it: the breach ${RISK_WORDS[risk]}.`;
}

export function disclosureOfPublicData(f: Facts, sev: SeverityExplained, risk: Risk): string {
  return (
    `The ${dataList(f.disclosedTypes, f.answers)} of ${people(f.answers)} had been public before ` +
    `the breach, so the disclosure reveals nothing new and is not a high risk; with an ENISA severity ` +
    `of ${LEVEL_WORDS[sev.level]} (${formatNumber(sev.score)}) the breach ${RISK_WORDS[risk]}.`
  );
}

export function scaleRaisesOutcome(f: Facts, raised: Risk): string {
  const who = f.subjectsUnknown
    ? 'The number of people affected is unknown (assessed as the worse case, a very large number)'
    : `${capitalise(people(f.answers))} are affected`;
  return (
    `${who}: at this scale even moderate consequences will reach some people in a serious form, ` +
    `so the ENISA outcome is raised one step and the breach ${RISK_WORDS[raised]} ` +
    '(WP250: the more people affected, the greater the impact).'
  );
}

export function maliciousFloor(): string {
  return (
    'The data were taken or accessed deliberately and nothing assures how they will be used, so ' +
    'the breach cannot be considered unlikely to result in a risk (EDPB Guidelines 01/2021, case 08).'
  );
}

export function uncontrolledRecipientsFloor(f: Facts): string {
  const possibly = f.disclosure === 'unlikely' || f.disclosureAssumed ? 'may have ' : '';
  const where = f.recipients === 'public' ? `${possibly}${possibly ? 'been' : 'were'} made public` : `${possibly}reached unknown recipients`;
  return (
    `The data ${where} and cannot be recalled: this loss of control is itself a damage (GDPR ` +
    'Recital 85), so the breach is likely to result in a risk.'
  );
}

export function largeScaleFloor(f: Facts): string {
  const who = f.subjectsUnknown
    ? 'The number of people affected is unknown (assessed as the worse case, a large number)'
    : `${capitalise(people(f.answers))} are affected`;
  return `${who}: a disclosure on this scale is likely to result in a risk (WP250 Annex B, example 10).`;
}

// ---- integrity and availability ------------------------------------------------------------

/** "were unavailable for 30 hours and were altered beyond recovery". */
export function lossPhrase(f: Facts): string {
  const a = f.answers;
  const parts: string[] = [];
  const restored = a.restoredWithinHours;
  if (f.availability) {
    if (a.unavailability === 'permanent') parts.push('were lost for good');
    else if (restored === null) parts.push('became unavailable and are not yet restored');
    else parts.push(`were unavailable for ${duration(restored)}`);
  }
  if (f.integrity) {
    if (a.alteration === 'unrecoverable') parts.push('were altered beyond recovery');
    else if (f.availability) parts.push('were altered (the correct data can be recovered)');
    else if (restored === null) parts.push('were altered and are not yet corrected');
    else parts.push(`were altered and corrected within ${duration(restored)}`);
  }
  return joinAnd(parts);
}

/** 0.2 → "less than an hour", 30 → "30 hours", 1528 → "about 64 days". */
function duration(h: number): string {
  if (h < 1) return 'less than an hour';
  if (h < 72) return h === 1 ? '1 hour' : `${formatNumber(h)} hours`;
  return `about ${formatCount(h / 24)} days`;
}

export function severeLoss(f: Facts): string {
  return (
    `${lossHead(f)}, with a severe effect on the people (such as loss of benefits or liberty, or harm to health): ` +
    'Datatilsynet treats such consequences as very serious, so the risk is high.'
  );
}

/** "Health data of about 40,000 patients were unavailable for 30 hours". */
function lossHead(f: Facts): string {
  return `${capitalise(dataList(f.answers.dataTypes, f.answers))} of ${people(f.answers)} ${lossPhrase(f)}`;
}

export function attackOnCareRecords(f: Facts): string {
  return (
    `${lossHead(f)}, kept from them by an attack. People depend on these records for their care: an attack ` +
    'that keeps them unavailable or wrong for a day or more is not a brief outage like a power cut, as care can ' +
    "be delayed or given on wrong information and the attacker had the records in hand, so the risk is high whatever the team's " +
    'rating of the effect (WP250 Annex B, example 8: a hospital\'s medical records unavailable for 30 hours after a cyber attack).'
  );
}

export function dependedOnRecordsFloor(f: Facts): string {
  const what = f.dependence === 'care' ? 'their care' : 'benefits, payments or legal rights';
  return (
    `${lossHead(f)}. People depend on these records for ${what}: a loss lasting a day or more can delay ` +
    "them, so it cannot be considered unlikely to result in a risk, whatever the team's rating of the effect " +
    '(a loss that delays care, payments or legal rights is not minor; WP250 Annex B, example 8).'
  );
}

export function briefLoss(f: Facts): string {
  const effect = f.answers.impactOnPeople === 'none' ? 'no effect' : 'only a minor effect';
  // Whether data left the organisation is the confidentiality question; when it was not asked,
  // say nothing about it (issue 11: no inference stated as a fact).
  const goodTime = f.dependence === null ? `${GOOD_TIME_HOURS} hours` : 'a day';
  return (
    `${lossHead(f)}, back in good time (within ${goodTime}), with ${effect} on people: this is unlikely ` +
    'to result in a risk (EDPB Guidelines 01/2021, case 01; WP250 Annex B, example 3).'
  );
}

export function lastingLoss(f: Facts, sev: SeverityExplained, risk: Risk): string {
  const what = lossHead(f);
  if (f.answers.impactOnPeople === 'significant') {
    const enisa = risk === 'high' ? ` and an ENISA severity of ${LEVEL_WORDS[sev.level]} (${formatNumber(sev.score)})` : '';
    return (
      `${what}, with a significant effect on the people (a loss that delays care, payments or legal ` +
      `rights is not minor)${enisa}: the breach ${RISK_WORDS[risk]}.`
    );
  }
  return (
    `${what}: a loss that is not undone in good time is likely to result in a risk (EDPB Guidelines ` +
    '01/2021, case 02).'
  );
}

export function lossCappedByImpact(f: Facts, sev: SeverityExplained): string {
  const effect = f.answers.impactOnPeople === 'none' ? 'no effect' : 'only a minor effect';
  return (
    `The loss had ${effect} on people, so it is not a high risk despite an ENISA severity of ` +
    `${LEVEL_WORDS[sev.level]} (${formatNumber(sev.score)}).`
  );
}

// ---- unknowns, role, outcome ----------------------------------------------------------------

export function worseCaseNotes(f: Facts): string[] {
  const notes: string[] = [];
  if (f.subjectsUnknown) {
    notes.push('The number of people affected is not known, so it was assessed as the worse case: a large number.');
  }
  if (f.disclosureAssumed && f.intelligible) {
    notes.push(
      'Whether anyone unauthorised saw or took the data is not known, so it was assessed as the worse case: disclosed.',
    );
  }
  if (f.recipientsAssumed && f.intelligible && f.disclosure !== 'ruled_out') {
    notes.push('Who received the data is not known, so it was assessed as the worse case: unknown recipients.');
  }
  if (f.credentialsReachUnknown) {
    notes.push(
      'What the credentials give access to was not given, so they were scored as the worse case for an ordinary account: access enabling fraud.',
    );
  }
  return notes;
}

export function processorNote(): string {
  return (
    'As a processor, you must tell the controller without undue delay (Art. 33(2)); the controller ' +
    'decides whether to notify Datatilsynet and the people affected. The assessment below is for ' +
    "the controller's benefit."
  );
}

export function jointControllerNote(): string {
  return (
    'As a joint controller, follow the arrangement with the other controller(s) on who notifies ' +
    '(Art. 26); the assessment applies to all of you.'
  );
}

export function communicationIndividual(): string {
  return 'The risk is high, so the people affected must be told directly and without undue delay (Art. 34(1)).';
}

export function exemptionUnintelligible(f: Facts): string {
  const what = f.partialProtection ? `the ${dataList(f.protectedTypes, f.answers)}` : 'the data';
  return (
    `Without the intact encryption or hashing this disclosure would be a high risk; because ${what} ` +
    'are unintelligible to anyone not authorised, the people affected need not be told (Art. 34(3)(a)).'
  );
}

export function exemptionMeasures(): string {
  return (
    'Measures taken since the breach make the high risk no longer likely, so the people affected need ' +
    'not be told (Art. 34(3)(b)); describe those measures in the notification.'
  );
}

export function exemptionDisproportionate(): string {
  return (
    'Contacting each person would take disproportionate effort, so a public communication must inform ' +
    'them as effectively instead (Art. 34(3)(c)).'
  );
}

export function protectionDoesNotExempt(f: Facts, fromDisclosure: boolean): string {
  if (fromDisclosure) {
    return (
      `The encryption or hashing covers only the ${dataList(f.protectedTypes, f.answers)}; the high risk comes from ` +
      `the ${dataList(f.disclosedTypes, f.answers)} it does not cover, so the Art. 34(3)(a) exemption does not apply.`
    );
  }
  return (
    'The intact encryption or hashing protects only against disclosure; it does not remove the risk ' +
    'from the loss or alteration, so the Art. 34(3)(a) exemption does not apply.'
  );
}

export function noCommunicationNeeded(risk: Risk): string {
  return risk === 'unlikely'
    ? 'Datatilsynet need not be notified (Art. 33(1)), and the people affected need not be told.'
    : 'The risk is not high, so the people affected need not be told (Art. 34(1)); Datatilsynet must be notified (Art. 33(1)).';
}

export function registerNote(processor: boolean): string {
  return processor
    ? "The controller records the breach in its register (Art. 33(5)); keep your own record of what you told it and when."
    : 'Record the breach in the internal register whatever the outcome (Art. 33(5)).';
}

const ENISA_ARITHMETIC = 'ENISA severity ';

/** Whether a reason is the ENISA arithmetic below, which the result shows apart from the plain reasons. */
export const isEnisaArithmetic = (reason: string): boolean => reason.startsWith(ENISA_ARITHMETIC);

/** "ENISA severity 3.5 (high): DPC 4 × EI 0.75 + CB 0.5." followed by how each term arose. */
export function enisaArithmetic(f: Facts, sev: SeverityExplained): string {
  const d = sev.dpcExplained;
  const head =
    `${ENISA_ARITHMETIC}${formatNumber(sev.score)} (${LEVEL_WORDS[sev.level]}): ` +
    `DPC ${formatNumber(sev.dpc)} × EI ${formatNumber(sev.ei)} + CB ${formatNumber(sev.cb)}.`;
  const moves: string[] = [];
  if (d.raisedForContext) moves.push('one step up for vulnerable people or a sensitive context');
  if (d.raisedForProfile) moves.push('one step up for a detailed profile of each person');
  if (d.loweredForPublic) moves.push('one step down because the data were already public');
  const asOpened = d.baseType === 'credentials' ? ' (scored as what they open)' : '';
  const bounded = d.dpc !== d.base + moves.length - (d.loweredForPublic ? 2 : 0) ? ', kept within 1 to 4' : '';
  const dpc = ` DPC: base ${d.base} for ${dataLabel(d.baseType, f.answers)}${asOpened}${moves.length > 0 ? `, ${joinAnd(moves)}` : ''}${bounded}.`;
  const ei = sev.eiNeutralised ? ' EI: negligible, because intact protection makes the data unintelligible.' : '';
  const cb =
    sev.cbParts.length > 0
      ? ` CB: ${sev.cbParts.map((p) => `${p.what} +${formatNumber(p.points)}`).join(', ')}.`
      : '';
  return head + dpc + ei + cb;
}
