import type { webApi } from '@slack/bolt';
import { declareQuestionFor } from '../../flows/regimes.js';
import type { BotDeps } from '../deps.js';
import { declareModal, type DeclareMetadata, type DeclarePrefill } from '../views/declare-modal.js';
import { slackErrorCode } from '../../web-api-error.js';

/**
 * Opens the Declare modal. Called right after ack(): the trigger expires three seconds after Slack
 * sent it, so nothing slow may come before views.open. When the organisation's settings make a
 * reporting regime depend on an answer (a NIS2 entity), the question is added afterwards with
 * views.update; with the default settings the modal stays as opened.
 */
export async function openDeclareModal(
  client: webApi.WebClient,
  triggerId: string,
  deps: BotDeps,
  prefill: DeclarePrefill = {},
  meta: DeclareMetadata = {},
): Promise<void> {
  const now = Math.floor(deps.clock.now().toSeconds());
  const opened = await client.views.open({ trigger_id: triggerId, view: declareModal(now, prefill, meta) });
  const question = await declareQuestionFor(deps).catch((err) => {
    deps.logger.warn(`could not read the regime settings for the Declare modal: ${(err as Error).message}`);
    return null;
  });
  const view = opened.view;
  if (!question || !view?.id) return;
  await client.views
    .update({ view_id: view.id, hash: view.hash, view: declareModal(now, prefill, meta, question) })
    .catch((err) => deps.logger.warn(`could not add the regime question to the Declare modal: ${slackErrorCode(err)}`));
}
