import type { Database } from '../db/database';
import type { Party } from './party.schema';
import { normalizePhone, residentIdBirthDate } from '../shared/china-ids';

export interface StoredParty {
  readonly id: number;
  readonly kind: 'person' | 'organization';
  readonly name: string;
  readonly sex: string | null;
  readonly idNumber: string | null;
  readonly creditCode: string | null;
  readonly legalRepresentative: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly version: number;
}

const columns = [
  'id',
  'kind',
  'name',
  'sex',
  'idNumber',
  'creditCode',
  'legalRepresentative',
  'phone',
  'address',
  'version',
] as const;

function toStored(row: Omit<StoredParty, 'kind'> & { kind: string }): StoredParty {
  return { ...row, kind: row.kind === 'organization' ? 'organization' : 'person' };
}

export async function findPartyById(db: Database, id: number): Promise<StoredParty | null> {
  const row = await db
    .selectFrom('parties')
    .select(columns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toStored(row) : null;
}

/** The stored record holding this resident ID or credit code, if any. */
export async function findPartyByNumber(db: Database, party: Party): Promise<StoredParty | null> {
  const query = db.selectFrom('parties').select(columns);
  const row =
    party.kind === 'person'
      ? party.idNumber === undefined
        ? undefined
        : await query.where('idNumber', '=', party.idNumber).executeTakeFirst()
      : party.creditCode === undefined
        ? undefined
        : await query.where('creditCode', '=', party.creditCode).executeTakeFirst();
  return row ? toStored(row) : null;
}

function columnsOf(party: Party) {
  return party.kind === 'person'
    ? {
        kind: 'person',
        name: party.name,
        sex: party.sex,
        idNumber: party.idNumber ?? null,
        birthDate: party.idNumber ? residentIdBirthDate(party.idNumber) : null,
        ethnicity: party.ethnicity ?? null,
        occupation: party.occupation ?? null,
        creditCode: null,
        legalRepresentative: null,
        phone: party.phone ?? null,
        address: party.address ?? null,
      }
    : {
        kind: 'organization',
        name: party.name,
        sex: null,
        idNumber: null,
        birthDate: null,
        ethnicity: null,
        occupation: null,
        creditCode: party.creditCode ?? null,
        legalRepresentative: party.legalRepresentative ?? null,
        phone: party.phone ?? null,
        address: party.address ?? null,
      };
}

export async function insertParty(db: Database, party: Party, at: string): Promise<number> {
  const { id } = await db
    .insertInto('parties')
    .values({ ...columnsOf(party), createdAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Refreshes a stored party with what reception entered now. Fields left empty keep what is on
 * record: a reused party arrives with its ID and phone masked, so they are not sent back.
 */
export async function updateParty(db: Database, stored: StoredParty, party: Party, at: string) {
  const given = Object.fromEntries(
    Object.entries(columnsOf(party)).filter(([, value]) => value !== null),
  );
  await db
    .updateTable('parties')
    .set({ ...given, updatedAt: at, version: stored.version + 1 })
    .where('id', '=', stored.id)
    .execute();
}

export interface PartyMatch extends StoredParty {
  readonly caseCount: number;
}

/** Find-or-create at intake: exact ID number, credit code or phone, or a name prefix. */
export async function searchParties(db: Database, q: string, limit = 10): Promise<PartyMatch[]> {
  const upper = q.toUpperCase();
  const rows = await db
    .selectFrom('parties')
    .select(columns)
    .select((eb) =>
      eb
        .selectFrom('caseParties')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('caseParties.partyId', '=', 'parties.id')
        .as('caseCount'),
    )
    .where((eb) =>
      eb.or([
        eb('idNumber', '=', upper),
        eb('creditCode', '=', upper),
        eb('phone', '=', normalizePhone(q)),
        // A prefix as a range, so the name index serves it (LIKE ignores case and cannot).
        eb.and([eb('name', '>=', q), eb('name', '<', `${q}\u{10FFFF}`)]),
      ]),
    )
    .orderBy('name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...toStored(r), caseCount: Number(r.caseCount ?? 0) }));
}
