import { escapeMrkdwn } from '../mrkdwn.js';

/** Shortens to `max` characters with an ellipsis, so Block Kit limits are never hit by user text. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** User text for a mrkdwn field: escaped, then clipped so an entity is never cut in half. */
export function userText(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  const cut = escaped.slice(0, max - 1).replace(/&[a-z]{0,3}$/, '');
  return `${cut}…`;
}

/** User text as a mrkdwn block quote: escaped and clipped, each line prefixed with "> ". */
export function quotedUserText(text: string, max: number): string {
  return userText(text, max)
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

export const mention = (userId: string) => `<@${userId}>`;

/**
 * The people who may decide and record for a breach, as mentions: the breach lead first, then the
 * DPO users ("<@U1>, <@U2> or <@U3>"). Said wherever someone must act or is refused (issue 17).
 */
export function decidersText(leadId: string | null, dpoUserIds: readonly string[]): string {
  const ids = [...new Set([...(leadId ? [leadId] : []), ...dpoUserIds])];
  if (ids.length === 0) return 'the DPO (none is set: an admin names the DPO users in the App Home)';
  const names = ids.map(mention);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0]!;
}
