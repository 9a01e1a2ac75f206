import type { NotificationRecord } from './notices/from-breach.js';

/*
 * Recorded notifications and communications (flow 6) and § 22 restrictions, as the rest of the code
 * sees them. The columns are documented in src/db/schema.ts (`notifications`, `subject_restrictions`);
 * src/store/notifications.ts checks at compile time that the rows and these keep the same fields.
 */

/**
 * A notification to the authority or the controller (Art. 33), or a communication to the people
 * (Art. 34): the fields the notices draw on (NotificationRecord) and who recorded it, when.
 */
export interface NotificationRow extends NotificationRecord {
  id: string;
  breachId: string;
  notes: string | null;
  recordedBy: string;
  recordedAt: Date;
}

/** A § 22 databeskyttelsesloven restriction of the people's right to be told, with its justification. */
export interface RestrictionRow {
  id: string;
  breachId: string;
  justification: string;
  recordedBy: string;
  recordedAt: Date;
}
