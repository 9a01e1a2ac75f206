import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createSlackApp } from '../../src/slack/app.js';
import { SlackPacer } from '../../src/slack/pacer.js';

/*
 * LOG_LEVEL is the operator's: Bolt resets the logger it is given to its own level (info) when the
 * app is made, so debug went quiet and warn printed info lines for the rest of the run.
 */
describe("the Slack app keeps the operator's log level", () => {
  it.each([
    ['debug', {}],
    ['warn', {}],
    ['error', {}],
    ['debug', { SLACK_APP_TOKEN: 'xapp-1-A0LEVEL-1-test' }],
    ['warn', { SLACK_APP_TOKEN: 'xapp-1-A0LEVEL-1-test' }],
  ] as const)('LOG_LEVEL=%s %o', (level, extra) => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', LOG_LEVEL: level, ...extra });
    const logger = createLogger(config.logLevel);
    createSlackApp(config, { logger } as never, new SlackPacer());
    expect(logger.getLevel()).toBe(level);
  });
});
