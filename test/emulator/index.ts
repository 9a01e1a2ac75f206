/** Public API of the local Slack emulator (see emulator.ts and the README in this folder). */
export { SlackEmulator, type SlackEmulatorOptions, type AddUserInput, type AddChannelInput } from './emulator.js';
export {
  Driver,
  type DriverOptions,
  type CommandResult,
  type InteractionResult,
  type SubmitViewResult,
  type EventDeliveryResult,
  type EventAttempt,
  type BlockActionInput,
  type AckResult,
  type RawRequest,
} from './driver.js';
export { DEFAULT_BOT_SCOPES, type ApiCall, type Violation, type ViolationKind } from './core.js';
export { manualClock, type Clock, type ManualClock } from './clock.js';
export { computeSignature, verifySignature, signedHeaders } from './signing.js';
export { DriverError, ApiError } from './errors.js';
export type { FaultSpec } from './faults.js';
export type { RateLimitOption, RateLimitOverrides } from './rate-limits.js';
export { validateBlocks, BLOCK_LIMITS } from './block-kit.js';
export { validateView, VIEW_LIMITS } from './view-validation.js';
export { escapeMrkdwn, scanSites } from './mrkdwn-scan.js';
export type * from './state.js';
