import {
  centerYear,
  DEFAULT_NUMBER_TEMPLATE,
  formatCaseNumber,
} from '../../../src/cases/case-number';
import type { Category, Source } from '../../../src/cases/case.schema';
import { BulkDatabase } from './bulk-writer';
import { PartyPicker } from './case-rows';
import { PARTY_COLUMNS, PartyFactory, personName } from './people';
import { Random } from './random';
import { STUDIO_PROFILES, SOURCE_WEIGHTS } from './studios';
import { lifecycle, timeline } from './timeline';
import { disputeText } from './words';

export interface GenerateOptions {
  readonly file: string;
  readonly cases: number;
  readonly now: Date;
  /** One scrypt hash for every generated account (all share the benchmark's password). */
  readonly passwordHash: string;
  readonly seed?: number;
}

export interface Generated {
  readonly counts: Readonly<Record<string, number>>;
  /** Username of a mediator (for measuring a studio-scoped caller) and their studio id. */
  readonly mediator: {
    readonly username: string;
    readonly staffId: number;
    readonly studioId: number;
  };
}

const DAY_MS = 86_400_000;
const CASE_COLUMNS = [
  'id',
  'number',
  'studio_id',
  'number_year',
  'number_seq',
  'category',
  'source',
  'risk_level',
  'summary',
  'requests',
  'amount_fen',
  'status',
  'registered_at',
  'registered_by',
  'updated_at',
  'answered_at',
  'accepted_at',
  'mediation_started_at',
  'concluded_at',
  'outcome',
  'archived_at',
  'deadline_on',
  'decline_reason',
  'referred_to',
];

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Registration instants from 2024-01-02 to `now`, mostly on weekdays in office hours, sorted. */
function registrationTimes(rng: Random, count: number, now: number): number[] {
  const start = Date.UTC(2024, 0, 2) - 8 * 3_600_000; // 00:00 at the center
  const days = Math.floor((now - start) / DAY_MS);
  const times: number[] = [];
  while (times.length < count) {
    const day = start + rng.int(0, days) * DAY_MS;
    const weekday = new Date(day + 8 * 3_600_000).getUTCDay();
    if ((weekday === 0 || weekday === 6) && !rng.chance(0.15)) continue;
    const at = day + (8.5 + rng.next() * 9) * 3_600_000;
    if (at < now - 60_000) times.push(Math.floor(at));
  }
  return times.sort((a, b) => a - b);
}

/** Fills a migrated, empty database file with a center's three years of work. */
export async function generate(options: GenerateOptions): Promise<Generated> {
  const rng = new Random(options.seed ?? 20_260_301);
  const now = options.now.getTime();
  const at = options.now.toISOString();
  const db = await BulkDatabase.open(options.file);
  // A throwaway file: no journal, no syncs, a large cache. Restored to WAL at the end.
  await db.exec(
    'pragma journal_mode = off; pragma synchronous = off; pragma cache_size = -400000; pragma temp_store = memory;',
  );
  await db.exec('begin');

  const studios = await db.all<{
    id: number;
    code: string;
    numberCode: string;
    numberWord: string;
  }>(
    'select id, code, number_code as numberCode, number_word as numberWord from studios order by id',
  );
  const settings = new Map(
    (await db.all<{ key: string; value: string }>('select key, value from settings')).map((s) => [
      s.key,
      s.value,
    ]),
  );
  const template = settings.get('numbering.template') ?? DEFAULT_NUMBER_TEMPLATE;
  const center = settings.get('center.numberCode') ?? '';

  // Staff: the benchmark's own account (reception + director), reception clerks, five mediators
  // and a clerk per studio.
  const staff = db.table('staff', [
    'id',
    'username',
    'display_name',
    'password_hash',
    'created_at',
  ]);
  const roles = db.table('staff_roles', ['staff_id', 'role']);
  const memberships = db.table('staff_studios', ['staff_id', 'studio_id']);
  let staffId = 0;
  const addStaff = async (username: string, staffRoles: string[], studioId?: number) => {
    staffId += 1;
    await staff.add([staffId, username, personName(rng), options.passwordHash, at]);
    for (const role of staffRoles) await roles.add([staffId, role]);
    if (studioId !== undefined) await memberships.add([staffId, studioId]);
    return staffId;
  };
  const benchId = await addStaff('bench', ['reception', 'director']);
  const receptionIds = [benchId];
  for (let i = 1; i <= 3; i += 1) receptionIds.push(await addStaff(`reception${i}`, ['reception']));
  const mediatorsOf = new Map<number, number[]>();
  for (const s of studios) {
    const ids: number[] = [];
    for (let i = 1; i <= 5; i += 1) ids.push(await addStaff(`${s.code}.m${i}`, ['mediator'], s.id));
    mediatorsOf.set(s.id, ids);
    await addStaff(`${s.code}.clerk`, ['clerk'], s.id);
  }

  const factory = new PartyFactory(rng, at);
  const parties = db.table('parties', PARTY_COLUMNS);
  const hospitals = factory.hospitals();
  for (const h of hospitals) await parties.add(h);
  const picker = new PartyPicker(rng, factory, hospitals);
  const cases = db.table('cases', CASE_COLUMNS);
  const caseParties = db.table('case_parties', ['case_id', 'party_id', 'role', 'sort_order']);
  const caseMediators = db.table('case_mediators', ['case_id', 'staff_id', 'assigned_at']);
  const events = db.table('case_events', ['case_id', 'at', 'staff_id', 'kind', 'data']);
  const sequences = new Map<string, number>();
  const shares = Object.fromEntries(
    studios.map((s) => [String(s.id), STUDIO_PROFILES[s.code]?.share ?? 1]),
  );

  const times = registrationTimes(rng, options.cases, now);
  for (const [index, registeredAt] of times.entries()) {
    const id = index + 1;
    const studioId = Number(rng.weighted(shares));
    const studio = studios.find((s) => s.id === studioId) ?? studios[0];
    if (studio === undefined) throw new Error('no studios');
    const profile = STUDIO_PROFILES[studio.code] ?? { deadlineDays: 30, categories: { other: 1 } };
    const category = rng.weighted(profile.categories as Record<Category, number>);
    const year = centerYear(new Date(registeredAt));
    const scope = `case:${studioId}:${year}`;
    const seq = (sequences.get(scope) ?? 0) + 1;
    sequences.set(scope, seq);
    const number = formatCaseNumber(template, {
      year,
      center,
      studio: studio.numberCode,
      word: studio.numberWord,
      seq,
    });
    const amountYuan = rng.chance(0.5) ? null : rng.int(5, 5000) * 100;
    const { summary, requests } = disputeText((items) => rng.pick(items), category, amountYuan);
    const life = lifecycle(rng, registeredAt, now, profile.deadlineDays);
    const registeredBy = rng.pick(receptionIds);
    await cases.add([
      id,
      number,
      studioId,
      year,
      seq,
      category,
      rng.weighted<Source>(SOURCE_WEIGHTS),
      rng.weighted({ low: 70, medium: 25, high: 5 }),
      summary,
      requests,
      amountYuan === null ? null : amountYuan * 100,
      life.status,
      iso(registeredAt),
      registeredBy,
      iso(
        life.archivedAt ??
          life.concludedAt ??
          life.mediationStartedAt ??
          life.answeredAt ??
          registeredAt,
      ),
      iso(life.answeredAt),
      iso(life.acceptedAt),
      iso(life.mediationStartedAt),
      iso(life.concludedAt),
      life.outcome,
      iso(life.archivedAt),
      life.deadlineOn,
      life.status === 'declined' ? '不属于人民调解受理范围' : null,
      life.status === 'referred' ? '区劳动人事争议仲裁院' : null,
    ]);

    const { fresh, roles: partyRoles } = picker.pick(category);
    for (const row of fresh) await parties.add(row);
    for (const [order, p] of partyRoles.entries())
      await caseParties.add([id, p.partyId, p.role, order]);

    const studioMediators = mediatorsOf.get(studioId) ?? [];
    const assigned = rng.chance(0.7) ? [rng.pick(studioMediators)] : studioMediators.slice(0, 2);
    if (life.acceptedAt !== null) {
      for (const m of new Set(assigned)) await caseMediators.add([id, m, iso(life.acceptedAt)]);
    }
    for (const e of timeline(rng, registeredAt, now, life, number)) {
      const by = e.byMediator ? (assigned[0] ?? registeredBy) : registeredBy;
      await events.add([id, iso(e.at), by, e.kind, JSON.stringify(e.data)]);
    }
  }

  const sequenceRows = db.table('number_sequences', ['scope', 'last_value']);
  for (const [scope, last] of sequences) await sequenceRows.add([scope, last]);
  const writers = {
    staff,
    roles,
    memberships,
    parties,
    cases,
    caseParties,
    caseMediators,
    events,
    sequenceRows,
  };
  for (const w of Object.values(writers)) await w.flush();
  await db.exec('commit');
  await db.exec('pragma journal_mode = wal');
  await db.close();

  const firstStudio = studios[0];
  const mediatorId = mediatorsOf.get(firstStudio?.id ?? 0)?.[0] ?? 0;
  return {
    counts: Object.fromEntries(Object.entries(writers).map(([name, w]) => [name, w.written])),
    mediator: {
      username: `${firstStudio?.code}.m1`,
      staffId: mediatorId,
      studioId: firstStudio?.id ?? 0,
    },
  };
}
