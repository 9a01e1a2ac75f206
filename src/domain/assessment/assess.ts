// The assessment: answers in, decision with reasons out. Pure: no Slack, no database, no clock.
import type { AssessmentAnswers } from './answers.js';
import { type Facts, readFacts } from './facts.js';
import * as say from './reasons.js';
import { type Reason, reasonText } from './reason.js';
import type { AssessmentResult, Communication, Exemption, Risk } from './result.js';
import { combine, confidentialityFinding, lossFinding } from './rules.js';
import { type SeverityExplained, computeSeverity } from './severity.js';

export function assess(answers: AssessmentAnswers): AssessmentResult {
  const { reasons, ...decision } = evaluate(answers);
  return { ...decision, reasons: reasons.map((r) => reasonText(r, 'en')) };
}

/**
 * The reasons `assess()` gives, in the same order, with their codes and their sentences in every
 * drafting language: for a draft or a surface in Danish. `assess(a).reasons` is their English.
 */
export function explainAssessment(answers: AssessmentAnswers): Reason[] {
  return evaluate(answers).reasons;
}

function evaluate(answers: AssessmentAnswers): Omit<AssessmentResult, 'reasons'> & { reasons: Reason[] } {
  const facts = readFacts(answers);
  const severity = computeSeverity(facts);
  const disclosure = confidentialityFinding(facts, disclosureSeverity(facts, severity));
  const outcome = combine([disclosure, lossFinding(facts, severity)]);
  const risk = outcome.level;
  // A processor decides nothing for the controller: it tells the controller (Art. 33(2)), and the
  // controller notifies. The risk is still computed, for the controller's benefit.
  const processor = answers.role === 'processor';

  const reasons: Reason[] = [];
  if (processor) reasons.push(say.processorNote());
  reasons.push(...outcome.reasons, ...say.worseCaseNotes(facts));

  const communication = processor
    ? { to: 'no' as const, exemption: null, reasons: [] }
    : decideCommunication(facts, risk, disclosure?.level === 'high');
  reasons.push(...communication.reasons);

  reasons.push(say.enisaArithmetic(facts, severity));
  if (answers.role === 'joint_controller') reasons.push(say.jointControllerNote());
  reasons.push(say.registerNote(processor));

  const { dpc, ei, cb, score, level } = severity;
  return {
    severity: { dpc, ei, cb, score, level },
    risk,
    notifyAuthority: !processor && risk !== 'unlikely',
    notifyController: processor,
    communicateToSubjects: communication.to,
    exemption: communication.exemption,
    reasons,
  };
}

interface CommunicationDecision {
  to: Communication;
  exemption: Exemption;
  reasons: Reason[];
}

/**
 * The severity of the disclosure side: the breach's own, except when intact protection covers some
 * kinds of data and data were also lost, where only the kinds left readable count for the disclosure.
 */
function disclosureSeverity(f: Facts, overall: SeverityExplained): SeverityExplained {
  return f.partialProtection && (f.integrity || f.availability) ? computeSeverity(f, f.disclosedTypes) : overall;
}

/** Art. 34(1) with the Art. 34(3) exemptions, in the Regulation's order. */
function decideCommunication(f: Facts, risk: Risk, highFromDisclosure: boolean): CommunicationDecision {
  const a = f.answers;
  const intactDisclosure = f.confidentiality && a.protection === 'intact';
  if (risk !== 'high') {
    // (a) Encryption is why a disclosure that would otherwise be high risk is not: say so, so
    // the register shows which exemption carried the decision.
    if (intactDisclosure && wouldBeHighUnprotected(a)) {
      return {
        to: 'no',
        exemption: 'unintelligible',
        reasons: [say.exemptionUnintelligible(f), say.noCommunicationNeeded(risk)],
      };
    }
    return { to: 'no', exemption: null, reasons: [say.noCommunicationNeeded(risk)] };
  }
  // Here the high risk comes from a loss, or from the kinds of data the protection does not cover
  // (rules.ts neutralises only the covered ones), so encryption does not exempt.
  const prefix = intactDisclosure ? [say.protectionDoesNotExempt(f, highFromDisclosure)] : [];
  if (a.measuresRemoveHighRisk) {
    return { to: 'no', exemption: 'measures_taken', reasons: [...prefix, say.exemptionMeasures()] };
  }
  if (a.individualContactDisproportionate) {
    return { to: 'public', exemption: 'disproportionate_effort', reasons: [...prefix, say.exemptionDisproportionate()] };
  }
  return { to: 'individual', exemption: null, reasons: [...prefix, say.communicationIndividual()] };
}

function wouldBeHighUnprotected(a: AssessmentAnswers): boolean {
  const unprotected = readFacts({ ...a, protection: 'none', protectedDataTypes: null });
  const finding = confidentialityFinding(unprotected, disclosureSeverity(unprotected, computeSeverity(unprotected)));
  return finding?.level === 'high';
}
