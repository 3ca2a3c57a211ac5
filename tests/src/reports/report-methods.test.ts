import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../src/api/contract';
import { messageText } from '../../../src/shared/messages';
import { act, caseIn, expectRefused, openCenter, S, type Center } from '../../support/lifecycle';

/**
 * The report methods at the API: bad input is refused field by field and changes nothing, and
 * each caller sees the studios they may see.
 */

let c: Center;

beforeAll(async () => {
  c = await openCenter('2026-03-02T02:00:00Z');
  await caseIn(c, 'concluded');
  await caseIn(c, 'in_mediation');
  await caseIn(c, 'declined');
  const labour = await caseIn(c, 'accepted', 'labour');
  await caseIn(c, 'registered', 'labour');
  c.clock.set('2026-03-20T02:00:00Z');
  await act(c, 'cases/startMediation', labour.id, {}, S.labourMediator);
  c.clock.set('2026-04-10T02:00:00Z');
}, 60_000);

afterAll(async () => {
  await c.close();
});

const text = (key: string) => messageText(key, 'zh-CN');
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

const BAD: [string, MethodName, unknown, Record<string, string>][] = [
  [
    'an impossible date',
    'reports/dashboard',
    { from: '2026-02-30', to: '2026-03-31' },
    { from: text('validation.date') },
  ],
  [
    'a period ending before it starts',
    'reports/dashboard',
    { from: '2026-04-01', to: '2026-03-01' },
    { to: text('validation.dateRange') },
  ],
  [
    'a period over three years',
    'reports/dashboard',
    { from: '2020-01-01', to: '2026-01-01' },
    { to: text('validation.report.periodTooLong') },
  ],
  [
    'a studio id that is not one',
    'reports/dashboard',
    { ...MARCH, studioIds: [0] },
    { 'studioIds.0': text('validation.tooShort') },
  ],
  [
    'a date that is not text',
    'reports/dashboard',
    { from: 20260301, to: '2026-03-31' },
    { from: text('validation.invalid') },
  ],
  [
    'no period at all',
    'reports/drill',
    { measure: 'registered' },
    { from: text('validation.required'), to: text('validation.required') },
  ],
  [
    'an unknown measure',
    'reports/drill',
    { ...MARCH, measure: 'happiness' },
    { measure: text('validation.choose') },
  ],
  [
    'a group key of the wrong kind',
    'reports/drill',
    { ...MARCH, measure: 'registered', group: { by: 'studio', key: 'medical' } },
    { 'group.key': text('validation.number') },
  ],
  [
    'an unknown group',
    'reports/drill',
    { ...MARCH, measure: 'registered', group: { by: 'mediator', key: 1 } },
    { 'group.by': text('validation.choose') },
  ],
  [
    'a page too long',
    'reports/drill',
    { ...MARCH, measure: 'registered', limit: 500 },
    { limit: text('validation.tooLong') },
  ],
  [
    'an unknown kind of urgency',
    'reports/overdue',
    { kinds: ['late'] },
    { 'kinds.0': text('validation.choose') },
  ],
  ['an empty page', 'reports/overdue', { limit: 0 }, { limit: text('validation.tooShort') }],
  [
    'an unknown export',
    'reports/export',
    { what: 'pictures', format: 'xlsx' },
    { what: text('validation.choose') },
  ],
  [
    'an unknown format',
    'reports/export',
    { what: 'dashboard', format: 'pdf', ...MARCH },
    { format: text('validation.choose') },
  ],
  [
    'a bad case-list filter',
    'reports/export',
    { what: 'cases', format: 'csv', filter: { registeredFrom: '2026-13-01' } },
    { 'filter.registeredFrom': text('validation.date') },
  ],
  [
    'a case-list range backwards',
    'reports/export',
    {
      what: 'cases',
      format: 'csv',
      filter: { registeredFrom: '2026-03-10', registeredTo: '2026-03-01' },
    },
    { 'filter.registeredTo': text('validation.dateRange') },
  ],
  [
    'a drill export without a measure',
    'reports/export',
    { what: 'drill', format: 'xlsx', ...MARCH },
    { measure: text('validation.choose') },
  ],
  ['month 13', 'reports/monthly', { year: 2026, month: 13 }, { month: text('validation.tooLong') }],
  [
    'a year before the app',
    'reports/monthly',
    { year: 1999, month: 1 },
    { year: text('validation.tooShort') },
  ],
];

describe('bad input', () => {
  it.each(BAD)(
    '%s (%s): refused on the field, nothing changed',
    async (_label, method, input, fields) => {
      const error = await expectRefused(c, 'VALIDATION', () => c.t.call(method, input, S.director));
      expect(error.fields).toEqual(fields);
    },
  );

  it('nobody signed in gets nothing', async () => {
    await expectRefused(c, 'UNAUTHENTICATED', () =>
      c.t.call('reports/dashboard', MARCH, S.anonymous),
    );
    await expectRefused(c, 'UNAUTHENTICATED', () =>
      c.t.call('reports/export', { what: 'overdue', format: 'csv' }, S.anonymous),
    );
  });
});

describe('who sees which studios', () => {
  it('a mediator sees the studios they work in, by default and when asking', async () => {
    const all = await c.t.ok('reports/dashboard', MARCH, S.director);
    const mine = await c.t.ok('reports/dashboard', MARCH, S.mediator);
    expect(mine.scope).toEqual([c.studio.medical]);
    expect(mine.byStudio.map((s) => s.studioId)).toEqual([c.studio.medical]);
    const medicalRow = all.byStudio.find((s) => s.studioId === c.studio.medical);
    expect(mine.current.counts).toEqual(medicalRow?.figures.counts);
    expect(mine.current.counts.registered).toBe(3);
    expect(all.current.counts.registered).toBe(5);
    const asked = await c.t.ok(
      'reports/dashboard',
      { ...MARCH, studioIds: [c.studio.medical] },
      S.mediator,
    );
    expect(asked.current.counts).toEqual(mine.current.counts);
  });

  it('asking for another studio is refused, for every report', async () => {
    const other = { studioIds: [c.studio.labour] };
    for (const [method, input] of [
      ['reports/dashboard', { ...MARCH, ...other }],
      ['reports/drill', { ...MARCH, ...other, measure: 'registered' }],
      ['reports/overdue', other],
      ['reports/export', { what: 'dashboard', format: 'csv', ...MARCH, ...other }],
      ['reports/export', { what: 'cases', format: 'csv', filter: other }],
      ['reports/monthly', { year: 2026, month: 3, ...other }],
    ] as const) {
      const error = await expectRefused(c, 'FORBIDDEN', () => c.t.call(method, input, S.mediator));
      expect(error.message).toBe(text('error.studioScope'));
    }
  });

  it('drill-downs and the overdue list of a mediator hold only their studios’ cases', async () => {
    const drill = await c.t.ok(
      'reports/drill',
      { ...MARCH, measure: 'registered' },
      S.labourMediator,
    );
    expect(drill.total).toBe(2);
    expect(drill.items.every((i) => i.studioId === c.studio.labour)).toBe(true);
    const director = await c.t.ok('reports/overdue', {}, S.director);
    const mine = await c.t.ok('reports/overdue', {}, S.labourMediator);
    expect(director.total).toBeGreaterThan(mine.total);
    expect(mine.items.every((i) => i.studioId === c.studio.labour)).toBe(true);
    // The labour case unanswered since 03-02 is late for its response; the accepted one
    // (15 calendar days from 03-02: 03-17) is overdue.
    expect(mine.counts).toEqual({ overdue: 1, dueSoon: 0, response: 1 });
  });

  it('reception, clerks and admin read too; a clerk only their studio', async () => {
    const clerk = await c.t.ok('reports/dashboard', MARCH, S.clerk);
    expect(clerk.scope).toEqual([c.studio.medical]);
    const admin = await c.t.ok('reports/dashboard', MARCH, S.admin);
    expect(admin.scope).toBeNull();
    const reception = await c.t.ok('reports/dashboard', MARCH, S.reception);
    expect(reception.current.counts).toEqual(admin.current.counts);
  });
});

describe('the dashboard output', () => {
  it('names the period, the one before, the cut-off and the rates with their parts', async () => {
    const view = await c.t.ok('reports/dashboard', MARCH, S.director);
    expect(view.period).toEqual({ kind: 'month', ...MARCH, cutoff: '2026-03-31' });
    expect(view.previousPeriod).toEqual({
      kind: 'month',
      from: '2026-02-01',
      to: '2026-02-28',
      cutoff: '2026-02-28',
    });
    expect(view.today).toBe('2026-04-10');
    expect(view.responseLimitDays).toBe(1);
    expect(view.current.rates.completion).toEqual({
      numerator: 1,
      denominator: 3,
      value: 1 / 3,
      text: '33.3%',
    });
    expect(view.previous.rates.response).toEqual({
      numerator: 0,
      denominator: 0,
      value: null,
      text: '—',
    });
    // A labour case was unanswered at the end of March: open, and its response is late.
    expect(view.current.counts.openAtEnd).toBe(3);
    expect(view.current.counts.overdueAtEnd).toBe(1);
  });

  it('reads the response limit from the settings', async () => {
    await c.t.db
      .insertInto('settings')
      .values({ key: 'reports.responseLimitWorkingDays', value: '30' })
      .execute();
    try {
      const view = await c.t.ok('reports/dashboard', MARCH, S.director);
      expect(view.responseLimitDays).toBe(30);
    } finally {
      await c.t.db
        .deleteFrom('settings')
        .where('key', '=', 'reports.responseLimitWorkingDays')
        .execute();
    }
  });
});
