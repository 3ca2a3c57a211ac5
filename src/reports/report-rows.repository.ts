import { sql } from 'kysely';
import type { CaseListItem } from '../cases/case-list.methods';
import { listPartyNames } from '../cases/case-list.repository';
import type {
  CaseStatus,
  Category,
  Outcome,
  PartyRole,
  RiskLevel,
  Source,
} from '../cases/case.schema';
import type { Database } from '../db/database';
import { maskIdNumber, maskPhone } from '../shared/china-ids';

/**
 * The rows of drill-down lists and exports, for given case ids, in the order given. A drill-down
 * row is a case-list row (cases/list) with the dates the reports count by.
 */

export interface ReportCaseRow extends CaseListItem {
  readonly answeredAt: string | null;
  readonly concludedAt: string | null;
  readonly outcome: Outcome | null;
}

/** A party as exports print it: personal numbers masked (DESIGN §7). */
export interface ExportParty {
  readonly name: string;
  readonly role: PartyRole;
  /** Resident ID masked; an organization's credit code as it is (not personal). */
  readonly idNumber: string | null;
  readonly phone: string | null;
}

export interface ExportCaseRow extends Omit<ReportCaseRow, 'parties'> {
  readonly parties: readonly ExportParty[];
}

// Ids are read in slices: an `in` list must stay under SQLite's bound-parameter limit.
const ID_SLICE = 5000;
const SUMMARY_LENGTH = 80;

interface RowData {
  id: number;
  number: string;
  studioId: number;
  status: string;
  category: string;
  source: string;
  riskLevel: string;
  registeredAt: string;
  answeredAt: string | null;
  concludedAt: string | null;
  outcome: string | null;
  deadlineOn: string | null;
  summary: string;
}

async function readRows(
  db: Database,
  ids: readonly number[],
  fullSummary: boolean,
): Promise<Map<number, RowData>> {
  const byId = new Map<number, RowData>();
  for (let i = 0; i < ids.length; i += ID_SLICE) {
    const slice = ids.slice(i, i + ID_SLICE);
    const rows = await db
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
        'answeredAt',
        'concludedAt',
        'outcome',
        'deadlineOn',
        fullSummary
          ? 'summary'
          : sql<string>`substr(${sql.ref('summary')}, 1, ${SUMMARY_LENGTH + 1})`.as('summary'),
      ])
      .where('id', 'in', slice)
      .execute();
    for (const r of rows) byId.set(r.id, r);
  }
  return byId;
}

/** One line for a list: white space collapsed, about 80 characters. */
function trimSummary(summary: string): string {
  const chars = [...summary.replace(/\s+/g, ' ').trim()];
  return chars.length > SUMMARY_LENGTH
    ? `${chars.slice(0, SUMMARY_LENGTH).join('')}…`
    : chars.join('');
}

function typed(r: RowData) {
  return {
    ...r,
    status: r.status as CaseStatus,
    category: r.category as Category,
    source: r.source as Source,
    riskLevel: r.riskLevel as RiskLevel,
    outcome: r.outcome as Outcome | null,
  };
}

/** Drill-down rows: as cases/list shows them (names and roles only) plus the report dates. */
export async function listReportRows(
  db: Database,
  ids: readonly number[],
): Promise<ReportCaseRow[]> {
  const rows = await readRows(db, ids, false);
  const parties = await listPartyNames(db, ids);
  return ids.flatMap((id) => {
    const r = rows.get(id);
    if (r === undefined) return [];
    return [{ ...typed(r), summary: trimSummary(r.summary), parties: parties.get(id) ?? [] }];
  });
}

/** Export rows: the whole summary and every party with masked ID and phone numbers. */
export async function listExportRows(
  db: Database,
  ids: readonly number[],
): Promise<ExportCaseRow[]> {
  const rows = await readRows(db, ids, true);
  const parties = new Map<number, ExportParty[]>();
  for (let i = 0; i < ids.length; i += ID_SLICE) {
    const slice = ids.slice(i, i + ID_SLICE);
    const found = await db
      .selectFrom('caseParties')
      .innerJoin('parties', 'parties.id', 'caseParties.partyId')
      .select([
        'caseParties.caseId',
        'caseParties.role',
        'parties.name',
        'parties.kind',
        'parties.idNumber',
        'parties.creditCode',
        'parties.phone',
      ])
      .where('caseParties.caseId', 'in', slice)
      .orderBy('caseParties.caseId')
      .orderBy('caseParties.sortOrder')
      .execute();
    for (const p of found) {
      const party: ExportParty = {
        name: p.name,
        role: p.role as PartyRole,
        idNumber:
          p.kind === 'organization'
            ? p.creditCode
            : p.idNumber === null
              ? null
              : maskIdNumber(p.idNumber),
        phone: p.phone === null ? null : maskPhone(p.phone),
      };
      const list = parties.get(p.caseId);
      if (list === undefined) parties.set(p.caseId, [party]);
      else list.push(party);
    }
  }
  return ids.flatMap((id) => {
    const r = rows.get(id);
    if (r === undefined) return [];
    return [{ ...typed(r), summary: r.summary, parties: parties.get(id) ?? [] }];
  });
}
