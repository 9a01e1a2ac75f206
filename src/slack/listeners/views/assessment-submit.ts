import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { AnswerField } from '../../../domain/assessment/answers.js';
import { publishAssessment, saveAssessment } from '../../../flows/assessment.js';
import type { BotDeps } from '../../deps.js';
import { ASSESSMENT } from '../../ids.js';
import { assessmentModal, assessmentNotice } from '../../views/assessment-modal.js';
import { decodeDraft, readStep } from '../../views/assessment-state.js';
import { finalAnswers, nextStep, schemaErrors, shownFieldErrors, strayAnswerErrors } from '../../views/assessment-steps.js';
import { submissionKey } from '../../views/submission-key.js';
import { decisionContext } from '../decision-context.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * A questionnaire step submitted. Errors show at the field; an earlier step leads to the next one
 * (`response_action: update`, so the stack stays one view deep and the answers ride along in
 * private_metadata); the last step stores the assessment, closes the modal, and then posts the
 * result and updates the card.
 */
export function register(app: App, deps: BotDeps): void {
  app.view(ASSESSMENT.view, async (args) => {
    await handleSubmit(args as Args, deps);
  });
}

async function handleSubmit({ ack, view, body, client }: Args, deps: BotDeps): Promise<void> {
  const draft = decodeDraft(view.private_metadata);
  if (!draft) {
    await ack({ response_action: 'update', view: assessmentNotice('This form is out of date. Press *Assess risk* on the breach card to start again.') });
    return;
  }
  const read = readStep(view.state.values as never);
  const answers = { ...draft.answers, ...read.answers };
  const errors = { ...shownFieldErrors(read.shown, answers), ...strayAnswerErrors(read.shown, answers), ...read.errors };
  if (Object.keys(errors).length > 0) {
    await ack({ response_action: 'errors', errors: errors as Record<string, string> });
    return;
  }
  const next = nextStep(draft.step, answers);
  if (next) {
    await ack({ response_action: 'update', view: assessmentModal({ ...draft, step: next, answers }) });
    return;
  }

  const complete = finalAnswers(answers);
  const invalid = schemaErrors(complete);
  if (Object.keys(invalid).length > 0) {
    await ack({ response_action: 'errors', errors: atShownFields(invalid, read.shown) });
    return;
  }
  let assessmentId: string;
  try {
    const saved = await saveAssessment(deps, {
      breachId: draft.breachId,
      answers: complete,
      createdBy: body.user.id,
      // The view id is stable across steps, re-deliveries and double clicks of one questionnaire.
      submissionKey: submissionKey(view),
    });
    if (!saved.ok) {
      await ack({ response_action: 'update', view: assessmentNotice(`${saved.reason} The assessment was not saved.`) });
      return;
    }
    assessmentId = saved.assessmentId;
  } catch (err) {
    deps.logger.error('could not store an assessment:', (err as Error).message);
    await ack({
      response_action: 'errors',
      errors: { [read.shown[0] ?? 'role']: 'The assessment could not be saved (the database is not reachable). Nothing was lost from this form; please submit again.' },
    });
    return;
  }
  await ack();
  deps.background.run(() => publishAssessment(decisionContext(deps, client), assessmentId));
}

/**
 * Errors belong under an input of the submitted view. An earlier step's answer that fails the
 * final check (it should not: each step is checked as it is submitted) is reported on the first
 * field shown, naming the question, so the person can go Back to it.
 */
function atShownFields(errors: Partial<Record<AnswerField, string>>, shown: AnswerField[]): Record<string, string> {
  const out: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [field, message] of Object.entries(errors) as Array<[AnswerField, string]>) {
    if (shown.includes(field)) out[field] = message;
    else elsewhere.push(message);
  }
  if (elsewhere.length && shown[0]) out[shown[0]] = `An earlier answer needs a change (press Back): ${elsewhere.join(' ')}`.slice(0, 2000);
  return out;
}
