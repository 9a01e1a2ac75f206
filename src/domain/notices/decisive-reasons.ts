/**
 * Which of an assessment's reasons go into the notice to the authority, in both languages. `assess()` returns its
 * decisive findings (rules.ts) together with notes written for the DPO: what a processor or joint
 * controller must do, whom to notify or tell, what to put in the notification, the worse-case
 * assumptions and the ENISA arithmetic. Those notes are instructions and working, not statements to
 * Datatilsynet; some ("Datatilsynet need not be notified") would contradict the notification
 * itself. So the notice takes the findings only, found by rerunning the rules on the recorded
 * answers, and picks them by their codes, never by the wording of the sentences (which changes as the
 * engine does). Each finding comes with its Danish sentence (reasons.ts), so a Danish notice states
 * the findings in Danish (issue 12).
 */

import { assessmentAnswersSchema } from '../assessment/schema.js';
import { readFacts } from '../assessment/facts.js';
import type { AssessmentResult } from '../assessment/result.js';
import { reasonText, type ReasonCode, type ReasonText } from '../assessment/reason.js';
import { combine, confidentialityFinding, lossFinding } from '../assessment/rules.js';
import { computeSeverity } from '../assessment/severity.js';

/**
 * The findings behind the recorded result, in its order. Empty when the recorded answers no longer
 * read as answers, or when today's rules reach another level than the one recorded (an assessment
 * made under an earlier version of the rules): then the notice states the recorded outcome and its
 * score without sentences that argue for a different one.
 */
export function decisiveReasons(answers: unknown, result: AssessmentResult): ReasonText[] {
  const parsed = assessmentAnswersSchema.safeParse(answers);
  if (!parsed.success) return [];
  const facts = readFacts(parsed.data);
  const finding = combine([confidentialityFinding(facts, computeSeverity(facts)), lossFinding(facts, computeSeverity(facts))]);
  if (finding.level !== result.risk) return [];
  // Keep only what the recorded result says too: its text is what was shown and accepted. The
  // deletion finding says the recipient is bound to secrecy; unless that was the answer, it would
  // state an inference as a fact (issue 11), so the notice leaves it out.
  const unsaid: ReasonCode[] = parsed.data.recipients === 'trusted' ? [] : ['recipient_deleted'];
  return finding.reasons
    .filter((reason) => result.reasons.includes(reasonText(reason, 'en')) && !unsaid.includes(reason.code))
    .map((reason) => ({ en: reasonText(reason, 'en'), da: reasonText(reason, 'da') }));
}
