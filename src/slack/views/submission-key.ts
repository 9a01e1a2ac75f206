/**
 * The request key of a modal submission: the view id. Slack keeps it across a double click and a
 * re-delivery of the same submission, and a forged replay of a signed payload carries it too, so a
 * store that keeps it with the change (breach_events.data.submission, unique per event type) applies
 * the submission once. A new modal (pressing the button again) has a new id and is a new request.
 */
export function submissionKey(view: { id: string }): string {
  return `view:${view.id}`;
}
