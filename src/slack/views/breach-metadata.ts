import { isUuid } from '../../domain/uuid.js';

/** Modals opened from the card carry the breach id in private_metadata: `{"breachId":"…"}`. Null when forged or malformed. */
export function breachIdFromMetadata(raw: string): string | null {
  try {
    const m = JSON.parse(raw) as { breachId?: unknown };
    return typeof m.breachId === 'string' && isUuid(m.breachId) ? m.breachId : null;
  } catch {
    return null;
  }
}
