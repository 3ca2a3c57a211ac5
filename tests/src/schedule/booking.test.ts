import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditChainBreaks } from '../../support/audit-chain';
import { caseIn, expectRefused, S } from '../../support/lifecycle';
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

describe('booking a session', () => {
  it('stores the session, its people and a line in the case timeline', async () => {
    const kase = await medicalCase(c);
    const created = await book(c, kase, { staffIds: [c.staff.mediator, c.staff.mediator2] });
    expect(created).toEqual({ id: expect.any(Number), version: 1, warnings: [] });

    const view = await c.t.ok('schedule/get', { id: created.id }, S.mediator);
    expect(view).toMatchObject({
      caseId: kase.id,
      caseNumber: kase.number,
      kind: 'mediation',
      status: 'scheduled',
      roomId: c.rooms.medical1,
      roomNameZh: '医调一室',
      start: '2026-03-11T01:00:00.000Z',
      end: '2026-03-11T02:00:00.000Z',
      postponedFromId: null,
    });
    expect(view.staff.map((s) => s.displayName)).toEqual(['李医调', '周医调']);
    expect(view.parties.map((p) => p.name)).toEqual(['张伟', '市第一人民医院']);

    const detail = await c.t.ok('cases/get', { id: kase.id }, S.mediator);
    expect(detail.events.at(-1)).toMatchObject({ kind: 'sessionScheduled', staffName: '李医调' });
    expect(await auditChainBreaks(c.t.db)).toEqual([]);
  });

  it('reception books for any studio; a mediator only for their own studio', async () => {
    const labour = await caseIn(c, 'accepted', 'labour');
    const parties = await partiesOf(c, labour.id);
    const input = {
      ...booking(c, { id: labour.id, partyIds: parties }),
      roomId: c.rooms.labour,
      staffIds: [c.staff.labourMediator],
    };
    await expectRefused(c, 'FORBIDDEN', () => c.t.call('schedule/create', input, S.mediator));
    await expectRefused(c, 'FORBIDDEN', () => c.t.call('schedule/create', input, S.director));
    await c.t.ok('schedule/create', input, S.reception);
  });

  it('lists a studio week, a staff member’s week and a room’s week', async () => {
    const kase = await medicalCase(c);
    const a = await book(c, kase);
    const b = await book(c, kase, {
      roomId: c.rooms.medical2,
      staffIds: [c.staff.mediator2],
      start: at('2026-03-12', '14:00'),
      end: at('2026-03-12', '15:00'),
    });
    const week = { from: '2026-03-09', to: '2026-03-15' };
    const ids = async (input: Record<string, unknown>, session: string = S.director) =>
      (await c.t.ok('schedule/list', { ...week, ...input }, session)).map((s) => s.id);
    expect(await ids({ studioId: c.studio.medical })).toEqual([a.id, b.id]);
    expect(await ids({ staffId: c.staff.mediator2 })).toEqual([b.id]);
    expect(await ids({ roomId: c.rooms.medical1 })).toEqual([a.id]);
    expect(await ids({ studioId: c.studio.labour })).toEqual([]);
    // The calendar's list carries each session's invited parties by name, in party order.
    const listed = await c.t.ok(
      'schedule/list',
      { ...week, studioId: c.studio.medical },
      S.director,
    );
    expect(listed.map((s) => s.parties.map((p) => p.name))).toEqual([
      ['张伟', '市第一人民医院'],
      ['张伟', '市第一人民医院'],
    ]);
    // A day outside the session's dates shows nothing; the labour mediator sees no medical week.
    expect(await ids({ from: '2026-03-13', to: '2026-03-13' })).toEqual([]);
    expect(await ids({}, S.labourMediator)).toEqual([]);
    expectError(
      await c.t.call('schedule/list', { ...week, studioId: c.studio.medical }, S.labourMediator),
      'FORBIDDEN',
    );
    expect((await c.t.ok('schedule/ofCase', { caseId: kase.id }, S.mediator)).length).toBe(2);
  });
});

describe('hard conflicts', () => {
  it('refuses the same room, staff member or party at overlapping times, naming the session', async () => {
    const kase = await medicalCase(c);
    const first = await book(c, kase);
    const other = await medicalCase(c); // the same two parties, registered again

    // Room, staff and parties are checked in that order: the room is named first.
    const roomOnly = await expectRefused(c, 'CONFLICT', () =>
      c.t.call(
        'schedule/create',
        booking(c, other, {
          staffIds: [c.staff.mediator2],
          partyIds: [kase.partyIds[0]],
          start: at(WED, '09:30'),
          end: at(WED, '10:30'),
        }),
        S.mediator,
      ),
    );
    expect(roomOnly.fields).toBeUndefined();
    expect(roomOnly.message).toContain('会议室“医调一室”在该时段已有安排');
    expect(roomOnly.message).toContain(`#${first.id}，调解，2026-03-11 09:00–10:00，医调一室`);
    expect(roomOnly.message).toContain(kase.number);

    const staff = await expectRefused(c, 'CONFLICT', () =>
      c.t.call(
        'schedule/create',
        booking(c, other, { roomId: c.rooms.medical2, start: at(WED, '09:59') }),
        S.mediator,
      ),
    );
    expect(staff.message).toContain('工作人员“李医调”');

    const party = await expectRefused(c, 'CONFLICT', () =>
      c.t.call(
        'schedule/create',
        booking(c, other, {
          roomId: c.rooms.medical2,
          staffIds: [c.staff.mediator2],
          start: at(WED, '08:30'),
          end: at(WED, '09:01'),
        }),
        S.mediator,
      ),
    );
    expect(party.message).toContain('当事人“张伟”');
  });

  it('touching sessions do not conflict; cancelled ones free their room and people', async () => {
    const kase = await medicalCase(c);
    const first = await book(c, kase);
    await book(c, kase, { start: at(WED, '10:00'), end: at(WED, '11:00') });
    expect((await onSession(c, 'schedule/cancel', first.id, { reason: '当事人请假' })).ok).toBe(
      true,
    );
    await book(c, kase, { start: at(WED, '09:00'), end: at(WED, '10:00') });
  });

  it('names the conflict in English for an English session, without a case number it may not see', async () => {
    const kase = await medicalCase(c);
    await book(c, kase);
    const labour = await caseIn(c, 'accepted', 'labour');
    await c.t.ok('session/setLocale', { locale: 'en' }, S.labourMediator);
    const error = expectError(
      await c.t.call(
        'schedule/create',
        {
          ...booking(c, { id: labour.id, partyIds: await partiesOf(c, labour.id) }),
          roomId: c.rooms.labour,
          staffIds: [c.staff.labourMediator],
        },
        S.labourMediator,
      ),
      'CONFLICT',
    );
    expect(error.message).toMatch(/^Party “张伟” is already booked at that time: #\d+, Mediation/);
    expect(error.message).toContain('2026-03-11 09:00–10:00, Medical room 1');
    expect(error.message).not.toContain('矛医调');
  });

  it('checkConflicts reports every conflict and the warnings, and writes nothing', async () => {
    const kase = await medicalCase(c);
    const first = await book(c, kase);
    const before = await c.t.db.selectFrom('auditLog').select('id').execute();
    const result = await c.t.ok(
      'schedule/checkConflicts',
      {
        roomId: c.rooms.medical1,
        staffIds: [c.staff.mediator],
        partyIds: kase.partyIds,
        start: at('2026-03-14', '09:00'), // a Saturday: no conflict, a warning
        end: at('2026-03-14', '10:00'),
      },
      S.reception,
    );
    expect(result).toEqual({ conflicts: [], warnings: [{ code: 'weekend', date: '2026-03-14' }] });

    const clash = await c.t.ok(
      'schedule/checkConflicts',
      {
        roomId: c.rooms.medical1,
        staffIds: [c.staff.mediator],
        partyIds: kase.partyIds,
        start: at(WED, '09:30'),
        end: at(WED, '12:30'),
      },
      S.reception,
    );
    expect(clash.conflicts.map((x) => [x.resource, x.resourceName, x.session.id])).toEqual([
      ['room', '医调一室', first.id],
      ['staff', '李医调', first.id],
      ['party', '张伟', first.id],
      ['party', '市第一人民医院', first.id],
    ]);
    expect(clash.warnings).toEqual([{ code: 'outsideHours' }]);
    // The session being edited never conflicts with itself.
    const self = await c.t.ok(
      'schedule/checkConflicts',
      {
        sessionId: first.id,
        roomId: c.rooms.medical1,
        staffIds: [c.staff.mediator],
        partyIds: kase.partyIds,
        start: at(WED, '09:30'),
        end: at(WED, '10:30'),
      },
      S.reception,
    );
    expect(self.conflicts).toEqual([]);
    expect(await c.t.db.selectFrom('auditLog').select('id').execute()).toEqual(before);
  });
});

describe('warnings', () => {
  it('refuses an unconfirmed out-of-hours, weekend or holiday booking and saves it once accepted', async () => {
    const kase = await medicalCase(c);
    const cases: [string, string, string, string][] = [
      ['2026-03-11', '18:00', '19:00', '不在工作时间内'],
      ['2026-03-11', '11:30', '14:00', '不在工作时间内'], // across the lunch break
      ['2026-03-14', '09:00', '10:00', '2026-03-14 是休息日'],
      ['2026-04-06', '09:00', '10:00', '2026-04-06 是法定节假日（清明节）'],
      ['2026-03-10', '09:30', '11:30', '开始时间已过'],
    ];
    for (const [date, from, to, text] of cases) {
      const input = booking(c, kase, { start: at(date, from), end: at(date, to) });
      const error = await expectRefused(c, 'VALIDATION', () =>
        c.t.call('schedule/create', input, S.mediator),
      );
      expect(error.fields).toEqual({ acceptWarnings: '请先确认提示' });
      expect(error.message).toContain(text);
      const saved = await c.t.ok('schedule/create', { ...input, acceptWarnings: true }, S.mediator);
      expect(saved.warnings.length).toBeGreaterThan(0);
      await onSession(c, 'schedule/cancel', saved.id, { reason: '测试' });
    }
  });

  it('a make-up working day (调休) is no rest day', async () => {
    // 2026-02-28 is a Saturday worked in exchange for the Spring Festival.
    const check = await c.t.ok(
      'schedule/checkConflicts',
      { start: at('2026-02-28', '09:00'), end: at('2026-02-28', '10:00') },
      S.mediator,
    );
    expect(check.warnings).toEqual([{ code: 'past' }]);
  });
});

describe('moving and editing', () => {
  it('moves into a free time and another room; moving into a conflict is refused', async () => {
    const kase = await medicalCase(c);
    const a = await book(c, kase);
    const b = await book(c, kase, { start: at(WED, '14:00'), end: at(WED, '15:00') });
    const moved = await onSession(c, 'schedule/move', b.id, {
      start: at(WED, '15:00'),
      end: at(WED, '16:30'),
      roomId: c.rooms.medical2,
    });
    expect(moved.ok && moved.value.version).toBe(2);

    const refused = await expectRefused(c, 'CONFLICT', async () =>
      onSession(c, 'schedule/move', b.id, { start: at(WED, '09:30'), end: at(WED, '10:30') }),
    );
    expect(refused.message).toContain(`#${a.id}`);
    const stale = await c.t.call(
      'schedule/move',
      { id: b.id, version: 1, start: at(WED, '16:00'), end: at(WED, '17:00') },
      S.mediator,
    );
    expect(expectError(stale, 'STALE').message).toContain('当前版本 2');
  });

  it('edits people and notes of a scheduled session; held ones are no longer edited', async () => {
    const kase = await medicalCase(c);
    const a = await book(c, kase, {
      start: at('2026-03-10', '09:00'),
      end: at('2026-03-10', '10:00'),
      acceptWarnings: true,
    });
    const edited = await onSession(c, 'schedule/update', a.id, {
      kind: 'mediation',
      roomId: c.rooms.medical2,
      staffIds: [c.staff.mediator2],
      partyIds: [kase.partyIds[0]],
      start: at('2026-03-10', '09:00'),
      end: at('2026-03-10', '10:30'),
      notes: '请带齐病历',
      acceptWarnings: true,
    });
    expect(edited.ok).toBe(true);
    const view = await c.t.ok('schedule/get', { id: a.id }, S.mediator);
    expect(view).toMatchObject({ roomId: c.rooms.medical2, notes: '请带齐病历' });
    expect(view.staff.map((s) => s.id)).toEqual([c.staff.mediator2]);
    expect(view.parties.map((p) => p.id)).toEqual([kase.partyIds[0]]);
    // The old room and staff member are free again at that time.
    await book(c, kase, {
      partyIds: [kase.partyIds[1]],
      start: at(WED, '09:00'),
    });

    expect(
      (
        await onSession(
          c,
          'schedule/markHeld',
          a.id,
          {
            record: '双方陈述了意见',
            attendedStaffIds: [c.staff.mediator2],
            attendedPartyIds: [kase.partyIds[0]],
          },
          S.mediator2,
        )
      ).ok,
    ).toBe(true);
    const again = await expectRefused(c, 'INVALID_TRANSITION', () =>
      onSession(c, 'schedule/move', a.id, { start: at(WED, '15:00'), end: at(WED, '16:00') }),
    );
    expect(again.message).toBe('该日程当前状态为“已举行”，不能调整时间');
  });
});
