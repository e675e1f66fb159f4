/** What the benchmarks share: a percentile of their samples. */

/** NaN (printed n/a) when there are no samples, as a small store's searches may give none. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
