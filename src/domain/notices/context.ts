/**
 * The per-draft context that section builders write through: the language, the zone, the clock, and
 * the gap collector. Every value a builder prints goes through one of these helpers, which either
 * render a recorded fact or return a counted placeholder: that is how "never invent a fact" is kept.
 */

import type { DateTime } from 'luxon';
import type { IsoInstant } from './facts.js';
import type { FieldKey } from './fields.js';
import {
  DEFAULT_ZONE, assertValidZone, bulletList, formatCount, formatDate, formatDateTime, joinWithAnd,
  parseInstant,
} from './format.js';
import { GapCollector, isRecorded } from './placeholders.js';
import type { Bilingual, Language } from './terms.js';

export interface DraftOptions {
  lang: Language;
  /** The drafting time (ISO 8601): decides whether the notification is late. */
  now: IsoInstant;
  /** IANA zone for times in the text; default Europe/Copenhagen (BREACHBOT_TIMEZONE). */
  zone?: string;
  /**
   * The notice to Datatilsynet was asked for although the recorded decision is that none is needed
   * (issue 17): it is labelled so at the top, so nobody files it by mistake.
   */
  onRequest?: boolean;
}

const NONE: Bilingual = { en: 'None.', da: 'Ingen.' };

export class DraftContext {
  readonly lang: Language;
  readonly zone: string;
  readonly #now: DateTime | null;
  readonly gaps: GapCollector;

  /** Without `now` for a draft whose text does not depend on the drafting time (a regime's stage draft is given its clock). */
  constructor(options: Omit<DraftOptions, 'now'> & { now?: IsoInstant }) {
    this.lang = options.lang;
    this.zone = options.zone ?? DEFAULT_ZONE;
    assertValidZone(this.zone);
    const now = options.now === undefined ? null : parseInstant(options.now, this.zone);
    if (options.now !== undefined && !now) throw new RangeError(`Invalid drafting time: ${options.now}`);
    this.#now = now;
    this.gaps = new GapCollector(this.lang);
  }

  /** The drafting time: decides whether a notification is late. */
  get now(): DateTime {
    if (!this.#now) throw new Error('This draft was built without a drafting time');
    return this.#now;
  }

  /** Picks this draft's language from a fixed bilingual text. */
  t(text: Bilingual): string {
    return text[this.lang];
  }

  text(value: string | null | undefined, field: FieldKey): string {
    return this.gaps.text(value, field);
  }

  /** A recorded instant, formatted; an absent or unreadable one is a gap (never a guessed time). */
  instant(value: string | null | undefined, field: FieldKey, style: 'datetime' | 'date' = 'datetime'): string {
    const at = isRecorded(value) ? parseInstant(value, this.zone) : null;
    if (!at) return this.gaps.gap(field);
    return style === 'date' ? formatDate(at, this.lang) : formatDateTime(at, this.lang);
  }

  /** Formats an instant known to be valid (e.g. a derived deadline). */
  formatInstant(at: DateTime, style: 'datetime' | 'date' = 'datetime'): string {
    const zoned = at.setZone(this.zone);
    return style === 'date' ? formatDate(zoned, this.lang) : formatDateTime(zoned, this.lang);
  }

  count(n: number | null | undefined, approximate: boolean | null | undefined, field: FieldKey): string {
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return this.gaps.gap(field);
    return formatCount(n, approximate === true, this.lang);
  }

  /** A recorded list as bullets; [] is the recorded answer "none"; absent is a gap. */
  bullets(items: readonly string[] | null | undefined, field: FieldKey): string {
    if (!items) return this.gaps.gap(field);
    const recorded = items.filter(isRecorded).map((item) => item.trim());
    return recorded.length === 0 ? this.t(NONE) : bulletList(recorded);
  }

  /** Enumerated values, translated and joined; absent or empty is a gap (the notice needs at least one). */
  labels<K extends string>(
    items: readonly K[] | null | undefined,
    table: Readonly<Record<K, Bilingual>>,
    field: FieldKey,
  ): string {
    if (!items || items.length === 0) return this.gaps.gap(field);
    return joinWithAnd([...new Set(items)].map((item) => table[item][this.lang]), this.lang);
  }

  and(items: readonly string[]): string {
    return joinWithAnd(items, this.lang);
  }
}
