import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { validateDeclaration } from '../../../domain/breach/declaration.js';
import { storeDeclaration } from '../../../flows/declare.js';
import { runSetup } from '../../../flows/declare-setup.js';
import type { BotDeps } from '../../deps.js';
import { VIEWS } from '../../ids.js';
import { isAllowedResponseUrl } from '../../response-url.js';
import { readDeclareState, readRegimeAnswer } from '../../views/declare-state.js';
import type { DeclareMetadata } from '../../views/declare-modal.js';
import { submissionKey } from '../../views/submission-key.js';
import { setupContext } from '../setup-context.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * Titles the personal-data warning was shown for, per modal. Submitting the same title again means
 * the person looked and kept it. Per process: with several replicas the warning may show twice.
 */
const warned = new Map<string, string>();

/**
 * Declare modal submitted: validate (errors at the field), store the breach, close the modal,
 * then build the channel and card. The breach is in the database before Slack hears anything.
 */
export function register(app: App, deps: BotDeps): void {
  app.view(VIEWS.declare, async (args) => {
    await handleSubmit(args as Args, deps);
  });
}

async function handleSubmit({ ack, view, body, client, context }: Args, deps: BotDeps): Promise<void> {
  const input = readDeclareState(view.state.values as never);
  const ackKey = `${view.id}`;
  input.personalDataAcknowledged = warned.get(ackKey) === `${input.title ?? ''}\u0000${input.codename ?? ''}`;
  const check = validateDeclaration(input, deps.clock.now());
  if (!check.ok) {
    if (check.personalDataWarning) warned.set(ackKey, `${input.title ?? ''}\u0000${input.codename ?? ''}`);
    if (warned.size > 1000) warned.delete(warned.keys().next().value!);
    await ack({ response_action: 'errors', errors: check.errors as Record<string, string> });
    return;
  }
  warned.delete(ackKey);
  const meta = parseMetadata(view.private_metadata, deps.config.slack.apiUrl);
  let breachId: string;
  try {
    breachId = await storeDeclaration(
      deps,
      check.value,
      {
        reporterId: body.user.id,
        // The view id is stable across re-deliveries and double clicks of one modal.
        submissionKey: submissionKey(view),
        replyUrl: meta.responseUrl ?? null,
      },
      // The answer to the modal's regime question, if it asked one (a NIS2 entity: significant?).
      { significantIncident: readRegimeAnswer(view.state.values as never) },
    );
  } catch (err) {
    deps.logger.error('could not store a declared breach:', (err as Error).message);
    await ack({
      response_action: 'errors',
      errors: { title: 'The breach could not be saved (the database is not reachable). Nothing was created; please submit again.' },
    });
    return;
  }
  await ack();
  deps.background.run(() => runSetup(setupContext(deps, client, context.botUserId), breachId));
}

/** The reply URL rides in the metadata, which a forged submission could set: kept only when it is Slack's (response-url.ts). */
function parseMetadata(raw: string, apiUrl: string): DeclareMetadata {
  try {
    const m = JSON.parse(raw || '{}') as DeclareMetadata;
    return isAllowedResponseUrl(m.responseUrl, apiUrl) ? { responseUrl: m.responseUrl } : {};
  } catch {
    return {};
  }
}

