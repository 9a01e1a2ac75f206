/*
 * An audit event in plain words, for the timeline in Slack and the register's CSV. Pure and plain
 * text: the Slack layer escapes what this returns, so user text quoted here (a justification, a
 * closing note, a timeline entry) is safe there too. Unknown event types (a flow added later)
 * still read sensibly: "notification_recorded" becomes "Notification recorded".
 */

import { parseRegimeStream } from '../regimes/breach-regimes.js';
import { REGIMES } from '../regimes/index.js';

export interface EventLike {
  type: string;
  data: unknown;
}

type Data = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const obj = (v: unknown): Data => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Data) : {});
const quoted = (v: unknown): string => (str(v) ? `"${str(v)}"` : '(none given)');

const SETUP_STEPS: Record<string, string> = {
  setup_create_channel: 'Breach channel created',
  setup_invite: 'Responders invited to the channel',
  setup_set_topic: 'Channel topic set',
  setup_post_card: 'Breach card posted',
  setup_pin_card: 'Breach card pinned',
  setup_welcome: 'Welcome posted in the channel, naming the reporter and the DPO',
  setup_dm_dpo: 'DPO told in a direct message',
  setup_completed: 'Setup completed',
};

const STREAMS: Record<string, string> = {
  authority_countdown: 'the countdown to notify',
  subjects_daily: 'the daily reminder to tell the people affected',
  phased_follow_up: 'the follow-up reminder for the supplement',
};

/** A stream in words: the GDPR ones above, or a regime stage's (`nis2-dk:early_warning`: "the NIS2 (Denmark) early warning"). */
function streamWords(stream: string): string {
  if (STREAMS[stream]) return STREAMS[stream];
  const s = parseRegimeStream(stream);
  const regime = s && REGIMES.get(s.regime);
  const stage = regime?.ruleSets.flatMap((r) => r.stages).find((x) => x.id === s!.stage);
  return regime && stage ? `the reminders for the ${regime.name.en} ${stage.name.en.toLowerCase()}` : stream;
}

const COMMUNICATION: Record<string, string> = {
  individual: 'tell the people affected individually',
  public: 'tell the people affected by a public communication',
  no: 'no need to tell the people affected',
};

/** A recorded decision outcome in words: "notify Datatilsynet; tell the people affected individually". */
export function outcomeWords(o: { notifyAuthority?: unknown; communicateToSubjects?: unknown }): string {
  const authority = o.notifyAuthority === true ? 'notify Datatilsynet' : 'no notification to Datatilsynet needed';
  return `${authority}; ${COMMUNICATION[String(o.communicateToSubjects)] ?? 'telling the people affected not decided'}`;
}

function riskWords(summary: Data): string {
  const risk = { unlikely: 'unlikely to result in a risk', risk: 'a risk', high: 'a high risk' }[String(summary['risk'])] ?? 'risk not stated';
  const severity = str(summary['severity']) && words(summary['severity']);
  return severity ? `${risk}, severity ${severity}` : risk;
}

/** "online_form" and "actualConsequences" as words: "online form", "actual consequences". */
const words = (v: unknown) => String(v ?? '').replaceAll('_', ' ').replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`);

/**
 * The people an event is about, besides who did it (the lead named): Slack ids from fields the bot
 * wrote, never from user text, so the Slack layer may mention them.
 */
export function eventUsers(e: EventLike): string[] {
  const after = obj(e.data)['after'];
  return e.type === 'lead_named' && typeof after === 'string' && /^[UW][A-Z0-9]{2,}$/.test(after) ? [after] : [];
}

/** Sentence case from a snake_case type. */
const fromType = (type: string) => {
  const text = words(type).trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
};

export function describeEvent(e: EventLike): string {
  const d = obj(e.data);
  const setup = SETUP_STEPS[e.type];
  if (setup) return setup;
  switch (e.type) {
    case 'breach_declared':
      return `Breach declared: ${quoted(d['title'])}`;
    case 'setup_step_failed':
      return `Setup step failed: ${String(d['step'] ?? 'unknown').replaceAll('_', ' ')} (${String(d['error'] ?? 'error')})`;
    case 'assessment_submitted':
      return `Risk assessment v${String(d['version'] ?? '?')} submitted: ${riskWords(obj(d['after']))}`;
    case 'decision_accepted':
      return `Assessment v${String(d['version'] ?? '?')} accepted: ${outcomeWords(obj(obj(d['after'])['decision']))}`;
    case 'decision_overridden':
      return `Assessment v${String(d['version'] ?? '?')} overridden: ${outcomeWords(obj(obj(d['after'])['decision']))}. Justification: ${quoted(d['justification'])}`;
    case 'reminders_cancelled':
      return `Reminders stopped: ${streamWords(String(d['stream']))}${str(d['reason']) ? ` (${String(d['reason']).replaceAll('_', ' ')})` : ''}`;
    case 'reminders_resumed':
      return `Reminders resumed: ${streamWords(String(d['stream']))}`;
    case 'reminder_posted':
      return `Reminder posted (${String(d['key'] ?? d['kind'] ?? 'reminder')}${d['late'] === true ? ', late' : ''})`;
    case 'reminder_skipped':
      return `Reminder ${String(d['key'] ?? '')} skipped: a later one was due too`;
    case 'notification_recorded': {
      const to = d['target'] === 'controller' ? 'the controller' : 'Datatilsynet';
      const parts = [words(d['method']), words(d['completeness'])].filter(Boolean);
      if (str(d['reference'])) parts.push(`reference ${String(d['reference'])}`);
      return `Notification to ${to} recorded: ${parts.join(', ')}${d['late'] === true ? ' (after the deadline)' : ''}`;
    }
    case 'communication_recorded': {
      const count = typeof d['count'] === 'number' ? `, ${d['count']} people` : '';
      return `Communication to the people affected recorded: ${words(d['method'])}${d['isPublic'] === true ? ' (public)' : ''}${count}`;
    }
    case 'regime_stage_recorded': {
      const ref = str(d['reference']) ? `, reference ${String(d['reference'])}` : '';
      return `${str(d['regimeName']) ?? String(d['regime'] ?? 'Regime')} ${(str(d['stageName']) ?? String(d['stage'] ?? 'report')).toLowerCase()} recorded${ref}`;
    }
    case 'restriction_recorded':
      return `§ 22 restriction recorded: ${quoted(d['justification'])}`;
    case 'facts_updated':
      return `Facts updated: ${Array.isArray(d['changed']) ? d['changed'].map(words).join(', ') : 'details'}`;
    case 'lead_named':
      return 'Breach lead named';
    case 'notices_drafted':
      return `Notices drafted${Array.isArray(d['after']) ? `: ${d['after'].map((n) => `${words(obj(n)['kind'])} ${String(obj(n)['lang'] ?? '')} v${String(obj(n)['version'] ?? '?')}`).join(', ')}` : ''}`;
    case 'timeline_entry':
      return `Timeline entry: ${quoted(d['text'])}`;
    case 'breach_closed':
      return `Breach closed. Closing note: ${quoted(d['note'])}`;
    default:
      return fromType(e.type);
  }
}

/**
 * When the event happened, for ordering a timeline: a timeline entry happened when the person
 * said it did (recorded later); everything else when it was recorded.
 */
export function happenedAt(e: EventLike & { at: Date }): Date {
  const when = str(obj(e.data)['occurredAt']);
  const parsed = e.type === 'timeline_entry' && when ? new Date(when) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : e.at;
}
