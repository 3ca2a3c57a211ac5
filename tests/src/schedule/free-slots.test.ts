import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findFreeSlots, type FreeSlotSearch } from '../../../src/schedule/free-slots';
import { centerWallTime } from '../../../src/schedule/session-time.schema';
import { DEFAULT_WORKING_HOURS } from '../../../src/schedule/working-hours';
import { S } from '../../support/lifecycle';
import { at, book, medicalCase, openScheduleCenter, WED, type ScheduleCenter } from './support';

const ms = (date: string, time: string) => Date.parse(at(date, time));
const label = (slot: { start: number | string; roomId: number }) => {
  const { date, time } = centerWallTime(slot.start);
  return `${date} ${time} room ${slot.roomId}`;
};

function search(overrides: Partial<FreeSlotSearch> = {}): FreeSlotSearch {
  return {
    days: ['2026-03-11', '2026-03-12'],
    periods: DEFAULT_WORKING_HOURS,
    durationMs: 60 * 60_000,
    notBefore: ms('2026-03-10', '10:00'),
    people: [],
    rooms: [
      { id: 1, busy: [] },
      { id: 2, busy: [] },
    ],
    limit: 5,
    ...overrides,
  };
}

describe('findFreeSlots (pure)', () => {
  it('offers the opening of each working period, one option per period', () => {
    expect(findFreeSlots(search()).map(label)).toEqual([
      '2026-03-11 08:30 room 1',
      '2026-03-11 13:30 room 1',
      '2026-03-12 08:30 room 1',
      '2026-03-12 13:30 room 1',
    ]);
  });

  it('starts after the busy ranges of people, in some free room', () => {
    const slots = findFreeSlots(
      search({
        people: [
          { start: ms(WED, '08:00'), end: ms(WED, '09:10') },
          { start: ms(WED, '09:40'), end: ms(WED, '10:20') },
        ],
        rooms: [
          { id: 1, busy: [{ start: ms(WED, '10:00'), end: ms(WED, '12:00') }] },
          { id: 2, busy: [{ start: ms(WED, '10:20'), end: ms(WED, '11:00') }] },
        ],
        limit: 1,
      }),
    );
    // 09:10 is too short before 09:40; 10:20 clashes with room 2 until 11:00 and room 1 is
    // taken all morning: 11:00 in room 2 fits until 12:00.
    expect(slots.map(label)).toEqual(['2026-03-11 11:00 room 2']);
  });

  it('never offers the past, rounds up to five minutes, and skips periods too short', () => {
    const slots = findFreeSlots(
      search({ days: ['2026-03-10'], notBefore: ms('2026-03-10', '11:02'), limit: 3 }),
    );
    expect(slots.map(label)).toEqual(['2026-03-10 13:30 room 1']);
    const early = findFreeSlots(
      search({ days: ['2026-03-10'], notBefore: ms('2026-03-10', '09:02'), limit: 1 }),
    );
    expect(early.map(label)).toEqual(['2026-03-10 09:05 room 1']);
    const long = findFreeSlots(search({ durationMs: 4 * 60 * 60_000 }));
    expect(long.map(label)).toEqual(['2026-03-11 13:30 room 1', '2026-03-12 13:30 room 1']);
  });

  it('finds nothing when no room is ever free', () => {
    const allDay = [{ start: ms(WED, '00:00'), end: ms('2026-03-13', '00:00') }];
    expect(findFreeSlots(search({ rooms: [{ id: 1, busy: allDay }] }))).toEqual([]);
  });
});

describe('schedule/nextFreeSlots', () => {
  let c: ScheduleCenter;
  beforeEach(async () => {
    c = await openScheduleCenter();
  });
  afterEach(async () => {
    await c.close();
  });

  it('skips the booked times of the people and rooms, the weekend and holidays', async () => {
    const kase = await medicalCase(c);
    // The parties are busy all Wednesday morning and again 13:30–14:00.
    await book(c, kase, { start: at(WED, '08:30'), end: at(WED, '12:00') });
    await book(c, kase, {
      roomId: c.rooms.medical2,
      staffIds: [c.staff.mediator2],
      start: at(WED, '13:30'),
      end: at(WED, '14:00'),
    });
    const slots = await c.t.ok(
      'schedule/nextFreeSlots',
      {
        studioId: c.studio.medical,
        staffIds: [c.staff.mediator],
        partyIds: kase.partyIds,
        durationMinutes: 90,
        from: at(WED, '08:00'),
        withinWorkingDays: 3,
      },
      S.reception,
    );
    expect(
      slots.map((s) => `${centerWallTime(s.start).date} ${centerWallTime(s.start).time}`),
    ).toEqual([
      '2026-03-11 14:00',
      '2026-03-12 08:30',
      '2026-03-12 13:30',
      '2026-03-13 08:30',
      '2026-03-13 13:30',
    ]);
    expect(slots[0]).toMatchObject({ roomId: c.rooms.medical1, roomNameZh: '医调一室' });
    expect(slots[0]?.end).toBe(at(WED, '15:30'));

    // Over the Qingming break (4–6 April 2026) the next working day is Tuesday the 7th.
    const qingming = await c.t.ok(
      'schedule/nextFreeSlots',
      {
        studioId: c.studio.medical,
        staffIds: [c.staff.mediator],
        durationMinutes: 60,
        from: at('2026-04-03', '18:00'),
        withinWorkingDays: 1,
      },
      S.reception,
    );
    expect(qingming.map((s) => s.start)).toEqual([
      at('2026-04-07', '08:30'),
      at('2026-04-07', '13:30'),
    ]);
  });

  it('a session being moved does not block itself', async () => {
    const kase = await medicalCase(c);
    const s = await book(c, kase, { start: at(WED, '08:30'), end: at(WED, '09:30') });
    const slots = await c.t.ok(
      'schedule/nextFreeSlots',
      {
        studioId: c.studio.medical,
        staffIds: [c.staff.mediator],
        partyIds: kase.partyIds,
        roomId: c.rooms.medical1,
        durationMinutes: 60,
        from: at(WED, '08:00'),
        excludeSessionId: s.id,
        limit: 1,
      },
      S.mediator,
    );
    expect(slots.map((x) => x.start)).toEqual([at(WED, '08:30')]);
  });
});
