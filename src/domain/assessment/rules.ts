// The GDPR and Danish rules that decide the risk; ENISA's arithmetic decides only where no rule
// does (assessment.md: "ENISA predates the GDPR and scores some cases wrongly alone").
//
// A breach can lose confidentiality, integrity and availability at once. Each side is judged on
// its own facts and the breach takes the higher outcome: intact encryption neutralises a
// disclosure but not a loss, and a quick restore undoes a loss but not a disclosure.
import { DAY_HOURS, type Facts, dataLikelyDisclosed, lossHours, lostForGood, restoredInGoodTime } from './facts.js';
import * as say from './reasons.js';
import type { Reason } from './reason.js';
import { type Risk, maxRisk, minRisk, riskRank, stepUp } from './result.js';
import type { SeverityExplained } from './severity.js';

/** One side's outcome; the first reason is the decisive one. */
export interface Finding {
  level: Risk;
  reasons: Reason[];
}

/** ENISA level to Art. 33/34 outcome: low → unlikely, medium → risk, high or very high → high. */
export function riskFromSeverity(sev: SeverityExplained): Risk {
  if (sev.level === 'low') return 'unlikely';
  if (sev.level === 'medium') return 'risk';
  return 'high';
}

/**
 * Confidentiality, in order:
 * 1. protection intact over every kind of data → unlikely (unintelligible data; WP250 ex. 1,
 *    Art. 34(3)(a)); kinds the protection does not cover are assessed as unprotected, below;
 * 2. disclosure ruled out → unlikely;
 * 3. a recipient bound to secrecy (`trusted`) confirmed deletion or return, no malice → unlikely
 *    (EDPB 01/2021 case 09); a private person's word does not count;
 * 4. disclosure unlikely ("probably not seen", which is not "ruled out"):
 *    a. beside a loss undone in good time, with no copy of the data out of the organisation's
 *       control (ransomware restored from a backup, the data never left the systems) → unlikely:
 *       the loss decides (EDPB 01/2021 case 01, where logs showed no outward data flow). A copy out
 *       of control (a lost or stolen device or paper; unknown is the worse case) keeps the
 *       disclosure open however quickly a backup restored the data: the backup gives the data back
 *       to the organisation, not the copy back from whoever holds it. EDPB 01/2021 case 11 (a stolen
 *       unencrypted notebook, data restorable from daily backups: high risk) and WP250 Annex B
 *       example 1 (a stolen device is unlikely to result in a risk only when its data are encrypted
 *       as well as backed up) decide it; b and c below then apply;
 *    b. data in the hands of unknown people or public (a lost or stolen device or paper, an open
 *       server): nobody can show they were not seen, so the disclosure rules below apply as for a
 *       possible disclosure (EDPB 01/2021 cases 11 and 12; WP250 Annex B);
 *    c. otherwise (a known recipient, probably unread): "risk" for special-category, criminal or
 *       fraud-enabling data, a possible physical danger, or a large number of people; else unlikely;
 * 5. a disclosure that could put someone in physical danger (a protected address sent to the person
 *    it protects from, a hiding place, someone being searched for), or whose danger is not known
 *    (the worse case), disclosed or possibly disclosed → high: physical harm (Recitals 75 and 85),
 *    often to people in a vulnerable position; not for data already public;
 *    special-category or criminal data disclosed or possibly disclosed → high (EDPB 9/2022),
 *    health data included when the data show that the people are patients, even if health was not
 *    answered (Recital 35; CJEU C-184/20; WP250 Annex B example 10; facts.ts `healthRevealedByGroup`);
 *    data enabling identity theft or fraud → high (Datatilsynet: very serious consequences,
 *    however small the likelihood); neither applies to data already public, and the first not
 *    when people can hardly be identified (ENISA EI negligible);
 * 6. data that were all already public before: unlikely to result in a risk (WP250 rev.01: no
 *    notification where the data are already publicly available and their disclosure does not
 *    constitute a likely risk), except where the compilation itself adds risk: about a very large
 *    or unknown number of people, ENISA decides, but never above "risk";
 * 7. otherwise ENISA decides, raised one step for a very large or unknown number of people, and
 *    at least "risk" when the data were disclosed deliberately, to unknown recipients or the
 *    public, or about a large or unknown number of people.
 */
export function confidentialityFinding(f: Facts, sev: SeverityExplained): Finding | null {
  if (!f.confidentiality) return null;
  const a = f.answers;
  if (!f.intelligible) return { level: 'unlikely', reasons: [say.intactProtection()] };

  const notes: Reason[] = [];
  if (f.partialProtection) notes.push(say.partialProtection(f));
  const decide = (level: Risk, decisive: readonly Reason[]): Finding => ({ level, reasons: [...decisive, ...notes] });

  if (f.disclosure === 'ruled_out') return decide('unlikely', [say.disclosureRuledOut(f)]);
  if (a.recipientDeletedOrReturned) {
    if (f.recipients === 'trusted' && !f.malicious) return decide('unlikely', [say.recipientDeleted()]);
    if (f.recipients === 'known') notes.push(say.deletionByUnboundRecipient());
  }

  const sensitive = f.special.length > 0 && !f.publicBefore && a.identifiability !== 'negligible';
  const fraud = f.fraud.length > 0 && !f.publicBefore;
  // An address already public is no hiding place: the disclosure adds no danger (rule 6).
  const danger = f.physicalDanger && !f.publicBefore;
  const outOfControl = f.recipients === 'unknown' || f.recipients === 'public';

  if (!dataLikelyDisclosed(f)) {
    if (restoredInGoodTime(f)) {
      if (!f.copyOutOfControl) return decide('unlikely', [say.noSignOfDisclosure(f)]);
      notes.unshift(say.backupDoesNotRecallCopy(f));
    }
    if (!outOfControl) {
      const floors: Reason[] = [];
      if (sensitive || fraud) floors.push(say.sensitiveExposed(f, sensitive));
      if (sensitive && f.healthRevealedByGroup) floors.push(say.patientStatusIsHealth(f));
      if (danger) floors.push(say.physicalDanger(f));
      // Data already public reveal nothing new (rule 6): the number of people does not change that.
      if (f.largeScale && !f.publicBefore) floors.push(say.largeScaleFloor(f));
      return floors.length > 0 ? decide('risk', floors) : decide('unlikely', [say.noSignOfDisclosure(f)]);
    }
    notes.unshift(say.probablyNotSeenIsNotRuledOut(f));
  }

  if (danger) return decide('high', [say.physicalDanger(f)]);
  if (sensitive) {
    const revealed = f.healthRevealedByGroup ? [say.patientStatusIsHealth(f)] : [];
    return decide('high', [say.specialDisclosed(f), ...revealed, say.specialEvenIfTrivial()]);
  }
  if (f.special.length > 0 && a.identifiability === 'negligible') notes.push(say.specialHardlyIdentifiable(f));

  // Misuse of card numbers or credentials needs no identification of the person, so the ease
  // of identification does not soften this rule.
  if (fraud) return decide('high', [say.fraudEnabling(f)]);
  if (f.disclosedTypes.includes('income') && !f.publicBefore) notes.push(say.incomeIsNotFraud(f));

  // Disclosing again what was already public reveals nothing new: unlikely to result in a risk
  // (WP250 rev.01), unless the compilation itself adds one. The answers say all the data were
  // public, so only the scale can add it: a very large (or unknown) number of people, where ENISA
  // decides, never above "risk".
  if (f.publicBefore) {
    if (!f.veryLargeScale) return decide('unlikely', [say.publicDataNoRisk(f)]);
    const enisa = minRisk(riskFromSeverity(sev), 'risk');
    return decide(enisa, [say.disclosureOfPublicData(f, sev, enisa)]);
  }

  const enisa = riskFromSeverity(sev);
  if (f.veryLargeScale && enisa !== 'high') {
    const raised = stepUp(enisa);
    return decide(raised, [say.scaleRaisesOutcome(f, raised), say.disclosureByEnisa(f, sev, enisa, true)]);
  }

  const floors: Reason[] = [];
  if (f.malicious) floors.push(say.maliciousFloor(f));
  if (outOfControl) floors.push(say.uncontrolledRecipientsFloor(f));
  if (f.largeScale) floors.push(say.largeScaleFloor(f));
  if (floors.length > 0 && enisa === 'unlikely') {
    return decide('risk', [...floors, say.disclosureByEnisa(f, sev, enisa, true)]);
  }
  return decide(enisa, [say.disclosureByEnisa(f, sev, enisa)]);
}

/**
 * Integrity and availability, in order:
 * 1. severe effect on people (loss of benefits or liberty, harm to health) → high (Datatilsynet);
 * 2. records people depend on for care, benefits or legal rights, not back within a day: at least
 *    "risk" whatever the team's rating of the effect, and high for care records
 *    a. lost or altered for good, by accident or not: nobody can give the people their history back,
 *       so care can be given on missing information (WP250 Annex B example 4: data lost with no
 *       backup, "yes / yes" when the loss harms people, as with medical records; Recital 75: harm
 *       to health); the team's rating of the effect, made when the harm may not have shown yet,
 *       does not lower this;
 *    b. kept from people by an attack (WP250 Annex B example 8: an attack is not a brief power cut);
 * 3. restored in good time with no or minor effect → unlikely (EDPB 01/2021 case 01; WP250 ex. 3);
 * 4. otherwise at least "risk" (EDPB 01/2021 case 02); ENISA may raise it to high only when the
 *    effect on people was significant: for a loss, the harm is what it did to people, which the
 *    questionnaire asks directly.
 */
export function lossFinding(f: Facts, sev: SeverityExplained): Finding | null {
  if (!f.integrity && !f.availability) return null;
  const a = f.answers;
  if (a.impactOnPeople === 'severe') return { level: 'high', reasons: [say.severeLoss(f)] };

  const effect = byEffect(f, sev);
  const floor = dependenceFloor(f);
  if (floor === null) return effect;
  // The effect on people decides when it alone makes the risk high; otherwise the records people
  // depend on explain the outcome. When the floor raises it, only the effect's statement of the
  // loss stays: its "not a high risk" would contradict the outcome.
  if (riskRank(effect.level) > riskRank(floor.level) || effect.level === 'high') {
    return { level: effect.level, reasons: [...effect.reasons, ...floor.reasons] };
  }
  if (effect.level === floor.level) return { level: floor.level, reasons: [...floor.reasons, ...effect.reasons] };
  // A high floor states the loss itself; the effect's "likely to result in a risk" would only blur it.
  if (floor.level === 'high') return floor;
  return { level: floor.level, reasons: [...floor.reasons, ...effect.reasons.slice(0, 1)] };
}

/** The loss judged by its effect on people, as the team rated it. */
function byEffect(f: Facts, sev: SeverityExplained): Finding {
  const a = f.answers;
  const minorEffect = a.impactOnPeople === 'none' || a.impactOnPeople === 'minor';
  if (minorEffect && restoredInGoodTime(f)) return { level: 'unlikely', reasons: [say.briefLoss(f)] };
  const enisa = riskFromSeverity(sev);
  if (minorEffect) {
    const reasons = [say.lastingLoss(f, sev, 'risk')];
    if (enisa === 'high') reasons.push(say.lossCappedByImpact(f, sev));
    return { level: 'risk', reasons };
  }
  // Significant effect: at least a risk, and high when ENISA says so.
  const level = maxRisk(enisa, 'risk');
  return { level, reasons: [say.lastingLoss(f, sev, level)] };
}

/** The floor for records people depend on that were not back within a day; null when none applies. */
function dependenceFloor(f: Facts): Finding | null {
  if (f.dependence === null || lossHours(f) < DAY_HOURS) return null;
  if (f.dependence === 'care' && lostForGood(f)) return { level: 'high', reasons: [say.careRecordsLostForGood(f)] };
  if (f.dependence === 'care' && f.malicious) return { level: 'high', reasons: [say.attackOnCareRecords(f)] };
  return { level: 'risk', reasons: [say.dependedOnRecordsFloor(f)] };
}

/** The higher finding first; on a tie, confidentiality first. */
export function combine(findings: readonly (Finding | null)[]): Finding {
  const present = findings.filter((x): x is Finding => x !== null);
  const sorted = [...present].sort((x, y) => riskRank(y.level) - riskRank(x.level));
  const top = sorted[0];
  if (top === undefined) return { level: 'unlikely', reasons: [] };
  return { level: top.level, reasons: sorted.flatMap((s) => s.reasons) };
}
