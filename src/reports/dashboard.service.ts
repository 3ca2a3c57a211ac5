import { CATEGORIES, SOURCES, type Category, type Source } from '../cases/case.schema';
import type { Database } from '../db/database';
import { centerDate } from '../shared/center-time';
import { CaseFactsBuilder } from './case-facts';
import { dayOf } from './center-day';
import { loadCaseFacts } from './report-facts.repository';
import { loadReportContext } from './report-context';
import { formatRate } from './report.labels';
import { counters, countsOf, ratesOf, type Counts } from './report-measures';
import {
  cutoffOf,
  previousPeriod,
  resolvePeriod,
  trendMonths,
  type PeriodKind,
  type ReportPeriod,
} from './report-period';
import type { Rate, RateKey } from './report.schema';
import type { Window } from './rates';
import { tally, type Figures } from './tally';

/** A rate as the dashboard shows it: the fraction, its parts, and the one printed form. */
export interface RateView extends Rate {
  readonly text: string;
}

export interface FiguresView {
  readonly counts: Counts;
  readonly rates: Readonly<Record<RateKey, RateView>>;
}

export interface PeriodView {
  readonly kind: PeriodKind;
  readonly from: string;
  readonly to: string;
  /** The day the state counts are read: the last day, or today while the period runs. */
  readonly cutoff: string | null;
}

export interface StudioName {
  readonly id: number;
  readonly nameZh: string;
  readonly nameEn: string;
}

export interface DashboardView {
  /** When the figures were read (every outcome recorded by then counts). */
  readonly asOf: string;
  readonly today: string;
  readonly period: PeriodView;
  readonly previousPeriod: PeriodView;
  readonly responseLimitDays: number;
  /** The studios covered, in the center's order (every studio for a center-wide report). */
  readonly studios: readonly StudioName[];
  /** The studios asked for or allowed; null: the whole center. */
  readonly scope: readonly number[] | null;
  readonly current: FiguresView;
  readonly previous: FiguresView;
  readonly byStudio: readonly { readonly studioId: number; readonly figures: FiguresView }[];
  readonly byCategory: readonly { readonly category: Category; readonly figures: FiguresView }[];
  readonly bySource: readonly { readonly source: Source; readonly figures: FiguresView }[];
  readonly trend: readonly {
    readonly month: string;
    readonly from: string;
    readonly to: string;
    readonly figures: FiguresView;
  }[];
}

export function view(f: Figures): FiguresView {
  const rates = {} as Record<RateKey, RateView>;
  for (const [key, r] of Object.entries(f.rates) as [RateKey, Rate][]) {
    rates[key] = { ...r, text: formatRate(r) };
  }
  return { counts: f.counts, rates };
}

const EMPTY_FIGURES: Figures = (() => {
  const counts = countsOf(counters());
  return { counts, rates: ratesOf(counts) };
})();

export function periodWindow(p: ReportPeriod, today: string): Window {
  const cutoff = cutoffOf(p, today);
  return {
    from: dayOf(p.from),
    to: dayOf(p.to),
    cutoff: cutoff === null ? null : dayOf(cutoff),
    withState: true,
  };
}

/** The days whose cases a report on these periods must read: none when all lie ahead. */
export function factRange(
  periods: readonly { from: string; to: string }[],
  today: string,
): { from: string; to: string } | null {
  const from = periods.map((p) => p.from).reduce((a, b) => (a < b ? a : b));
  const last = periods.map((p) => p.to).reduce((a, b) => (a > b ? a : b));
  const to = last < today ? last : today;
  return from <= to ? { from, to } : null;
}

/** 统计 the dashboard: every figure of the period and the one before, by group and month. */
export async function buildDashboard(
  db: Database,
  input: { from: string; to: string },
  scope: readonly number[] | null,
  now: Date,
): Promise<DashboardView> {
  const today = centerDate(now);
  const period = resolvePeriod(input.from, input.to);
  const previous = previousPeriod(period);
  const months = trendMonths(period, today);
  const { session, studios } = await loadReportContext(db);
  const range = factRange([period, previous, ...months], today);
  const facts =
    range === null
      ? new CaseFactsBuilder(0).build()
      : await loadCaseFacts(db, { ...range, studioIds: scope });
  const result = tally(
    session,
    facts,
    {
      current: periodWindow(period, today),
      previous: periodWindow(previous, today),
      months,
      studios: scope === null ? null : new Set(scope),
    },
    dayOf(today),
  );

  const covered = studios.filter((s) => scope === null || scope.includes(s.id));
  return {
    asOf: now.toISOString(),
    today,
    period: { ...period, cutoff: cutoffOf(period, today) },
    previousPeriod: { ...previous, cutoff: cutoffOf(previous, today) },
    responseLimitDays: session.responseLimitDays,
    studios: covered.map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn })),
    scope,
    current: view(result.current),
    previous: view(result.previous),
    // Every studio covered has its row (zeros included); categories and sources only when
    // something counted.
    byStudio: covered.map((s) => ({
      studioId: s.id,
      figures: view(result.byStudio.get(s.id) ?? EMPTY_FIGURES),
    })),
    byCategory: CATEGORIES.flatMap((category) => {
      const f = result.byCategory.get(category);
      return f === undefined ? [] : [{ category, figures: view(f) }];
    }),
    bySource: SOURCES.flatMap((source) => {
      const f = result.bySource.get(source);
      return f === undefined ? [] : [{ source, figures: view(f) }];
    }),
    trend: months.map((m) => ({
      ...m,
      figures: view(result.trend.get(m.month) ?? EMPTY_FIGURES),
    })),
  };
}
