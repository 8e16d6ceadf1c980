/**
 * Every rounding of money happens here, half away from zero, in integers: receipts add up and two
 * machines always agree to the fen.
 */
export function mulDivRound(value: number, multiplier: number, divisor: number): number {
  if (!Number.isSafeInteger(value) || !Number.isSafeInteger(multiplier) || !Number.isSafeInteger(divisor)) {
    throw new RangeError('mulDivRound takes safe integers');
  }
  if (divisor <= 0) throw new RangeError('mulDivRound divisor must be positive');
  const product = BigInt(value) * BigInt(multiplier);
  const divisorBig = BigInt(divisor);
  const quotient = product / divisorBig;
  const remainder = product % divisorBig;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twice < divisorBig) return Number(quotient);
  return Number(product < 0n ? quotient - 1n : quotient + 1n);
}

/** A percentage in basis points of an amount: 10 % of 1,999 fen is 200 fen. */
export function percentOf(amount: number, basisPoints: number): number {
  return mulDivRound(amount, basisPoints, 10_000);
}

/**
 * Splits `total` over `weights` in proportion, so the parts add up to exactly `total`: each part
 * is rounded down and the fen left over go to the largest remainders (ties to the earlier line).
 */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((weight) => {
    const product = BigInt(total) * BigInt(weight);
    return { floor: Number(product / BigInt(sum)), remainder: Number(product % BigInt(sum)) };
  });
  let left = total - exact.reduce((a, part) => a + part.floor, 0);
  const order = exact.map((_, i) => i).sort((a, b) => exact[b].remainder - exact[a].remainder || a - b);
  const parts = exact.map((part) => part.floor);
  for (const index of order) {
    if (left === 0) break;
    parts[index] += 1;
    left -= 1;
  }
  return parts;
}

/**
 * The part of `amount` that `done` of `whole` stands for, rounded down, and all of it once `done`
 * reaches `whole`. Steps taken as differences of these parts (a refund after a refund) are never
 * negative, never add up past `amount`, and reach it exactly when the whole is done.
 */
export function cumulativeShare(amount: number, done: number, whole: number): number {
  if (done <= 0) return 0;
  if (done >= whole) return amount;
  return Number((BigInt(amount) * BigInt(done)) / BigInt(whole));
}
