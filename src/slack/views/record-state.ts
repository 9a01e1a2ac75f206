import type { CommunicationInput, NotificationInput, RecordKind, RestrictionInput } from '../../domain/notification-form.js';
import type { RecordForm } from '../../flows/notifications.js';
import { noticeFieldAction } from '../ids.js';
import type { ViewStateValues } from './declare-state.js';
import type { RecordField } from './record-modal.js';

interface ElementState {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_date_time?: number | null;
}

function reader(values: ViewStateValues) {
  const el = (f: RecordField) => values[f]?.[noticeFieldAction(f)] as ElementState | undefined;
  return {
    str: (f: RecordField) => el(f)?.value ?? null,
    sel: (f: RecordField) => el(f)?.selected_option?.value ?? null,
    when: (f: RecordField) => el(f)?.selected_date_time ?? null,
  };
}

export function readNotificationState(values: ViewStateValues): NotificationInput {
  const r = reader(values);
  return { submittedAt: r.when('submittedAt'), method: r.sel('method'), reference: r.str('reference'), completeness: r.sel('completeness'), notes: r.str('notes') };
}

export function readCommunicationState(values: ViewStateValues): CommunicationInput {
  const r = reader(values);
  return { submittedAt: r.when('submittedAt'), channel: r.sel('channel'), count: r.str('count'), notes: r.str('notes') };
}

export function readRestrictionState(values: ViewStateValues): RestrictionInput {
  return { justification: reader(values).str('justification') };
}

/** The submitted Record form of this kind, as the flow takes it (flows/notifications.ts). */
export function readRecordForm(kind: RecordKind, values: ViewStateValues): RecordForm {
  if (kind === 'notification') return { kind, input: readNotificationState(values) };
  if (kind === 'communication') return { kind, input: readCommunicationState(values) };
  return { kind, input: readRestrictionState(values) };
}
