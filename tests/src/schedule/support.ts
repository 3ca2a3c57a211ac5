import type { MethodName } from '../../../src/api/contract';
import { centerInstant } from '../../../src/schedule/session-time.schema';
import { caseIn, openCenter, S, type Center } from '../../support/lifecycle';

/**
 * A center for scheduling tests: the lifecycle staff (tests/support/lifecycle.ts), the medical
 * studio's two rooms, and helpers to book sessions through the API. The clock stands at
 * 2026-03-10 10:00 in Beijing (a Tuesday).
 */
export interface ScheduleCenter extends Center {
  readonly rooms: { readonly medical1: number; readonly medical2: number; readonly labour: number };
  readonly petitionRooms: { readonly reception: number; readonly leaders: number };
}

/** A Beijing wall time as the API's UTC instant. */
export const at = (date: string, time: string) => centerInstant(date, time);

/** Wednesday after the frozen clock: a working day. */
export const WED = '2026-03-11';

export async function openScheduleCenter(): Promise<ScheduleCenter> {
  const c = await openCenter();
  const room = async (nameZh: string) =>
    (
      await c.t.db
        .selectFrom('rooms')
        .select('id')
        .where('nameZh', '=', nameZh)
        .executeTakeFirstOrThrow()
    ).id;
  return Object.assign(c, {
    rooms: {
      medical1: await room('医调一室'),
      medical2: await room('医调二室'),
      labour: await room('劳动调解室'),
    },
    petitionRooms: { reception: await room('接访室'), leaders: await room('领导接访室') },
  });
}

export async function partiesOf(c: Center, caseId: number): Promise<number[]> {
  const rows = await c.t.db
    .selectFrom('caseParties')
    .select('partyId')
    .where('caseId', '=', caseId)
    .orderBy('sortOrder')
    .execute();
  return rows.map((r) => r.partyId);
}

/** An accepted medical case with its party ids. */
export async function medicalCase(c: Center) {
  const registered = await caseIn(c, 'accepted');
  return { ...registered, partyIds: await partiesOf(c, registered.id) };
}

/** A valid schedule/create input; override what the test is about. */
export function booking(
  c: ScheduleCenter,
  kase: { id: number; partyIds: number[] },
  overrides: Record<string, unknown> = {},
) {
  return {
    caseId: kase.id,
    kind: 'mediation',
    roomId: c.rooms.medical1,
    staffIds: [c.staff.mediator],
    partyIds: kase.partyIds,
    start: at(WED, '09:00'),
    end: at(WED, '10:00'),
    notes: '',
    ...overrides,
  };
}

/** Books through the mediator's window; the call must succeed. */
export function book(
  c: ScheduleCenter,
  kase: { id: number; partyIds: number[] },
  overrides: Record<string, unknown> = {},
  session: string = S.mediator,
) {
  return c.t.ok('schedule/create', booking(c, kase, overrides), session);
}

export async function sessionVersion(c: Center, id: number): Promise<number> {
  const row = await c.t.db
    .selectFrom('sessions')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.version;
}

/** One call on a session at its current version. */
export async function onSession<M extends MethodName>(
  c: Center,
  method: M,
  id: number,
  extra: Record<string, unknown> = {},
  session: string = S.mediator,
) {
  return c.t.call(method, { id, version: await sessionVersion(c, id), ...extra }, session);
}
