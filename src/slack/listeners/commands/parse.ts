import { decodeSlackEntities } from '../../mrkdwn.js';

/** `/breach <name> <rest>`: the subcommand name (lower case) and the text after it, decoded from Slack's entity escaping. */
export function parse(text: string): { name: string; rest: string } {
  const decoded = decodeSlackEntities(text ?? '').trim();
  const m = /^(\S+)\s*([\s\S]*)$/.exec(decoded);
  return m ? { name: m[1]!.toLowerCase(), rest: m[2]!.trim() } : { name: '', rest: '' };
}
