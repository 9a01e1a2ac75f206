import type { App, BlockButtonAction } from '@slack/bolt';
import { grantedBreach } from '../../access/context.js';
import type { BotDeps } from '../../deps.js';
import { ACTIONS, ASSESSMENT } from '../../ids.js';
import { slackErrorCode } from '../../../web-api-error.js';
import { assessmentModal } from '../../views/assessment-modal.js';
import { decodeDraft, readStep } from '../../views/assessment-state.js';
import { previousStep } from '../../views/assessment-steps.js';
import { notAssessable, openAssessmentModal } from '../open-assessment.js';
import type { CardActions } from './card-press.js';

export function register(app: App, deps: BotDeps, card: CardActions): void {
  /** "Assess risk" on the card (its button or the overflow menu): the guard found the breach. */
  card.on(ACTIONS.assess, async ({ ack, body, client, context, respond }) => {
    // The ack first: it waits on nothing; the read and views.open follow at once, inside the trigger's 3 s.
    await ack();
    const open = (async () => {
      const breach = grantedBreach(context);
      const refused = notAssessable(breach);
      if (refused) return refused;
      await openAssessmentModal(client, body.trigger_id, deps.db, breach);
      return null;
    })().catch((err) => {
      deps.logger.warn(`could not open the questionnaire: ${slackErrorCode(err)}`);
      return `:warning: I could not open the questionnaire (${slackErrorCode(err)}). Please press *Assess risk* again.`;
    });
    const problem = await open;
    if (problem) await respond({ response_type: 'ephemeral', replace_original: false, text: problem });
  });

  /**
   * "Back": show the previous step that has questions, with its answers. What was entered on this
   * step is kept in the metadata too, so going forward again finds it filled in.
   */
  app.action<BlockButtonAction>(ASSESSMENT.back, async ({ ack, body, client }) => {
    await ack();
    const view = body.view;
    const draft = view && decodeDraft(view.private_metadata);
    if (!view || !draft) return;
    const answers = { ...draft.answers, ...readStep(view.state.values as never).answers };
    const step = previousStep(draft.step, answers);
    await client.views
      .update({ view_id: view.id, hash: view.hash, view: assessmentModal({ ...draft, step, answers }) })
      .catch((err) => deps.logger.warn(`could not go back in the questionnaire: ${slackErrorCode(err)}`));
  });
}
