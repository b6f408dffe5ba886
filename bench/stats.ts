/** Median and p95 (nearest rank) of a sample. */
export function summarize(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
  return { n: sorted.length, median: rank(0.5), p95: rank(0.95), max: sorted.at(-1) ?? NaN };
}
