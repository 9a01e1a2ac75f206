import type { App, BlockButtonAction } from '@slack/bolt';
import { getBreach } from '../../../store/breaches.js';
import { isUuid } from '../../../store/assessments.js';
import type { BotDeps } from '../../deps.js';
import { ACTIONS, ASSESSMENT } from '../../ids.js';
import { slackErrorCode } from '../../web-api-error.js';
import { assessmentModal } from '../../views/assessment-modal.js';
import { decodeDraft, readStep } from '../../views/assessment-state.js';
import type { Step } from '../../views/assessment-steps.js';
import { notAssessable, openAssessmentModal } from '../open-assessment.js';

export function register(app: App, deps: BotDeps): void {
  /** "Assess risk" on the card: the button's value is the breach id. */
  app.action<BlockButtonAction>(ACTIONS.assess, async ({ ack, action, body, client, respond }) => {
    // The ack first: it waits on nothing; the read and views.open follow at once, inside the trigger's 3 s.
    await ack();
    const open = (async () => {
      const breach = isUuid(action.value ?? '') ? await getBreach(deps.db, action.value!) : undefined;
      const refused = notAssessable(breach);
      if (refused) return refused;
      await openAssessmentModal(client, body.trigger_id, deps.db, breach!);
      return null;
    })().catch((err) => {
      deps.logger.warn(`could not open the questionnaire: ${slackErrorCode(err)}`);
      return `:warning: I could not open the questionnaire (${slackErrorCode(err)}). Please press *Assess risk* again.`;
    });
    const problem = await open;
    if (problem) await respond({ response_type: 'ephemeral', replace_original: false, text: problem });
  });

  /**
   * "Back" in steps 2 and 3: show the previous step with its answers. What was entered on this
   * step is kept in the metadata too, so going forward again finds it filled in.
   */
  app.action<BlockButtonAction>(ASSESSMENT.back, async ({ ack, body, client }) => {
    await ack();
    const view = body.view;
    const draft = view && decodeDraft(view.private_metadata);
    if (!view || !draft) return;
    const typed = readStep(view.state.values as never).answers;
    const step = Math.max(1, draft.step - 1) as Step;
    await client.views
      .update({ view_id: view.id, hash: view.hash, view: assessmentModal({ ...draft, step, answers: { ...draft.answers, ...typed } }) })
      .catch((err) => deps.logger.warn(`could not go back in the questionnaire: ${slackErrorCode(err)}`));
  });
}
