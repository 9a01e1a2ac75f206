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
