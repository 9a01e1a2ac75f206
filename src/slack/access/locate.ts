import type { PolicyAction } from '../../domain/access/policy.js';
import type { RequestTarget } from '../../flows/access.js';
import { RECORD_KINDS, type RecordKind } from '../../domain/notification-form.js';
import { parseMoreValue } from '../blocks/card-actions.js';
import { parseFillGapsValue, parseReadDraftValue } from '../blocks/draft-summary.js';
import { parseRegimeDraftValue } from '../blocks/regime-drafts.js';
import { decodeDraft } from '../views/assessment-state.js';
import { breachIdFromMetadata } from '../views/breach-metadata.js';
import { parseOverrideMetadata } from '../views/override-modal.js';
import { parseRecordMetadata } from '../views/record-modal.js';
import { isUuid } from '../../domain/uuid.js';

/*
 * Where a request names its breach: a button's value, a modal's private_metadata, or the channel a
 * command was typed in. Every id is checked to be an internal breach (or assessment) id, a UUID;
 * anything else is `malformed` and refused before a listener runs. (The BR-YYYY-NNNN reference is
 * for people; requests carry the internal id.)
 */

export type Target = RequestTarget | { kind: 'malformed' };

type Body = Record<string, any>;
export type Locator = (body: Body) => Target;

const uuidOr = (kind: 'breach' | 'assessment', v: unknown): Target =>
  typeof v === 'string' && isUuid(v) ? { kind, id: v } : { kind: 'malformed' };

const metadata = (body: Body): string => String(body['view']?.['private_metadata'] ?? '');

export const LOCATE = {
  none: (() => ({ kind: 'none' })) as Locator,
  /** The card's buttons carry the breach id as their value. */
  buttonBreach: ((body) => uuidOr('breach', body['actions']?.[0]?.['value'])) as Locator,
  /** The card's overflow menu: the chosen option's value is `<action id>|<breach id>` (blocks/card-actions.ts). */
  cardMenu: ((body) => uuidOr('breach', parseMoreValue(body['actions']?.[0]?.['selected_option']?.['value'])?.breachId)) as Locator,
  /** Fill gaps on a drafting round's message: `<breach id>|<gaps>` (blocks/draft-summary.ts). */
  fillGaps: ((body) => uuidOr('breach', parseFillGapsValue(body['actions']?.[0]?.['value'])?.breachId)) as Locator,
  /** *Read full text* on a drafting round's message: a button's value or a menu option's, `<breach id>|<draft id>`. */
  readDraft: ((body) => {
    const action = body['actions']?.[0];
    return uuidOr('breach', parseReadDraftValue(action?.['value'] ?? action?.['selected_option']?.['value'])?.breachId);
  }) as Locator,
  /** *Draft …* a regime stage on the card or a regime reminder: `<breach id>|<regime>|<stage>` (blocks/regime-drafts.ts). */
  regimeDraft: ((body) => uuidOr('breach', parseRegimeDraftValue(body['actions']?.[0]?.['value'])?.breachId)) as Locator,
  /** The card's "Breach lead" picker carries no value of ours: the breach is the one of the card's channel. */
  actionChannel: ((body) => (typeof body['channel']?.['id'] === 'string' ? { kind: 'channel', channelId: body['channel']['id'] } : { kind: 'malformed' })) as Locator,
  /** Accept and Override on an assessment result carry the assessment id. */
  buttonAssessment: ((body) => uuidOr('assessment', body['actions']?.[0]?.['value'])) as Locator,
  /** Modals opened from the card: `{"breachId":"…"}`. */
  metadataBreach: ((body) => uuidOr('breach', breachIdFromMetadata(metadata(body)))) as Locator,
  /** The questionnaire keeps its draft (with the breach id) in the metadata. */
  assessmentDraft: ((body) => uuidOr('breach', decodeDraft(metadata(body))?.breachId)) as Locator,
  overrideForm: ((body) => uuidOr('assessment', parseOverrideMetadata(metadata(body))?.assessmentId)) as Locator,
  recordForm: ((body) => uuidOr('breach', parseRecordMetadata(metadata(body))?.breachId)) as Locator,
  /** `/breach assess`, `facts`, `lead`, `status`, `timeline`: the breach whose channel it was typed in. */
  commandChannel: ((body) => (typeof body['channel_id'] === 'string' ? { kind: 'channel', channelId: body['channel_id'] } : { kind: 'malformed' })) as Locator,
};

const RECORD_ACTION: Record<RecordKind, PolicyAction> = {
  notification: 'record_notification',
  communication: 'record_communication',
  restriction: 'record_restriction',
};

/** The record form: what is recorded decides who may (a § 22 restriction is the DPO's alone). */
export function recordAction(kind: unknown): PolicyAction {
  return RECORD_KINDS.includes(kind as RecordKind) ? RECORD_ACTION[kind as RecordKind] : 'record_notification';
}
