import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../src/api/contract';
import { caseIn, expectRefused, S } from '../../support/lifecycle';
import {
  at,
  book,
  booking,
  medicalCase,
  openScheduleCenter,
  sessionVersion,
  WED,
  type ScheduleCenter,
} from './support';

/** Field messages in zh-CN, written out. */
const MSG = {
  required: '必填',
  choose: '请从列表中选择',
  instant: '时间格式不正确',
  utcOnly: '时间须为以 Z 结尾的 UTC 时刻，不接受带时区偏移或不带时区的时间',
  wholeMinute: '时间须精确到整分钟',
  endAfterStart: '结束时间须晚于开始时间',
  tooLong: '日程不能长达 24 小时或以上',
  duplicate: '有重复选择的人员',
  staffNeeded: '至少选择一名工作人员',
  partyNeeded: '至少选择一名当事人',
  caseUnknown: '案件不存在',
  caseClosed: '案件已结束办理，不能安排日程',
  roomUnknown: '会议室不存在或已停用',
  roomOtherStudio: '该会议室属于其他工作室',
  roomNotPetition: '领导接访须使用联合接访工作室的会议室',
  kindStudio: '领导接访只能安排在联合接访工作室',
  staffUnknown: '包含不存在或已停用的工作人员',
  notInCase: '包含不是本案当事人的人员',
  notInSession: '包含未参加本日程的人员',
  date: '请输入有效日期（年-月-日）',
  time: '请输入时间（时:分）',
  dateRange: '结束日期不能早于开始日期',
  rangeTooLong: '查询范围不能超过 62 天',
  absentNeeded: '请选择未到场的当事人',
  tooLongText: '内容过长',
} as const;

let c: ScheduleCenter;
let kase: { id: number; number: string; partyIds: number[] };
let closed: { id: number };
let sessionId: number;
let pastSessionId: number;

beforeAll(async () => {
  c = await openScheduleCenter();
  kase = await medicalCase(c);
  closed = await caseIn(c, 'concluded');
  sessionId = (await book(c, kase)).id;
  pastSessionId = (
    await book(c, kase, {
      start: at('2026-03-10', '08:30'),
      end: at('2026-03-10', '09:30'),
      acceptWarnings: true,
    })
  ).id;
});
afterAll(async () => {
  await c.close();
});

async function refusedWith(
  method: MethodName,
  input: Record<string, unknown>,
  fields: Record<string, string>,
  session: string = S.mediator,
) {
  const error = await expectRefused(c, 'VALIDATION', () => c.t.call(method, input, session));
  expect(error.fields, JSON.stringify(error)).toEqual(fields);
}

describe('schedule/create refuses bad input field by field and saves nothing', () => {
  const cases: [string, (c: ScheduleCenter) => Record<string, unknown>, Record<string, string>][] =
    [
      [
        'end before start',
        () => ({ start: at(WED, '10:00'), end: at(WED, '09:00') }),
        {
          end: MSG.endAfterStart,
        },
      ],
      [
        'zero length',
        () => ({ start: at(WED, '10:00'), end: at(WED, '10:00') }),
        {
          end: MSG.endAfterStart,
        },
      ],
      [
        'exactly 24 hours',
        () => ({ start: at(WED, '10:00'), end: at('2026-03-12', '10:00') }),
        {
          end: MSG.tooLong,
        },
      ],
      [
        'three days',
        () => ({ start: at(WED, '10:00'), end: at('2026-03-14', '10:00') }),
        {
          end: MSG.tooLong,
        },
      ],
      ['a time that is not a time', () => ({ start: 'tomorrow morning' }), { start: MSG.instant }],
      ['a bare date', () => ({ start: '2026-03-11' }), { start: MSG.instant }],
      ['30 February', () => ({ start: '2026-02-30T01:00:00Z' }), { start: MSG.instant }],
      ['hour 25', () => ({ end: '2026-03-11T25:00:00Z' }), { end: MSG.instant }],
      ['a number', () => ({ start: 1773190800000 }), { start: MSG.instant }],
      ['Beijing offset', () => ({ start: '2026-03-11T09:00:00+08:00' }), { start: MSG.utcOnly }],
      ['no zone at all', () => ({ end: '2026-03-11T10:00:00' }), { end: MSG.utcOnly }],
      ['space, no zone', () => ({ start: '2026-03-11 09:00' }), { start: MSG.utcOnly }],
      ['seconds', () => ({ start: '2026-03-11T01:00:30Z' }), { start: MSG.wholeMinute }],
      ['unknown case', () => ({ caseId: 999_999 }), { caseId: MSG.caseUnknown }],
      ['closed case', () => ({ caseId: closed.id }), { caseId: MSG.caseClosed }],
      ['no case', () => ({ caseId: undefined }), { caseId: MSG.required }],
      ['unknown room', () => ({ roomId: 999_999 }), { roomId: MSG.roomUnknown }],
      [
        'room of another studio',
        (c) => ({ roomId: c.rooms.labour }),
        {
          roomId: MSG.roomOtherStudio,
        },
      ],
      ['unknown staff', () => ({ staffIds: [999_999] }), { staffIds: MSG.staffUnknown }],
      ['no staff', () => ({ staffIds: [] }), { staffIds: MSG.staffNeeded }],
      [
        'staff twice',
        (c) => ({ staffIds: [c.staff.mediator, c.staff.mediator] }),
        {
          staffIds: MSG.duplicate,
        },
      ],
      ['no parties', () => ({ partyIds: [] }), { partyIds: MSG.partyNeeded }],
      ['a stranger as party', () => ({ partyIds: [999_999] }), { partyIds: MSG.notInCase }],
      ['unknown kind', () => ({ kind: 'party' }), { kind: MSG.choose }],
      [
        'leader reception in the medical studio',
        () => ({ kind: 'leader_reception' }),
        {
          kind: MSG.kindStudio,
        },
      ],
      ['notes too long', () => ({ notes: '长'.repeat(2001) }), { notes: MSG.tooLongText }],
    ];
  for (const [name, override, fields] of cases) {
    it(name, async () => {
      await refusedWith('schedule/create', { ...booking(c, kase), ...override(c) }, fields);
    });
  }
});

describe('the other session methods refuse bad input and save nothing', () => {
  const versioned = async (extra: Record<string, unknown>, id = sessionId) => ({
    id,
    version: await sessionVersion(c, id),
    ...extra,
  });

  it('move: time-zone-shifted start, end before start, a room of another studio', async () => {
    await refusedWith(
      'schedule/move',
      await versioned({ start: '2026-03-11T09:00+08:00', end: at(WED, '11:00') }),
      { start: MSG.utcOnly },
    );
    await refusedWith(
      'schedule/move',
      await versioned({ start: at(WED, '11:00'), end: at(WED, '10:00') }),
      { end: MSG.endAfterStart },
    );
    await refusedWith(
      'schedule/move',
      await versioned({ start: at(WED, '14:00'), end: at(WED, '15:00'), roomId: c.rooms.labour }),
      { roomId: MSG.roomOtherStudio },
    );
  });

  it('update: strangers and unknown staff', async () => {
    const base = {
      kind: 'mediation',
      roomId: c.rooms.medical1,
      staffIds: [c.staff.mediator],
      partyIds: kase.partyIds,
      start: at(WED, '09:00'),
      end: at(WED, '10:00'),
    };
    await refusedWith('schedule/update', await versioned({ ...base, partyIds: [999_999] }), {
      partyIds: MSG.notInCase,
    });
    await refusedWith('schedule/update', await versioned({ ...base, staffIds: [999_999] }), {
      staffIds: MSG.staffUnknown,
    });
    await refusedWith('schedule/update', await versioned({ ...base, partyIds: [] }), {
      partyIds: MSG.partyNeeded,
    });
  });

  it('postpone: needs a reason and sensible times', async () => {
    await refusedWith(
      'schedule/postpone',
      await versioned({ start: at('2026-03-12', '09:00'), end: at('2026-03-12', '10:00') }),
      { reason: MSG.required },
    );
    await refusedWith(
      'schedule/postpone',
      await versioned({
        start: at('2026-03-12', '09:00'),
        end: at('2026-03-13', '09:00'),
        reason: '当事人出差',
      }),
      { end: MSG.tooLong },
    );
  });

  it('markHeld: a record, and only people of the session as attendees', async () => {
    await refusedWith('schedule/markHeld', await versioned({ record: ' ' }, pastSessionId), {
      record: MSG.required,
    });
    await refusedWith(
      'schedule/markHeld',
      await versioned({ record: '已调解', attendedPartyIds: [999_999] }, pastSessionId),
      { attendedPartyIds: MSG.notInSession },
    );
    await refusedWith(
      'schedule/markHeld',
      await versioned({ record: '已调解', attendedStaffIds: [c.staff.mediator2] }, pastSessionId),
      { attendedStaffIds: MSG.notInSession },
    );
  });

  it('cancel needs a reason; no-show needs who', async () => {
    await refusedWith('schedule/cancel', await versioned({ reason: '' }), {
      reason: MSG.required,
    });
    await refusedWith(
      'schedule/markNoShow',
      await versioned({ absentPartyIds: [] }, pastSessionId),
      {
        absentPartyIds: MSG.absentNeeded,
      },
    );
    await refusedWith(
      'schedule/markNoShow',
      await versioned({ absentPartyIds: [999_999] }, pastSessionId),
      { absentPartyIds: MSG.notInSession },
    );
  });

  it('reception slots: a petition room, a leader, a real date and time', async () => {
    const slots = {
      roomId: c.petitionRooms.leaders,
      leaderStaffId: c.staff.director,
      date: '2026-03-12',
      firstStart: '09:00',
      slotMinutes: 30,
      count: 4,
    };
    await refusedWith(
      'schedule/openReceptionSlots',
      { ...slots, roomId: c.rooms.medical1 },
      { roomId: MSG.roomNotPetition },
      S.reception,
    );
    await refusedWith(
      'schedule/openReceptionSlots',
      { ...slots, leaderStaffId: 999_999 },
      { leaderStaffId: MSG.staffUnknown },
      S.reception,
    );
    await refusedWith(
      'schedule/openReceptionSlots',
      { ...slots, date: '2026-02-30' },
      {
        date: MSG.date,
      },
      S.reception,
    );
    await refusedWith(
      'schedule/openReceptionSlots',
      { ...slots, firstStart: '9点' },
      {
        firstStart: MSG.time,
      },
      S.reception,
    );
  });

  it('reads: a date range the right way round and not too long', async () => {
    await refusedWith(
      'schedule/list',
      { from: '2026-03-15', to: '2026-03-09' },
      {
        to: MSG.dateRange,
      },
    );
    await refusedWith(
      'schedule/list',
      { from: '2026-01-01', to: '2026-06-30' },
      {
        to: MSG.rangeTooLong,
      },
    );
    await refusedWith(
      'schedule/nextFreeSlots',
      { studioId: c.studio.medical, staffIds: [999_999], durationMinutes: 60 },
      { staffIds: MSG.staffUnknown },
    );
    await refusedWith(
      'schedule/nextFreeSlots',
      { studioId: 999_999, durationMinutes: 60 },
      { studioId: '工作室不存在或已停用' },
    );
  });
});
