/** What the DPO sees of the backups on the Home tab. */
export interface BackupStatus {
  /** The last backup that succeeded. */
  lastGood: { at: Date; file: string | null } | null;
  /** The last attempt, when it failed. */
  lastFailure: { at: Date; error: string } | null;
}
