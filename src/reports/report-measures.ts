import { CASE_STATUSES, OUTCOMES, type CaseStatus, type Outcome } from '../cases/case.schema';
import { MEASURES, RATE_KEYS, RATES, type Measure, type Rate, type RateKey } from './report.schema';

/**
 * Counting machinery for the measures and rates named in report.schema.ts: index tables for the
 * counting loop, and counts to rates (printed by report.labels.ts formatRate).
 */

/** A rate that never divides by zero: an empty denominator has no value. */
export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

export function ratesOf(counts: Counts): Record<RateKey, Rate> {
  const out = {} as Record<RateKey, Rate>;
  for (const key of RATE_KEYS) {
    const def = RATES[key];
    out[key] = rate(counts[def.numerator], counts[def.denominator]);
  }
  return out;
}

export type Counts = Readonly<Record<Measure, number>>;

/**
 * Measures by position: the counting loop adds into typed arrays by index (a hundred thousand
 * cases times a dozen measures; string keys such as `status.accepted` would be looked up by hash
 * each time).
 */
export const MEASURE_INDEX: Readonly<Record<Measure, number>> = Object.fromEntries(
  MEASURES.map((m, i) => [m, i]),
) as Record<Measure, number>;

export const STATUS_MEASURE_INDEX: Readonly<Record<CaseStatus, number>> = Object.fromEntries(
  CASE_STATUSES.map((s) => [s, MEASURE_INDEX[`status.${s}`]]),
) as Record<CaseStatus, number>;

export const OUTCOME_MEASURE_INDEX: Readonly<Record<Outcome, number>> = Object.fromEntries(
  OUTCOMES.map((o) => [o, MEASURE_INDEX[`outcome.${o}`]]),
) as Record<Outcome, number>;

/** A fresh counter per measure, all zero. */
export function counters(): Int32Array {
  return new Int32Array(MEASURES.length);
}

export function countsOf(values: Int32Array): Counts {
  const counts = {} as Record<Measure, number>;
  MEASURES.forEach((m, i) => {
    counts[m] = values[i] ?? 0;
  });
  return counts;
}
