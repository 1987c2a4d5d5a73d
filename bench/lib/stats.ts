/** Small numeric helpers for the benchmark: percentiles and formatting. */

/** The p-th percentile (0–100) of samples, nearest-rank; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** `12.3 ms` (one decimal under 100 ms, none above). */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

/** `2.4×` */
export function ratio(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)}×`;
}

/** `3,456` */
export function count(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';
}

/** p50 and p99 of latency samples. */
export function latency(samples: readonly number[]): { p50: number; p99: number; n: number } {
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), n: samples.length };
}
