/**
 * The one escaping function for user text placed in Slack mrkdwn.
 *
 * Slack decodes exactly three entities, so exactly three characters are escaped (slack-rules §5):
 * with `<` and `>` escaped, nothing a user types can become `<!channel>`, `<!here>`, `<!subteam^…>`,
 * `<@U…>` or a disguised `<https://…|label>` link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * Slash-command text arrives with `&`, `<`, `>` already entity-escaped by Slack (slack-rules §5).
 * Decode it once so it is stored as the user typed it, and escaped again on the way out.
 */
export function decodeSlackEntities(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}
