import type { Communication, Exemption, Risk, SeverityLevel } from '../../domain/assessment/result.js';
import type { Role } from '../../domain/deadline.js';
import type { DecisionOutcome } from '../../domain/decision.js';

/* Words for assessment results and decisions, shared by the result message, the card and replies. */

export const RISK_LABELS: Record<Risk, string> = {
  unlikely: 'Unlikely to result in a risk',
  risk: 'A risk to the people affected',
  high: 'A high risk to the people affected',
};

export const SEVERITY_LABELS: Record<SeverityLevel, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  very_high: 'Very high',
};

const COMMUNICATION: Record<Communication, string> = {
  individual: 'tell the people affected individually',
  public: 'inform the people affected by a public communication',
  no: 'no need to tell the people affected',
};

export const EXEMPTION_LABELS: Record<Exclude<Exemption, null>, string> = {
  unintelligible: 'Art. 34(3)(a): the data are unintelligible to whoever has them',
  measures_taken: 'Art. 34(3)(b): measures taken since make the high risk no longer likely',
  disproportionate_effort: 'Art. 34(3)(c): contacting each person would take disproportionate effort',
};

/** "notify Datatilsynet; tell the people affected individually". A processor's decision is to tell the controller. */
export function outcomePhrase(role: Role, o: DecisionOutcome): string {
  if (role === 'processor') return 'tell the controller without undue delay (Art. 33(2)); the controller decides on Datatilsynet and the people affected';
  const authority = o.notifyAuthority ? 'notify Datatilsynet' : 'no notification to Datatilsynet needed';
  return `${authority}; ${COMMUNICATION[o.communicateToSubjects]}`;
}

/** A number as people read scores: at most two decimals, no trailing zeros. */
export function formatScore(n: number): string {
  return String(Math.round(n * 100) / 100);
}
