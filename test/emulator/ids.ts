/**
 * ID and ts formats Slack mints (slack-rules.md §4.1): users U…, channels C…, DMs D…, teams T…,
 * bots B…, apps A…, views V…, files F…, scheduled messages Q…, user groups S…; message ts is the
 * string "1700000000.000100"; trigger_id looks like "132456.7890123.abcdef" (§1.5).
 */
import { randomBytes, randomInt } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function pick(alphabet: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export function slackId(prefix: string, length = 10): string {
  return prefix + pick(UPPER_ALNUM, length);
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** Slack invents short random ids for blocks/actions the app left unnamed (§2.3). */
export function randomElementId(): string {
  return pick(ALNUM, 5);
}

export function newTriggerId(): string {
  return `${randomInt(100000, 999999999)}${randomInt(100000, 999999)}.${randomInt(1000000, 99999999999)}.${randomHex(16)}`;
}

export const TRIGGER_ID_FORMAT = /^\d+\.\d+\.[0-9a-f]+$/;
export const TS_FORMAT = /^\d{10}\.\d{6}$/;

/** Mints strictly increasing message ts values from the emulator clock. */
export class TsMinter {
  private lastMicros = 0;

  next(nowMs: number): string {
    let micros = Math.floor(nowMs) * 1000;
    if (micros <= this.lastMicros) micros = this.lastMicros + 1;
    this.lastMicros = micros;
    const sec = Math.floor(micros / 1_000_000);
    const frac = String(micros % 1_000_000).padStart(6, '0');
    return `${sec}.${frac}`;
  }
}

/** Seconds part of a ts, as Slack's `created`-style integer fields use. */
export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
