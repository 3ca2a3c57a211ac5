import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditChainBreaks } from '../../support/audit-chain';
import { caseIn, caseRow, expectRefused, S } from '../../support/lifecycle';
import { expectError } from '../../support/test-core';
import {
  at,
  book,
  booking,
  medicalCase,
  onSession,
  openScheduleCenter,
  partiesOf,
  WED,
  type ScheduleCenter,
} from './support';

let c: ScheduleCenter;
beforeEach(async () => {
  c = await openScheduleCenter();
});
afterEach(async () => {
  await c.close();
});

/** A session this morning (already begun at the frozen 10:00). */
const thisMorning = { start: at('2026-03-10', '09:00'), end: at('2026-03-10', '11:00') };

async function attendance(id: number) {
  const staff = await c.t.db
    .selectFrom('sessionStaff')
    .select(['staffId', 'attended'])
    .where('sessionId', '=', id)
    .orderBy('staffId')
    .execute();
  const parties = await c.t.db
    .selectFrom('sessionParties')
    .select(['partyId', 'attended'])
    .where('sessionId', '=', id)
    .orderBy('partyId')
    .execute();
  return { staff, parties };
}

describe('held', () => {
  it('the first held mediation session moves an accepted case to in_mediation, once', async () => {
    const kase = await medicalCase(c);
    const first = await book(c, kase, { ...thisMorning, acceptWarnings: true });
    const held = await onSession(c, 'schedule/markHeld', first.id, {
      record: '双方各自陈述，医院同意核算费用。',
      attendedStaffIds: [c.staff.mediator],
      attendedPartyIds: [kase.partyIds[0]],
    });
    expect(held.ok && held.value).toEqual({ id: first.id, version: 2, caseStatus: 'in_mediation' });
    const row = await caseRow(c, kase.id);
    expect(row.status).toBe('in_mediation');
    expect(row.mediationStartedAt).toBe('2026-03-10T02:00:00.000Z');
    const events = (await c.t.ok('cases/get', { id: kase.id }, S.mediator)).events;
    expect(events.slice(-2).map((e) => e.kind)).toEqual(['sessionHeld', 'mediationStarted']);
    expect(await attendance(first.id)).toEqual({
      staff: [{ staffId: c.staff.mediator, attended: 1 }],
      parties: [
        { partyId: kase.partyIds[0], attended: 1 },
        { partyId: kase.partyIds[1], attended: 0 },
      ].sort((a, b) => (a.partyId ?? 0) - (b.partyId ?? 0)),
    });
    const view = await c.t.ok('schedule/get', { id: first.id }, S.mediator);
    expect(view).toMatchObject({ status: 'held', record: '双方各自陈述，医院同意核算费用。' });

    // A second held session changes nothing about the case.
    const second = await book(c, kase, {
      start: at('2026-03-10', '08:00'),
      end: at('2026-03-10', '08:45'),
      roomId: c.rooms.medical2,
      acceptWarnings: true,
    });
    const again = await onSession(c, 'schedule/markHeld', second.id, { record: '继续协商' });
    expect(again.ok && again.value.caseStatus).toBe('in_mediation');
    expect((await caseRow(c, kase.id)).version).toBe(row.version);
    expect(await auditChainBreaks(c.t.db)).toEqual([]);
  });

  it('a held session of another kind, or of a registered case, leaves the case as it is', async () => {
    const kase = await medicalCase(c);
    const visit = await book(c, kase, {
      ...thisMorning,
      kind: 'follow_up_visit',
      acceptWarnings: true,
    });
    const held = await onSession(c, 'schedule/markHeld', visit.id, { record: '电话回访' });
    expect(held.ok && held.value.caseStatus).toBe('accepted');

    const registered = await caseIn(c, 'registered');
    const early = await book(
      c,
      { id: registered.id, partyIds: await partiesOf(c, registered.id) },
      {
        start: at('2026-03-10', '08:00'),
        end: at('2026-03-10', '08:45'),
        acceptWarnings: true,
      },
    );
    const heldEarly = await onSession(c, 'schedule/markHeld', early.id, { record: '初步沟通' });
    expect(heldEarly.ok && heldEarly.value.caseStatus).toBe('registered');
    expect((await caseRow(c, registered.id)).status).toBe('registered');
  });

  it('is refused before the session starts, for a stranger studio, and for reception', async () => {
    const kase = await medicalCase(c);
    const later = await book(c, kase);
    const notYet = await expectRefused(c, 'INVALID_TRANSITION', () =>
      onSession(c, 'schedule/markHeld', later.id, { record: '提前记录' }),
    );
    expect(notYet.message).toBe('日程尚未开始，不能标记为已举行');
    const now = await book(c, kase, {
      ...thisMorning,
      roomId: c.rooms.medical2,
      acceptWarnings: true,
    });
    await expectRefused(c, 'FORBIDDEN', () =>
      onSession(c, 'schedule/markHeld', now.id, { record: '记录' }, S.labourMediator),
    );
    await expectRefused(c, 'FORBIDDEN', () =>
      onSession(c, 'schedule/markHeld', now.id, { record: '记录' }, S.reception),
    );
    const stale = await c.t.call(
      'schedule/markHeld',
      { id: now.id, version: 7, record: '记录' },
      S.mediator,
    );
    expect(expectError(stale, 'STALE').message).toContain('当前版本 1');
    const missing = await c.t.call(
      'schedule/markHeld',
      { id: 999_999, version: 1, record: '记录' },
      S.mediator,
    );
    expect(expectError(missing, 'NOT_FOUND').message).toBe('找不到 id 为 999999 的日程');
  });
});

describe('cancelled, no-show, postponed', () => {
  it('cancel keeps the reason and frees the slot; a cancelled session cannot be held', async () => {
    const kase = await medicalCase(c);
    const s = await book(c, kase, { ...thisMorning, acceptWarnings: true });
    const cancelled = await onSession(c, 'schedule/cancel', s.id, { reason: '医院代表无法到场' });
    expect(cancelled.ok).toBe(true);
    expect(await c.t.ok('schedule/get', { id: s.id }, S.mediator)).toMatchObject({
      status: 'cancelled',
      statusReason: '医院代表无法到场',
    });
    const refused = await expectRefused(c, 'INVALID_TRANSITION', () =>
      onSession(c, 'schedule/markHeld', s.id, { record: '记录' }),
    );
    expect(refused.message).toBe('该日程当前状态为“已取消”，不能标记为已举行');
    await book(c, kase, { ...thisMorning, acceptWarnings: true });
  });

  it('no-show records who did not come and frees the slot', async () => {
    const kase = await medicalCase(c);
    const s = await book(c, kase, { ...thisMorning, acceptWarnings: true });
    const [applicant, hospital] = kase.partyIds as [number, number];
    const result = await onSession(c, 'schedule/markNoShow', s.id, {
      absentPartyIds: [hospital],
      note: '电话联系不上',
    });
    expect(result.ok).toBe(true);
    const view = await c.t.ok('schedule/get', { id: s.id }, S.mediator);
    expect(view.status).toBe('no_show');
    expect(view.parties.find((p) => p.id === hospital)?.attended).toBe(false);
    expect(view.parties.find((p) => p.id === applicant)?.attended).toBe(true);
    expect((await caseRow(c, kase.id)).status).toBe('accepted');
    await book(c, kase, { ...thisMorning, acceptWarnings: true });
  });

  it('postpone links the new session, which may overlap the old time but not others', async () => {
    const kase = await medicalCase(c);
    const s = await book(c, kase);
    const blocker = await book(c, kase, {
      roomId: c.rooms.medical2,
      staffIds: [c.staff.mediator2],
      partyIds: [kase.partyIds[1]],
      start: at('2026-03-12', '09:00'),
      end: at('2026-03-12', '10:00'),
    });
    const refused = await expectRefused(c, 'CONFLICT', () =>
      onSession(c, 'schedule/postpone', s.id, {
        start: at('2026-03-12', '09:30'),
        end: at('2026-03-12', '10:30'),
        reason: '医院申请延期',
      }),
    );
    expect(refused.message).toContain(`#${blocker.id}`);

    const moved = await onSession(c, 'schedule/postpone', s.id, {
      start: at(WED, '09:30'),
      end: at(WED, '10:30'),
      reason: '医院申请延期',
    });
    if (!moved.ok) throw new Error(moved.error.message);
    expect(moved.value.postponedFromId).toBe(s.id);
    const old = await c.t.ok('schedule/get', { id: s.id }, S.mediator);
    expect(old).toMatchObject({ status: 'postponed', postponedToId: moved.value.id });
    const fresh = await c.t.ok('schedule/get', { id: moved.value.id }, S.mediator);
    expect(fresh).toMatchObject({
      status: 'scheduled',
      postponedFromId: s.id,
      start: at(WED, '09:30'),
    });
    expect(fresh.parties.map((p) => p.id)).toEqual(kase.partyIds);
    const events = (await c.t.ok('cases/get', { id: kase.id }, S.mediator)).events;
    expect(events.at(-1)).toMatchObject({ kind: 'sessionPostponed' });
  });

  it('no new session for a case that was concluded meanwhile', async () => {
    const kase = await medicalCase(c);
    await c.t.ok(
      'cases/conclude',
      { id: kase.id, version: (await caseRow(c, kase.id)).version, outcome: 'withdrawn' },
      S.mediator,
    );
    const error = await expectRefused(c, 'VALIDATION', () =>
      c.t.call('schedule/create', booking(c, kase), S.mediator),
    );
    expect(error.fields).toEqual({ caseId: '案件已结束办理，不能安排日程' });
  });
});

describe("leading cadres' reception days (领导接访)", () => {
  it('opens slots, books a petitioner into one, and refuses a second booking of it', async () => {
    const opened = await c.t.ok(
      'schedule/openReceptionSlots',
      {
        roomId: c.petitionRooms.leaders,
        leaderStaffId: c.staff.director,
        date: '2026-03-12',
        firstStart: '09:00',
        slotMinutes: 30,
        count: 4,
        notes: '区委副书记接访',
      },
      S.reception,
    );
    expect(opened.ids).toHaveLength(4);
    expect(opened.warnings).toEqual([]);
    const day = await c.t.ok(
      'schedule/list',
      { from: '2026-03-12', to: '2026-03-12', roomId: c.petitionRooms.leaders },
      S.reception,
    );
    expect(day.map((s) => [s.kind, s.caseId, s.start.slice(11, 16)])).toEqual([
      ['leader_reception', null, '01:00'],
      ['leader_reception', null, '01:30'],
      ['leader_reception', null, '02:00'],
      ['leader_reception', null, '02:30'],
    ]);

    const petition = await caseIn(c, 'registered', 'township');
    const parties = await partiesOf(c, petition.id);
    const slot = opened.ids[1] ?? 0;
    const booked = await onSession(
      c,
      'schedule/bookReceptionSlot',
      slot,
      { caseId: petition.id, partyIds: [parties[0]] },
      S.reception,
    );
    expect(booked.ok).toBe(true);
    const view = await c.t.ok('schedule/get', { id: slot }, S.reception);
    expect(view).toMatchObject({ caseId: petition.id, caseNumber: petition.number });
    expect(view.staff.map((s) => s.displayName)).toEqual(['陈主任']);

    const taken = await expectRefused(c, 'CONFLICT', () =>
      onSession(
        c,
        'schedule/bookReceptionSlot',
        slot,
        {
          caseId: petition.id,
          partyIds: [parties[0]],
        },
        S.reception,
      ),
    );
    expect(taken.message).toBe('该接访时段已有预约');
    // The leader cannot receive in two rooms at once.
    const overlapping = await expectRefused(c, 'CONFLICT', () =>
      c.t.call(
        'schedule/openReceptionSlots',
        {
          roomId: c.petitionRooms.reception,
          leaderStaffId: c.staff.director,
          date: '2026-03-12',
          firstStart: '10:00',
          slotMinutes: 30,
          count: 1,
        },
        S.reception,
      ),
    );
    expect(overlapping.message).toContain('工作人员“陈主任”');
  });
});

describe('counseling notes', () => {
  it('are withheld from everyone but the counseling studio, director included', async () => {
    const counseling = await c.t.studioId('counseling');
    const counselor = await c.t.addStaff({
      username: 'counselor',
      displayName: '心理咨询师',
      roles: ['mediator'],
      studios: ['counseling'],
    });
    await c.t.signIn('window-counselor', 'counselor');
    const room = await c.t.db
      .selectFrom('rooms')
      .select('id')
      .where('studioId', '=', counseling)
      .executeTakeFirstOrThrow();
    const kase = await c.t.ok(
      'cases/register',
      {
        studioId: counseling,
        category: 'marriage_family',
        source: 'walk_in',
        summary: '夫妻矛盾，需要心理疏导',
        parties: [
          { role: 'applicant', party: { kind: 'person', name: '王芳', sex: 'female' } },
          { role: 'respondent', party: { kind: 'person', name: '赵强', sex: 'male' } },
        ],
      },
      S.reception,
    );
    const s = await c.t.ok(
      'schedule/create',
      {
        caseId: kase.id,
        kind: 'counseling',
        roomId: room.id,
        staffIds: [counselor],
        partyIds: await partiesOf(c, kase.id),
        start: at(WED, '09:00'),
        end: at(WED, '10:00'),
        notes: '来访者情绪低落',
      },
      'window-counselor',
    );
    expect(await c.t.ok('schedule/get', { id: s.id }, 'window-counselor')).toMatchObject({
      notes: '来访者情绪低落',
      withheld: false,
    });
    expect(await c.t.ok('schedule/get', { id: s.id }, S.director)).toMatchObject({
      notes: '',
      record: null,
      withheld: true,
    });
  });
});
