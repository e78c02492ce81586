// Medians with min/max, and number formatting for RESULTS.md.

export interface Summary { n: number; median: number; min: number; max: number; values: number[] }

export function summary(values: number[]): Summary {
  const v = values.filter((x) => Number.isFinite(x));
  const s = [...v].sort((a, b) => a - b);
  const m = s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { n: s.length, median: m, min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, values: v };
}

export const median = (values: number[]) => summary(values).median;

/** Significant-ish formatting: 3 digits, no exponent for the sizes seen here. */
export function num(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return 'n/a';
  const a = Math.abs(x);
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(digits - 2);
  if (a >= 1) return x.toFixed(digits - 1);
  return x.toPrecision(digits);
}

/** "median (min–max)" */
export const mmm = (s: Summary, f: (x: number) => string = (x) => num(x)) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;

export const ratio = (x: number, base: number) => (Number.isFinite(x) && Number.isFinite(base) && base !== 0 ? x / base : NaN);
export const fmtRatio = (r: number) => (Number.isFinite(r) ? r.toFixed(3) : 'n/a');

export function bytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(2)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

/** A Markdown table. */
export function table(head: string[], rows: (string | number)[][]): string {
  const line = (r: (string | number)[]) => `| ${r.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** Raw values, compact. */
export const raw = (v: number[], f: (x: number) => string = (x) => num(x)) => v.map((x) => f(x)).join(', ');
