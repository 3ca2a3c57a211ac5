import { addCalendarDays, calendarDaysBetween } from '../calendar/iso-date';
import { sql, SqliteAdapter, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CaseStatus } from '../cases/case.schema';
import type { Database } from '../db/database';
import type { DB } from '../db/tables';
import {
  CaseFactsBuilder,
  NEVER,
  categoryIndex,
  outcomeCode,
  sourceIndex,
  statusIndex,
  type CaseFacts,
  type DeadlineChangeFact,
  type Satisfaction,
} from './case-facts';
import { centerDayOfInstant, centerDayStart } from './center-day';
import { parsePackedFacts } from './packed-facts';

/**
 * Reads the facts rates.ts counts from: the cases whose life overlaps a range of days, with their
 * transfers, deadline changes and visited follow-ups. A year's report reads some 70,000 cases;
 * on SQLite they come packed into one string (group_concat), which costs a fifth of reading them
 * as rows through the driver (tests/bench/reports.ts), from the covering index of migration 0009.
 */

export interface FactRange {
  /** First and last center date the report speaks of. */
  readonly from: string;
  readonly to: string;
  /** Only cases that may count for these studios (at any time in the range); null: all. */
  readonly studioIds: readonly number[] | null;
}

type Eb = ExpressionBuilder<DB, 'cases'>;

// Ids are read in slices: an `in` list must stay under SQLite's bound-parameter limit.
const ID_SLICE = 5000;
/** Packed reads in this many slices by registration day (readCases). */
const SLICES = 4;

const CLOSED_BY_ANSWER: readonly CaseStatus[] = ['declined', 'referred'];

/**
 * Registered before the range ends and not closed before it begins: concluded in or after it,
 * declined or referred in or after it, or still open.
 */
function overlaps(start: string, end: string) {
  return (eb: Eb): Expression<SqlBool> =>
    eb.and([
      eb('cases.registeredAt', '<', end),
      eb.or([
        eb('cases.concludedAt', '>=', start),
        eb.and([
          eb('cases.concludedAt', 'is', null),
          eb.or([
            eb('cases.status', 'not in', [...CLOSED_BY_ANSWER]),
            eb('cases.answeredAt', '>=', start),
          ]),
        ]),
      ]),
    ]);
}

/** A case counts for the studio it held at some time in the range: its own, or one it left. */
function mayCountFor(studioIds: readonly number[] | null, start: string) {
  return (eb: Eb): Expression<SqlBool> => {
    if (studioIds === null) return eb.lit(true);
    if (studioIds.length === 0) return eb.lit(false);
    return eb.or([
      eb('cases.studioId', 'in', [...studioIds]),
      eb(
        'cases.id',
        'in',
        eb
          .selectFrom('caseEvents')
          .select('caseEvents.caseId')
          .where('caseEvents.kind', '=', 'transferred')
          .where('caseEvents.at', '>=', start),
      ),
    ]);
  };
}

function isSqlite(db: Database): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

const day = (iso: string | null) => (iso === null ? NEVER : centerDayOfInstant(iso));

/** Plain rows (any database): one object per case, read through the driver. */
async function readRows(
  db: Database,
  where: (eb: Eb) => Expression<SqlBool>,
  into: CaseFactsBuilder,
): Promise<void> {
  const rows = await db
    .selectFrom('cases')
    .select([
      'id',
      'studioId',
      'category',
      'source',
      'status',
      'outcome',
      'registeredAt',
      'answeredAt',
      'acceptedAt',
      'mediationStartedAt',
      'concludedAt',
    ])
    .where(where)
    .execute();
  for (const r of rows) {
    const i = into.next();
    into.id[i] = r.id;
    into.studio[i] = r.studioId;
    into.category[i] = categoryIndex(r.category);
    into.source[i] = sourceIndex(r.source);
    into.status[i] = statusIndex(r.status);
    into.outcome[i] = outcomeCode(r.outcome);
    into.registered[i] = day(r.registeredAt);
    into.answered[i] = day(r.answeredAt);
    into.accepted[i] = day(r.acceptedAt);
    into.mediation[i] = day(r.mediationStartedAt);
    into.concluded[i] = day(r.concludedAt);
  }
}

/** The same cases packed into one string by SQLite (packed-facts.ts). */
function readPacked(db: Database, where: (eb: Eb) => Expression<SqlBool>): Promise<string> {
  const c = (column: string) => sql.ref(`cases.${column}`);
  // Instants to the hour (YYYY-MM-DDTHH) are all a center day needs: a third less to carry.
  return db
    .selectFrom('cases')
    .select(
      sql<string | null>`group_concat(printf('%d|%d|%s|%s|%s|%s|%.13s|%.13s|%.13s|%.13s|%.13s',
        ${c('id')}, ${c('studioId')}, ${c('category')}, ${c('source')}, ${c('status')},
        ${c('outcome')}, ${c('registeredAt')}, ${c('answeredAt')}, ${c('acceptedAt')},
        ${c('mediationStartedAt')}, ${c('concludedAt')}), char(10))`.as('packed'),
    )
    .where(where)
    .executeTakeFirst()
    .then((row) => row?.packed ?? '');
}

/**
 * The cases into the builder. On SQLite in slices by registration: every query is sent at once,
 * and each slice is parsed here while the database writes the next (its thread and this one
 * work side by side).
 */
async function readCases(
  db: Database,
  where: (eb: Eb) => Expression<SqlBool>,
  into: CaseFactsBuilder,
  packed: boolean,
  splits: readonly string[],
): Promise<void> {
  if (!packed) {
    await readRows(db, where, into);
    return;
  }
  const bounds = [null, ...splits, null];
  const slices = bounds.slice(1).map((upper, k) => {
    const lower = bounds[k] ?? null;
    return readPacked(db, (eb) =>
      eb.and([
        where(eb),
        ...(lower === null ? [] : [eb('cases.registeredAt', '>=', lower)]),
        ...(upper === null ? [] : [eb('cases.registeredAt', '<', upper)]),
      ]),
    );
  });
  for (const slice of slices) parsePackedFacts(await slice, into);
}

/** Instants splitting the range's days into `parts` equal slices. */
function splitInstants(range: { from: string; to: string }, parts: number): string[] {
  const days = calendarDaysBetween(range.from, range.to) + 1;
  const splits: string[] = [];
  for (let k = 1; k < parts; k += 1) {
    splits.push(centerDayStart(addCalendarDays(range.from, Math.floor((days * k) / parts))));
  }
  return splits;
}

function parseTransfer(data: string): { from: number; to: number } | null {
  try {
    const parsed = JSON.parse(data) as { from?: unknown; to?: unknown };
    return typeof parsed.from === 'number' && typeof parsed.to === 'number'
      ? { from: parsed.from, to: parsed.to }
      : null;
  } catch {
    return null;
  }
}

async function readDeadlineChanges(db: Database, where: (eb: Eb) => Expression<SqlBool>) {
  // Few cases have any: walk the changes and look their cases up, not the other way round.
  return db
    .selectFrom('caseDeadlineChanges')
    .innerJoin('cases', 'cases.id', 'caseDeadlineChanges.caseId')
    .select([
      'caseDeadlineChanges.caseId',
      'caseDeadlineChanges.kind',
      'caseDeadlineChanges.onDate',
      'caseDeadlineChanges.days',
      'caseDeadlineChanges.at',
    ])
    .where(where)
    .orderBy('caseDeadlineChanges.id')
    .execute();
}

/** Row of each of these case ids in the builder (one pass; the set is small). */
function rowsOf(into: CaseFactsBuilder, ids: ReadonlySet<number>): Map<number, number> {
  const rows = new Map<number, number>();
  if (ids.size === 0) return rows;
  for (let i = 0; i < into.length; i += 1) {
    const id = into.id[i] ?? 0;
    if (ids.has(id)) rows.set(id, i);
  }
  return rows;
}

type ChangeRow = Awaited<ReturnType<typeof readDeadlineChanges>>[number];

function attachChanges(
  into: CaseFactsBuilder,
  rows: ReadonlyMap<number, number>,
  changes: readonly ChangeRow[],
) {
  for (const c of changes) {
    const row = rows.get(c.caseId);
    if (row === undefined) continue;
    into.addDeadlineChange(row, {
      kind: c.kind as DeadlineChangeFact['kind'],
      onDate: c.onDate,
      days: c.days,
      recordedOn: centerDayOfInstant(c.at),
    });
  }
}

/**
 * Every case that can count in the days from `range.from` to `range.to`: registered by the end,
 * not closed before the start (or visited in the range, for the satisfaction rate), with what
 * rates.ts needs of their transfers, deadline changes and follow-ups.
 */
export async function loadCaseFacts(
  db: Database,
  range: FactRange,
  options: { packed?: boolean } = {},
): Promise<CaseFacts> {
  const packed = options.packed ?? isSqlite(db);
  const start = centerDayStart(range.from);
  const end = centerDayStart(addCalendarDays(range.to, 1));
  const scope = mayCountFor(range.studioIds, start);
  const within = overlaps(start, end);
  const where = (eb: Eb) => eb.and([within(eb), scope(eb)]);

  // The few rows with extras first, so the cases need no lookup table of their own.
  // Visits from the start on: a case concluded in the range was visited after it began.
  const visits = await db
    .selectFrom('followUps')
    .select(['caseId', 'visitedAt', 'satisfaction'])
    .where('visitedAt', '>=', start)
    .orderBy('id')
    .execute();
  // Transfers before the range cannot change who held a case at any day in it.
  const transfers = await db
    .selectFrom('caseEvents')
    .select(['caseId', 'at', 'data'])
    .where('kind', '=', 'transferred')
    .where('at', '>=', start)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const changes = await readDeadlineChanges(db, where);

  const into = new CaseFactsBuilder(16_384);
  await readCases(db, where, into, packed, splitInstants(range, SLICES));
  const wanted = new Set([
    ...visits.map((v) => v.caseId),
    ...transfers.map((t) => t.caseId),
    ...changes.map((c) => c.caseId),
  ]);
  const rows = rowsOf(into, wanted);

  // Late visits of cases closed before the range bring their case in, for satisfaction only.
  const missing = [
    ...new Set(
      visits
        .filter((v) => !rows.has(v.caseId) && v.satisfaction !== null && (v.visitedAt ?? '') < end)
        .map((v) => v.caseId),
    ),
  ];
  for (let i = 0; i < missing.length; i += ID_SLICE) {
    const slice = missing.slice(i, i + ID_SLICE);
    const before = into.length;
    await readCases(db, (eb) => eb.and([eb('cases.id', 'in', slice), scope(eb)]), into, packed, []);
    for (let row = before; row < into.length; row += 1) rows.set(into.id[row] ?? 0, row);
  }

  for (const v of visits) {
    const row = rows.get(v.caseId);
    if (row === undefined || v.visitedAt === null) continue;
    into.addFollowUp(row, {
      visitedOn: centerDayOfInstant(v.visitedAt),
      visitedAt: v.visitedAt,
      satisfaction: v.satisfaction as Satisfaction | null,
    });
  }
  for (const t of transfers) {
    const row = rows.get(t.caseId);
    const moved = parseTransfer(t.data);
    if (row === undefined || moved === null) continue;
    into.addTransfer(row, { on: centerDayOfInstant(t.at), at: t.at, ...moved });
  }
  attachChanges(into, rows, changes);
  return into.build();
}

/** The open cases (registered, accepted, in mediation) of these studios (null: all), as facts. */
export async function loadOpenCaseFacts(
  db: Database,
  studioIds: readonly number[] | null,
): Promise<CaseFacts> {
  const open: CaseStatus[] = ['registered', 'accepted', 'in_mediation'];
  const where = (eb: Eb) =>
    eb.and([
      eb('cases.status', 'in', open),
      studioIds === null
        ? eb.lit(true)
        : studioIds.length === 0
          ? eb.lit(false)
          : eb('cases.studioId', 'in', [...studioIds]),
    ]);
  const changes = await readDeadlineChanges(db, where);
  const into = new CaseFactsBuilder(4096);
  await readRows(db, where, into);
  attachChanges(into, rowsOf(into, new Set(changes.map((c) => c.caseId))), changes);
  return into.build();
}
