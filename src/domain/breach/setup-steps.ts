/**
 * The setup steps of a declaration, in order. Each is recorded so a failure or a crash resumes where
 * it stopped. `welcome` (the channel's welcome post) and `dm_dpo` (a DM to each DPO) tell the people
 * who must act.
 */
export const SETUP_STEPS = ['create_channel', 'invite', 'set_topic', 'post_card', 'pin_card', 'welcome', 'dm_dpo'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** Where one setup step of a breach stands. */
export interface StepState {
  step: SetupStep;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  lastError: string | null;
  result: unknown;
}
