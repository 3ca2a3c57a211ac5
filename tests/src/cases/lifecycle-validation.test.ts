import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../src/api/contract';
import { tableNames } from '../../support/db-snapshot';
import { intake } from '../../support/fixtures';
import {
  act,
  caseIn,
  caseRow,
  expectRefused,
  openCenter,
  register,
  S,
  versionOf,
  type Center,
} from '../../support/lifecycle';

/** Field messages in zh-CN, written out. */
const MSG = {
  required: '必填',
  invalid: '格式不正确',
  tooShort: '内容过短',
  tooLong: '内容过长',
  choose: '请从列表中选择',
  number: '请输入数字',
  date: '请输入有效日期（年-月-日）',
  notMediator: '包含不是本工作室调解员的人员',
  sameStudio: '案件已在该工作室',
  unknownStudio: '工作室不存在或已停用',
} as const;

type Target = 'registered' | 'accepted' | 'in_mediation' | 'concluded';

interface MethodSpec {
  readonly method: MethodName;
  /** The state in which the method applies, so only the bad input can be the reason to refuse. */
  readonly state: Target;
  /** The rest of a valid input besides id and version. */
  readonly valid: (c: Center) => Record<string, unknown>;
}

const VERSIONED: MethodSpec[] = [
  { method: 'cases/accept', state: 'registered', valid: () => ({}) },
  { method: 'cases/decline', state: 'registered', valid: () => ({ reason: '不属受理范围' }) },
  {
    method: 'cases/refer',
    state: 'registered',
    valid: () => ({ referredTo: '区信访局', reason: '信访事项' }),
  },
  { method: 'cases/startMediation', state: 'accepted', valid: () => ({}) },
  { method: 'cases/conclude', state: 'in_mediation', valid: () => ({ outcome: 'withdrawn' }) },
  { method: 'cases/archive', state: 'concluded', valid: () => ({}) },
  {
    method: 'cases/transfer',
    state: 'accepted',
    valid: (c) => ({ studioId: c.studio.labour, reason: '劳动争议' }),
  },
  {
    method: 'cases/assignMediators',
    state: 'accepted',
    valid: (c) => ({ staffIds: [c.staff.mediator] }),
  },
  { method: 'cases/pauseDeadline', state: 'accepted', valid: () => ({ reason: '鉴定' }) },
  { method: 'cases/extendDeadline', state: 'accepted', valid: () => ({ days: 5, reason: '复杂' }) },
  {
    method: 'cases/openLinked',
    state: 'concluded',
    valid: () => ({ kind: 'judicial_confirmation' }),
  },
];

describe('bad input: a field-level VALIDATION error with the exact path, nothing written', () => {
  let c: Center;
  const ids = {} as Record<Target, number>;
  let followUpId: number;

  beforeAll(async () => {
    c = await openCenter();
    for (const state of ['registered', 'accepted', 'in_mediation', 'concluded'] as const) {
      ids[state] = (await caseIn(c, state)).id;
    }
    const view = await c.t.ok('cases/get', { id: ids.concluded }, S.mediator);
    followUpId = view.followUps[0]?.id ?? -1;
  });
  afterAll(async () => {
    await c.close();
  });

  /** Calls with the input built from the case's id and current version; expects one field error. */
  async function expectField(
    spec: Pick<MethodSpec, 'method' | 'state'>,
    input: (base: { id: number; version: number }) => unknown,
    path: string,
    message: string,
  ) {
    const id = ids[spec.state];
    const error = await expectRefused(c, 'VALIDATION', async () =>
      c.t.call(spec.method, input({ id, version: await versionOf(c, id) }), S.all),
    );
    expect(error.fields, `${spec.method} ${JSON.stringify(error)}`).toHaveProperty([path], message);
    expect(error.message).toContain(`${path} — ${message}`);
    return error;
  }

  describe.each(VERSIONED.map((s) => [s.method, s] as const))('%s: id and version', (_m, spec) => {
    it('is valid as built (the control case must not be refused for its input)', async () => {
      // Validate the control input against the schema by sending it at a stale version: the
      // schema passes and the call stops at STALE, before any write.
      const id = ids[spec.state];
      const version = await versionOf(c, id);
      await expectRefused(c, 'STALE', () =>
        c.t.call(spec.method, { id, version: version + 7, ...spec.valid(c) }, S.all),
      );
    });

    const cases: [
      string,
      (b: { id: number; version: number }) => Record<string, unknown>,
      string,
      string,
    ][] = [
      ['missing id', (b) => ({ version: b.version }), 'id', MSG.required],
      ['missing version', (b) => ({ id: b.id }), 'version', MSG.required],
      ['version 0', (b) => ({ id: b.id, version: 0 }), 'version', MSG.tooShort],
      ['version -1', (b) => ({ id: b.id, version: -1 }), 'version', MSG.tooShort],
      ['version 1.5', (b) => ({ id: b.id, version: 1.5 }), 'version', MSG.invalid],
      [
        'version as a string',
        (b) => ({ id: b.id, version: String(b.version) }),
        'version',
        MSG.number,
      ],
      ['negative id', (b) => ({ id: -b.id, version: b.version }), 'id', MSG.tooShort],
      ['id 0', (b) => ({ id: 0, version: b.version }), 'id', MSG.tooShort],
      ['id as a string', (b) => ({ id: String(b.id), version: b.version }), 'id', MSG.number],
      ['id null', (b) => ({ id: null, version: b.version }), 'id', MSG.required],
    ];
    it.each(cases)('%s', async (_name, build, path, message) => {
      await expectField(spec, (b) => ({ ...spec.valid(c), ...build(b) }), path, message);
    });
  });

  it('treats a missing input (null) as empty: id and version are required', async () => {
    const error = await expectRefused(c, 'VALIDATION', () => c.t.call('cases/accept', null, S.all));
    expect(error.fields).toEqual({ id: MSG.required, version: MSG.required });
  });

  const REASONED: [MethodName, Target, Record<string, unknown>][] = [
    ['cases/decline', 'registered', {}],
    ['cases/refer', 'registered', { referredTo: '区信访局' }],
    ['cases/transfer', 'accepted', {}],
    ['cases/pauseDeadline', 'accepted', {}],
    ['cases/extendDeadline', 'accepted', { days: 5 }],
  ];
  describe.each(REASONED)('%s: reason', (method, state, rest) => {
    const fixed = (extra: Record<string, unknown>) => (b: { id: number; version: number }) => ({
      ...b,
      ...rest,
      ...(method === 'cases/transfer' ? { studioId: c.studio.labour } : {}),
      ...extra,
    });
    it.each([
      ['missing', {}, MSG.required],
      ['empty', { reason: '' }, MSG.required],
      ['only spaces', { reason: '  \t ' }, MSG.required],
      ['10,000 characters', { reason: '理'.repeat(10_000) }, MSG.tooLong],
      ['1,001 characters', { reason: 'x'.repeat(1001) }, MSG.tooLong],
      ['a number', { reason: 42 }, MSG.invalid],
    ])('%s', async (_name, extra, message) => {
      await expectField({ method, state }, fixed(extra), 'reason', message);
    });
  });

  it('cases/refer: where to is required and bounded', async () => {
    const spec = { method: 'cases/refer', state: 'registered' } as const;
    const base = (extra: Record<string, unknown>) => (b: { id: number; version: number }) => ({
      ...b,
      reason: '信访事项',
      ...extra,
    });
    await expectField(spec, base({}), 'referredTo', MSG.required);
    await expectField(spec, base({ referredTo: ' ' }), 'referredTo', MSG.required);
    await expectField(spec, base({ referredTo: '局'.repeat(201) }), 'referredTo', MSG.tooLong);
  });

  describe('cases/conclude', () => {
    const spec = { method: 'cases/conclude', state: 'in_mediation' } as const;
    const with_ = (extra: Record<string, unknown>) => (b: { id: number; version: number }) => ({
      ...b,
      ...extra,
    });
    it('needs a known outcome', async () => {
      // A missing choice reads "choose one of the options" (zod reports an enum miss as such).
      await expectField(spec, with_({}), 'outcome', MSG.choose);
      await expectField(spec, with_({ outcome: 'settled' }), 'outcome', MSG.choose);
      await expectField(spec, with_({ outcome: 'WRITTEN_AGREEMENT' }), 'outcome', MSG.choose);
    });
    it('needs the advised route when there is no agreement', async () => {
      const error = await expectField(
        spec,
        with_({ outcome: 'no_agreement' }),
        'advisedRoute',
        MSG.required,
      );
      expect(Object.keys(error.fields ?? {})).toEqual(['advisedRoute']);
      await expectField(
        spec,
        with_({ outcome: 'no_agreement', advisedRoute: 'petition' }),
        'advisedRoute',
        MSG.choose,
      );
    });
    it.each([
      '2026-02-30',
      '2026-02-29',
      '2026-13-01',
      '2026-04-31',
      '2026/03/10',
      '20260310',
      '2026-3-1',
      '',
    ])('refuses agreementEffectiveOn %j', async (date) => {
      await expectField(
        spec,
        with_({ outcome: 'written_agreement', agreementEffectiveOn: date }),
        'agreementEffectiveOn',
        MSG.date,
      );
    });
    it('bounds the note', async () => {
      await expectField(
        spec,
        with_({ outcome: 'withdrawn', note: '注'.repeat(5001) }),
        'note',
        MSG.tooLong,
      );
    });
  });

  describe('cases/extendDeadline: days', () => {
    const spec = { method: 'cases/extendDeadline', state: 'accepted' } as const;
    it.each([
      ['0', 0, MSG.tooShort],
      ['-5', -5, MSG.tooShort],
      ['1000', 1000, MSG.tooLong],
      ['366', 366, MSG.tooLong],
      ['2.5', 2.5, MSG.invalid],
      ['"5"', '5', MSG.number],
      ['missing', undefined, MSG.required],
    ])('refuses %s', async (_name, days, message) => {
      await expectField(spec, (b) => ({ ...b, reason: '复杂', days }), 'days', message);
    });
  });

  describe('cases/assignMediators: staffIds', () => {
    const spec = { method: 'cases/assignMediators', state: 'accepted' } as const;
    const staff = (staffIds: unknown) => (b: { id: number; version: number }) => ({
      ...b,
      staffIds,
    });
    it('refuses a missing or malformed list', async () => {
      await expectField(spec, staff(undefined), 'staffIds', MSG.required);
      await expectField(spec, staff('1,2'), 'staffIds', MSG.invalid);
      await expectField(spec, staff([0]), 'staffIds.0', MSG.tooShort);
      await expectField(spec, staff([1, -2]), 'staffIds.1', MSG.tooShort);
      await expectField(
        spec,
        staff(Array.from({ length: 11 }, (_, i) => i + 1)),
        'staffIds',
        MSG.tooLong,
      );
    });
    it('refuses someone who is not an active mediator of the case studio', async () => {
      for (const who of [
        c.staff.clerk, // same studio, not a mediator
        c.staff.labourMediator, // mediator of another studio
        c.staff.reception,
        c.staff.director,
        999_999, // nobody
      ]) {
        await expectField(spec, staff([c.staff.mediator, who]), 'staffIds', MSG.notMediator);
      }
    });
  });

  describe('cases/transfer: studioId', () => {
    const spec = { method: 'cases/transfer', state: 'accepted' } as const;
    const to = (studioId: unknown) => (b: { id: number; version: number }) => ({
      ...b,
      studioId,
      reason: '改派',
    });
    it('refuses the same studio, a studio that does not exist, and malformed ids', async () => {
      await expectField(spec, to(c.studio.medical), 'studioId', MSG.sameStudio);
      await expectField(spec, to(999_999), 'studioId', MSG.unknownStudio);
      await expectField(spec, to(0), 'studioId', MSG.tooShort);
      await expectField(spec, to(undefined), 'studioId', MSG.required);
      await expectField(spec, to('labour'), 'studioId', MSG.number);
    });
    it('refuses a deactivated studio', async () => {
      await c.t.db
        .updateTable('studios')
        .set({ active: 0 })
        .where('id', '=', c.studio.township)
        .execute();
      try {
        await expectField(spec, to(c.studio.township), 'studioId', MSG.unknownStudio);
      } finally {
        await c.t.db
          .updateTable('studios')
          .set({ active: 1 })
          .where('id', '=', c.studio.township)
          .execute();
      }
    });
  });

  it('cases/openLinked: kind and summary', async () => {
    const spec = { method: 'cases/openLinked', state: 'concluded' } as const;
    await expectField(spec, (b) => b, 'kind', MSG.choose);
    await expectField(spec, (b) => ({ ...b, kind: 'arbitration' }), 'kind', MSG.choose);
    await expectField(
      spec,
      (b) => ({ ...b, kind: 'judicial_confirmation', summary: '要'.repeat(5001) }),
      'summary',
      MSG.tooLong,
    );
  });

  describe('followUps/record', () => {
    const base = () => ({ followUpId, version: 1, performance: 'fulfilled' });
    const cases: [string, () => Record<string, unknown>, string, string][] = [
      [
        'missing followUpId',
        () => ({ ...base(), followUpId: undefined }),
        'followUpId',
        MSG.required,
      ],
      ['negative followUpId', () => ({ ...base(), followUpId: -1 }), 'followUpId', MSG.tooShort],
      ['missing version', () => ({ ...base(), version: undefined }), 'version', MSG.required],
      ['version 0', () => ({ ...base(), version: 0 }), 'version', MSG.tooShort],
      [
        'missing performance',
        () => ({ ...base(), performance: undefined }),
        'performance',
        MSG.choose,
      ],
      [
        'unknown performance',
        () => ({ ...base(), performance: 'great' }),
        'performance',
        MSG.choose,
      ],
      [
        'unknown satisfaction',
        () => ({ ...base(), satisfaction: 'meh' }),
        'satisfaction',
        MSG.choose,
      ],
      ['escalation as text', () => ({ ...base(), escalation: 'yes' }), 'escalation', MSG.invalid],
      [
        'long escalationNote',
        () => ({ ...base(), escalationNote: 'x'.repeat(2001) }),
        'escalationNote',
        MSG.tooLong,
      ],
      ['long note', () => ({ ...base(), note: 'x'.repeat(5001) }), 'note', MSG.tooLong],
    ];
    it.each(cases)('%s', async (_name, input, path, message) => {
      const error = await expectRefused(c, 'VALIDATION', () =>
        c.t.call('followUps/record', input(), S.mediator),
      );
      expect(error.fields).toHaveProperty([path], message);
    });

    it('answers NOT_FOUND for a follow-up that does not exist', async () => {
      const error = await expectRefused(c, 'NOT_FOUND', () =>
        c.t.call('followUps/record', { ...base(), followUpId: 999_999 }, S.mediator),
      );
      expect(error.message).toBe('找不到该回访记录');
    });
  });

  it('puts field messages in the session language', async () => {
    await c.t.ok('session/setLocale', { locale: 'en' }, S.all);
    try {
      const error = await expectRefused(c, 'VALIDATION', async () =>
        c.t.call(
          'cases/conclude',
          {
            id: ids.in_mediation,
            version: await versionOf(c, ids.in_mediation),
            outcome: 'no_agreement',
          },
          S.all,
        ),
      );
      expect(error.fields).toEqual({ advisedRoute: 'Required' });
      expect(error.message).toBe('Invalid input: advisedRoute — Required');
    } finally {
      await c.t.ok('session/setLocale', { locale: 'zh-CN' }, S.all);
    }
  });
});

describe('SQL-looking and script-looking text is stored verbatim and is harmless', () => {
  let c: Center;
  beforeAll(async () => {
    c = await openCenter();
  });
  afterAll(async () => {
    await c.close();
  });

  const SQL = "x'); DROP TABLE cases; --";
  const SCRIPT = '<script>alert("调解")</script><img src=x onerror=alert(1)>';
  const QUOTES = `"' \\ ; -- /* */ %_ \t\u0001?`;

  it('in reasons, referrals, notes and follow-ups', async () => {
    const tablesBefore = await tableNames(c.t.db);

    const declined = await register(c);
    await act(c, 'cases/decline', declined.id, { reason: SQL }, S.reception);
    const referred = await register(c);
    await act(c, 'cases/refer', referred.id, { referredTo: SCRIPT, reason: QUOTES }, S.reception);

    const { id } = await caseIn(c, 'accepted');
    await act(c, 'cases/pauseDeadline', id, { reason: SCRIPT }, S.mediator);
    await act(c, 'cases/extendDeadline', id, { days: 2, reason: SQL }, S.mediator);
    await act(c, 'cases/transfer', id, { studioId: c.studio.family, reason: QUOTES }, S.reception);
    await act(c, 'cases/transfer', id, { studioId: c.studio.medical, reason: '调回' }, S.reception);
    await act(c, 'cases/conclude', id, { outcome: 'withdrawn', note: SQL + SCRIPT }, S.mediator);
    const view = await c.t.ok('cases/get', { id }, S.mediator);
    await c.t.ok(
      'followUps/record',
      {
        followUpId: view.followUps[0]?.id,
        version: 1,
        performance: 'not_due',
        escalation: true,
        escalationNote: SCRIPT,
        note: SQL,
      },
      S.mediator,
    );

    expect(await tableNames(c.t.db)).toEqual(tablesBefore);
    expect((await caseRow(c, declined.id)).declineReason).toBe(SQL);
    const ref = await c.t.ok('cases/get', { id: referred.id }, S.reception);
    expect(ref.referredTo).toBe(SCRIPT);
    expect(ref.referralReason).toBe(QUOTES);
    expect(ref.declineReason).toBeNull();
    expect(ref.events.at(-1)?.data).toEqual({ to: SCRIPT, reason: QUOTES });

    const after = await c.t.ok('cases/get', { id }, S.mediator);
    expect(after.outcomeNote).toBe(SQL + SCRIPT);
    expect(after.deadlineChanges.map((d) => d.reason)).toEqual([SCRIPT, SQL]);
    expect(after.events.find((e) => e.kind === 'transferred')?.data).toMatchObject({
      reason: QUOTES,
    });
    expect(after.followUps[0]).toMatchObject({ escalation: 1, escalationNote: SCRIPT, note: SQL });
    const count = await c.t.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
    expect(c.t.internalErrors).toEqual([]);
  });

  it('except a NUL character, which PostgreSQL cannot store: refused on both engines', async () => {
    const referred = await register(c);
    const error = await expectRefused(c, 'VALIDATION', async () =>
      c.t.call(
        'cases/refer',
        {
          id: referred.id,
          version: await versionOf(c, referred.id),
          referredTo: '区法院',
          reason: `移交\u0000${QUOTES}`,
        },
        S.reception,
      ),
    );
    expect(error.fields).toEqual({ reason: '含有无法保存的空字符（U+0000），请删除后重试' });
    const nested = await expectRefused(c, 'VALIDATION', () =>
      c.t.call('cases/register', {
        ...intake(c.studio.medical),
        parties: [
          { role: 'applicant', party: { kind: 'person', name: '张\u0000三', sex: 'male' } },
          { role: 'respondent', party: { kind: 'person', name: '李四', sex: 'male' } },
        ],
      }),
    );
    expect(Object.keys(nested.fields ?? {})).toEqual(['parties.0.party.name']);
    expect(c.t.internalErrors).toEqual([]);
  });
});
