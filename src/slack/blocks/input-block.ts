import type { KnownBlock } from '@slack/types';

/**
 * One input block of a modal. Modals here use the field name as the block id, so a
 * `response_action: errors` keyed by field lands under the right input.
 */
export function inputBlock(
  blockId: string,
  actionId: string,
  label: string,
  element: Record<string, unknown>,
  opts: { optional?: boolean; hint?: string } = {},
): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: label },
    optional: opts.optional ?? false,
    ...(opts.hint ? { hint: { type: 'plain_text', text: opts.hint } } : {}),
    element: { ...element, action_id: actionId },
  } as KnownBlock;
}
