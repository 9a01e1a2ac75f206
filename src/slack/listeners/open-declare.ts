import type { webApi } from '@slack/bolt';
import type { BotDeps } from '../deps.js';
import { declareModal, type DeclareMetadata, type DeclarePrefill } from '../views/declare-modal.js';

/**
 * Opens the Declare modal. Called right after ack(): the trigger expires three seconds after Slack
 * sent it, so nothing slow may come before views.open.
 */
export async function openDeclareModal(
  client: webApi.WebClient,
  triggerId: string,
  deps: BotDeps,
  prefill: DeclarePrefill = {},
  meta: DeclareMetadata = {},
): Promise<void> {
  const now = Math.floor(deps.clock.now().toSeconds());
  await client.views.open({ trigger_id: triggerId, view: declareModal(now, prefill, meta) });
}
