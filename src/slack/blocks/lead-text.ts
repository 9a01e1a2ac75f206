import type { LeadMessage } from '../../flows/lead.js';
import { mention } from './text.js';

/** What naming a breach lead says (flows/lead.ts `nameLead`): a refusal, or the note in the breach channel. */
export function leadText(m: LeadMessage): string {
  switch (m.kind) {
    case 'invite_failed':
      return `I could not invite ${mention(m.leadId)} to the breach channel (${m.error}), so they were not named lead.`;
    case 'not_found':
      return 'That breach no longer exists.';
    case 'closed':
      return `${m.reference} is closed.`;
    case 'unchanged':
      return `${mention(m.leadId)} is already the breach lead.`;
    case 'named':
      return `:bust_in_silhouette: ${mention(m.actorId)} named ${mention(m.leadId)} the breach lead${m.before ? ` (before: ${mention(m.before)})` : ''}. The lead may accept or override the risk decision and record notifications.`;
  }
}
