/** z for a two-sided 95 % interval. */
const Z = 1.959963984540054;

/**
 * The Wilson score interval of `wins` out of `trials`: unlike p ± z·√(p(1−p)/n) it stays within
 * 0…1 and is honest for a handful of ballots (3 of 3 is 0.44–1, not 1–1). Null without trials.
 */
export function wilsonInterval(
  wins: number,
  trials: number,
): { value: number; low: number; high: number } | null {
  if (trials <= 0) return null;
  const p = wins / trials;
  const z2 = Z * Z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (Z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
