import type { Generated } from 'kysely';

/**
 * The database as the application sees it (camelCase through Kysely's CamelCasePlugin).
 * Timestamps are ISO-8601 UTC text, dates YYYY-MM-DD, money integer fen: portable to PostgreSQL.
 */
export interface DB {
  settings: { key: string; value: string };
  studios: StudiosTable;
  rooms: RoomsTable;
  staff: StaffTable;
  staffRoles: { staffId: number; role: string };
  staffStudios: { staffId: number; studioId: number };
  parties: PartiesTable;
  cases: CasesTable;
  caseParties: CasePartiesTable;
  caseEvents: CaseEventsTable;
  numberSequences: { scope: string; lastValue: number };
  auditLog: AuditLogTable;
  caseMediators: { caseId: number; staffId: number; assignedAt: string };
  caseDeadlineChanges: CaseDeadlineChangesTable;
  caseLinks: CaseLinksTable;
  followUps: FollowUpsTable;
  calendarDays: CalendarDaysTable;
  caseSearchDocs: CaseSearchDocsTable;
  sessions: SessionsTable;
  sessionStaff: { sessionId: number; staffId: number; attended: number | null };
  sessionParties: { sessionId: number; partyId: number; attended: number | null };
  sessionOccupancy: SessionOccupancyTable;
  documents: DocumentsTable;
  agreementVersions: AgreementVersionsTable;
  agreementSignatures: AgreementSignaturesTable;
  agreementScans: AgreementScansTable;
}

export interface StudiosTable {
  id: Generated<number>;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  numberCode: string;
  numberWord: string;
  deadlineAmount: number;
  deadlineUnit: string;
  committeeName: string;
  sortOrder: number;
  active: Generated<number>;
  version: Generated<number>;
}

export interface RoomsTable {
  id: Generated<number>;
  studioId: number;
  nameZh: string;
  nameEn: string;
  capacity: number;
  active: Generated<number>;
}

export interface StaffTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  passwordHash: string;
  active: Generated<number>;
  createdAt: string;
  version: Generated<number>;
}

export interface PartiesTable {
  id: Generated<number>;
  kind: string;
  name: string;
  sex: string | null;
  idNumber: string | null;
  birthDate: string | null;
  ethnicity: string | null;
  occupation: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  phone: string | null;
  address: string | null;
  createdAt: string;
  updatedAt: string;
  version: Generated<number>;
}

export interface CasesTable {
  id: Generated<number>;
  number: string;
  studioId: number;
  numberYear: number;
  numberSeq: number;
  category: string;
  source: string;
  riskLevel: string;
  summary: string;
  requests: string;
  amountFen: number | null;
  status: string;
  registeredAt: string;
  registeredBy: number;
  updatedAt: string;
  version: Generated<number>;
  answeredAt: string | null;
  acceptedAt: string | null;
  declineReason: string | null;
  referredTo: string | null;
  referralReason: string | null;
  mediationStartedAt: string | null;
  concludedAt: string | null;
  outcome: string | null;
  outcomeNote: string | null;
  advisedRoute: string | null;
  agreementEffectiveOn: string | null;
  archivedAt: string | null;
  deadlineOn: string | null;
  deadlinePausedSince: string | null;
}

export interface CaseDeadlineChangesTable {
  id: Generated<number>;
  caseId: number;
  kind: string;
  onDate: string;
  days: number | null;
  reason: string;
  staffId: number | null;
  at: string;
}

export interface CaseLinksTable {
  id: Generated<number>;
  fromCaseId: number;
  toCaseId: number;
  kind: string;
  at: string;
}

export interface FollowUpsTable {
  id: Generated<number>;
  caseId: number;
  dueOn: string;
  visitedAt: string | null;
  visitorId: number | null;
  performance: string | null;
  satisfaction: string | null;
  escalation: number | null;
  escalationNote: string | null;
  note: string | null;
  version: Generated<number>;
}

export interface CasePartiesTable {
  id: Generated<number>;
  caseId: number;
  partyId: number;
  role: string;
  sortOrder: number;
  representsPartyId: number | null;
  agentAuthority: string | null;
}

export interface CaseEventsTable {
  id: Generated<number>;
  caseId: number;
  at: string;
  staffId: number | null;
  kind: string;
  data: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  staffId: number | null;
  method: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
}

/** Public holidays and make-up working days (调休上班); kind is 'holiday' or 'workday'. */
export interface CalendarDaysTable {
  date: string;
  kind: string;
  name: string;
}

/**
 * Per case, the text the search looks in (src/search), in its normalized spelling. The portable
 * half of the search: SQLite indexes it with FTS5 (case_search_fts), PostgreSQL with pg_trgm.
 */
export interface CaseSearchDocsTable {
  caseId: number;
  number: string;
  names: string;
  body: string;
}

/** A generated PDF as printed, with the content it was drawn from (src/documents). */
export interface DocumentsTable {
  id: Generated<number>;
  caseId: number;
  kind: string;
  title: string;
  code: string;
  contentHash: string;
  content: string;
  pdf: Uint8Array;
  pdfSha256: string;
  pdfSize: number;
  pages: number;
  copies: number;
  createdAt: string;
  createdBy: number;
}

/** One version of a case's 人民调解协议书; printed versions never change. */
export interface AgreementVersionsTable {
  id: Generated<number>;
  caseId: number;
  versionNo: number;
  content: string;
  revision: Generated<number>;
  createdAt: string;
  createdBy: number;
  updatedAt: string;
  printedAt: string | null;
  printedBy: number | null;
  documentId: number | null;
  effectiveOn: string | null;
}

export interface AgreementSignaturesTable {
  id: Generated<number>;
  versionId: number;
  signer: string;
  partyId: number | null;
  method: string;
  signedOn: string;
  recordedAt: string;
  recordedBy: number;
}

export interface AgreementScansTable {
  id: Generated<number>;
  versionId: number;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  attachedAt: string;
  attachedBy: number;
}

/** 调解安排 sessions (src/schedule); instants are ISO-8601 UTC text from toISOString(). */
export interface SessionsTable {
  id: Generated<number>;
  caseId: number | null;
  caseNumber: string | null;
  studioId: number;
  roomId: number;
  kind: string;
  status: Generated<string>;
  startsAt: string;
  endsAt: string;
  notes: Generated<string>;
  record: string | null;
  statusReason: string | null;
  postponedToId: number | null;
  statusAt: string | null;
  statusBy: number | null;
  createdAt: string;
  createdBy: number;
  updatedAt: string;
  version: Generated<number>;
}

/** The room, staff and parties an active session holds, with its times (conflict checks). */
export interface SessionOccupancyTable {
  sessionId: number;
  resource: string;
  resourceId: number;
  startsAt: string;
  endsAt: string;
}
