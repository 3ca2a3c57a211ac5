import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/database';
import type { DB } from '../db/tables';
import { caseSearchCondition } from '../search/case-search';
import {
  DUE_SOON_DAYS,
  OPEN_STATUSES,
  type CaseListFilter,
  type CaseListSort,
  type SortDirection,
} from './case-list.schema';
import type { CaseStatus, Category, PartyRole, RiskLevel, Source } from './case.schema';

/** What the list query needs beside the user's filter: who asks and what day it is. */
export interface ListContext {
  /** Studios to list: the filter's, already checked against the caller's scope; null: all. */
  readonly studioIds: readonly number[] | null;
  /** Today at the center (YYYY-MM-DD, Asia/Shanghai): overdue and due-soon are relative to it. */
  readonly today: string;
}

/** Where a page starts: strictly after this sort key and id, in the page's order. */
export interface Keyset {
  readonly key: string;
  readonly id: number;
}

export interface PageRequest {
  readonly sort: CaseListSort;
  readonly direction: SortDirection;
  readonly limit: number;
  readonly after: Keyset | null;
}

export interface CaseListRow {
  readonly id: number;
  readonly number: string;
  readonly studioId: number;
  readonly status: CaseStatus;
  readonly category: Category;
  readonly source: Source;
  readonly riskLevel: RiskLevel;
  readonly registeredAt: string;
  readonly deadlineOn: string | null;
  readonly summary: string;
  /** The row's value of the sort key (for the next page's cursor). */
  readonly sortKey: string;
}

/** A deadline-less case sorts as the furthest future; the same literal as migration 0005's index. */
export const NO_DEADLINE_SORT_KEY = '9999-12-31';
/** Enough of the summary for a list row (~80 characters shown); the rest is not read out. */
const SUMMARY_READ = 81;

type Eb = ExpressionBuilder<DB, 'cases'>;

function sortExpression(sort: CaseListSort) {
  switch (sort) {
    case 'registeredAt':
      return sql<string>`${sql.ref('cases.registeredAt')}`;
    case 'number':
      return sql<string>`${sql.ref('cases.number')}`;
    case 'deadlineOn':
      // Must read exactly as the index expression in migration 0005 for the index to serve it.
      return sql<string>`coalesce(${sql.ref('cases.deadlineOn')}, ${sql.lit(NO_DEADLINE_SORT_KEY)})`;
  }
}

/** The first instant of a center date, as stored (ISO UTC). China keeps UTC+8, no DST since 1991. */
export function centerDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Every condition of the filter and the caller's scope, ANDed; search included. */
async function filterConditions(
  db: Database,
  filter: CaseListFilter,
  ctx: ListContext,
): Promise<((eb: Eb) => Expression<SqlBool>)[]> {
  const conditions: ((eb: Eb) => Expression<SqlBool>)[] = [];
  const oneOf = <T>(values: readonly T[] | undefined) =>
    values !== undefined && values.length > 0 ? [...new Set(values)] : null;

  const studios = ctx.studioIds;
  if (studios !== null) conditions.push(studioCondition(studios));
  const statuses = oneOf(filter.statuses);
  if (statuses !== null) conditions.push((eb) => eb('cases.status', 'in', statuses));
  const categories = oneOf(filter.categories);
  if (categories !== null) conditions.push((eb) => eb('cases.category', 'in', categories));
  const sources = oneOf(filter.sources);
  if (sources !== null) conditions.push((eb) => eb('cases.source', 'in', sources));
  const risks = oneOf(filter.riskLevels);
  if (risks !== null) conditions.push((eb) => eb('cases.riskLevel', 'in', risks));

  if (filter.mediatorId !== undefined) conditions.push(mediatorCondition(filter.mediatorId));

  const urgency = urgencyCondition(filter, ctx.today);
  if (urgency !== null) conditions.push(urgency);

  if (filter.registeredFrom !== undefined) {
    const from = centerDayStart(filter.registeredFrom);
    conditions.push((eb) => eb('cases.registeredAt', '>=', from));
  }
  if (filter.registeredTo !== undefined) {
    const until = centerDayStart(addDays(filter.registeredTo, 1));
    conditions.push((eb) => eb('cases.registeredAt', '<', until));
  }

  const search = filter.q === undefined ? null : await caseSearchCondition(db, filter.q);
  if (search !== null) conditions.push(search);
  return conditions;
}

/**
 * One studio (every mediator's own list) compares with `=`, so that the (studio_id, sort key)
 * indexes of migration 0005 give the page in order. Several studios: the unary plus keeps
 * SQLite from sorting all their cases (an IN list on an index's first column loses its order)
 * and lets it walk the sort key's own index instead, skipping the other studios' rows. None (a
 * mediator of no studio) sees nothing: `in ()` is not valid SQL.
 */
function studioCondition(studios: readonly number[]): (eb: Eb) => Expression<SqlBool> {
  const [only] = studios;
  if (studios.length === 0) return (eb) => eb.lit(false);
  if (studios.length === 1 && only !== undefined) return (eb) => eb('cases.studioId', '=', only);
  const list = sql.join([...studios]);
  return () => sql<SqlBool>`+${sql.ref('cases.studioId')} in (${list})`;
}

/**
 * A mediator's cases. The unary plus (a no-op on a number, here and in PostgreSQL) keeps SQLite
 * from driving the query by the mediator's 3,000 cases, each fetched and all sorted (5–20 ms);
 * it walks the index of the page's order, or of a more selective filter, and tests each id
 * against a Bloom filter of the list: under a millisecond, 4 ms when the walk finds nothing
 * and reads every case (tests/bench).
 */
function mediatorCondition(staffId: number): (eb: Eb) => Expression<SqlBool> {
  return (eb) =>
    eb(
      sql<number>`+${sql.ref('cases.id')}`,
      'in',
      eb.selectFrom('caseMediators').select('caseMediators.caseId').where('staffId', '=', staffId),
    );
}

/** Overdue, due soon, or both ("urgent"): open cases by their deadline. */
function urgencyCondition(
  filter: CaseListFilter,
  today: string,
): ((eb: Eb) => Expression<SqlBool>) | null {
  const overdue = filter.overdue === true;
  const dueSoon = filter.dueSoon === true;
  if (!overdue && !dueSoon) return null;
  const soonUntil = addDays(today, DUE_SOON_DAYS);
  return (eb) =>
    eb.and([
      eb('cases.status', 'in', [...OPEN_STATUSES]),
      overdue && dueSoon
        ? eb('cases.deadlineOn', '<=', soonUntil)
        : overdue
          ? eb('cases.deadlineOn', '<', today)
          : eb.between('cases.deadlineOn', today, soonUntil),
    ]);
}

/**
 * One page of the list, in (sort key, id) order, and whether more rows follow. Keyset paging:
 * the page starts strictly after the previous page's last (key, id), so rows added or changed
 * meanwhile neither repeat nor vanish from pages not yet read, and page 1000 costs what page 1
 * does.
 */
export async function listCasePage(
  db: Database,
  filter: CaseListFilter,
  ctx: ListContext,
  page: PageRequest,
): Promise<{ rows: CaseListRow[]; hasMore: boolean }> {
  const sortKey = sortExpression(page.sort);
  const conditions = await filterConditions(db, filter, ctx);
  const { after } = page;
  if (after !== null) {
    const op = page.direction === 'asc' ? sql`>` : sql`<`;
    // A row value comparison: SQLite (3.15+) and PostgreSQL both serve it from the index.
    conditions.push(
      () => sql<SqlBool>`(${sortKey}, ${sql.ref('cases.id')}) ${op} (${after.key}, ${after.id})`,
    );
  }
  // Two steps: find the page (ids and sort keys only, so that a plan that sorts every match
  // sorts small rows), then read those rows. Halves the cost of the sorting plans (tests/bench).
  const keys = await db
    .selectFrom('cases')
    .select(['cases.id', sortKey.as('sortKey')])
    .where((eb) => eb.and(conditions.map((c) => c(eb))))
    .orderBy(sortKey, page.direction)
    .orderBy('cases.id', page.direction)
    .limit(page.limit + 1)
    .execute();
  const pageKeys = keys.slice(0, page.limit);
  if (pageKeys.length === 0) return { rows: [], hasMore: false };
  const details = await db
    .selectFrom('cases')
    .select([
      'id',
      'number',
      'studioId',
      'status',
      'category',
      'source',
      'riskLevel',
      'registeredAt',
      'deadlineOn',
      sql<string>`substr(${sql.ref('summary')}, 1, ${SUMMARY_READ})`.as('summary'),
    ])
    .where(
      'id',
      'in',
      pageKeys.map((k) => k.id),
    )
    .execute();
  const byId = new Map(details.map((r) => [r.id, r]));
  const rows = pageKeys.flatMap(({ id, sortKey: key }) => {
    const r = byId.get(id);
    if (r === undefined) return []; // deleted between the two reads: not on this page
    return [
      {
        ...r,
        status: r.status as CaseStatus,
        category: r.category as Category,
        source: r.source as Source,
        riskLevel: r.riskLevel as RiskLevel,
        sortKey: key,
      },
    ];
  });
  return { rows, hasMore: keys.length > page.limit };
}

/** How many cases the filter finds ("共 N 件"). */
export async function countCases(
  db: Database,
  filter: CaseListFilter,
  ctx: ListContext,
): Promise<number> {
  const conditions = await filterConditions(db, filter, ctx);
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where((eb) => eb.and(conditions.map((c) => c(eb))))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Names and roles of the parties of these cases, in case order: no numbers, nothing to mask. */
export async function listPartyNames(
  db: Database,
  caseIds: readonly number[],
): Promise<Map<number, { name: string; role: PartyRole }[]>> {
  const byCase = new Map<number, { name: string; role: PartyRole }[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .selectFrom('caseParties')
    .innerJoin('parties', 'parties.id', 'caseParties.partyId')
    .select(['caseParties.caseId', 'parties.name', 'caseParties.role'])
    .where('caseParties.caseId', 'in', caseIds)
    .orderBy('caseParties.caseId')
    .orderBy('caseParties.sortOrder')
    .execute();
  for (const r of rows) {
    const party = { name: r.name, role: r.role as PartyRole };
    const list = byCase.get(r.caseId);
    if (list === undefined) byCase.set(r.caseId, [party]);
    else list.push(party);
  }
  return byCase;
}
