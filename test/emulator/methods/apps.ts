/**
 * apps.connections.open (slack-rules.md §7): called with the app-level token (xapp-…, scope
 * connections:write), answers the WebSocket URL of a Socket Mode connection. Tier 1 [JV].
 */
import type { MethodSpec } from './types.js';

export const appsMethods: MethodSpec[] = [
  {
    name: 'apps.connections.open',
    tier: 'tier1',
    token: 'app',
    handler: ({ core }) => ({ url: core.socketUrl() }),
  },
];
