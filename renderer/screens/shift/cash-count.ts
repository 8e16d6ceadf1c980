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

/** More pieces of one kind than any drawer holds is a slip of the finger. */
export const maxPieces = 100_000;

/** Why a counted figure is refused: a count is never below zero and is never quietly made zero. */
export type CountProblem = 'negative' | 'too_many' | 'not_whole';

export function pieceProblem(count: number | undefined): CountProblem | null {
  if (count === undefined) return null;
  if (count < 0) return 'negative';
  if (!Number.isInteger(count)) return 'not_whole';
  if (count > maxPieces) return 'too_many';
  return null;
}

/** The denominations whose typed count is refused, in the order they are shown. */
export function refusedPieces(pieces: PieceCount, denominations: number[]): number[] {
  return denominations.filter((value) => pieceProblem(pieces[value]) !== null);
}

export type TotalProblem = 'empty' | 'negative' | 'not_amount';

/** A typed total: "-3" is refused as below zero rather than read as nothing. */
export function totalProblem(text: string, parsed: number | null): TotalProblem | null {
  const trimmed = text.trim();
  if (!trimmed) return 'empty';
  if (parsed !== null) return null;
  return /^-/.test(trimmed) ? 'negative' : 'not_amount';
}
