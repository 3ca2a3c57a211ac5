import { createWorkingCalendar, type CalendarEntry } from '../../src/calendar/working-calendar';
import {
  centerDayStart,
  centerWallTime,
  DAY_MS,
  MINUTE_MS,
} from '../../src/schedule/session-time.schema';
import { BulkDatabase } from './generate/bulk-writer';
import { Random } from './generate/random';

/**
 * Sessions for the benchmark database: every accepted case gets a handful, placed on a grid of
 * 45-minute slots in its studio's rooms so that no room, staff member or party is ever booked
 * twice (as the core would have left it), from acceptance until conclusion or, for open cases,
 * up to two weeks ahead. Direct batched inserts, like the case generator (tests/bench/generate),
 * which this reads but does not change. Rooms and mediators are added so a studio can hold its
 * share of the sessions: 500,000 sessions in under three years need about a hundred rooms.
 */

export interface SessionSample {
  readonly studioId: number;
  readonly roomId: number;
  readonly staffIds: readonly number[];
  readonly partyIds: readonly number[];
  readonly start: number;
  readonly end: number;
}

export interface GeneratedSessions {
  readonly counts: Readonly<Record<string, number>>;
  /** Every 500th session placed: what the conflict check is asked about. */
  readonly samples: readonly SessionSample[];
  /** Open cases with sessions ahead: whose people the free-slot search looks for. */
  readonly openCases: readonly {
    caseId: number;
    studioId: number;
    /** The room of the case's last session. */
    roomId: number;
    staffId: number;
    partyIds: number[];
  }[];
  /** Mondays from the first session's week to now, for the week views. */
  readonly mondays: readonly string[];
  readonly studioIds: readonly number[];
  /** The studio with the most sessions (the township studio: about a thousand a week). */
  readonly busiestStudioId: number;
}

/** Slot starts (minutes after midnight): four in the morning, five in the afternoon. */
const SLOTS = [510, 555, 600, 645, 810, 855, 900, 945, 990];
const S = SLOTS.length;
/** How full the rooms of a studio may get, on average, over the whole period. */
const ROOM_LOAD = 0.45;
const SEARCH_DAYS = 30;

const KIND_BY_STUDIO: Record<string, Record<string, number>> = {
  mediation: { mediation: 9, follow_up_visit: 1 },
  judicial_confirmation: { confirmation_review: 1 },
  court: { hearing: 1 },
  counseling: { counseling: 1 },
  petition: { mediation: 7, leader_reception: 3 },
};

interface CaseRow {
  id: number;
  number: string;
  studioId: number;
  acceptedAt: string;
  concludedAt: string | null;
}

export async function generateSessions(options: {
  readonly file: string;
  readonly sessions: number;
  readonly now: Date;
  readonly seed?: number;
}): Promise<GeneratedSessions> {
  const rng = new Random(options.seed ?? 20_260_401);
  const now = options.now.getTime();
  const nowIso = options.now.toISOString();
  const db = await BulkDatabase.open(options.file);
  await db.exec(
    'pragma synchronous = off; pragma cache_size = -400000; pragma temp_store = memory;',
  );
  await db.exec('begin');

  const studios = await db.all<{ id: number; code: string; kind: string }>(
    'select id, code, kind from studios order by id',
  );
  const cases = await db.all<CaseRow>(
    `select id, number, studio_id as studioId, accepted_at as acceptedAt, concluded_at as concludedAt
       from cases where accepted_at is not null order by id`,
  );
  const partiesOf = new Map<number, number[]>();
  for (const r of await db.all<{ c: number; p: number }>(
    'select case_id as c, party_id as p from case_parties order by case_id, sort_order',
  )) {
    const list = partiesOf.get(r.c) ?? [];
    list.push(r.p);
    partiesOf.set(r.c, list);
  }
  const mediatorOf = new Map<number, number>();
  for (const r of await db.all<{ c: number; s: number }>(
    'select case_id as c, staff_id as s from case_mediators',
  )) {
    if (!mediatorOf.has(r.c)) mediatorOf.set(r.c, r.s);
  }
  const entries = await db.all<CalendarEntry>('select date, kind, name from calendar_days');
  const calendar = createWorkingCalendar(entries);

  // Working days from the first acceptance to two weeks ahead.
  const first = centerWallTime(Date.parse(cases[0]?.acceptedAt ?? nowIso)).date;
  const days: string[] = [calendar.firstWorkingDayFrom(first)];
  const lastDay = calendar.addWorkingDays(centerWallTime(now).date, 10);
  while ((days.at(-1) ?? lastDay) < lastDay)
    days.push(calendar.addWorkingDays(days.at(-1) ?? '', 1));
  const dayIndex = (ms: number) => {
    const date = centerWallTime(ms).date;
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((days[mid] ?? '') < date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const nowDay = dayIndex(now);

  // How many sessions each studio will hold, and so how many rooms and mediators it needs.
  const perCase = (options.sessions * 1.04) / Math.max(1, cases.length);
  const demand = new Map<number, number>();
  for (const c of cases) demand.set(c.studioId, (demand.get(c.studioId) ?? 0) + perCase);
  const roomsOf = new Map<number, number[]>();
  for (const r of await db.all<{ id: number; studioId: number }>(
    'select id, studio_id as studioId from rooms where active = 1 order by id',
  )) {
    roomsOf.set(r.studioId, [...(roomsOf.get(r.studioId) ?? []), r.id]);
  }
  const staffOf = new Map<number, number[]>();
  for (const r of await db.all<{ id: number; studioId: number }>(
    `select s.id, ss.studio_id as studioId from staff s
       join staff_studios ss on ss.staff_id = s.id
       join staff_roles sr on sr.staff_id = s.id and sr.role = 'mediator' order by s.id`,
  )) {
    staffOf.set(r.studioId, [...(staffOf.get(r.studioId) ?? []), r.id]);
  }
  const rooms = db.table('rooms', ['id', 'studio_id', 'name_zh', 'name_en', 'capacity']);
  const staff = db.table('staff', [
    'id',
    'username',
    'display_name',
    'password_hash',
    'created_at',
  ]);
  const roles = db.table('staff_roles', ['staff_id', 'role']);
  const memberships = db.table('staff_studios', ['staff_id', 'studio_id']);
  let roomId = (await db.all<{ m: number }>('select max(id) as m from rooms'))[0]?.m ?? 0;
  let staffId = (await db.all<{ m: number }>('select max(id) as m from staff'))[0]?.m ?? 0;
  for (const s of studios) {
    const need = Math.ceil((demand.get(s.id) ?? 0) / (days.length * S * ROOM_LOAD));
    const list = roomsOf.get(s.id) ?? [];
    for (let n = list.length + 1; list.length < need; n += 1) {
      roomId += 1;
      await rooms.add([roomId, s.id, `${s.code} 调解室 ${n}`, `${s.code} room ${n}`, 8]);
      list.push(roomId);
    }
    roomsOf.set(s.id, list);
    const pool = staffOf.get(s.id) ?? [];
    for (let n = pool.length + 1; pool.length < Math.ceil(list.length * 1.6); n += 1) {
      staffId += 1;
      // No usable password: these accounts exist to take part in sessions, not to sign in.
      await staff.add([staffId, `${s.code}.bench${n}`, `调解员${s.code}${n}`, '!', nowIso]);
      await roles.add([staffId, 'mediator']);
      await memberships.add([staffId, s.id]);
      pool.push(staffId);
    }
    staffOf.set(s.id, pool);
  }

  // Who is busy in which slot: per studio the rooms taken, and people center-wide.
  const roomsTaken = new Map(studios.map((s) => [s.id, new Uint16Array(days.length * S)]));
  const staffBusy = new Set<number>();
  const partyBusy = new Set<number>();
  const key = (cell: number, id: number) => cell * 10_000_000 + id;

  // Secondary indexes are built once at the end rather than row by row (a throwaway file).
  const indexes = await db.all<{ name: string; sql: string }>(
    `select name, sql from sqlite_master where type = 'index' and sql is not null
       and tbl_name in ('sessions', 'session_staff', 'session_parties', 'session_occupancy')`,
  );
  for (const index of indexes) await db.exec(`drop index ${index.name}`);

  const sessions = db.table('sessions', [
    'id',
    'case_id',
    'case_number',
    'studio_id',
    'room_id',
    'kind',
    'status',
    'starts_at',
    'ends_at',
    'notes',
    'record',
    'status_reason',
    'postponed_to_id',
    'status_at',
    'status_by',
    'created_at',
    'created_by',
    'updated_at',
    'version',
  ]);
  const sessionStaff = db.table('session_staff', ['session_id', 'staff_id', 'attended']);
  const sessionParties = db.table('session_parties', ['session_id', 'party_id', 'attended']);
  const occupancy = db.table('session_occupancy', [
    'session_id',
    'resource',
    'resource_id',
    'starts_at',
    'ends_at',
  ]);
  const kindsOf = new Map(studios.map((s) => [s.id, KIND_BY_STUDIO[s.kind] ?? { mediation: 1 }]));

  const samples: SessionSample[] = [];
  const openCases: GeneratedSessions['openCases'][number][] = [];
  let id = 0;
  let skipped = 0;
  for (const c of cases) {
    if (id >= options.sessions) break;
    const studioRooms = roomsOf.get(c.studioId) ?? [];
    const pool = staffOf.get(c.studioId) ?? [];
    const parties = partiesOf.get(c.id) ?? [];
    const taken = roomsTaken.get(c.studioId);
    if (taken === undefined || studioRooms.length === 0 || pool.length === 0) continue;
    const startDay = dayIndex(Date.parse(c.acceptedAt)) + 1;
    const endDay =
      c.concludedAt === null
        ? Math.min(days.length - 1, nowDay + 10)
        : dayIndex(Date.parse(c.concludedAt));
    const count = Math.floor(perCase) + (rng.next() < perCase % 1 ? 1 : 0);
    const spacing = Math.max(1, (endDay - startDay) / count);
    const placed: { id: number; start: number; room: number }[] = [];
    for (let i = 0; i < count && id < options.sessions; i += 1) {
      const wanted = Math.min(days.length - 1, startDay + Math.floor(i * spacing));
      let done = false;
      for (let d = wanted; d < Math.min(days.length, wanted + SEARCH_DAYS) && !done; d += 1) {
        const offset = rng.int(0, S - 1);
        for (let j = 0; j < S && !done; j += 1) {
          const slot = (offset + j) % S;
          const cell = d * S + slot;
          const used = taken[cell] ?? 0;
          if (used >= studioRooms.length) continue;
          if (parties.some((p) => partyBusy.has(key(cell, p)))) continue;
          const preferred = mediatorOf.get(c.id);
          const people: number[] = [];
          if (preferred !== undefined && !staffBusy.has(key(cell, preferred)))
            people.push(preferred);
          const from = rng.int(0, pool.length - 1);
          for (let k = 0; k < pool.length && people.length < (rng.chance(0.3) ? 2 : 1); k += 1) {
            const candidate = pool[(from + k) % pool.length] ?? 0;
            if (!people.includes(candidate) && !staffBusy.has(key(cell, candidate)))
              people.push(candidate);
          }
          if (people.length === 0) continue;
          taken[cell] = used + 1;
          for (const p of parties) partyBusy.add(key(cell, p));
          for (const s of people) staffBusy.add(key(cell, s));
          const start = centerDayStart(days[d] ?? '') + (SLOTS[slot] ?? 0) * MINUTE_MS;
          const end = start + (rng.chance(0.5) ? 40 : 45) * MINUTE_MS;
          id += 1;
          const room = studioRooms[used] ?? 0;
          placed.push({ id, start, room });
          const status =
            start >= now
              ? 'scheduled'
              : rng.weighted({ held: 80, cancelled: 7, no_show: 5, postponed: 8 });
          const active = status === 'scheduled' || status === 'held';
          const s0 = new Date(start).toISOString();
          const e0 = new Date(end).toISOString();
          const statusAt = status === 'scheduled' ? null : e0;
          await sessions.add([
            id,
            c.id,
            c.number,
            c.studioId,
            room,
            rng.weighted(kindsOf.get(c.studioId) ?? { mediation: 1 }),
            status,
            s0,
            e0,
            '',
            status === 'held' ? '双方陈述意见，调解员释法说理，约定下次继续协商。' : null,
            status === 'cancelled' || status === 'postponed' ? '当事人申请' : null,
            // Postponed to the case's next session, filled in below when there is one.
            null,
            statusAt,
            status === 'scheduled' ? null : (people[0] ?? null),
            new Date(start - 3 * DAY_MS).toISOString(),
            people[0] ?? 1,
            statusAt ?? new Date(start - 3 * DAY_MS).toISOString(),
            1,
          ]);
          const attended = status === 'held' ? 1 : null;
          for (const s of people) {
            await sessionStaff.add([id, s, attended]);
            if (active) await occupancy.add([id, 'staff', s, s0, e0]);
          }
          for (const p of parties) {
            await sessionParties.add([id, p, attended]);
            if (active) await occupancy.add([id, 'party', p, s0, e0]);
          }
          if (active) await occupancy.add([id, 'room', room, s0, e0]);
          if (id % 500 === 0) {
            samples.push({
              studioId: c.studioId,
              roomId: room,
              staffIds: people,
              partyIds: parties,
              start,
              end,
            });
          }
          done = true;
        }
      }
      if (!done) skipped += 1;
    }
    if (c.concludedAt === null && placed.some((p) => p.start > now) && parties.length >= 2) {
      openCases.push({
        caseId: c.id,
        studioId: c.studioId,
        roomId: placed.at(-1)?.room ?? studioRooms[0] ?? 0,
        staffId: mediatorOf.get(c.id) ?? pool[0] ?? 0,
        partyIds: parties.slice(0, 2),
      });
    }
  }
  const writers = {
    rooms,
    staff,
    roles,
    memberships,
    sessions,
    sessionStaff,
    sessionParties,
    occupancy,
  };
  for (const w of Object.values(writers)) await w.flush();
  for (const index of indexes) await db.exec(index.sql);
  // A postponed session points at the next session of its case (or was in fact cancelled).
  await db.exec(`
    update sessions set postponed_to_id = (
      select min(n.id) from sessions n where n.case_id = sessions.case_id and n.id > sessions.id)
    where status = 'postponed';
    update sessions set status = 'cancelled' where status = 'postponed' and postponed_to_id is null;`);
  await db.exec('commit');
  // Statistics for the new tables only: the case benchmarks keep the plans they were measured on.
  await db.exec(
    'analyze sessions; analyze session_staff; analyze session_parties; analyze session_occupancy;',
  );
  await db.close();

  const mondays: string[] = [];
  for (let d = 0; d <= nowDay; d += 1) {
    const date = days[d] ?? '';
    if (new Date(`${date}T00:00:00Z`).getUTCDay() === 1) mondays.push(date);
  }
  return {
    counts: {
      ...Object.fromEntries(Object.entries(writers).map(([n, w]) => [n, w.written])),
      skipped,
    },
    samples,
    openCases,
    mondays,
    studioIds: studios.map((s) => s.id),
    busiestStudioId: [...demand.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0,
  };
}
