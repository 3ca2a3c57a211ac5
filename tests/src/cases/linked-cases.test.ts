import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditChainBreaks } from '../../support/audit-chain';
import {
  act,
  caseIn,
  caseRow,
  expectRefused,
  NAMES,
  openCenter,
  S,
  versionOf,
  type Center,
} from '../../support/lifecycle';

const on = (date: string) => new Date(`${date}T10:00:00+08:00`);

async function openLinked(
  c: Center,
  id: number,
  kind: 'judicial_confirmation' | 'speedy_court',
  session: string = S.mediator,
  extra: Record<string, unknown> = {},
) {
  return c.t.call(
    'cases/openLinked',
    { id, version: await versionOf(c, id), kind, ...extra },
    session,
  );
}

describe('linked cases: judicial confirmation and the speedy court', () => {
  let c: Center;
  beforeEach(async () => {
    c = await openCenter(on('2026-03-10'));
  });
  afterEach(async () => {
    await c.close();
  });

  it('judicial confirmation needs a written agreement; otherwise INVALID_TRANSITION, nothing written', async () => {
    for (const conclude of [
      { outcome: 'oral_agreement' },
      { outcome: 'no_agreement', advisedRoute: 'litigation' },
      { outcome: 'withdrawn' },
      { outcome: 'refused' },
    ]) {
      const { id } = await caseIn(c, 'concluded', 'medical', conclude);
      const error = await expectRefused(c, 'INVALID_TRANSITION', () =>
        openLinked(c, id, 'judicial_confirmation'),
      );
      expect(error.message).toBe('只有达成书面协议的案件才能申请司法确认');
    }
  });

  it('is refused before conclusion, naming the state', async () => {
    for (const status of ['registered', 'accepted', 'in_mediation', 'declined'] as const) {
      const { id } = await caseIn(c, status);
      const error = await expectRefused(c, 'INVALID_TRANSITION', () =>
        openLinked(c, id, 'judicial_confirmation', S.all),
      );
      expect(error.message).toMatch(/^案件当前状态为“.+”，不能关联新案件$/);
    }
  });

  it('opens a registered case in the judicial studio with the same parties, linked both ways', async () => {
    const source = await caseIn(c, 'concluded', 'medical', {
      outcome: 'written_agreement',
      agreementEffectiveOn: '2026-03-10',
    });
    const sourceVersion = await versionOf(c, source.id);
    c.clock.set(on('2026-03-12'));
    const result = await openLinked(c, source.id, 'judicial_confirmation');
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const linked = result.value;
    expect(linked.number).toBe('（2026）矛司调确字第0001号');
    expect(linked.window).toEqual({ endsOn: '2026-04-09', state: 'open' });

    const created = await c.t.ok('cases/get', { id: linked.id }, S.reception);
    const original = await c.t.ok('cases/get', { id: source.id }, S.reception);
    expect(created).toMatchObject({
      number: '（2026）矛司调确字第0001号',
      studioId: c.studio.judicial,
      status: 'registered',
      category: original.category,
      source: original.source,
      summary: original.summary,
      requests: original.requests,
      amountFen: original.amountFen,
      registeredAt: '2026-03-12T02:00:00.000Z',
      registeredBy: c.staff.mediator,
      version: 1,
    });
    expect(created.parties.map((p) => [p.partyId, p.role])).toEqual(
      original.parties.map((p) => [p.partyId, p.role]),
    );
    expect(created.parties.length).toBe(2);

    expect(original.links).toEqual([
      {
        kind: 'judicial_confirmation',
        at: '2026-03-12T02:00:00.000Z',
        id: linked.id,
        number: linked.number,
        status: 'registered',
        direction: 'to',
      },
    ]);
    expect(created.links).toEqual([
      {
        kind: 'judicial_confirmation',
        at: '2026-03-12T02:00:00.000Z',
        id: source.id,
        number: source.number,
        status: 'concluded',
        direction: 'from',
      },
    ]);

    expect(created.events).toEqual([
      expect.objectContaining({
        kind: 'registered',
        staffName: NAMES.mediator,
        data: { number: linked.number, studioId: c.studio.judicial, linkedFrom: source.number },
      }),
    ]);
    expect(original.events.at(-1)).toMatchObject({
      kind: 'linkedCaseOpened',
      staffName: NAMES.mediator,
      data: { kind: 'judicial_confirmation', number: linked.number },
    });
    // The source keeps its state.
    expect(original.status).toBe('concluded');
    expect(original.version).toBe(sourceVersion);

    const audit = await c.t.db
      .selectFrom('auditLog')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      method: 'cases/openLinked',
      entity: 'case',
      entityId: String(linked.id),
      staffId: c.staff.mediator,
    });
    expect(JSON.parse(audit.after ?? 'null')).toMatchObject({
      linkedFrom: source.id,
      kind: 'judicial_confirmation',
    });
    expect(await auditChainBreaks(c.t.db)).toEqual([]);
  });

  it('a second application of the same kind → CONFLICT naming the linked case, nothing written', async () => {
    const source = await caseIn(c, 'concluded');
    const first = await openLinked(c, source.id, 'judicial_confirmation');
    expect(first.ok).toBe(true);
    const error = await expectRefused(c, 'CONFLICT', () =>
      openLinked(c, source.id, 'judicial_confirmation', S.reception),
    );
    expect(error.message).toBe('已关联案件 （2026）矛司调确字第0001号，不能重复申请');
    // Still so once archived.
    await act(c, 'cases/archive', source.id, {}, S.clerk);
    await expectRefused(c, 'CONFLICT', () => openLinked(c, source.id, 'judicial_confirmation'));
  });

  it('numbers judicial cases in their own yearly sequence', async () => {
    const a = await caseIn(c, 'concluded');
    const b = await caseIn(c, 'archived');
    const first = await openLinked(c, a.id, 'judicial_confirmation');
    const second = await openLinked(c, b.id, 'judicial_confirmation', S.clerk);
    expect(first.ok && first.value.number).toBe('（2026）矛司调确字第0001号');
    expect(second.ok && second.value.number).toBe('（2026）矛司调确字第0002号');
  });

  it('uses the summary given, else the source summary', async () => {
    const source = await caseIn(c, 'concluded');
    const result = await openLinked(c, source.id, 'judicial_confirmation', S.mediator, {
      summary: '双方共同申请确认人民调解协议效力',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect((await caseRow(c, result.value.id)).summary).toBe('双方共同申请确认人民调解协议效力');
  });

  it('the confirmation window: open, closing 5 days before the end, past after 30 days', async () => {
    const { id } = await caseIn(c, 'concluded', 'medical', {
      outcome: 'written_agreement',
      agreementEffectiveOn: '2026-03-10',
    });
    const windowOn = async (date: string) => {
      c.clock.set(on(date));
      return (await c.t.ok('cases/get', { id }, S.mediator)).confirmationWindow;
    };
    expect(await windowOn('2026-03-10')).toEqual({ endsOn: '2026-04-09', state: 'open' });
    expect(await windowOn('2026-04-03')).toEqual({ endsOn: '2026-04-09', state: 'open' });
    expect(await windowOn('2026-04-04')).toEqual({ endsOn: '2026-04-09', state: 'closing' });
    expect(await windowOn('2026-04-09')).toEqual({ endsOn: '2026-04-09', state: 'closing' });
    expect(await windowOn('2026-04-10')).toEqual({ endsOn: '2026-04-09', state: 'past' });
  });

  it('openLinked reports the window state at the time of application', async () => {
    const closing = await caseIn(c, 'concluded');
    c.clock.set(on('2026-04-05'));
    const result = await openLinked(c, closing.id, 'judicial_confirmation');
    expect(result.ok && result.value.window).toEqual({ endsOn: '2026-04-09', state: 'closing' });
  });

  // DESIGN §4: the joint application is made "within 30 days of the agreement taking effect"
  // (民事诉讼法 第205条). Once the window is past, no judicial-confirmation case may be opened.
  it('refuses a judicial-confirmation application after the 30-day window, writing nothing', async () => {
    const { id } = await caseIn(c, 'concluded', 'medical', {
      outcome: 'written_agreement',
      agreementEffectiveOn: '2026-03-10',
    });
    c.clock.set(on('2026-04-10'));
    expect((await c.t.ok('cases/get', { id }, S.mediator)).confirmationWindow?.state).toBe('past');
    await expectRefused(c, 'INVALID_TRANSITION', () => openLinked(c, id, 'judicial_confirmation'));
  });

  it('without an active judicial-confirmation studio → VALIDATION on kind, nothing written', async () => {
    const { id } = await caseIn(c, 'concluded');
    await c.t.db
      .updateTable('studios')
      .set({ active: 0 })
      .where('id', '=', c.studio.judicial)
      .execute();
    const error = await expectRefused(c, 'VALIDATION', () =>
      openLinked(c, id, 'judicial_confirmation'),
    );
    expect(error.fields).toEqual({ kind: '工作室不存在或已停用' });
  });

  it('no window without a written agreement', async () => {
    const { id } = await caseIn(c, 'concluded', 'medical', { outcome: 'oral_agreement' });
    expect((await c.t.ok('cases/get', { id }, S.mediator)).confirmationWindow).toBeNull();
  });

  it('the speedy court only after no agreement or a refusal', async () => {
    for (const conclude of [
      { outcome: 'written_agreement' },
      { outcome: 'oral_agreement' },
      { outcome: 'withdrawn' },
    ]) {
      const { id } = await caseIn(c, 'concluded', 'medical', conclude);
      const error = await expectRefused(c, 'INVALID_TRANSITION', () =>
        openLinked(c, id, 'speedy_court'),
      );
      expect(error.message).toBe('只有调解未成功的案件才能转速裁法庭');
    }

    const failed = await caseIn(c, 'concluded', 'medical', {
      outcome: 'no_agreement',
      advisedRoute: 'litigation',
    });
    const court = await openLinked(c, failed.id, 'speedy_court');
    if (!court.ok) throw new Error(JSON.stringify(court.error));
    expect(court.value.number).toBe('（2026）矛速调字第0001号');
    expect(court.value.window).toBeNull();
    expect(await caseRow(c, court.value.id)).toMatchObject({
      studioId: c.studio.court,
      status: 'registered',
    });
    const links = (await c.t.ok('cases/get', { id: failed.id }, S.mediator)).links;
    expect(links).toMatchObject([{ kind: 'speedy_court', direction: 'to', id: court.value.id }]);
    await expectRefused(c, 'CONFLICT', () => openLinked(c, failed.id, 'speedy_court'));

    const refused = await caseIn(c, 'archived', 'medical', { outcome: 'refused' });
    const second = await openLinked(c, refused.id, 'speedy_court', S.clerk);
    expect(second.ok && second.value.number).toBe('（2026）矛速调字第0002号');
  });

  it('studio scope and version: another studio mediator → FORBIDDEN; reception anywhere; stale → STALE', async () => {
    const source = await caseIn(c, 'concluded');
    await expectRefused(c, 'FORBIDDEN', () =>
      openLinked(c, source.id, 'judicial_confirmation', S.labourMediator),
    );
    await expectRefused(c, 'FORBIDDEN', () =>
      openLinked(c, source.id, 'judicial_confirmation', S.director),
    );
    await expectRefused(c, 'STALE', async () =>
      c.t.call(
        'cases/openLinked',
        {
          id: source.id,
          version: (await versionOf(c, source.id)) - 1,
          kind: 'judicial_confirmation',
        },
        S.reception,
      ),
    );
    const result = await openLinked(c, source.id, 'judicial_confirmation', S.reception);
    expect(result.ok).toBe(true);
  });
});
