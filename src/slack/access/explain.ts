
type Body = Record<string, any>;

/**
 * A refused modal submission: the reason under the form's first input (the modal stays open and
 * nothing typed is lost), or, in a form without inputs, a modal that says it. Never a silent close.
 */
export function refusedSubmission(view: Body | undefined, text: string): Record<string, unknown> {
  const blocks: Body[] = Array.isArray(view?.['blocks']) ? view['blocks'] : [];
  const input = blocks.find((b) => b['type'] === 'input' && typeof b['block_id'] === 'string');
  if (input) return { response_action: 'errors', errors: { [input['block_id']]: text.slice(0, 2000) } };
  return {
    response_action: 'update',
    view: {
      type: 'modal',
      title: { type: 'plain_text', text: 'Not allowed' },
      close: { type: 'plain_text', text: 'Close' },
      blocks: [{ type: 'section', text: { type: 'plain_text', text: text.slice(0, 3000) } }],
    },
  };
}
