import type { App, webApi } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';
import { SHORTCUTS } from '../../ids.js';
import { decodeSlackEntities } from '../../mrkdwn.js';
import { slackErrorCode } from '../../../web-api-error.js';
import { openDeclareModal } from '../open-declare.js';

const EXCERPT_MAX = 500;

/** Global shortcut "Declare data breach" and message shortcut "Report possible breach". */
export function register(app: App, deps: BotDeps): void {
  app.shortcut(SHORTCUTS.declare, async ({ ack, shortcut, client }) => {
    const open = openDeclareModal(client, shortcut.trigger_id, deps);
    await ack();
    await open.catch((err) => deps.logger.warn(`could not open the Declare modal: ${slackErrorCode(err)}`));
  });

  app.shortcut({ callback_id: SHORTCUTS.reportMessage, type: 'message_action' }, async ({ ack, shortcut, client, respond }) => {
    const link = permalink(deps.config.slack.apiUrl, shortcut.team?.domain, shortcut.channel.id, shortcut.message.ts);
    const full = decodeSlackEntities(shortcut.message.text ?? '').trim();
    const excerpt = full.slice(0, EXCERPT_MAX);
    const description = `Reported from a message${link ? `: ${link}` : ''}\n\n${excerpt ? `"${excerpt}${full.length > EXCERPT_MAX ? '…' : ''}"` : ''}`.trim();
    const open = openDeclareModal(client as webApi.WebClient, shortcut.trigger_id, deps, { description }, {
      responseUrl: shortcut.response_url,
    });
    await ack();
    await open.catch(async (err) => {
      deps.logger.warn(`could not open the Declare modal: ${slackErrorCode(err)}`);
      await respond({ response_type: 'ephemeral', text: `:warning: I could not open the form (${slackErrorCode(err)}). Please try again.` });
    });
  });
}

/**
 * The message's permalink, built from the payload instead of a chat.getPermalink call that would
 * eat into the trigger's three seconds. GovSlack's host follows SLACK_API_URL.
 */
export function permalink(apiUrl: string, domain: string | undefined, channel: string, ts: string): string | null {
  if (!domain) return null;
  const host = new URL(apiUrl).hostname.endsWith('slack-gov.com') ? 'slack-gov.com' : 'slack.com';
  return `https://${domain}.${host}/archives/${channel}/p${ts.replace('.', '')}`;
}
