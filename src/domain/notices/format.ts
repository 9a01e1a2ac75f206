/** Language-aware formatting of times, numbers and lists for plain-text notices. */

import { DateTime } from 'luxon';
import type { Language } from './terms.js';

export const DEFAULT_ZONE = 'Europe/Copenhagen';

const LOCALE: Record<Language, string> = { en: 'en-GB', da: 'da-DK' };

/** Parses an ISO instant into the notice's zone; null when the text is not a valid ISO time. */
export function parseInstant(iso: string, zone: string): DateTime | null {
  const parsed = DateTime.fromISO(iso, { setZone: true });
  return parsed.isValid ? parsed.setZone(zone) : null;
}

/**
 * "14 March 2026, 09:30 CET" / "14. marts 2026 kl. 09.30 dansk tid": the zone is named, as the reader
 * may be elsewhere. A Danish text says "dansk tid" for Danish time rather than an English abbreviation.
 */
export function formatDateTime(at: DateTime, lang: Language): string {
  const danishTime = at.zoneName === DEFAULT_ZONE ? "'dansk tid'" : 'ZZZZ';
  const format = lang === 'da' ? `d. MMMM yyyy 'kl.' HH.mm ${danishTime}` : 'd MMMM yyyy, HH:mm ZZZZ';
  return at.setLocale(LOCALE[lang]).toFormat(format);
}

/** Dates alone for the data subjects: the hour rarely matters to them and reads worse. */
export function formatDate(at: DateTime, lang: Language): string {
  const format = lang === 'da' ? 'd. MMMM yyyy' : 'd MMMM yyyy';
  return at.setLocale(LOCALE[lang]).toFormat(format);
}

export function formatNumber(n: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 }).format(n);
}

const APPROXIMATELY: Record<Language, string> = { en: 'approximately', da: 'ca.' };

export function formatCount(n: number, approximate: boolean, lang: Language): string {
  const number = formatNumber(n, lang);
  return approximate ? `${APPROXIMATELY[lang]} ${number}` : number;
}

const AND: Record<Language, string> = { en: 'and', da: 'og' };

/** "a, b and c" / "a, b og c" (no Oxford comma in either). */
export function joinWithAnd(items: readonly string[], lang: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${AND[lang]} ${items[items.length - 1]}`;
}

export function bulletList(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** Throws on a zone luxon does not know: a configuration error that must not produce wrong times. */
export function assertValidZone(zone: string): void {
  if (!DateTime.now().setZone(zone).isValid) {
    throw new RangeError(`Unknown time zone for notices: ${zone}`);
  }
}

/** Fills `{name}` slots in fixed text with already-rendered values (facts or placeholders). */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}
