import type { Category, Source } from '../cases/case.schema';
import { dayOf } from './center-day';
import type { MonthWindow } from './report-period';
import { counters, countsOf, ratesOf, type Counts } from './report-measures';
import type { Rate, RateKey } from './report.schema';
import {
  attributedStudio,
  classify,
  type CaseFact,
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
  facts: readonly CaseFact[],
  w: Window,
  studios: ReadonlySet<number> | null,
  onCase: (fact: CaseFact, studioId: number, recorded: MeasureRecorder) => void,
): void {
  const recorder = new MeasureRecorder();
  for (const f of facts) {
    const studio = attributedStudio(f, w);
    if (studios !== null && !studios.has(studio)) continue;
    recorder.length = 0;
    classify(s, f, w, recorder);
    if (recorder.length > 0) onCase(f, studio, recorder);
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
  of(day: number | null): number {
    if (day === null) return -1;
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
function monthsTouched(f: CaseFact, index: MonthIndex, months: number[]): void {
  months.length = 0;
  addMonth(months, index.of(f.registeredOn));
  addMonth(months, index.of(f.answeredOn));
  addMonth(months, index.of(f.acceptedOn));
  addMonth(months, index.of(f.concludedOn));
  for (const v of f.followUps) if (v.satisfaction !== null) addMonth(months, index.of(v.visitedOn));
}

function addMonth(months: number[], month: number): void {
  if (month >= 0 && !months.includes(month)) months.push(month);
}

function figures(values: Int32Array): Figures {
  const counts = countsOf(values);
  return { counts, rates: ratesOf(counts) };
}

function bucket<K>(map: Map<K, Int32Array>, key: K): Int32Array {
  let values = map.get(key);
  if (values === undefined) {
    values = counters();
    map.set(key, values);
  }
  return values;
}

export function tally(
  s: RateSession,
  facts: readonly CaseFact[],
  req: TallyRequest,
  today: number,
): Tally {
  const total = counters();
  const byStudio = new Map<number, Int32Array>();
  const byCategory = new Map<Category, Int32Array>();
  const bySource = new Map<Source, Int32Array>();
  eachCase(s, facts, req.current, req.studios, (f, studio, recorded) => {
    addAll(total, recorded);
    addAll(bucket(byStudio, studio), recorded);
    addAll(bucket(byCategory, f.category), recorded);
    addAll(bucket(bySource, f.source), recorded);
  });

  const previous = counters();
  eachCase(s, facts, req.previous, req.studios, (_f, _studio, recorded) => {
    addAll(previous, recorded);
  });

  // A month without any of the case's steps in it gets nothing from the case: only the months
  // it touched are classified (the same result as classifying every month, a tenth the work).
  const windows = req.months.map((m) => monthWindow(m, today));
  const monthValues = req.months.map(() => counters());
  const index = new MonthIndex(windows);
  const recorder = new MeasureRecorder();
  const touched: number[] = [];
  for (const f of facts) {
    monthsTouched(f, index, touched);
    for (const month of touched) {
      const w = windows[month];
      const values = monthValues[month];
      if (w === undefined || values === undefined) continue;
      if (req.studios !== null && !req.studios.has(attributedStudio(f, w))) continue;
      recorder.length = 0;
      classify(s, f, w, recorder);
      addAll(values, recorder);
    }
  }

  // Groups that counted nothing (a case attributed but outside every cohort) are left out.
  const mapFigures = <K>(map: Map<K, Int32Array>) =>
    new Map([...map].filter(([, v]) => v.some((n) => n > 0)).map(([k, v]) => [k, figures(v)]));
  return {
    current: figures(total),
    previous: figures(previous),
    byStudio: mapFigures(byStudio),
    byCategory: mapFigures(byCategory),
    bySource: mapFigures(bySource),
    trend: new Map(req.months.map((m, i) => [m.month, figures(monthValues[i] ?? counters())])),
  };
}
