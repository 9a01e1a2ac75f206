// The outcome of an assessment: exactly the contract in spec/assessment.md.

export type SeverityLevel = 'low' | 'medium' | 'high' | 'very_high';

/** Art. 33 / 34 vocabulary: "unlikely to result in a risk", "a risk", "a high risk". */
export type Risk = 'unlikely' | 'risk' | 'high';

export type Communication = 'no' | 'individual' | 'public';

/** Art. 34(3)(a), (b), (c). */
export type Exemption = null | 'unintelligible' | 'measures_taken' | 'disproportionate_effort';

export interface Severity {
  dpc: number;
  ei: number;
  cb: number;
  score: number;
  level: SeverityLevel;
}

export interface AssessmentResult {
  severity: Severity;
  risk: Risk;
  notifyAuthority: boolean; // Art. 33; false for a processor (the controller decides)
  notifyController: boolean; // true for a processor (Art. 33(2)), false otherwise
  communicateToSubjects: Communication; // after the Art. 34(3) exemptions
  exemption: Exemption;
  reasons: string[]; // plain English sentences, the most decisive first
}

const RISK_ORDER: readonly Risk[] = ['unlikely', 'risk', 'high'];

export function riskRank(risk: Risk): number {
  return RISK_ORDER.indexOf(risk);
}

export function maxRisk(a: Risk, b: Risk): Risk {
  return riskRank(a) >= riskRank(b) ? a : b;
}

export function minRisk(a: Risk, b: Risk): Risk {
  return riskRank(a) <= riskRank(b) ? a : b;
}

/** One step up the Art. 33/34 ladder; "high" stays "high". */
export function stepUp(risk: Risk): Risk {
  return RISK_ORDER[Math.min(riskRank(risk) + 1, RISK_ORDER.length - 1)] ?? 'high';
}
