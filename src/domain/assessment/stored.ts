import type { AssessmentAnswers } from './answers.js';
import type { AssessmentResult } from './result.js';

/**
 * One stored version of a breach's risk assessment: the answers given and the result the engine
 * reached from them. Every version is kept (flow 3); src/store/assessments.ts reads it from the
 * `assessments` table and checks at compile time that the two keep the same fields.
 */
export interface StoredAssessment {
  id: string;
  breachId: string;
  version: number;
  answers: AssessmentAnswers;
  result: AssessmentResult;
  createdBy: string;
  createdAt: Date;
}
