// The GDPR and Danish rules that decide the risk; ENISA's arithmetic decides only where no rule
// does (assessment.md: "ENISA predates the GDPR and scores some cases wrongly alone").
//
// A breach can lose confidentiality, integrity and availability at once. Each side is judged on
// its own facts and the breach takes the higher outcome: intact encryption neutralises a
// disclosure but not a loss, and a quick restore undoes a loss but not a disclosure.
import { type Facts, GOOD_TIME_HOURS, dataLikelyDisclosed } from './facts.js';
import * as say from './reasons.js';
import { type Risk, maxRisk, minRisk, riskRank, stepUp } from './result.js';
import type { SeverityExplained } from './severity.js';

/** One side's outcome; the first reason is the decisive one. */
export interface Finding {
  level: Risk;
  reasons: string[];
}

/** ENISA level to Art. 33/34 outcome: low → unlikely, medium → risk, high or very high → high. */
export function riskFromSeverity(sev: SeverityExplained): Risk {
  if (sev.level === 'low') return 'unlikely';
  if (sev.level === 'medium') return 'risk';
  return 'high';
}

/**
 * Confidentiality, in order:
 * 1. protection intact → unlikely (unintelligible data; WP250 ex. 1, Art. 34(3)(a));
 * 2. disclosure ruled out → unlikely;
 * 3. recipient bound to secrecy confirmed deletion or return, no malice → unlikely (EDPB 01/2021 case 09);
 * 4. disclosure unlikely (no sign the data reached anyone) → unlikely; but "risk" when the
 *    exposure is the whole breach and the data are special-category, criminal or fraud-enabling;
 * 5. special-category or criminal data disclosed or likely disclosed → high (EDPB 9/2022);
 *    data enabling identity theft or fraud disclosed or likely disclosed → high (Datatilsynet:
 *    very serious consequences, however small the likelihood of misuse); neither applies to data
 *    already public, and the first not when people can hardly be identified (ENISA EI negligible);
 * 6. data already public before: ENISA decides, but never above "risk";
 * 7. otherwise ENISA decides, raised one step for a very large or unknown number of people, and
 *    at least "risk" when the data were disclosed deliberately, to unknown recipients or the
 *    public, or about a large or unknown number of people.
 */
export function confidentialityFinding(f: Facts, sev: SeverityExplained): Finding | null {
  if (!f.confidentiality) return null;
  const a = f.answers;
  if (a.protection === 'intact') return { level: 'unlikely', reasons: [say.intactProtection()] };
  if (f.disclosure === 'ruled_out') return { level: 'unlikely', reasons: [say.disclosureRuledOut(f)] };
  if (
    a.recipientDeletedOrReturned &&
    (f.recipients === 'trusted' || f.recipients === 'known') &&
    !a.malicious
  ) {
    return { level: 'unlikely', reasons: [say.recipientDeleted()] };
  }

  const notes: string[] = [];
  const sensitive = f.special.length > 0 && !a.publiclyAvailableBefore && a.identifiability !== 'negligible';
  const fraud = f.fraud.length > 0 && !a.publiclyAvailableBefore;

  // No sign that the data reached anyone: ENISA's "exposed without evidence of unlawful
  // processing" (no confidentiality points). Alongside a loss (ransomware), this is the "no sign
  // that data left" of EDPB 01/2021 case 01: the loss decides. When the exposure is itself the
  // breach (an open server, a lost file), data whose misuse would be very serious keep it
  // notifiable.
  if (!dataLikelyDisclosed(f)) {
    const exposureIsTheBreach = !f.integrity && !f.availability;
    if (exposureIsTheBreach && (sensitive || fraud)) {
      return { level: 'risk', reasons: [say.sensitiveExposed(f, sensitive)] };
    }
    return { level: 'unlikely', reasons: [say.noSignOfDisclosure(f)] };
  }

  if (sensitive) return { level: 'high', reasons: [say.specialDisclosed(f)] };
  if (f.special.length > 0 && a.identifiability === 'negligible') notes.push(say.specialHardlyIdentifiable(f));

  // Misuse of card numbers or credentials needs no identification of the person, so the ease
  // of identification does not soften this rule.
  if (fraud) return { level: 'high', reasons: [say.fraudEnabling(f)] };

  // Disclosing again what was already public reveals nothing new: never a high risk on its own.
  if (a.publiclyAvailableBefore) {
    const enisa = minRisk(riskFromSeverity(sev), 'risk');
    return { level: enisa, reasons: [say.disclosureOfPublicData(f, sev, enisa), ...notes] };
  }

  const enisa = riskFromSeverity(sev);
  if (f.veryLargeScale && enisa !== 'high') {
    const raised = stepUp(enisa);
    return {
      level: raised,
      reasons: [say.scaleRaisesOutcome(f, raised), say.disclosureByEnisa(f, sev, enisa, true), ...notes],
    };
  }

  const floors: string[] = [];
  if (a.malicious) floors.push(say.maliciousFloor());
  if (f.recipients === 'unknown' || f.recipients === 'public') floors.push(say.uncontrolledRecipientsFloor(f));
  if (f.largeScale) floors.push(say.largeScaleFloor(f));
  if (floors.length > 0 && enisa === 'unlikely') {
    return { level: 'risk', reasons: [...floors, say.disclosureByEnisa(f, sev, enisa, true), ...notes] };
  }
  return { level: enisa, reasons: [say.disclosureByEnisa(f, sev, enisa), ...notes] };
}

/**
 * Integrity and availability, in order:
 * 1. severe effect on people (loss of benefits or liberty, harm to health) → high (Datatilsynet);
 * 2. restored in good time with no or minor effect → unlikely (EDPB 01/2021 case 01; WP250 ex. 3);
 * 3. otherwise at least "risk" (EDPB 01/2021 case 02); ENISA may raise it to high only when the
 *    effect on people was significant: for a loss, the harm is what it did to people, which the
 *    questionnaire asks directly.
 */
export function lossFinding(f: Facts, sev: SeverityExplained): Finding | null {
  if (!f.integrity && !f.availability) return null;
  const a = f.answers;
  if (a.impactOnPeople === 'severe') return { level: 'high', reasons: [say.severeLoss(f)] };

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

function restoredInGoodTime(f: Facts): boolean {
  const a = f.answers;
  const hours = a.restoredWithinHours;
  const backInTime = hours !== null && hours <= GOOD_TIME_HOURS;
  if (f.availability && a.unavailability === 'permanent') return false;
  if (f.integrity && a.alteration === 'unrecoverable') return false;
  return backInTime;
}

/** The higher finding first; on a tie, confidentiality first. */
export function combine(findings: readonly (Finding | null)[]): Finding {
  const present = findings.filter((x): x is Finding => x !== null);
  const sorted = [...present].sort((x, y) => riskRank(y.level) - riskRank(x.level));
  const top = sorted[0];
  if (top === undefined) return { level: 'unlikely', reasons: [] };
  return { level: top.level, reasons: sorted.flatMap((s) => s.reasons) };
}
