// The assessment: answers in, decision with reasons out. Pure: no Slack, no database, no clock.
import type { AssessmentAnswers } from './answers.js';
import { type Facts, readFacts } from './facts.js';
import * as say from './reasons.js';
import type { AssessmentResult, Communication, Exemption, Risk } from './result.js';
import { combine, confidentialityFinding, lossFinding } from './rules.js';
import { computeSeverity } from './severity.js';

export function assess(answers: AssessmentAnswers): AssessmentResult {
  const facts = readFacts(answers);
  const severity = computeSeverity(facts);
  const outcome = combine([confidentialityFinding(facts, severity), lossFinding(facts, severity)]);
  const risk = outcome.level;
  // A processor decides nothing for the controller: it tells the controller (Art. 33(2)), and the
  // controller notifies. The risk is still computed, for the controller's benefit.
  const processor = answers.role === 'processor';

  const reasons: string[] = [];
  if (processor) reasons.push(say.processorNote());
  reasons.push(...outcome.reasons, ...say.worseCaseNotes(facts));

  const communication = processor ? { to: 'no' as const, exemption: null, reasons: [] } : decideCommunication(facts, risk);
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
  reasons: string[];
}

/** Art. 34(1) with the Art. 34(3) exemptions, in the Regulation's order. */
function decideCommunication(f: Facts, risk: Risk): CommunicationDecision {
  const a = f.answers;
  const intactDisclosure = f.confidentiality && a.protection === 'intact';
  if (risk !== 'high') {
    // (a) Encryption is why a disclosure that would otherwise be high risk is not: say so, so
    // the register shows which exemption carried the decision.
    if (intactDisclosure && wouldBeHighUnprotected(a)) {
      return {
        to: 'no',
        exemption: 'unintelligible',
        reasons: [say.exemptionUnintelligible(), say.noCommunicationNeeded(risk)],
      };
    }
    return { to: 'no', exemption: null, reasons: [say.noCommunicationNeeded(risk)] };
  }
  // Here the high risk cannot come from an intact-protected disclosure (rules.ts neutralises it),
  // so encryption does not exempt: it protects against disclosure, not against loss.
  const prefix = intactDisclosure ? [say.protectionDoesNotExempt()] : [];
  if (a.measuresRemoveHighRisk) {
    return { to: 'no', exemption: 'measures_taken', reasons: [...prefix, say.exemptionMeasures()] };
  }
  if (a.individualContactDisproportionate) {
    return { to: 'public', exemption: 'disproportionate_effort', reasons: [...prefix, say.exemptionDisproportionate()] };
  }
  return { to: 'individual', exemption: null, reasons: [...prefix, say.communicationIndividual()] };
}

function wouldBeHighUnprotected(a: AssessmentAnswers): boolean {
  const unprotected = readFacts({ ...a, protection: 'none' });
  const finding = confidentialityFinding(unprotected, computeSeverity(unprotected));
  return finding?.level === 'high';
}
