import { addCalendarDays } from '../calendar/iso-date';
import {
  sql,
  SqliteAdapter,
  type Expression,
  type ExpressionBuilder,
  type SqlBool,
} from 'kysely';
import type { CaseStatus, Category, Outcome, Source } from '../cases/case.schema';
import type { Database } from '../db/database';
import type { DB } from '../db/tables';
import { centerDayOfInstant, centerDayOrNull, centerDayStart } from './center-day';
import { parsePackedFacts } from './packed-facts';
import {
  NONE,
  type CaseFact,
  type DeadlineChangeFact,
  type FollowUpFact,
  type Satisfaction,
  type TransferFact,
} from './rates';


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

const CLOSED_BY_ANSWER: readonly CaseStatus[] = ['declined', 'referred'];

interface RawFact {
  id: number;
  studioId: number;
  category: string;
  source: string;
  status: string;
  outcome: string | null;
  registeredAt: string;
  answeredAt: string | null;
  acceptedAt: string | null;
  mediationStartedAt: string | null;
  concludedAt: string | null;
}

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

function toFact(r: RawFact): CaseFact {
  return {
    id: r.id,
    studioId: r.studioId,
    category: r.category as Category,
    source: r.source as Source,
    status: r.status as CaseStatus,
    outcome: r.outcome as Outcome | null,
    registeredOn: centerDayOfInstant(r.registeredAt),
    answeredOn: centerDayOrNull(r.answeredAt),
    acceptedOn: centerDayOrNull(r.acceptedAt),
    mediationOn: centerDayOrNull(r.mediationStartedAt),
    concludedOn: centerDayOrNull(r.concludedAt),
    transfers: NONE,
    deadlineChanges: NONE,
    followUps: NONE,
  };
}

/** The cases as facts: packed into one string on SQLite, as plain rows elsewhere. */
async function readCases(
  db: Database,
  where: (eb: Eb) => Expression<SqlBool>,
  packed: boolean,
): Promise<CaseFact[]> {
  if (!packed) {
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
    return rows.map(toFact);
  }
  const c = (column: string) => sql.ref(`cases.${column}`);
  const row = await db
    .selectFrom('cases')
    .select(
      sql<string | null>`group_concat(printf('%d|%d|%s|%s|%s|%s|%.13s|%.13s|%.13s|%.13s|%.13s',
        ${c('id')}, ${c('studioId')}, ${c('category')}, ${c('source')}, ${c('status')},
        ${c('outcome')}, ${c('registeredAt')}, ${c('answeredAt')}, ${c('acceptedAt')},
        ${c('mediationStartedAt')}, ${c('concludedAt')}), char(10))`.as('packed'),
    )
    .where(where)
    .executeTakeFirst();
  const text = row?.packed ?? null;
  return text === null || text === '' ? [] : parsePackedFacts(text);
}

/** The arrays the loader fills in after reading the cases (the facts are read-only beyond it). */
interface Attachable {
  transfers: TransferFact[];
  deadlineChanges: DeadlineChangeFact[];
  followUps: FollowUpFact[];
}

function push<K extends keyof Attachable>(
  fact: CaseFact,
  key: K,
  item: Attachable[K][number],
): void {
  const target = fact as unknown as Attachable;
  if ((target[key] as readonly unknown[]) === NONE) target[key] = [] as Attachable[K];
  (target[key] as Attachable[K][number][]).push(item);
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

async function attachDeadlineChanges(
  db: Database,
  facts: ReadonlyMap<number, CaseFact>,
  where: (eb: Eb) => Expression<SqlBool>,
): Promise<void> {
  // Few cases have any: walk the changes and look their cases up, not the other way round.
  const changes = await db
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
  for (const c of changes) {
    const fact = facts.get(c.caseId);
    if (fact === undefined) continue;
    push(fact, 'deadlineChanges', {
      kind: c.kind as DeadlineChangeFact['kind'],
      onDate: c.onDate,
      days: c.days,
      recordedOn: centerDayOfInstant(c.at),
    });
  }
}

/**
 * Every case that can count in the days from `range.from` to `range.to`: registered by the end,
 * not closed before the start (or visited in the range for the satisfaction rate), with what
 * rates.ts needs of their transfers, deadline changes and follow-ups.
 */
export async function loadCaseFacts(
  db: Database,
  range: FactRange,
  options: { packed?: boolean } = {},
): Promise<CaseFact[]> {
  const packed = options.packed ?? isSqlite(db);
  const start = centerDayStart(range.from);
  const end = centerDayStart(addCalendarDays(range.to, 1));
  const scope = mayCountFor(range.studioIds, start);
  const within = overlaps(start, end);
  const where = (eb: Eb) => eb.and([within(eb), scope(eb)]);
  const facts = new Map<number, CaseFact>();
  for (const f of await readCases(db, where, packed)) facts.set(f.id, f);

  // Visits from the start on: a case concluded in the range was visited after it began. Those
  // of cases closed before the range (late visits) bring their case in for satisfaction only.
  const visits = await db
    .selectFrom('followUps')
    .select(['caseId', 'visitedAt', 'satisfaction'])
    .where('visitedAt', '>=', start)
    .orderBy('id')
    .execute();
  const missing = [
    ...new Set(
      visits
        .filter((v) => !facts.has(v.caseId) && v.satisfaction !== null && (v.visitedAt ?? '') < end)
        .map((v) => v.caseId),
    ),
  ];
  for (let i = 0; i < missing.length; i += ID_SLICE) {
    const slice = missing.slice(i, i + ID_SLICE);
    const rows = await readCases(db, (eb) => eb.and([eb('cases.id', 'in', slice), scope(eb)]), packed);
    for (const f of rows) facts.set(f.id, f);
  }
  for (const v of visits) {
    const fact = facts.get(v.caseId);
    if (fact === undefined || v.visitedAt === null) continue;
    push(fact, 'followUps', {
      visitedOn: centerDayOfInstant(v.visitedAt),
      visitedAt: v.visitedAt,
      satisfaction: v.satisfaction as Satisfaction | null,
    });
  }

  // Transfers before the range cannot change who held a case at any day in it.
  const transfers = await db
    .selectFrom('caseEvents')
    .select(['caseId', 'at', 'data'])
    .where('kind', '=', 'transferred')
    .where('at', '>=', start)
    .orderBy('at')
    .orderBy('id')
    .execute();
  for (const t of transfers) {
    const fact = facts.get(t.caseId);
    const moved = parseTransfer(t.data);
    if (fact === undefined || moved === null) continue;
    push(fact, 'transfers', { on: centerDayOfInstant(t.at), at: t.at, ...moved });
  }

  await attachDeadlineChanges(db, facts, where);
  return [...facts.values()];
}

/** The open cases (registered, accepted, in mediation) of these studios (null: all), as facts. */
export async function loadOpenCaseFacts(
  db: Database,
  studioIds: readonly number[] | null,
): Promise<CaseFact[]> {
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
  const facts = new Map<number, CaseFact>();
  for (const f of await readCases(db, where, false)) facts.set(f.id, f);
  await attachDeadlineChanges(db, facts, where);
  return [...facts.values()];
}
