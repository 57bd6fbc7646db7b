/** Order statistics for run and frame samples. */

export function sorted(values: ArrayLike<number>): number[] {
  return Array.from(values).sort((a, b) => a - b);
}

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(ascending: readonly number[], p: number): number {
  if (ascending.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * ascending.length);
  return ascending[Math.min(ascending.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number {
  const s = sorted(values);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function spread(values: readonly number[]): Spread {
  const s = sorted(values);
  return { median: median(s), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN };
}

/**
 * Per-round ratios numerators[r] / denominators[r], reduced to median and range. Runs of one round
 * ran minutes apart at most, side by side in the interleaved order, so pairing them cancels the
 * machine's drift between rounds.
 */
export function pairedRatios(
  numerators: readonly number[],
  denominators: readonly number[],
): Spread {
  const rounds = Math.min(numerators.length, denominators.length);
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) ratios.push(numerators[r]! / denominators[r]!);
  return spread(ratios);
}
