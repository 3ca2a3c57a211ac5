import type { Updateable } from 'kysely';
import { AppError } from '../api/result';
import type { Database } from '../db/database';
import type { CasesTable } from '../db/tables';
import type { CaseStatus } from './case.schema';

/**
 * Updates a case only if nobody changed it since `version` was read (optimistic concurrency):
 * a stale save is refused with STALE, never written over the newer one.
 */
export async function updateCaseVersioned(
  db: Database,
  id: number,
  version: number,
  patch: Updateable<CasesTable>,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('cases')
    .set({ ...patch, updatedAt: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 1n) return version + 1;
  const current = await db
    .selectFrom('cases')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirst();
  if (current === undefined)
    throw new AppError('NOT_FOUND', 'error.caseNotFound', undefined, { id });
  throw new AppError('STALE', 'error.stale', undefined, { version: current.version });
}

export async function listMediators(db: Database, caseIds: readonly number[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('caseMediators')
    .innerJoin('staff', 'staff.id', 'caseMediators.staffId')
    .select(['caseMediators.caseId', 'caseMediators.staffId', 'staff.displayName'])
    .where('caseMediators.caseId', 'in', caseIds)
    .orderBy('caseMediators.assignedAt')
    .execute();
}

export async function replaceMediators(
  db: Database,
  caseId: number,
  staffIds: readonly number[],
  at: string,
): Promise<void> {
  await db.deleteFrom('caseMediators').where('caseId', '=', caseId).execute();
  if (staffIds.length === 0) return;
  await db
    .insertInto('caseMediators')
    .values(staffIds.map((staffId) => ({ caseId, staffId, assignedAt: at })))
    .execute();
}

export interface DeadlineChangeRow {
  readonly kind: 'pause' | 'resume' | 'extension';
  readonly onDate: string;
  readonly days: number | null;
  readonly reason: string;
  readonly at: string;
  readonly staffName: string | null;
}

export async function listDeadlineChanges(
  db: Database,
  caseId: number,
): Promise<DeadlineChangeRow[]> {
  const rows = await db
    .selectFrom('caseDeadlineChanges')
    .leftJoin('staff', 'staff.id', 'caseDeadlineChanges.staffId')
    .select([
      'caseDeadlineChanges.kind',
      'caseDeadlineChanges.onDate',
      'caseDeadlineChanges.days',
      'caseDeadlineChanges.reason',
      'caseDeadlineChanges.at',
      'staff.displayName as staffName',
    ])
    .where('caseDeadlineChanges.caseId', '=', caseId)
    .orderBy('caseDeadlineChanges.id')
    .execute();
  return rows.map((r) => ({ ...r, kind: r.kind as DeadlineChangeRow['kind'] }));
}

export async function insertDeadlineChange(
  db: Database,
  change: {
    caseId: number;
    kind: DeadlineChangeRow['kind'];
    onDate: string;
    days: number | null;
    reason: string;
    staffId: number;
    at: string;
  },
): Promise<void> {
  await db.insertInto('caseDeadlineChanges').values(change).execute();
}

export async function insertCaseLink(
  db: Database,
  link: { fromCaseId: number; toCaseId: number; kind: string; at: string },
): Promise<void> {
  await db.insertInto('caseLinks').values(link).execute();
}

/** Links in both directions, with the other case's number and status. */
export async function listCaseLinks(db: Database, caseId: number) {
  const outgoing = await db
    .selectFrom('caseLinks')
    .innerJoin('cases', 'cases.id', 'caseLinks.toCaseId')
    .select(['caseLinks.kind', 'caseLinks.at', 'cases.id', 'cases.number', 'cases.status'])
    .where('caseLinks.fromCaseId', '=', caseId)
    .orderBy('caseLinks.id')
    .execute();
  const incoming = await db
    .selectFrom('caseLinks')
    .innerJoin('cases', 'cases.id', 'caseLinks.fromCaseId')
    .select(['caseLinks.kind', 'caseLinks.at', 'cases.id', 'cases.number', 'cases.status'])
    .where('caseLinks.toCaseId', '=', caseId)
    .orderBy('caseLinks.id')
    .execute();
  return [
    ...outgoing.map((l) => ({ ...l, status: l.status as CaseStatus, direction: 'to' as const })),
    ...incoming.map((l) => ({ ...l, status: l.status as CaseStatus, direction: 'from' as const })),
  ];
}

export async function insertFollowUp(db: Database, caseId: number, dueOn: string): Promise<void> {
  await db.insertInto('followUps').values({ caseId, dueOn }).execute();
}

export async function findFollowUp(db: Database, id: number) {
  return db.selectFrom('followUps').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listFollowUps(db: Database, caseId: number) {
  return db
    .selectFrom('followUps')
    .leftJoin('staff', 'staff.id', 'followUps.visitorId')
    .selectAll('followUps')
    .select('staff.displayName as visitorName')
    .where('followUps.caseId', '=', caseId)
    .orderBy('followUps.dueOn')
    .execute();
}

export async function updateFollowUpVersioned(
  db: Database,
  id: number,
  version: number,
  patch: {
    visitedAt: string;
    visitorId: number;
    performance: string;
    satisfaction: string | null;
    escalation: number;
    escalationNote: string;
    note: string;
  },
): Promise<void> {
  const result = await db
    .updateTable('followUps')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 1n) return;
  const current = await findFollowUp(db, id);
  if (current === undefined) throw new AppError('NOT_FOUND', 'error.followUpNotFound');
  throw new AppError('STALE', 'error.staleFollowUp', undefined, { version: current.version });
}
