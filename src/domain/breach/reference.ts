/** BR-2026-0042: the year the breach was declared and a per-year sequence, at least four digits. */
export function formatReference(year: number, seq: number): string {
  return `BR-${year}-${String(seq).padStart(4, '0')}`;
}

/** Slack channel names: lowercase letters, digits, `-` and `_`, at most 80 characters (slack-rules §4.2). */
export const CHANNEL_NAME_MAX = 80;

/**
 * `breach-2026-0042`, or `breach-2026-0042-falcon` with the reporter's code name. The code name is
 * sanitised to Slack's rules; Danish letters are spelt out (æ → ae, ø → oe, å → aa) rather than dropped.
 */
export function channelNameFor(year: number, seq: number, codename?: string | null, suffix?: number): string {
  const base = `breach-${year}-${String(seq).padStart(4, '0')}`;
  const tail = suffix && suffix > 1 ? `-${suffix}` : '';
  const code = sanitizeCodename(codename ?? '');
  const room = CHANNEL_NAME_MAX - base.length - tail.length - 1;
  const trimmed = code.slice(0, Math.max(0, room)).replace(/[-_]+$/, '');
  return trimmed ? `${base}-${trimmed}${tail}` : `${base}${tail}`;
}

const SPELLED: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ß: 'ss', œ: 'oe', ł: 'l', đ: 'd', þ: 'th' };
const SPELLED_LETTERS = new RegExp(`[${Object.keys(SPELLED).join('')}]`, 'g');

export function sanitizeCodename(raw: string): string {
  return raw
    .toLowerCase()
    .replace(SPELLED_LETTERS, (c) => SPELLED[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
}
