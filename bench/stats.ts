/* Small statistics for the benchmarks: percentiles of one run, and median + spread over runs. */

/** The p-th percentile (0..100) by the nearest-rank method; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (samples: readonly number[]): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** One figure over repeated runs: the value of each run, their median, min and max. */
export interface Figure {
  runs: number[];
  median: number;
  min: number;
  max: number;
}

export function figure(runs: readonly number[]): Figure {
  const finite = runs.filter((r) => Number.isFinite(r));
  return {
    runs: [...runs],
    median: median(finite),
    min: finite.length ? Math.min(...finite) : Number.NaN,
    max: finite.length ? Math.max(...finite) : Number.NaN,
  };
}

/** A number for a table: 3 significant digits, no exponent. */
export function num(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 10 ** digits) return Math.round(v).toLocaleString('en-US');
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
  const text = v.toFixed(Math.min(decimals, 3));
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** "median (min–max)" with a unit. */
export function fmt(f: Figure, unit = '', digits = 3): string {
  const u = unit === '×' ? '×' : unit ? ` ${unit}` : '';
  if (f.runs.length <= 1 || f.min === f.max) return `${num(f.median, digits)}${u}`;
  return `${num(f.median, digits)}${u} (${num(f.min, digits)}–${num(f.max, digits)})`;
}

/** A Markdown table. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The same table as plain text with aligned columns, for the terminal. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
