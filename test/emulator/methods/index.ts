/** The registry of emulated Web API methods (slack-rules.md §4.2 table). */
import { appsMethods } from './apps.js';
import { authMethods } from './auth.js';
import { chatMethods } from './chat.js';
import { conversationsMethods } from './conversations.js';
import { filesMethods } from './files.js';
import { pinsAndBookmarksMethods } from './pins-bookmarks.js';
import { scheduledMethods } from './scheduled.js';
import type { MethodSpec } from './types.js';
import { usersMethods } from './users.js';
import { viewsMethods } from './views.js';

export const ALL_METHODS: ReadonlyMap<string, MethodSpec> = new Map(
  [
    ...authMethods,
    ...appsMethods,
    ...conversationsMethods,
    ...chatMethods,
    ...scheduledMethods,
    ...pinsAndBookmarksMethods,
    ...usersMethods,
    ...viewsMethods,
    ...filesMethods,
  ].map((m) => [m.name, m]),
);

export type { MethodSpec, MethodContext } from './types.js';
