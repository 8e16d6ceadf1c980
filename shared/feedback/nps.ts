import { feedbackLimits } from './feedback-limits';

/** How many answers gave each score, index 0 to 10. */
export type ScoreCounts = readonly number[];

export type NpsFigures = {
  answers: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters − % detractors, rounded half away from zero to a whole point; null with no answers. */
  nps: number | null;
  /** Fewer than `feedbackLimits.reliableAnswers` answers: the figure is shown, flagged as too few. */
  fewAnswers: boolean;
};

/** Promoters score 9–10, passives 7–8, detractors 0–6 (DOMAIN.md, Members). */
export type ScoreBand = 'promoter' | 'passive' | 'detractor';

export function bandOf(score: number): ScoreBand {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

export function emptyCounts(): number[] {
  return Array.from({ length: feedbackLimits.scoreMax + 1 }, () => 0);
}

export function countScores(scores: Iterable<number>): number[] {
  const counts = emptyCounts();
  for (const score of scores) counts[score] += 1;
  return counts;
}

/** NPS from the distribution, computed in whole numbers so both ends round the same way. */
export function npsOf(counts: ScoreCounts): NpsFigures {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  counts.forEach((count, score) => {
    const band = bandOf(score);
    if (band === 'promoter') promoters += count;
    else if (band === 'passive') passives += count;
    else detractors += count;
  });
  const answers = promoters + passives + detractors;
  const difference = promoters - detractors;
  // Half away from zero on |difference| × 100 / answers, exactly (no float division).
  const nps =
    answers === 0
      ? null
      : Math.sign(difference) * Math.floor((2 * Math.abs(difference) * 100 + answers) / (2 * answers)) || 0;
  return { answers, promoters, passives, detractors, nps, fewAnswers: answers < feedbackLimits.reliableAnswers };
}
