import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSessionNotice } from '../../../src/schedule/session-notice';
import { S } from '../../support/lifecycle';
import { book, medicalCase, openScheduleCenter, type ScheduleCenter } from './support';

let c: ScheduleCenter;
beforeEach(async () => {
  c = await openScheduleCenter();
});
afterEach(async () => {
  await c.close();
});

describe('the session notice hook (documents issue)', () => {
  it('gathers what a 调解通知书 states: case, time, place, who is invited and who presides', async () => {
    const kase = await medicalCase(c);
    const s = await book(c, kase);
    expect(await loadSessionNotice(c.t.db, s.id)).toEqual({
      sessionId: s.id,
      caseId: kase.id,
      caseNumber: kase.number,
      studioId: c.studio.medical,
      kind: 'mediation',
      start: '2026-03-11T01:00:00.000Z',
      end: '2026-03-11T02:00:00.000Z',
      roomNameZh: '医调一室',
      roomNameEn: 'Medical room 1',
      staff: ['李医调'],
      parties: [
        { id: kase.partyIds[0], name: '张伟', role: 'applicant' },
        { id: kase.partyIds[1], name: '市第一人民医院', role: 'respondent' },
      ],
    });
    expect(await loadSessionNotice(c.t.db, 999_999)).toBeNull();
    // An open leader's reception slot has nobody to notify yet.
    const slots = await c.t.ok(
      'schedule/openReceptionSlots',
      {
        roomId: c.petitionRooms.leaders,
        leaderStaffId: c.staff.director,
        date: '2026-03-12',
        firstStart: '09:00',
        slotMinutes: 30,
        count: 1,
      },
      S.reception,
    );
    expect(await loadSessionNotice(c.t.db, slots.ids[0] ?? 0)).toBeNull();
  });
});
