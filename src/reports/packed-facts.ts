import {
  CASE_STATUSES,
  CATEGORIES,
  OUTCOMES,
  SOURCES,
  type CaseStatus,
  type Category,
  type Outcome,
  type Source,
} from '../cases/case.schema';
import { centerDayOfInstant } from './center-day';
import { NONE, type CaseFact } from './rates';

/**
 * Cases packed into one string by the database (report-facts.repository.ts), one line per case:
 *
 *   id|studio|category|source|status|outcome|registered|answered|accepted|mediation|concluded
 *
 * each instant cut to its first 13 characters (YYYY-MM-DDTHH, all a center day needs), empty
 * when null. Read in one pass by character codes: a year's report has some 70,000 lines, and
 * slicing every field into its own string cost more than the database took to write them.
 */

const PIPE = 124;
const NEWLINE = 10;
const INSTANT_PREFIX = 13;

/**
 * Finds the known value spelled at text[pos, end) without cutting it out: candidates are looked
 * up by length and first and last character, then compared in place.
 */
class KnownValues<T extends string> {
  readonly #byShape = new Map<number, T[]>();

  constructor(values: readonly T[]) {
    for (const v of values) {
      const key = KnownValues.shape(v, 0, v.length);
      const list = this.#byShape.get(key);
      if (list === undefined) this.#byShape.set(key, [v]);
      else list.push(v);
    }
  }

  static shape(text: string, pos: number, end: number): number {
    return (end - pos) * 65536 * 128 + text.charCodeAt(pos) * 128 + text.charCodeAt(end - 1);
  }

  at(text: string, pos: number, end: number): T {
    const candidates = this.#byShape.get(KnownValues.shape(text, pos, end));
    if (candidates !== undefined) {
      for (const v of candidates) if (text.startsWith(v, pos)) return v;
    }
    // Not a value this version knows (a newer version wrote it): kept as it is.
    return text.slice(pos, end) as T;
  }
}

const CATEGORY = new KnownValues<Category>(CATEGORIES);
const SOURCE = new KnownValues<Source>(SOURCES);
const STATUS = new KnownValues<CaseStatus>(CASE_STATUSES);
const OUTCOME = new KnownValues<Outcome>(OUTCOMES);

/** The cases of a packed string, with no transfers, deadline changes or follow-ups yet. */
export function parsePackedFacts(text: string): CaseFact[] {
  const facts: CaseFact[] = [];
  const length = text.length;
  let pos = 0;

  const integer = (): number => {
    let n = 0;
    for (let c = text.charCodeAt(pos); c !== PIPE; c = text.charCodeAt(pos)) {
      n = n * 10 + c - 48;
      pos += 1;
    }
    pos += 1;
    return n;
  };
  const field = <T extends string>(values: KnownValues<T>): T | null => {
    let end = text.indexOf('|', pos);
    if (end < 0) end = length;
    const value = end === pos ? null : values.at(text, pos, end);
    pos = end + 1;
    return value;
  };
  const day = (): number | null => {
    const c = text.charCodeAt(pos);
    if (c === PIPE || c === NEWLINE || Number.isNaN(c)) {
      pos += 1;
      return null;
    }
    const d = centerDayOfInstant(text, pos);
    pos += INSTANT_PREFIX + 1;
    return d;
  };

  while (pos < length) {
    const id = integer();
    const studioId = integer();
    const category = field(CATEGORY) ?? 'other';
    const source = field(SOURCE) ?? 'walk_in';
    const status = field(STATUS) ?? 'registered';
    const outcome = field(OUTCOME);
    const registeredOn = day() ?? 0;
    facts.push({
      id,
      studioId,
      category,
      source,
      status,
      outcome,
      registeredOn,
      answeredOn: day(),
      acceptedOn: day(),
      mediationOn: day(),
      concludedOn: day(),
      transfers: NONE,
      deadlineChanges: NONE,
      followUps: NONE,
    });
  }
  return facts;
}
