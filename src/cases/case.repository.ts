import type { Database } from '../db/database';
import type {
  AgentAuthority,
  CaseStatus,
  Category,
  Outcome,
  PartyRole,
  RiskLevel,
  Source,
} from './case.schema';

export interface NewCase {
  readonly number: string;
  readonly studioId: number;
  readonly numberYear: number;
  readonly numberSeq: number;
  readonly category: Category;
  readonly source: Source;
  readonly riskLevel: RiskLevel;
  readonly summary: string;
  readonly requests: string;
  readonly amountFen: number | null;
  readonly status: CaseStatus;
  readonly registeredAt: string;
  readonly registeredBy: number;
}

export async function insertCase(db: Database, c: NewCase): Promise<number> {
  const { id } = await db
    .insertInto('cases')
    .values({ ...c, updatedAt: c.registeredAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A party's place in a case; agents name the party they act for. */
export interface CasePartyLink {
  readonly partyId: number;
  readonly role: PartyRole;
  readonly representsPartyId?: number | null;
  readonly authority?: AgentAuthority | null;
}

export async function insertCaseParties(
  db: Database,
  caseId: number,
  parties: readonly CasePartyLink[],
): Promise<void> {
  await db
    .insertInto('caseParties')
    .values(
      parties.map((p, i) => ({
        caseId,
        partyId: p.partyId,
        role: p.role,
        sortOrder: i,
        representsPartyId: p.representsPartyId ?? null,
        agentAuthority: p.authority ?? null,
      })),
    )
    .execute();
}

export async function insertCaseEvent(
  db: Database,
  event: { caseId: number; at: string; staffId: number | null; kind: string; data: unknown },
): Promise<void> {
  await db
    .insertInto('caseEvents')
    .values({ ...event, data: JSON.stringify(event.data) })
    .execute();
}

export interface CaseRow {
  readonly id: number;
  readonly number: string;
  readonly studioId: number;
  readonly category: Category;
  readonly source: Source;
  readonly riskLevel: RiskLevel;
  readonly status: CaseStatus;
  readonly summary: string;
  readonly requests: string;
  readonly amountFen: number | null;
  readonly registeredAt: string;
  readonly registeredBy: number;
  readonly version: number;
  readonly answeredAt: string | null;
  readonly acceptedAt: string | null;
  readonly declineReason: string | null;
  readonly referredTo: string | null;
  readonly referralReason: string | null;
  readonly mediationStartedAt: string | null;
  readonly concludedAt: string | null;
  readonly outcome: Outcome | null;
  readonly outcomeNote: string | null;
  readonly advisedRoute: string | null;
  readonly agreementEffectiveOn: string | null;
  readonly archivedAt: string | null;
  readonly deadlineOn: string | null;
  readonly deadlinePausedSince: string | null;
}

const caseColumns = [
  'cases.id',
  'cases.number',
  'cases.studioId',
  'cases.category',
  'cases.source',
  'cases.riskLevel',
  'cases.status',
  'cases.summary',
  'cases.requests',
  'cases.amountFen',
  'cases.registeredAt',
  'cases.registeredBy',
  'cases.version',
  'cases.answeredAt',
  'cases.acceptedAt',
  'cases.declineReason',
  'cases.referredTo',
  'cases.referralReason',
  'cases.mediationStartedAt',
  'cases.concludedAt',
  'cases.outcome',
  'cases.outcomeNote',
  'cases.advisedRoute',
  'cases.agreementEffectiveOn',
  'cases.archivedAt',
  'cases.deadlineOn',
  'cases.deadlinePausedSince',
] as const;

type RawCase = Omit<CaseRow, 'category' | 'source' | 'riskLevel' | 'status' | 'outcome'> & {
  category: string;
  source: string;
  riskLevel: string;
  status: string;
  outcome: string | null;
};

function toCaseRow(row: RawCase): CaseRow {
  return {
    ...row,
    category: row.category as Category,
    source: row.source as Source,
    riskLevel: row.riskLevel as RiskLevel,
    status: row.status as CaseStatus,
    outcome: row.outcome as Outcome | null,
    amountFen: row.amountFen === null ? null : Number(row.amountFen),
  };
}

export async function findCase(db: Database, id: number): Promise<CaseRow | null> {
  const row = await db
    .selectFrom('cases')
    .select(caseColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toCaseRow(row) : null;
}

export interface QueueFilter {
  readonly studioIds?: readonly number[];
  readonly status?: CaseStatus;
  readonly limit: number;
}

/** Newest first; the full list with filters and keyset paging arrives with the cases feature. */
export async function listCases(db: Database, filter: QueueFilter): Promise<CaseRow[]> {
  let query = db.selectFrom('cases').select(caseColumns);
  const studios = filter.studioIds;
  // One studio as `=`, so SQLite walks that studio's index in date order instead of sorting it.
  if (studios !== undefined && studios.length === 1) {
    query = query.where('studioId', '=', studios[0] ?? -1);
  } else if (studios !== undefined) {
    query = query.where('studioId', 'in', [...studios, -1]);
  }
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  const rows = await query
    .orderBy('registeredAt', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows.map(toCaseRow);
}

export interface CasePartyRow {
  readonly caseId: number;
  readonly partyId: number;
  readonly role: PartyRole;
  readonly representsPartyId: number | null;
  readonly agentAuthority: AgentAuthority | null;
  readonly kind: string;
  readonly name: string;
  readonly sex: string | null;
  readonly idNumber: string | null;
  readonly creditCode: string | null;
  readonly legalRepresentative: string | null;
  readonly phone: string | null;
  readonly address: string | null;
}

export async function listCaseParties(
  db: Database,
  caseIds: readonly number[],
): Promise<CasePartyRow[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom('caseParties')
    .innerJoin('parties', 'parties.id', 'caseParties.partyId')
    .select([
      'caseParties.caseId',
      'caseParties.partyId',
      'caseParties.role',
      'caseParties.representsPartyId',
      'caseParties.agentAuthority',
      'parties.kind',
      'parties.name',
      'parties.sex',
      'parties.idNumber',
      'parties.creditCode',
      'parties.legalRepresentative',
      'parties.phone',
      'parties.address',
    ])
    .where('caseParties.caseId', 'in', caseIds)
    .orderBy('caseParties.caseId')
    .orderBy('caseParties.sortOrder')
    .execute();
  return rows.map((r) => ({
    ...r,
    role: r.role as PartyRole,
    agentAuthority: r.agentAuthority as AgentAuthority | null,
  }));
}

export async function listCaseEvents(db: Database, caseId: number) {
  const rows = await db
    .selectFrom('caseEvents')
    .leftJoin('staff', 'staff.id', 'caseEvents.staffId')
    .select([
      'caseEvents.id',
      'caseEvents.at',
      'caseEvents.kind',
      'caseEvents.data',
      'staff.displayName as staffName',
    ])
    .where('caseEvents.caseId', '=', caseId)
    .orderBy('caseEvents.at')
    .orderBy('caseEvents.id')
    .execute();
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as unknown }));
}

/** Earlier cases of a party, for the "repeat dispute" alert at intake. */
export async function listCasesOfParty(db: Database, partyId: number, limit = 20) {
  const rows = await db
    .selectFrom('caseParties')
    .innerJoin('cases', 'cases.id', 'caseParties.caseId')
    .select(['cases.id', 'cases.number', 'cases.status', 'cases.studioId', 'cases.registeredAt'])
    .where('caseParties.partyId', '=', partyId)
    .orderBy('cases.registeredAt', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, status: r.status as CaseStatus }));
}

/** Cases whose deadline is running (accepted or in mediation). */
export async function listOpenAcceptedCaseIds(db: Database): Promise<number[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('status', 'in', ['accepted', 'in_mediation'])
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
