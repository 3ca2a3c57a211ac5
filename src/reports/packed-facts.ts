import { CASE_STATUSES, CATEGORIES, OUTCOMES, SOURCES } from '../cases/case.schema';
import { NEVER, type CaseFactsBuilder } from './case-facts';
import { centerDayOfInstant } from './center-day';

/**
 * Cases packed into one string by the database (report-facts.repository.ts), one line per case:
 *
 *   id|studio|category|source|status|outcome|registered|answered|accepted|mediation|concluded
 *
 * each instant cut to its first 13 characters (YYYY-MM-DDTHH, all a center day needs), empty
 * when null. Read in one pass by character codes straight into the columns: a year's report has
 * some 70,000 lines, and cutting every field into a string of its own cost more than the
 * database took to write them.
 */

const PIPE = 124;
const NEWLINE = 10;
const INSTANT_PREFIX = 13;

/**
 * Finds the index of the known value spelled at text[pos, end) without cutting it out:
 * candidates are looked up by length and first character in a flat table (no hashing), then
 * compared in place.
 */
class KnownValues {
  readonly #byShape: ([string, number][] | undefined)[] = [];

  constructor(
    private readonly what: string,
    values: readonly string[],
  ) {
    values.forEach((v, i) => {
      const key = KnownValues.shape(v, 0, v.length);
      const list = this.#byShape[key];
      if (list === undefined) this.#byShape[key] = [[v, i]];
      else list.push([v, i]);
    });
  }

  /** Length and first character (ASCII: every stored value is a schema enum). */
  static shape(text: string, pos: number, end: number): number {
    return (end - pos) * 128 + (text.charCodeAt(pos) & 127);
  }

  at(text: string, pos: number, end: number): number {
    const candidates = this.#byShape[KnownValues.shape(text, pos, end)];
    if (candidates !== undefined) {
      for (const [v, i] of candidates) if (text.startsWith(v, pos)) return i;
    }
    // Every value passed the schemas on the way in; another is a damaged row.
    throw new Error(`reports: unknown ${this.what} "${text.slice(pos, end)}"`);
  }
}

const CATEGORY = new KnownValues('category', CATEGORIES);
const SOURCE = new KnownValues('source', SOURCES);
const STATUS = new KnownValues('status', CASE_STATUSES);
const OUTCOME = new KnownValues('outcome', OUTCOMES);

/** Appends the cases of a packed string to the builder's columns. */
export function parsePackedFacts(text: string, into: CaseFactsBuilder): void {
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
  /** The index of an enum field, or −1 when empty. */
  const field = (values: KnownValues): number => {
    let end = text.indexOf('|', pos);
    if (end < 0) end = length;
    const value = end === pos ? -1 : values.at(text, pos, end);
    pos = end + 1;
    return value;
  };
  const day = (): number => {
    const c = text.charCodeAt(pos);
    if (c === PIPE || c === NEWLINE || Number.isNaN(c)) {
      pos += 1;
      return NEVER;
    }
    const d = centerDayOfInstant(text, pos);
    pos += INSTANT_PREFIX + 1;
    return d;
  };

  while (pos < length) {
    const i = into.next();
    into.id[i] = integer();
    into.studio[i] = integer();
    into.category[i] = Math.max(0, field(CATEGORY));
    into.source[i] = Math.max(0, field(SOURCE));
    into.status[i] = Math.max(0, field(STATUS));
    into.outcome[i] = field(OUTCOME) + 1;
    into.registered[i] = day();
    into.answered[i] = day();
    into.accepted[i] = day();
    into.mediation[i] = day();
    into.concluded[i] = day();
  }
}
