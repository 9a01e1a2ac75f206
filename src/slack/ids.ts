/**
 * Every Slack id the bot owns, in one place: the slash command, shortcut and view callback ids,
 * and block/action ids. The manifest test checks manifest.yml against these.
 */
export const COMMAND = '/breach';

export const SHORTCUTS = {
  /** Global shortcut "Declare data breach". */
  declare: 'declare_breach',
  /** Message shortcut "Report possible breach": pre-fills the description from the message. */
  reportMessage: 'report_message_as_breach',
} as const;
