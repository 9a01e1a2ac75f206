// Risk assessment of a personal data breach (spec/assessment.md): must the controller notify
// Datatilsynet (Art. 33), must it tell the people affected (Art. 34), and how serious is it.
export { assess, explainAssessment } from './assess.js';
export { REASON_CODES, type Reason, type ReasonCode, type ReasonText } from './reason.js';
export { assessmentAnswersSchema } from './schema.js';
export type { AssessmentAnswers, DataType } from './answers.js';
export type { AssessmentResult } from './result.js';
export { closestPrecedent, type PrecedentMatch } from './precedents/closest.js';
export type { Precedent, PublishedAnswer } from './precedents/catalogue.js';
