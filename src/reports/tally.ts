import { CATEGORIES, SOURCES, type Category, type Source } from '../cases/case.schema';
import { NEVER, type CaseFacts } from './case-facts';
import { dayOf } from './center-day';
import { counters, countsOf, ratesOf, type Counts } from './report-measures';
import type { MonthWindow } from './report-period';
import type { Rate, RateKey } from './report.schema';
import {
  attributedStudio,
  classify,
  type MeasureSink,
  type RateSession,
  type Window,
} from './rates';

/**
 * Adds up what rates.ts decides case by case: totals of the period and of the one before, the
 * period by studio, category and source, and the months of the trend. Pure.
 */

export interface Figures {
  readonly counts: Counts;
  readonly rates: Readonly<Record<RateKey, Rate>>;
}

export interface Tally {
  readonly current: Figures;
  readonly previous: Figures;
  readonly byStudio: ReadonlyMap<number, Figures>;
  readonly byCategory: ReadonlyMap<Category, Figures>;
  readonly bySource: ReadonlyMap<Source, Figures>;
  /** By month key (YYYY-MM), in the order given. */
  readonly trend: ReadonlyMap<string, Figures>;
}

export interface TallyRequest {
  readonly current: Window;
  readonly previous: Window;
  readonly months: readonly MonthWindow[];
  /** Count only cases attributed to these studios; null: every studio. */
  readonly studios: ReadonlySet<number> | null;
}

/** A month of the trend as a window: events only (no state at its end). */
export function monthWindow(m: MonthWindow, today: number): Window {
  const from = dayOf(m.from);
  const to = dayOf(m.to);
  return { from, to, cutoff: to < today ? to : today, withState: false };
}

/** Collects the measures one case reports, to be added where they belong afterwards. */
export class MeasureRecorder implements MeasureSink {
  readonly measures = new Int32Array(64);
  length = 0;
  add(measure: number): void {
    this.measures[this.length] = measure;
    this.length += 1;
  }
}

/**
 * Every case of one window that counts for something, attributed to the studios asked, with the
 * measures it counts for: the one loop behind every figure and every drill-down list.
 */
export function eachCase(
  s: RateSession,
  t: CaseFacts,
  w: Window,
  studios: ReadonlySet<number> | null,
  onCase: (row: number, studioId: number, recorded: MeasureRecorder) => void,
): void {
  const recorder = new MeasureRecorder();
  for (let i = 0; i < t.length; i += 1) {
    const studio = attributedStudio(t, i, w);
    if (studios !== null && !studios.has(studio)) continue;
    recorder.length = 0;
    classify(s, t, i, w, recorder);
    if (recorder.length > 0) onCase(i, studio, recorder);
  }
}

function addAll(target: Int32Array, recorded: MeasureRecorder): void {
  for (let i = 0; i < recorded.length; i += 1) {
    const m = recorded.measures[i] ?? 0;
    target[m] = (target[m] ?? 0) + 1;
  }
}

/** The trend's months as day ranges, in order, to find a day's month by bisection. */
class MonthIndex {
  readonly #starts: number[];
  readonly #ends: number[];

  constructor(windows: readonly Window[]) {
    this.#starts = windows.map((w) => w.from);
    this.#ends = windows.map((w) => w.to);
  }

  /** Position of the month containing `day`, or −1. */
  of(day: number): number {
    if (day === NEVER) return -1;
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (day < (this.#starts[mid] ?? 0)) hi = mid - 1;
      else if (day > (this.#ends[mid] ?? 0)) lo = mid + 1;
      else return mid;
    }
    return -1;
  }
}

/** Months (by position) in which the case did something a month of the trend can count. */
function monthsTouched(t: CaseFacts, i: number, index: MonthIndex, months: number[]): void {
  months.length = 0;
  addMonth(months, index.of(t.registered[i] ?? NEVER));
  addMonth(months, index.of(t.answered[i] ?? NEVER));
  addMonth(months, index.of(t.accepted[i] ?? NEVER));
  addMonth(months, index.of(t.concluded[i] ?? NEVER));
  const extras = t.extrasAt(i);
  if (extras === undefined) return;
  for (const v of extras.followUps) {
    if (v.satisfaction !== null) addMonth(months, index.of(v.visitedOn));
  }
}

function addMonth(months: number[], month: number): void {
  if (month >= 0 && !months.includes(month)) months.push(month);
}

function figures(values: Int32Array): Figures {
  const counts = countsOf(values);
  return { counts, rates: ratesOf(counts) };
}

export function tally(s: RateSession, t: CaseFacts, req: TallyRequest, today: number): Tally {
  const total = counters();
  const byStudio = new Map<number, Int32Array>();
  const byCategory = CATEGORIES.map(() => counters());
  const bySource = SOURCES.map(() => counters());
  eachCase(s, t, req.current, req.studios, (i, studio, recorded) => {
    let studioCounts = byStudio.get(studio);
    if (studioCounts === undefined) {
      studioCounts = counters();
      byStudio.set(studio, studioCounts);
    }
    addAll(total, recorded);
    addAll(studioCounts, recorded);
    addAll(byCategory[t.category[i] ?? 0] ?? counters(), recorded);
    addAll(bySource[t.source[i] ?? 0] ?? counters(), recorded);
  });

  const previous = counters();
  eachCase(s, t, req.previous, req.studios, (_i, _studio, recorded) => {
    addAll(previous, recorded);
  });

  // A month without any of the case's steps in it gets nothing from the case: only the months
  // it touched are classified (the same result as classifying every month, a tenth the work).
  const windows = req.months.map((m) => monthWindow(m, today));
  const monthValues = req.months.map(() => counters());
  const index = new MonthIndex(windows);
  const recorder = new MeasureRecorder();
  const touched: number[] = [];
  for (let i = 0; i < t.length; i += 1) {
    monthsTouched(t, i, index, touched);
    for (const month of touched) {
      const w = windows[month];
      const values = monthValues[month];
      if (w === undefined || values === undefined) continue;
      if (req.studios !== null && !req.studios.has(attributedStudio(t, i, w))) continue;
      recorder.length = 0;
      classify(s, t, i, w, recorder);
      addAll(values, recorder);
    }
  }

  // Groups that counted nothing (a case attributed but outside every cohort) are left out.
  const counted = (v: Int32Array) => v.some((n) => n > 0);
  return {
    current: figures(total),
    previous: figures(previous),
    byStudio: new Map([...byStudio].filter(([, v]) => counted(v)).map(([k, v]) => [k, figures(v)])),
    byCategory: new Map(
      CATEGORIES.flatMap((c, k) => {
        const v = byCategory[k];
        return v !== undefined && counted(v) ? [[c, figures(v)] as const] : [];
      }),
    ),
    bySource: new Map(
      SOURCES.flatMap((src, k) => {
        const v = bySource[k];
        return v !== undefined && counted(v) ? [[src, figures(v)] as const] : [];
      }),
    ),
    trend: new Map(req.months.map((m, i) => [m.month, figures(monthValues[i] ?? counters())])),
  };
}
