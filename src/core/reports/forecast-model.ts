/**
 * The forecast of a period final from the current marks: the rounded mean, as teachers set
 * finals (half up), with a confidence from how many marks there are and how far the mean sits
 * from a rounding boundary. Pure functions: the backtest measures them on recorded finals.
 */
export type Confidence = 'high' | 'medium' | 'low';
export const confidences: readonly Confidence[] = ['high', 'medium', 'low'];

export type RiskReason = 'likely-two' | 'too-few-marks';

export interface MarkSummary {
  readonly count: number;
  readonly sum: number;
}

export interface Forecast {
  readonly count: number;
  readonly mean: number | null;
  readonly predicted: number | null;
  readonly confidence: Confidence;
  readonly risk: RiskReason | null;
}

/** Far enough from a .5 boundary that a few more marks rarely move the rounded mean. */
const SAFE_MARGIN = 0.25;
/** So close to a .5 boundary that the next mark decides. */
const TIGHT_MARGIN = 0.1;

/**
 * `elapsedShare` is the part of the period gone by (0–1]: a student with 2 marks halfway through
 * will likely have 4 by the end, so "too few marks" looks at the pace, not the count so far.
 */
export function forecastFinal(summary: MarkSummary, minMarks: number, elapsedShare = 1): Forecast {
  if (summary.count === 0) {
    return { count: 0, mean: null, predicted: null, confidence: 'low', risk: 'too-few-marks' };
  }
  const mean = summary.sum / summary.count;
  const predicted = Math.floor(mean + 0.5);
  const margin = 0.5 - Math.abs(mean - predicted);
  const confidence: Confidence =
    summary.count < minMarks || margin < TIGHT_MARGIN
      ? 'low'
      : summary.count >= 2 * minMarks && margin >= SAFE_MARGIN
        ? 'high'
        : 'medium';
  const projected = summary.count / Math.min(1, Math.max(elapsedShare, Number.EPSILON));
  const risk: RiskReason | null =
    predicted <= 2 ? 'likely-two' : projected < minMarks ? 'too-few-marks' : null;
  return { count: summary.count, mean: Math.round(mean * 100) / 100, predicted, confidence, risk };
}
