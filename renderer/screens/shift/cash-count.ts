/** Notes and coins a Chinese till holds, in fen; other currencies count a total only. */
const denominationsByCurrency: Record<string, number[]> = {
  CNY: [10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10],
};

export function denominationsFor(currency: string): number[] {
  return denominationsByCurrency[currency] ?? [];
}

/** Denomination (minor units) → how many pieces were counted. */
export type PieceCount = Record<number, number>;

export function countTotal(pieces: PieceCount): number {
  return Object.entries(pieces).reduce((sum, [value, count]) => sum + Number(value) * (count || 0), 0);
}
