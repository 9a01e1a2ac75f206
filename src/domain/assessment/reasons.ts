// The reason sentences: plain English a DPO can paste into a notification, naming the decisive
// facts and the guidance they rest on, each with its Danish sentence beside it (issue 12: a Danish
// notice to Datatilsynet states the findings in Danish). One function per reason, one code per
// sentence (reason.ts); the English is what `assess()` returns and stores.
//
// Danish: the terms of notices.md §3 ("de registrerede", "databeskyttelsesforordningen"), legal
// references as Danish law cites them ("art. 34, stk. 3, litra a"), guidance by its Danish name
// (WP250 "bilag B, eksempel 1"; the EDPB's guidelines 01/2021 "sag 06"), a capital letter after a
// colon only before a whole sentence, and adverbs before the verb in a subordinate clause.
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
import {
  LEVEL_WORDS_DA,
  dataLabelDa,
  dataListDa,
  dataOfPeopleDa,
  formatCountDa,
  formatNumberDa,
  joinAndDa,
  peopleDa,
  riskClauseDa,
  specialSuffixDa,
} from './phrases-da.js';
import { type Reason, type ReasonCode, reason } from './reason.js';
import type { Risk, SeverityLevel } from './result.js';
import type { SeverityExplained } from './severity.js';

export type { Reason } from './reason.js';

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

/** Guidance cited in the Danish sentences, by the names Danish readers know them by. */
const EDPB_01_2021 = 'retningslinjer 01/2021 fra EDPB';
const EDPB_9_2022 = 'retningslinjer 9/2022 fra EDPB';

// ---- confidentiality ----------------------------------------------------------------------

/** "likely disclosed to unknown recipients" / "er sandsynligvis blevet videregivet til ukendte modtagere". */
function disclosedHow(f: Facts): { en: string; da: string } {
  const certainty =
    f.disclosure === 'confirmed' ? { en: '', da: '' }
    : f.disclosureAssumed || f.disclosure === 'unlikely' ? { en: 'possibly ', da: 'muligvis ' }
    : { en: 'likely ', da: 'sandsynligvis ' };
  if (f.recipients === 'public') return { en: `${certainty.en}made public`, da: `er ${certainty.da}blevet offentliggjort` };
  const to =
    f.recipients === 'trusted'
      ? { en: 'to a recipient bound to secrecy', da: 'til en modtager med tavshedspligt' }
      : f.recipients === 'known'
        ? { en: 'to known recipients', da: 'til kendte modtagere' }
        : { en: 'to unknown recipients', da: 'til ukendte modtagere' };
  return { en: `${certainty.en}disclosed ${to.en}`, da: `er ${certainty.da}blevet videregivet ${to.da}` };
}

export function intactProtection(): Reason {
  return reason('intact_protection', {
    en:
      'The data were protected by encryption or hashing to current standards and the key or salt ' +
      'was not compromised, so they are unintelligible to whoever obtained them: the loss of ' +
      'confidentiality is unlikely to result in a risk (WP250 Annex B, example 1; EDPB Guidelines ' +
      '01/2021, cases 06 and 10).',
    da:
      'Oplysningerne var beskyttet med kryptering eller hashing efter gældende standarder, og nøglen eller ' +
      'saltet er ikke blevet kompromitteret, så oplysningerne er uforståelige for den, der har fået fat i dem. ' +
      'Tabet af fortrolighed indebærer derfor sandsynligvis ikke en risiko (WP250, bilag B, eksempel 1; ' +
      `${EDPB_01_2021}, sag 06 og 10).`,
  });
}

export function disclosureRuledOut(f: Facts): Reason {
  return reason('disclosure_ruled_out', {
    en:
      `It was ruled out that anyone unauthorised saw or took the ${dataList(f.disclosedTypes, f.answers)} ` +
      `of ${people(f.answers)}: the loss of confidentiality is unlikely to result in a risk.`,
    da:
      `Det er udelukket, at uvedkommende har set eller taget de berørte ${dataOfPeopleDa(f.disclosedTypes, f.answers)}. ` +
      'Tabet af fortrolighed indebærer derfor sandsynligvis ikke en risiko.',
  });
}

export function recipientDeleted(): Reason {
  return reason('recipient_deleted', {
    en:
      'The recipient is bound to secrecy (a professional under a duty of confidentiality, a processor or ' +
      'an employee under confidentiality) and confirmed deleting or returning the data, with no further ' +
      'disclosure: the loss of confidentiality is unlikely to result in a risk (EDPB Guidelines 01/2021, case 09).',
    da:
      'Modtageren har tavshedspligt (en fagperson med tavshedspligt, en databehandler eller en medarbejder med ' +
      'tavshedspligt) og har bekræftet, at oplysningerne er slettet eller returneret uden at være givet videre. ' +
      `Tabet af fortrolighed indebærer derfor sandsynligvis ikke en risiko (${EDPB_01_2021}, sag 09).`,
  });
}

export function deletionByUnboundRecipient(): Reason {
  return reason('deletion_by_unbound_recipient', {
    en:
      "The recipient said they deleted or returned the data, but a private person's word is not the " +
      'assurance of someone bound to secrecy: nothing binds them, and nobody can check what they kept or ' +
      'told others, so it does not make the breach unlikely to result in a risk (EDPB Guidelines 01/2021, ' +
      'case 09, relies on a trusted recipient).',
    da:
      'Modtageren har oplyst at have slettet eller returneret oplysningerne, men en privatpersons ord giver ikke ' +
      'den sikkerhed, som en modtager med tavshedspligt giver: Intet binder modtageren, og ingen kan kontrollere, ' +
      'hvad modtageren har beholdt eller fortalt andre. Modtagerens oplysning om sletningen betyder derfor ikke, at det ' +
      `er usandsynligt, at bruddet indebærer en risiko (${EDPB_01_2021}, sag 09, forudsætter en modtager med tavshedspligt).`,
  });
}

export function partialProtection(f: Facts): Reason {
  return reason('partial_protection', {
    en:
      `The encryption or hashing protects the ${dataList(f.protectedTypes, f.answers)}, not the ` +
      `${dataList(f.disclosedTypes, f.answers)} stored beside them, which whoever obtained the data can read: ` +
      'those are assessed as unprotected.',
    da:
      `Beskyttelsen (kryptering eller hashing) omfatter ${dataListDa(f.protectedTypes, f.answers)}, men ikke de ` +
      `${dataListDa(f.disclosedTypes, f.answers)}, der er lagret sammen med dem, og som den, der har fået fat i ` +
      'oplysningerne, kan læse. De vurderes derfor som ubeskyttede.',
  });
}

export function probablyNotSeenIsNotRuledOut(f: Facts): Reason {
  const where =
    f.recipients === 'public'
      ? 'were open to anyone'
      : 'are out of the organisation\'s control, in the hands of unknown people (a finder, a thief or an attacker)';
  const whereDa =
    f.recipients === 'public'
      ? 'har været tilgængelige for enhver'
      : 'er uden for organisationens kontrol og i hænderne på ukendte personer (en finder, en tyv eller en angriber)';
  return reason('probably_not_seen_is_not_ruled_out', {
    en:
      `Nobody can show that the data were not seen: they ${where}. "Probably not seen" is not "ruled out", ` +
      'so the breach is assessed as a possible disclosure (EDPB Guidelines 01/2021, cases 11 and 12: lost or ' +
      'stolen devices and paper).',
    da:
      `Ingen kan påvise, at oplysningerne ikke er blevet set: De ${whereDa}. "Sandsynligvis ikke set" er ikke ` +
      'det samme som "udelukket", og bruddet vurderes derfor som en mulig videregivelse ' +
      `(${EDPB_01_2021}, sag 11 og 12: mistede eller stjålne enheder og papirer).`,
  });
}

/**
 * Why a quick restore does not settle a disclosure when a copy of the data is out of the
 * organisation's control: EDPB Guidelines 01/2021 case 11 (a stolen unencrypted notebook whose
 * data could be restored from daily backups: notify the authority and the people) and WP250
 * Annex B example 1 (a stolen device is harmless only when its data are encrypted as well as backed up).
 */
export function backupDoesNotRecallCopy(f: Facts): Reason {
  const copy = f.copyOutOfControlAssumed
    ? "whether a copy of them is out of the organisation's control is not known, so it is assessed as the worse case: it is"
    : "a copy of them is out of the organisation's control (a lost or stolen device or paper, or a copy sent or taken)";
  const copyDa = f.copyOutOfControlAssumed
    ? 'det vides ikke, om en kopi af dem er uden for organisationens kontrol, og det vurderes derfor som det værste tilfælde, at den er det'
    : 'en kopi af dem er uden for organisationens kontrol (en mistet eller stjålet enhed eller papirer eller en kopi, der er sendt eller taget)';
  return reason('backup_does_not_recall_copy', {
    en:
      `${lossHead(f)} and are back in good time, but ${copy}. Restoring the data gives them back to the organisation, ` +
      'not the copy back from whoever holds it, so the quick restore does not make the breach unlikely to result in a ' +
      'risk: the possible disclosure is assessed on its own (EDPB Guidelines 01/2021, case 11: a stolen unencrypted ' +
      'notebook is notifiable although its data could be restored from daily backups; WP250 Annex B, example 1: a ' +
      'stolen device needs its data encrypted, not only backed up).',
    da:
      `${lossHeadDa(f)} og er genskabt i tide, men ${copyDa}. En genskabelse giver organisationen oplysningerne ` +
      'tilbage, men henter ikke kopien tilbage fra den, der har den. Den hurtige genskabelse betyder derfor ikke, at ' +
      'bruddet sandsynligvis ikke indebærer en risiko, og den mulige videregivelse vurderes for sig ' +
      `(${EDPB_01_2021}, sag 11: en stjålet bærbar computer uden kryptering skal anmeldes, selv om oplysningerne kunne ` +
      'genskabes fra daglige sikkerhedskopier; WP250, bilag B, eksempel 1: en stjålet enhed kræver, at oplysningerne ' +
      'er krypteret, ikke blot sikkerhedskopieret).',
  });
}

export function specialDisclosed(f: Facts): Reason {
  const head = `${capitalise(dataList(f.special, f.answers))}${specialSuffix(f.special)} of ${people(f.answers)} ${wasWere(f.special)} ${disclosedHow(f).en}`;
  const headDa = `${capitalise(dataOfPeopleDa(f.special, f.answers, specialSuffixDa(f.special)))} ${disclosedHow(f).da}`;
  if (f.disclosure === 'unlikely') {
    return reason('special_disclosed', {
      en:
        `${head}: however unlikely it is that they were seen, the consequences (discrimination, harm to health ` +
        'or reputation) would be very serious, which Datatilsynet treats as a high risk however small the ' +
        'likelihood (EDPB Guidelines 01/2021, case 12; EDPB Guidelines 9/2022).',
      da:
        `${headDa}. Selv om det er usandsynligt, at de er blevet set, ville konsekvenserne (forskelsbehandling, ` +
        'skade på helbred eller omdømme) være meget alvorlige, og Datatilsynet anser det for en høj risiko, uanset ' +
        `hvor lille sandsynligheden er (${EDPB_01_2021}, sag 12; ${EDPB_9_2022}).`,
    });
  }
  return reason('special_disclosed', {
    en: `${head}: damage should be considered likely (EDPB Guidelines 9/2022), so the risk is high.`,
    da: `${headDa}. Skade må anses for sandsynlig (${EDPB_9_2022}), og risikoen er derfor høj.`,
  });
}

/**
 * Why a disclosure about patients is a disclosure of health data when health was not answered:
 * GDPR Recital 35, CJEU C-184/20 (data that indirectly reveal a special category), WP250 Annex B
 * example 10 (a psychotherapist's client list: tell the people).
 */
export function patientStatusIsHealth(f: Facts): Reason {
  return reason('patient_status_is_health', {
    en:
      `Health data were not among the data answered, but the ${dataList(f.disclosedTypes, f.answers)} show that ` +
      'these people are patients: being registered as a patient of a health service is health data (GDPR Recital 35), ' +
      'and data that reveal a special category indirectly are special-category data themselves (CJEU, case C-184/20). ' +
      "A list of patients therefore reveals their health (WP250 Annex B, example 10: a psychotherapist's client list).",
    da:
      `Helbredsoplysninger er ikke angivet blandt de berørte oplysninger, men de berørte ${dataListDa(f.disclosedTypes, f.answers)} ` +
      'viser, at de registrerede er patienter: At være registreret som patient i sundhedsvæsenet er en oplysning om ' +
      'helbred (databeskyttelsesforordningens betragtning 35), og oplysninger, der indirekte afslører en særlig ' +
      'kategori, hører selv til den (EU-Domstolens dom i sag C-184/20). En liste over patienter afslører derfor ' +
      'deres helbred (WP250, bilag B, eksempel 10: en psykoterapeuts liste over klienter).',
  });
}

export function specialEvenIfTrivial(): Reason {
  return reason('special_even_if_trivial', {
    en:
      'A special-category item counts even when its content seems trivial (a sick-leave note, a single ' +
      'diagnosis, a membership): the GDPR protects the category itself (Art. 9(1), Recital 51), because ' +
      'what it reveals can lead to discrimination or exclusion whatever the detail, and the people affected, ' +
      'not the organisation, bear that.',
    da:
      'En oplysning, der hører til en særlig kategori, tæller med, også når indholdet virker ubetydeligt (en sygemelding, en enkelt ' +
      'diagnose, et medlemskab): Databeskyttelsesforordningen beskytter selve kategorien (art. 9, stk. 1, og ' +
      'betragtning 51), fordi det, den afslører, kan føre til forskelsbehandling eller udstødelse uanset omfanget, ' +
      'og det er de registrerede og ikke organisationen, der bærer følgerne.',
  });
}

export function incomeIsNotFraud(f: Facts): Reason {
  return reason('income_is_not_fraud', {
    en:
      `The ${DATA_TYPE_LABELS.income} of ${people(f.answers)} reveal their economic situation, which can embarrass ` +
      'them or be used against them, but unlike account or card numbers or CPR numbers they do not enable ' +
      'identity theft or fraud: they weigh as a risk, not as a high risk on that ground.',
    da:
      `De berørte ${dataOfPeopleDa(['income'], f.answers)} afslører deres økonomiske forhold. Det kan være ` +
      'pinligt for dem, og oplysningerne kan bruges imod dem. I modsætning til konto- og kortnumre og CPR-numre kan de dog ikke ' +
      'bruges til identitetstyveri eller bedrageri. De tæller derfor som en risiko, men ikke af den grund som en høj risiko.',
  });
}

export function sensitiveExposed(f: Facts, special: boolean): Reason {
  const types = special ? f.special : f.fraud;
  const suffix = special ? specialSuffix(types) : '';
  const consequences = special ? 'discrimination or harm to health or reputation' : 'identity theft or fraud';
  const headDa = capitalise(dataOfPeopleDa(types, f.answers, special ? specialSuffixDa(types) : ''));
  const consequencesDa = special ? 'forskelsbehandling eller skade på helbred eller omdømme' : 'identitetstyveri eller bedrageri';
  return reason('sensitive_exposed', {
    en:
      `${capitalise(dataList(types, f.answers))}${suffix} of ${people(f.answers)} ${wasWere(types)} exposed, ` +
      `though there is no sign that anyone unauthorised saw or took them: with possible consequences such as ` +
      `${consequences}, the exposure cannot be considered unlikely to result in a risk, but without a likely ` +
      'disclosure it is not a high risk.',
    da:
      `${headDa} har ligget åbent, men intet tyder på, at uvedkommende har set eller taget dem. Med mulige ` +
      `konsekvenser som ${consequencesDa} kan det ikke anses for usandsynligt, at bruddet indebærer en risiko, ` +
      'men uden en sandsynlig videregivelse er risikoen ikke høj.',
  });
}

/**
 * A disclosure that could put someone in physical danger: GDPR Recitals 75 and 85 (physical harm;
 * people in a vulnerable position). Whether the danger was answered or assumed (unknown), it says.
 */
export function physicalDanger(f: Facts): Reason {
  const could = f.physicalDangerAssumed
    ? {
        en: 'whether the disclosure could put someone in physical danger is not known, so it is assessed as the worse case: it could',
        da: 'det vides ikke, om videregivelsen kan bringe nogen i fysisk fare, og det vurderes derfor ud fra det værste tilfælde: at den kan',
      }
    : { en: 'the disclosure could put someone in physical danger', da: 'videregivelsen kan bringe nogen i fysisk fare' };
  const what = { en: 'a protected address, a hiding place, someone being searched for', da: 'en beskyttet adresse, et skjulested, en person, der bliver eftersøgt' };
  const head = `${capitalise(dataList(f.disclosedTypes, f.answers))} of ${people(f.answers)} ${wasWere(f.disclosedTypes)} ${disclosedHow(f).en}`;
  const headDa = `${capitalise(dataOfPeopleDa(f.disclosedTypes, f.answers))} ${disclosedHow(f).da}`;
  if (f.disclosure === 'unlikely') {
    return reason('physical_danger', {
      en:
        `${head}, though there is no sign that they were seen, and ${could.en} (${what.en}): physical harm is among ` +
        'the gravest damages a breach can cause (GDPR Recitals 75 and 85), so the exposure cannot be considered ' +
        'unlikely to result in a risk, but without a likely disclosure it is not a high risk.',
      da:
        `${headDa}, men intet tyder på, at de er blevet set, og ${could.da} (${what.da}). Fysisk skade er blandt de ` +
        'alvorligste skader, et brud kan forvolde (databeskyttelsesforordningens betragtning 75 og 85). Det kan derfor ' +
        'ikke anses for usandsynligt, at bruddet indebærer en risiko, men uden en sandsynlig videregivelse er risikoen ikke høj.',
    });
  }
  return reason('physical_danger', {
    en:
      `${head}, and ${could.en} (${what.en}): physical harm is among the gravest damages a breach can cause, ` +
      'and those at risk are people in a vulnerable position (GDPR Recitals 75 and 85), so the risk is high.',
    da:
      `${headDa}, og ${could.da} (${what.da}). Fysisk skade er blandt de alvorligste skader, et brud kan forvolde, ` +
      'og de udsatte er personer i en sårbar situation (databeskyttelsesforordningens betragtning 75 og 85). ' +
      'Risikoen er derfor høj.',
  });
}

export function noSignOfDisclosure(f: Facts): Reason {
  return reason('no_sign_of_disclosure', {
    en:
      `There is no sign that anyone unauthorised saw or took the ${dataList(f.disclosedTypes, f.answers)} ` +
      `of ${people(f.answers)}: the loss of confidentiality is unlikely to result in a risk (ENISA: data ` +
      'exposed without evidence of unlawful processing).',
    da:
      `Intet tyder på, at uvedkommende har set eller taget de berørte ${dataOfPeopleDa(f.disclosedTypes, f.answers)}. ` +
      'Tabet af fortrolighed indebærer derfor sandsynligvis ikke en risiko (ENISA: oplysninger, der har ligget ' +
      'åbent uden tegn på ulovlig behandling).',
  });
}

export function fraudEnabling(f: Facts): Reason {
  const misuse = f.fraud.includes('credentials')
    ? 'they can be used to take over accounts, and others where the same password is reused, leading to identity theft or fraud'
    : f.disclosure === 'unlikely'
      ? 'however unlikely it is that they were seen, misuse would mean identity theft or fraud'
      : 'this can lead to identity theft or fraud';
  const misuseDa = f.fraud.includes('credentials')
    ? 'De kan bruges til at overtage konti, også andre steder, hvor den samme adgangskode er genbrugt, og det kan føre til identitetstyveri eller bedrageri'
    : f.disclosure === 'unlikely'
      ? 'Selv om det er usandsynligt, at de er blevet set, ville misbrug betyde identitetstyveri eller bedrageri'
      : 'Det kan føre til identitetstyveri eller bedrageri';
  return reason('fraud_enabling', {
    en:
      `${capitalise(dataList(f.fraud, f.answers))} of ${people(f.answers)} ${wasWere(f.fraud)} ${disclosedHow(f).en}: ` +
      `${misuse}, which Datatilsynet treats as very serious consequences however small the likelihood, ` +
      'so the risk is high.',
    da:
      `${capitalise(dataOfPeopleDa(f.fraud, f.answers))} ${disclosedHow(f).da}. ${misuseDa}. Datatilsynet anser ` +
      'sådanne konsekvenser for meget alvorlige, uanset hvor lille sandsynligheden er, og risikoen er derfor høj.',
  });
}

export function specialHardlyIdentifiable(f: Facts): Reason {
  return reason('special_hardly_identifiable', {
    en:
      `The people can hardly be identified from the ${dataList(f.special, f.answers)} concerned ` +
      '(negligible ease of identification), so the disclosure alone does not make the risk high.',
    da:
      `De registrerede kan næppe identificeres ud fra de berørte ${dataListDa(f.special, f.answers)} ` +
      '(ubetydelig mulighed for identifikation). Videregivelsen gør derfor ikke i sig selv risikoen høj.',
  });
}

/**
 * The ENISA outcome of a disclosure: deciding when no rule overrides it, otherwise stated as
 * what the arithmetic alone would give.
 */
export function disclosureByEnisa(f: Facts, sev: SeverityExplained, risk: Risk, overridden = false): Reason {
  const what = `${dataList(f.disclosedTypes, f.answers)} of ${people(f.answers)}`;
  const severity = `The ENISA severity of the disclosure of ${what} is ${LEVEL_WORDS[sev.level]} (${formatNumber(sev.score)})`;
  const severityDa =
    `Efter ENISA-metoden er alvoren af videregivelsen af ${dataOfPeopleDa(f.disclosedTypes, f.answers)} ` +
    `${LEVEL_WORDS_DA[sev.level]} (${formatNumberDa(sev.score)})`;
  if (overridden) {
    return reason('disclosure_by_enisa', {
      en: `${severity}; on that alone the breach ${RISK_WORDS[risk].replace(/^is /, 'would be ')}.`,
      da: `${severityDa}. Ud fra det alene ${riskClauseDa(risk, 'conditional')}.`,
    });
  }
  return reason('disclosure_by_enisa', {
    en: `${severity} and no GDPR rule overrides it: the breach ${RISK_WORDS[risk]}.`,
    da: `${severityDa}, og ingen regel i databeskyttelsesforordningen fører til et andet resultat. ${capitalise(riskClauseDa(risk, 'main', 'derfor'))}.`,
  });
}

/** WP250 rev.01: no notification where the data are already public and their disclosure is no likely risk. */
export function publicDataNoRisk(f: Facts): Reason {
  return reason('public_data_no_risk', {
    en:
      `The ${dataList(f.disclosedTypes, f.answers)} of ${people(f.answers)} had all been public before the breach, ` +
      'so the disclosure reveals nothing new, and a compilation about this number of people adds no risk of its own: ' +
      'the loss of confidentiality is unlikely to result in a risk (WP250 rev.01: notification is not required ' +
      'where the data are already publicly available and their disclosure does not constitute a likely risk).',
    da:
      `De berørte ${dataOfPeopleDa(f.disclosedTypes, f.answers)} var alle offentligt tilgængelige før bruddet. ` +
      'Videregivelsen afslører derfor intet nyt, og en samling af oplysninger om så mange personer udgør ikke i sig ' +
      'selv en risiko. Tabet af fortrolighed indebærer derfor sandsynligvis ikke en risiko (WP250 rev.01: ' +
      'anmeldelse er ikke påkrævet, når oplysningerne allerede er offentligt tilgængelige, og videregivelsen ' +
      'ikke sandsynligvis indebærer en risiko).',
  });
}

/** Public data about a very large or unknown number of people: the compilation itself can add a risk. */
export function disclosureOfPublicData(f: Facts, sev: SeverityExplained, risk: Risk): Reason {
  const who = whoIsAffected(f, { en: 'a very large number', da: 'et meget stort antal' });
  return reason('disclosure_of_public_data', {
    en:
      `The ${dataList(f.disclosedTypes, f.answers)} of ${people(f.answers)} had been public before ` +
      `the breach, so the disclosure reveals nothing new and is not a high risk. ${who.en}, though, and a ` +
      'compilation on this scale can itself be misused (for phishing or profiling), so it is not treated as ' +
      `unlikely to result in a risk by that alone; with an ENISA severity of ${LEVEL_WORDS[sev.level]} ` +
      `(${formatNumber(sev.score)}) the breach ${RISK_WORDS[risk]}.`,
    da:
      `De berørte ${dataOfPeopleDa(f.disclosedTypes, f.answers)} var offentligt tilgængelige før bruddet. ` +
      `Videregivelsen afslører derfor intet nyt og udgør ikke en høj risiko. ${who.da}, og en samling i dette ` +
      'omfang kan i sig selv misbruges (til phishing eller profilering), så det anses ikke af den grund alene ' +
      'for usandsynligt, at bruddet indebærer en risiko. Efter ENISA-metoden er alvoren ' +
      `${LEVEL_WORDS_DA[sev.level]} (${formatNumberDa(sev.score)}), og ${riskClauseDa(risk, 'main', 'derfor')}.`,
  });
}

/** "The number of people affected is unknown (…)" or "About 1,200 patients are affected". */
function whoIsAffected(f: Facts, worse: { en: string; da: string }): { en: string; da: string } {
  if (f.subjectsUnknown) {
    return {
      en: `The number of people affected is unknown (assessed as the worse case, ${worse.en})`,
      da: `Antallet af berørte personer er ukendt (vurderet ud fra det værste tilfælde: ${worse.da})`,
    };
  }
  return { en: `${capitalise(people(f.answers))} are affected`, da: `${capitalise(peopleDa(f.answers))} er berørt` };
}

export function scaleRaisesOutcome(f: Facts, raised: Risk): Reason {
  const who = whoIsAffected(f, { en: 'a very large number', da: 'et meget stort antal' });
  return reason('scale_raises_outcome', {
    en:
      `${who.en}: at this scale even moderate consequences will reach some people in a serious form, ` +
      `so the ENISA outcome is raised one step and the breach ${RISK_WORDS[raised]} ` +
      '(WP250: the more people affected, the greater the impact).',
    da:
      `${who.da}. Når så mange er berørt, vil selv moderate konsekvenser ramme nogle af dem alvorligt. Resultatet ` +
      `efter ENISA-metoden hæves derfor et trin, og ${riskClauseDa(raised, 'main')} ` +
      '(WP250: jo flere berørte personer, desto større indvirkning).',
  });
}

export function maliciousFloor(f: Facts): Reason {
  // Not known whether on purpose: the worse case, said as a possibility (worseCaseNotes says why).
  if (f.maliciousAssumed) {
    return reason('malicious_floor', {
      en:
        'The data may have been taken or accessed deliberately and nothing assures how they will be used, so ' +
        'the breach cannot be considered unlikely to result in a risk (EDPB Guidelines 01/2021, case 08).',
      da:
        'Oplysningerne kan være bevidst taget eller tilgået, og intet sikrer, hvordan de vil blive brugt. Det kan derfor ' +
        `ikke anses for usandsynligt, at bruddet indebærer en risiko (${EDPB_01_2021}, sag 08).`,
    });
  }
  return reason('malicious_floor', {
    en:
      'The data were taken or accessed deliberately and nothing assures how they will be used, so ' +
      'the breach cannot be considered unlikely to result in a risk (EDPB Guidelines 01/2021, case 08).',
    da:
      'Oplysningerne er bevidst taget eller tilgået, og intet sikrer, hvordan de vil blive brugt. Det kan derfor ' +
      `ikke anses for usandsynligt, at bruddet indebærer en risiko (${EDPB_01_2021}, sag 08).`,
  });
}

export function uncontrolledRecipientsFloor(f: Facts): Reason {
  const possibly = f.disclosure === 'unlikely' || f.disclosureAssumed ? 'may have ' : '';
  const where = f.recipients === 'public' ? `${possibly}${possibly ? 'been' : 'were'} made public` : `${possibly}reached unknown recipients`;
  const whereDa =
    f.recipients === 'public'
      ? possibly ? 'kan være blevet offentliggjort' : 'er blevet offentliggjort'
      : possibly ? 'kan være nået ud til ukendte modtagere' : 'er nået ud til ukendte modtagere';
  return reason('uncontrolled_recipients_floor', {
    en:
      `The data ${where} and cannot be recalled: this loss of control is itself a damage (GDPR ` +
      'Recital 85), so the breach is likely to result in a risk.',
    da:
      `Oplysningerne ${whereDa} og kan ikke kaldes tilbage. Tabet af kontrol er i sig selv en skade ` +
      '(databeskyttelsesforordningens betragtning 85), og bruddet indebærer derfor sandsynligvis en risiko.',
  });
}

export function largeScaleFloor(f: Facts): Reason {
  const who = whoIsAffected(f, { en: 'a large number', da: 'et stort antal' });
  return reason('large_scale_floor', {
    en: `${who.en}: a disclosure on this scale is likely to result in a risk (WP250 Annex B, example 10).`,
    da: `${who.da}. En videregivelse i dette omfang indebærer sandsynligvis en risiko (WP250, bilag B, eksempel 10).`,
  });
}

// ---- integrity and availability ------------------------------------------------------------

/** What happened to the data, in both languages: "were lost for good" / "er gået tabt for altid". */
function lossParts(f: Facts): Array<{ en: string; da: string }> {
  const a = f.answers;
  const parts: Array<{ en: string; da: string }> = [];
  const restored = a.restoredWithinHours;
  const time = restored === null ? null : duration(restored);
  // The verb agrees with the labels lossHead names (Danish verbs do not inflect for number).
  const were = wasWere(a.dataTypes);
  const are = were === 'was' ? 'is' : 'are';
  if (f.availability) {
    if (a.unavailability === 'permanent') parts.push({ en: `${were} lost for good`, da: 'er gået tabt for altid' });
    else if (time === null) parts.push({ en: `became unavailable and ${are} not yet restored`, da: 'er blevet utilgængelige og er endnu ikke genskabt' });
    else parts.push({ en: `${were} unavailable for ${time.en}`, da: `har været utilgængelige i ${time.da}` });
  }
  if (f.integrity) {
    if (a.alteration === 'unrecoverable') parts.push({ en: `${were} altered beyond recovery`, da: 'er blevet ændret uopretteligt' });
    else if (f.availability) parts.push({ en: `${were} altered (the correct data can be recovered)`, da: 'er blevet ændret (de korrekte oplysninger kan genskabes)' });
    else if (time === null) parts.push({ en: `${were} altered and ${are} not yet corrected`, da: 'er blevet ændret og er endnu ikke rettet' });
    else parts.push({ en: `${were} altered and corrected within ${time.en}`, da: `er blevet ændret og rettet på ${time.da}` });
  }
  return parts;
}

/** "were unavailable for 30 hours and were altered beyond recovery". */
export function lossPhrase(f: Facts): string {
  return joinAnd(lossParts(f).map((p) => p.en));
}

/** 0.2 → "less than an hour" / "under en time", 30 → "30 hours" / "30 timer", 1528 → "about 64 days" / "ca. 64 dage". */
function duration(h: number): { en: string; da: string } {
  if (h < 1) return { en: 'less than an hour', da: 'under en time' };
  if (h < 72) return h === 1 ? { en: '1 hour', da: '1 time' } : { en: `${formatNumber(h)} hours`, da: `${formatNumberDa(h)} timer` };
  return { en: `about ${formatCount(h / 24)} days`, da: `ca. ${formatCountDa(h / 24)} dage` };
}

/** "Health data of about 40,000 patients were unavailable for 30 hours". */
function lossHead(f: Facts): string {
  return `${capitalise(dataList(f.answers.dataTypes, f.answers))} of ${people(f.answers)} ${lossPhrase(f)}`;
}

/** "Helbredsoplysninger om ca. 40.000 patienter har været utilgængelige i 30 timer". */
function lossHeadDa(f: Facts): string {
  return `${capitalise(dataOfPeopleDa(f.answers.dataTypes, f.answers))} ${joinAndDa(lossParts(f).map((p) => p.da))}`;
}

export function severeLoss(f: Facts): Reason {
  return reason('severe_loss', {
    en:
      `${lossHead(f)}, with a severe effect on the people (such as loss of benefits or liberty, or harm to health): ` +
      'Datatilsynet treats such consequences as very serious, so the risk is high.',
    da:
      `${lossHeadDa(f)}, med en alvorlig indvirkning på de registrerede (f.eks. tab af ydelser eller frihed eller ` +
      'skade på helbredet). Datatilsynet anser sådanne konsekvenser for meget alvorlige, og risikoen er derfor høj.',
  });
}

export function attackOnCareRecords(f: Facts): Reason {
  return reason('attack_on_care_records', {
    en:
      `${lossHead(f)}, kept from them by an attack. People depend on these records for their care: an attack ` +
      'that keeps them unavailable or wrong for a day or more is not a brief outage like a power cut, as care can ' +
      "be delayed or given on wrong information and the attacker had the records in hand, so the risk is high whatever the team's " +
      'rating of the effect (WP250 Annex B, example 8: a hospital\'s medical records unavailable for 30 hours after a cyber attack).',
    da:
      `${lossHeadDa(f)} som følge af et angreb. De registrerede er afhængige af disse oplysninger for at få ` +
      'deres behandling: Et angreb, der gør dem utilgængelige eller forkerte i et døgn eller mere, er ikke et ' +
      'kortvarigt nedbrud som en strømafbrydelse. Behandlingen kan blive forsinket eller ske på et forkert grundlag, ' +
      'og angriberen har haft oplysningerne i hænde. Risikoen er derfor høj, uanset hvordan teamet har vurderet ' +
      'virkningen (WP250, bilag B, eksempel 8: et hospitals patientjournaler, der var utilgængelige i 30 timer ' +
      'efter et cyberangreb).',
  });
}

/**
 * Care records gone for good: WP250 Annex B example 4 (data lost with no backup: tell the people when
 * the loss harms them, as with medical records) and GDPR Recital 75 (harm to health).
 */
export function careRecordsLostForGood(f: Facts): Reason {
  return reason('care_records_lost_for_good', {
    en:
      `${lossHead(f)}. People depend on these records for their care, and nobody can give them back: care can ` +
      'be given on missing or wrong information, a harm to health (GDPR Recital 75). The risk is therefore high ' +
      "whatever the team's rating of the effect, which is made before such harm has had time to show " +
      '(WP250 Annex B, example 4: data lost with no backup are a high risk when the loss harms people, as with ' +
      'medical records).',
    da:
      `${lossHeadDa(f)}. De registrerede er afhængige af disse oplysninger for at få deres behandling, og ingen ` +
      'kan give dem oplysningerne tilbage. Behandlingen kan derfor ske på et mangelfuldt eller forkert grundlag, ' +
      'hvilket er en skade på helbredet (databeskyttelsesforordningens betragtning 75). Risikoen er derfor høj, ' +
      'uanset hvordan teamet har vurderet virkningen, for vurderingen er foretaget, før en sådan skade har nået at ' +
      'vise sig (WP250, bilag B, eksempel 4: oplysninger, der går tabt uden sikkerhedskopi, indebærer en høj ' +
      'risiko, når tabet skader de registrerede, som ved patientjournaler).',
  });
}

export function dependedOnRecordsFloor(f: Facts): Reason {
  const what = f.dependence === 'care' ? 'their care' : 'benefits, payments or legal rights';
  const whatDa = f.dependence === 'care' ? 'at få deres behandling' : 'at få ydelser, udbetalinger eller deres rettigheder';
  // WP250 Annex B example 8 is an attack; an accidental loss rests on Recital 75 (people prevented
  // from exercising their rights) alone.
  const source = f.malicious
    ? { en: 'WP250 Annex B, example 8', da: 'WP250, bilag B, eksempel 8' }
    : {
        en: 'GDPR Recital 75: people prevented from exercising their rights',
        da: 'databeskyttelsesforordningens betragtning 75: registrerede, der forhindres i at udøve deres rettigheder',
      };
  return reason('depended_on_records_floor', {
    en:
      `${lossHead(f)}. People depend on these records for ${what}: a loss lasting a day or more can delay ` +
      "them, so it cannot be considered unlikely to result in a risk, whatever the team's rating of the effect " +
      `(a loss that delays care, payments or legal rights is not minor; ${source.en}).`,
    da:
      `${lossHeadDa(f)}. De registrerede er afhængige af disse oplysninger for ${whatDa}: Et tab, der varer ` +
      'et døgn eller mere, kan give forsinkelser. Det kan derfor ikke anses for usandsynligt, at bruddet ' +
      'indebærer en risiko, uanset hvordan teamet har vurderet virkningen (et tab, der forsinker behandling, ' +
      `udbetalinger eller rettigheder, er ikke ubetydeligt; ${source.da}).`,
  });
}

export function briefLoss(f: Facts): Reason {
  const effect = f.answers.impactOnPeople === 'none' ? 'no effect' : 'only a minor effect';
  const effectDa = f.answers.impactOnPeople === 'none' ? 'uden nogen virkning' : 'med kun en mindre virkning';
  // Whether data left the organisation is the confidentiality question; when it was not asked,
  // say nothing about it (issue 11: no inference stated as a fact).
  const goodTime = f.dependence === null ? `${GOOD_TIME_HOURS} hours` : 'a day';
  const goodTimeDa = f.dependence === null ? `${GOOD_TIME_HOURS} timer` : 'et døgn';
  return reason('brief_loss', {
    en:
      `${lossHead(f)}, back in good time (within ${goodTime}), with ${effect} on people: the loss on its own ` +
      'is unlikely to result in a risk (EDPB Guidelines 01/2021, case 01; WP250 Annex B, example 3).',
    da:
      `${lossHeadDa(f)}, og de var tilbage i tide (inden for ${goodTimeDa}) ${effectDa} for de registrerede. ` +
      `Tabet i sig selv indebærer derfor sandsynligvis ikke en risiko (${EDPB_01_2021}, sag 01; WP250, bilag B, eksempel 3).`,
  });
}

export function lastingLoss(f: Facts, sev: SeverityExplained, risk: Risk): Reason {
  if (f.answers.impactOnPeople === 'significant') {
    const high = risk === 'high';
    const enisa = high ? ` and an ENISA severity of ${LEVEL_WORDS[sev.level]} (${formatNumber(sev.score)})` : '';
    const enisaDa = high ? `, og alvoren efter ENISA-metoden er ${LEVEL_WORDS_DA[sev.level]} (${formatNumberDa(sev.score)})` : '';
    return reason('lasting_loss', {
      en:
        `${lossHead(f)}, with a significant effect on the people (a loss that delays care, payments or legal ` +
        `rights is not minor)${enisa}: the breach ${RISK_WORDS[risk]}.`,
      da:
        `${lossHeadDa(f)}, med en betydelig indvirkning på de registrerede (et tab, der forsinker behandling, ` +
        `udbetalinger eller rettigheder, er ikke ubetydeligt)${enisaDa}. ${capitalise(riskClauseDa(risk, 'main', 'derfor'))}.`,
    });
  }
  return reason('lasting_loss', {
    en:
      `${lossHead(f)}: a loss that is not undone in good time is likely to result in a risk (EDPB Guidelines ` +
      '01/2021, case 02).',
    da:
      `${lossHeadDa(f)}. Et tab, der ikke genoprettes i tide, indebærer sandsynligvis en risiko ` +
      `(${EDPB_01_2021}, sag 02).`,
  });
}

export function lossCappedByImpact(f: Facts, sev: SeverityExplained): Reason {
  const effect = f.answers.impactOnPeople === 'none' ? 'no effect' : 'only a minor effect';
  const effectDa = f.answers.impactOnPeople === 'none' ? 'ingen virkning' : 'kun en mindre virkning';
  return reason('loss_capped_by_impact', {
    en:
      `The loss had ${effect} on people, so the loss on its own is not a high risk despite an ENISA severity of ` +
      `${LEVEL_WORDS[sev.level]} (${formatNumber(sev.score)}).`,
    da:
      `Tabet havde ${effectDa} for de registrerede og udgør derfor ikke i sig selv en høj risiko, selv om alvoren efter ` +
      `ENISA-metoden er ${LEVEL_WORDS_DA[sev.level]} (${formatNumberDa(sev.score)}).`,
  });
}

// ---- unknowns, role, outcome ----------------------------------------------------------------

/**
 * What was not known and so assessed as the worse case (assessment.md: unknowns count against the
 * controller), in the order the notes are given: when each applies, and what it says.
 */
const WORSE_CASES: ReadonlyArray<{ code: ReasonCode; when: (f: Facts) => boolean; text: { en: string; da: string } }> = [
  {
    code: 'worse_case_count',
    when: (f) => f.subjectsUnknown,
    text: {
      en: 'The number of people affected is not known, so it was assessed as the worse case: a large number.',
      da: 'Antallet af berørte personer er ikke kendt og er derfor vurderet ud fra det værste tilfælde: et stort antal.',
    },
  },
  {
    code: 'worse_case_disclosure',
    when: (f) => f.disclosureAssumed && f.intelligible,
    text: {
      en: 'Whether anyone unauthorised saw or took the data is not known, so it was assessed as the worse case: disclosed.',
      da: 'Det vides ikke, om uvedkommende har set eller taget oplysningerne, og det er derfor vurderet ud fra det værste tilfælde: at de er videregivet.',
    },
  },
  {
    code: 'worse_case_recipients',
    when: (f) => f.recipientsAssumed && f.intelligible && f.disclosure !== 'ruled_out',
    text: {
      en: 'Who received the data is not known, so it was assessed as the worse case: unknown recipients.',
      da: 'Det vides ikke, hvem der har modtaget oplysningerne, og det er derfor vurderet ud fra det værste tilfælde: ukendte modtagere.',
    },
  },
  {
    code: 'worse_case_malicious',
    when: (f) => f.maliciousAssumed,
    text: {
      en: 'Whether the breach was done on purpose is not known, so it was assessed as the worse case: on purpose.',
      da: 'Det vides ikke, om bruddet skyldes en bevidst handling, og det er derfor vurderet ud fra det værste tilfælde: at det er sket med vilje.',
    },
  },
  {
    code: 'worse_case_public',
    when: (f) => f.publicBeforeAssumed && f.intelligible,
    text: {
      en: 'Whether the same data were already public is not known, so it was assessed as the worse case: not public.',
      da: 'Det vides ikke, om de samme oplysninger allerede var offentlige, og det er derfor vurderet ud fra det værste tilfælde: at de ikke var.',
    },
  },
  {
    code: 'worse_case_credentials',
    when: (f) => f.credentialsReachUnknown,
    text: {
      en: 'What the credentials give access to was not given, so they were scored as the worse case for an ordinary account: access enabling fraud.',
      da:
        'Det er ikke oplyst, hvad de berørte loginoplysninger giver adgang til. De er derfor vurderet som det værste ' +
        'tilfælde for en almindelig konto: adgang, der kan bruges til bedrageri.',
    },
  },
];

export function worseCaseNotes(f: Facts): Reason[] {
  return WORSE_CASES.filter((w) => w.when(f)).map((w) => reason(w.code, w.text));
}

export function processorNote(): Reason {
  return reason('processor_note', {
    en:
      'As a processor, you must tell the controller without undue delay (Art. 33(2)); the controller ' +
      'decides whether to notify Datatilsynet and the people affected. The assessment below is for ' +
      "the controller's benefit.",
    da:
      'Som databehandler skal I underrette den dataansvarlige uden unødig forsinkelse (art. 33, stk. 2). Den ' +
      'dataansvarlige afgør, om bruddet skal anmeldes til Datatilsynet, og om de registrerede skal underrettes. ' +
      'Vurderingen nedenfor er til brug for den dataansvarlige.',
  });
}

export function jointControllerNote(): Reason {
  return reason('joint_controller_note', {
    en:
      'As a joint controller, follow the arrangement with the other controller(s) on who notifies ' +
      '(Art. 26); the assessment applies to all of you.',
    da:
      'Som fælles dataansvarlige skal I følge ordningen med den eller de andre dataansvarlige om, hvem der ' +
      'anmelder (art. 26). Vurderingen gælder for jer alle.',
  });
}

export function communicationIndividual(): Reason {
  return reason('communication_individual', {
    en: 'The risk is high, so the people affected must be told directly and without undue delay (Art. 34(1)).',
    da: 'Risikoen er høj, og de registrerede skal derfor underrettes direkte og uden unødig forsinkelse (art. 34, stk. 1).',
  });
}

export function exemptionUnintelligible(f: Facts): Reason {
  const what = f.partialProtection ? `the ${dataList(f.protectedTypes, f.answers)}` : 'the data';
  const whatDa = f.partialProtection ? `de beskyttede ${dataListDa(f.protectedTypes, f.answers)}` : 'oplysningerne';
  return reason('exemption_unintelligible', {
    en:
      `Without the intact encryption or hashing this disclosure would be a high risk; because ${what} ` +
      'are unintelligible to anyone not authorised, the people affected need not be told (Art. 34(3)(a)).',
    da:
      'Uden den intakte kryptering eller hashing ville videregivelsen indebære en høj risiko. Fordi ' +
      `${whatDa} er uforståelige for uvedkommende, behøver de registrerede ikke at blive underrettet ` +
      '(art. 34, stk. 3, litra a).',
  });
}

export function exemptionMeasures(): Reason {
  return reason('exemption_measures', {
    en:
      'Measures taken since the breach make the high risk no longer likely, so the people affected need ' +
      'not be told (Art. 34(3)(b)); describe those measures in the notification.',
    // Art. 34, stk. 3, litra b: "… sandsynligvis ikke længere er en realitet".
    da:
      'Foranstaltninger truffet efter bruddet sikrer, at den høje risiko sandsynligvis ikke længere er en ' +
      'realitet, og de registrerede behøver derfor ikke at blive underrettet (art. 34, stk. 3, litra b). ' +
      'Beskriv foranstaltningerne i anmeldelsen.',
  });
}

export function exemptionDisproportionate(): Reason {
  return reason('exemption_disproportionate', {
    en:
      'Contacting each person would take disproportionate effort, so a public communication must inform ' +
      'them as effectively instead (Art. 34(3)(c)).',
    da:
      'Det vil kræve en uforholdsmæssig stor indsats at kontakte hver enkelt. I stedet skal en offentlig ' +
      'meddelelse informere de registrerede på en lige så effektiv måde (art. 34, stk. 3, litra c).',
  });
}

export function protectionDoesNotExempt(f: Facts, fromDisclosure: boolean): Reason {
  if (fromDisclosure) {
    return reason('protection_does_not_exempt_disclosure', {
      en:
        `The encryption or hashing covers only the ${dataList(f.protectedTypes, f.answers)}; the high risk comes from ` +
        `the ${dataList(f.disclosedTypes, f.answers)} it does not cover, so the Art. 34(3)(a) exemption does not apply.`,
      da:
        `Beskyttelsen (kryptering eller hashing) omfatter kun ${dataListDa(f.protectedTypes, f.answers)}. Den høje risiko ` +
        `skyldes de ${dataListDa(f.disclosedTypes, f.answers)}, som den ikke omfatter, og undtagelsen i art. 34, ` +
        'stk. 3, litra a, gælder derfor ikke.',
    });
  }
  return reason('protection_does_not_exempt_loss', {
    en:
      'The intact encryption or hashing protects only against disclosure; it does not remove the risk ' +
      'from the loss or alteration, so the Art. 34(3)(a) exemption does not apply.',
    da:
      'Den intakte kryptering eller hashing beskytter kun mod videregivelse. Den fjerner ikke risikoen ved tabet ' +
      'eller ændringen, og undtagelsen i art. 34, stk. 3, litra a, gælder derfor ikke.',
  });
}

export function noCommunicationNeeded(risk: Risk): Reason {
  return risk === 'unlikely'
    ? reason('no_notification_needed', {
        en: 'Datatilsynet need not be notified (Art. 33(1)), and the people affected need not be told.',
        da: 'Bruddet behøver ikke at blive anmeldt til Datatilsynet (art. 33, stk. 1), og de registrerede behøver ikke at blive underrettet.',
      })
    : reason('no_communication_needed', {
        en: 'The risk is not high, so the people affected need not be told (Art. 34(1)); Datatilsynet must be notified (Art. 33(1)).',
        da:
          'Risikoen er ikke høj, og de registrerede behøver derfor ikke at blive underrettet (art. 34, stk. 1). ' +
          'Bruddet skal anmeldes til Datatilsynet (art. 33, stk. 1).',
      });
}

export function registerNote(processor: boolean): Reason {
  return processor
    ? reason('register_processor', {
        en: "The controller records the breach in its register (Art. 33(5)); keep your own record of what you told it and when.",
        da: 'Den dataansvarlige dokumenterer bruddet (art. 33, stk. 5). Før selv notat om, hvad I har fortalt den dataansvarlige, og hvornår.',
      })
    : reason('register_controller', {
        en: 'Record the breach in the internal register whatever the outcome (Art. 33(5)).',
        da: 'Bruddet skal dokumenteres internt uanset resultatet (art. 33, stk. 5).',
      });
}

const ENISA_ARITHMETIC = 'ENISA severity ';

/** Whether a reason is the ENISA arithmetic below, which the result shows apart from the plain reasons. */
export const isEnisaArithmetic = (reason: string): boolean => reason.startsWith(ENISA_ARITHMETIC);

/** "ENISA severity 3.5 (high): DPC 4 × EI 0.75 + CB 0.5." followed by how each term arose. */
export function enisaArithmetic(f: Facts, sev: SeverityExplained): Reason {
  const d = sev.dpcExplained;
  const moves: Array<{ en: string; da: string }> = [];
  if (d.raisedForContext) moves.push({ en: 'one step up for vulnerable people or a sensitive context', da: 'et trin op for sårbare personer eller en følsom sammenhæng' });
  if (d.raisedForProfile) moves.push({ en: 'one step up for a detailed profile of each person', da: 'et trin op for en detaljeret profil af hver person' });
  if (d.loweredForPublic) moves.push({ en: 'one step down because the data were already public', da: 'et trin ned, fordi oplysningerne allerede var offentlige' });
  const opened = d.baseType === 'credentials';
  const bounded = d.dpc !== d.base + moves.length - (d.loweredForPublic ? 2 : 0);
  const en = (): string => {
    const head =
      `${ENISA_ARITHMETIC}${formatNumber(sev.score)} (${LEVEL_WORDS[sev.level]}): ` +
      `DPC ${formatNumber(sev.dpc)} × EI ${formatNumber(sev.ei)} + CB ${formatNumber(sev.cb)}.`;
    const dpc =
      ` DPC: base ${d.base} for ${dataLabel(d.baseType, f.answers)}${opened ? ' (scored as what they open)' : ''}` +
      `${moves.length > 0 ? `, ${joinAnd(moves.map((m) => m.en))}` : ''}${bounded ? ', kept within 1 to 4' : ''}.`;
    const ei = sev.eiNeutralised ? ' EI: negligible, because intact protection makes the data unintelligible.' : '';
    const cb = sev.cbParts.length > 0 ? ` CB: ${sev.cbParts.map((p) => `${p.what.en} +${formatNumber(p.points)}`).join(', ')}.` : '';
    return head + dpc + ei + cb;
  };
  const da = (): string => {
    const head =
      `Alvor efter ENISA-metoden ${formatNumberDa(sev.score)} (${LEVEL_WORDS_DA[sev.level]}): ` +
      `DPC ${formatNumberDa(sev.dpc)} × EI ${formatNumberDa(sev.ei)} + CB ${formatNumberDa(sev.cb)}.`;
    const dpc =
      ` DPC: grundværdi ${d.base} for ${dataLabelDa(d.baseType, f.answers)}${opened ? ' (vurderet som det, de giver adgang til)' : ''}` +
      `${moves.length > 0 ? `, ${joinAndDa(moves.map((m) => m.da))}` : ''}${bounded ? ', holdt inden for 1 til 4' : ''}.`;
    const ei = sev.eiNeutralised ? ' EI: ubetydelig, fordi intakt beskyttelse gør oplysningerne uforståelige.' : '';
    const cb = sev.cbParts.length > 0 ? ` CB: ${sev.cbParts.map((p) => `${p.what.da} +${formatNumberDa(p.points)}`).join(', ')}.` : '';
    return head + dpc + ei + cb;
  };
  return reason('enisa_arithmetic', { en: en(), da: da() });
}
