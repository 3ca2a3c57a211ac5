import {
  CASE_STATUSES,
  CATEGORIES,
  OUTCOMES,
  SOURCES,
  type CaseStatus,
  type Category,
  type Outcome,
  type SATISFACTION,
  type Source,
} from '../cases/case.schema';
import type { DeadlineChange } from '../cases/deadline';

/**
 * The cases as the reports see them: one row per case, the days of its steps, as stored now.
 * Kept by column in typed arrays: a year's report reads some 70,000 cases and counts each of
 * them several times; one object per case cost more in allocation and garbage collection than
 * all the counting (tests/bench/reports.ts). Pure.
 *
 * Days are day numbers (center-day.ts), days since 1970-01-01 of the center's calendar. A step
 * that has not happened is on day NEVER, after every real day: "by day d" is `step <= d` and
 * "in the period" is `from <= step <= to`, with no separate test for a missing step.
 */

export const NEVER = 2_147_483_647;

export type Satisfaction = (typeof SATISFACTION)[number];

export interface TransferFact {
  /** The day of the transfer, and its instant for the order of same-day transfers. */
  readonly on: number;
  readonly at: string;
  readonly from: number;
  readonly to: number;
}

export interface DeadlineChangeFact extends DeadlineChange {
  /** The day the change was recorded: a report on an earlier day does not see it. */
  readonly recordedOn: number;
}

export interface FollowUpFact {
  /** The day of the visit, and its instant for ordering visits of the same day. */
  readonly visitedOn: number;
  readonly visitedAt: string;
  readonly satisfaction: Satisfaction | null;
}

/** What few cases have: kept apart, by row. */
export interface CaseExtras {
  /** Oldest first. */
  readonly transfers: readonly TransferFact[];
  readonly deadlineChanges: readonly DeadlineChangeFact[];
  /** Visited follow-ups only, any order. */
  readonly followUps: readonly FollowUpFact[];
}

const NO_EXTRAS: CaseExtras = Object.freeze({
  transfers: Object.freeze([]),
  deadlineChanges: Object.freeze([]),
  followUps: Object.freeze([]),
});

/** Index of each enum value in its list, for the byte columns. */
function indexOf<T extends string>(values: readonly T[]): ReadonlyMap<string, number> {
  return new Map(values.map((v, i) => [v, i]));
}
const CATEGORY_INDEX = indexOf(CATEGORIES);
const SOURCE_INDEX = indexOf(SOURCES);
const STATUS_INDEX = indexOf(CASE_STATUSES);
const OUTCOME_INDEX = indexOf(OUTCOMES);

function known(index: ReadonlyMap<string, number>, value: string, what: string): number {
  const i = index.get(value);
  // Every value passed the schemas on the way in; another is a damaged row, not an opinion.
  if (i === undefined) throw new Error(`reports: unknown ${what} "${value}"`);
  return i;
}

export const categoryIndex = (c: string) => known(CATEGORY_INDEX, c, 'category');
export const sourceIndex = (s: string) => known(SOURCE_INDEX, s, 'source');
export const statusIndex = (s: string) => known(STATUS_INDEX, s, 'status');
/** 0 for none, else 1 + the outcome's index. */
export const outcomeCode = (o: string | null) =>
  o === null ? 0 : 1 + known(OUTCOME_INDEX, o, 'outcome');

export const STATUS = {
  registered: STATUS_INDEX.get('registered') ?? -1,
  declined: STATUS_INDEX.get('declined') ?? -1,
  referred: STATUS_INDEX.get('referred') ?? -1,
} as const;

/** One case's row as plain values (for building tables and for tests). */
export interface CaseRowFacts {
  readonly id: number;
  /** The studio holding the case now. */
  readonly studioId: number;
  readonly category: Category;
  readonly source: Source;
  readonly status: CaseStatus;
  readonly outcome: Outcome | null;
  readonly registeredOn: number;
  /** Accepted, declined or referred; NEVER when not yet. */
  readonly answeredOn: number;
  readonly acceptedOn: number;
  readonly mediationOn: number;
  readonly concludedOn: number;
}

export class CaseFacts {
  constructor(
    readonly length: number,
    readonly id: Int32Array,
    readonly studio: Int32Array,
    readonly category: Uint8Array,
    readonly source: Uint8Array,
    readonly status: Uint8Array,
    /** 0 none, else 1 + index in OUTCOMES. */
    readonly outcome: Uint8Array,
    readonly registered: Int32Array,
    readonly answered: Int32Array,
    readonly accepted: Int32Array,
    readonly mediation: Int32Array,
    readonly concluded: Int32Array,
    /** 1 where the row has extras: most rows do not, and need no lookup. */
    readonly hasExtras: Uint8Array,
    readonly extras: ReadonlyMap<number, CaseExtras>,
  ) {}

  /** The row's transfers, deadline changes and visits; undefined when it has none. */
  extrasAt(row: number): CaseExtras | undefined {
    return this.hasExtras[row] === 1 ? this.extras.get(row) : undefined;
  }

  extrasOf(row: number): CaseExtras {
    return this.extrasAt(row) ?? NO_EXTRAS;
  }

  categoryOf(row: number): Category {
    return CATEGORIES[this.category[row] ?? 0] ?? 'other';
  }

  sourceOf(row: number): Source {
    return SOURCES[this.source[row] ?? 0] ?? 'walk_in';
  }

  statusOf(row: number): CaseStatus {
    return CASE_STATUSES[this.status[row] ?? 0] ?? 'registered';
  }

  outcomeOf(row: number): Outcome | null {
    const code = this.outcome[row] ?? 0;
    return code === 0 ? null : (OUTCOMES[code - 1] ?? null);
  }

  /** The row as plain values (drill-downs, tests). */
  row(i: number): CaseRowFacts {
    return {
      id: this.id[i] ?? 0,
      studioId: this.studio[i] ?? 0,
      category: this.categoryOf(i),
      source: this.sourceOf(i),
      status: this.statusOf(i),
      outcome: this.outcomeOf(i),
      registeredOn: this.registered[i] ?? NEVER,
      answeredOn: this.answered[i] ?? NEVER,
      acceptedOn: this.accepted[i] ?? NEVER,
      mediationOn: this.mediation[i] ?? NEVER,
      concludedOn: this.concluded[i] ?? NEVER,
    };
  }
}

/** Fills the columns row by row, growing them as needed. */
export class CaseFactsBuilder {
  length = 0;
  #capacity: number;
  id: Int32Array;
  studio: Int32Array;
  category: Uint8Array;
  source: Uint8Array;
  status: Uint8Array;
  outcome: Uint8Array;
  registered: Int32Array;
  answered: Int32Array;
  accepted: Int32Array;
  mediation: Int32Array;
  concluded: Int32Array;
  hasExtras: Uint8Array;
  readonly #extras = new Map<
    number,
    { transfers: TransferFact[]; deadlineChanges: DeadlineChangeFact[]; followUps: FollowUpFact[] }
  >();

  constructor(capacity = 1024) {
    this.#capacity = Math.max(16, capacity);
    const n = this.#capacity;
    this.id = new Int32Array(n);
    this.studio = new Int32Array(n);
    this.category = new Uint8Array(n);
    this.source = new Uint8Array(n);
    this.status = new Uint8Array(n);
    this.outcome = new Uint8Array(n);
    this.registered = new Int32Array(n);
    this.answered = new Int32Array(n);
    this.accepted = new Int32Array(n);
    this.mediation = new Int32Array(n);
    this.concluded = new Int32Array(n);
    this.hasExtras = new Uint8Array(n);
  }

  /** Room for one more row; returns its index. */
  next(): number {
    if (this.length === this.#capacity) this.#grow();
    const row = this.length;
    this.length += 1;
    return row;
  }

  add(r: CaseRowFacts): number {
    const i = this.next();
    this.id[i] = r.id;
    this.studio[i] = r.studioId;
    this.category[i] = categoryIndex(r.category);
    this.source[i] = sourceIndex(r.source);
    this.status[i] = statusIndex(r.status);
    this.outcome[i] = outcomeCode(r.outcome);
    this.registered[i] = r.registeredOn;
    this.answered[i] = r.answeredOn;
    this.accepted[i] = r.acceptedOn;
    this.mediation[i] = r.mediationOn;
    this.concluded[i] = r.concludedOn;
    return i;
  }

  #extrasFor(row: number) {
    let e = this.#extras.get(row);
    if (e === undefined) {
      e = { transfers: [], deadlineChanges: [], followUps: [] };
      this.#extras.set(row, e);
      this.hasExtras[row] = 1;
    }
    return e;
  }

  addTransfer(row: number, t: TransferFact): void {
    this.#extrasFor(row).transfers.push(t);
  }

  addDeadlineChange(row: number, c: DeadlineChangeFact): void {
    this.#extrasFor(row).deadlineChanges.push(c);
  }

  addFollowUp(row: number, v: FollowUpFact): void {
    this.#extrasFor(row).followUps.push(v);
  }

  #grow(): void {
    const n = this.#capacity * 2;
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    const grow8 = (a: Uint8Array) => {
      const b = new Uint8Array(n);
      b.set(a);
      return b;
    };
    this.id = grow32(this.id);
    this.studio = grow32(this.studio);
    this.category = grow8(this.category);
    this.source = grow8(this.source);
    this.status = grow8(this.status);
    this.outcome = grow8(this.outcome);
    this.registered = grow32(this.registered);
    this.answered = grow32(this.answered);
    this.accepted = grow32(this.accepted);
    this.mediation = grow32(this.mediation);
    this.concluded = grow32(this.concluded);
    this.hasExtras = grow8(this.hasExtras);
    this.#capacity = n;
  }

  build(): CaseFacts {
    const n = this.length;
    return new CaseFacts(
      n,
      this.id.subarray(0, n),
      this.studio.subarray(0, n),
      this.category.subarray(0, n),
      this.source.subarray(0, n),
      this.status.subarray(0, n),
      this.outcome.subarray(0, n),
      this.registered.subarray(0, n),
      this.answered.subarray(0, n),
      this.accepted.subarray(0, n),
      this.mediation.subarray(0, n),
      this.concluded.subarray(0, n),
      this.hasExtras.subarray(0, n),
      this.#extras,
    );
  }
}
