import { DateTime } from 'luxon';

/*
 * Times shown to people go out as Slack date tokens, so each reader sees their own time zone. The
 * fallback (old clients, notifications, screen readers on some platforms) is written in the
 * organisation's zone (BREACHBOT_TIMEZONE) and names that zone, so it is never ambiguous.
 */

export const DEFAULT_FALLBACK_ZONE = 'Europe/Copenhagen';

/** Token string and matching luxon fallback pattern for each format we use. */
const FORMATS = {
  /** `Mon 26 Oct 2026 09:00 CET`: the default, for deadlines and awareness times. */
  date_short_pretty_time: { tokens: '{date_short_pretty} {time}', fallback: 'ccc d LLL yyyy HH:mm ZZZZ' },
  date_long_pretty_time: { tokens: '{date_long_pretty} {time}', fallback: 'cccc d LLLL yyyy HH:mm ZZZZ' },
  date_short_pretty: { tokens: '{date_short_pretty}', fallback: 'ccc d LLL yyyy' },
  date_num: { tokens: '{date_num}', fallback: 'yyyy-MM-dd' },
  time: { tokens: '{time}', fallback: 'HH:mm ZZZZ' },
} as const;

export type SlackDateFormat = keyof typeof FORMATS;

export interface SlackDateOptions {
  format?: SlackDateFormat;
  /** IANA zone for the fallback text; normally the BREACHBOT_TIMEZONE setting. */
  zone?: string;
}

/** `<!date^1793001600^{date_short_pretty} {time}|Mon 26 Oct 2026 09:00 CET>` */
export function slackDate(dt: DateTime, { format = 'date_short_pretty_time', zone = DEFAULT_FALLBACK_ZONE }: SlackDateOptions = {}): string {
  if (!dt.isValid) throw new RangeError(`cannot show an invalid time: ${dt.invalidExplanation ?? dt.invalidReason ?? ''}`);
  const local = dt.setZone(zone);
  if (!local.isValid) throw new RangeError(`unknown time zone: ${zone}`);
  const { tokens, fallback } = FORMATS[format];
  // en-GB gives day-month order, a 24-hour clock and zone abbreviations like CET/CEST (en-US says GMT+1).
  const text = local.setLocale('en-GB').toFormat(fallback);
  return `<!date^${dt.toUnixInteger()}^${tokens}|${sanitizeFallback(text)}>`;
}

/** `|` would end the fallback early and `<`/`>` would open or close a control sequence. */
function sanitizeFallback(text: string): string {
  return text.replace(/[<>|]/g, ' ').replace(/\s+/g, ' ').trim();
}
