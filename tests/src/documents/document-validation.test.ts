import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { numberedPerson } from '../../support/fixtures';
import {
  act,
  caseIn,
  expectRefused,
  openCenter,
  register,
  S,
  type Center,
} from '../../support/lifecycle';
import { agreementContent, caseInMediation } from './support';

const on = (date: string) => new Date(`${date}T10:00:00+08:00`);

/** Bad input and wrong moments: a clear error, field by field where a field is at fault, and nothing changed. */
describe('documents refuse bad input and change nothing', () => {
  let c: Center;
  beforeEach(async () => {
    c = await openCenter(on('2026-03-10'));
  });
  afterEach(async () => {
    await c.close();
  });

  /** A party of another case only (parties are stored once, so fixtures' people are shared). */
  async function stranger(): Promise<number> {
    const other = await register(c, 'labour', {
      parties: [
        { role: 'applicant', party: numberedPerson(901) },
        { role: 'respondent', party: numberedPerson(902) },
      ],
    });
    const party = (await c.t.ok('cases/get', { id: other.id }, S.director)).parties[0];
    if (party === undefined) throw new Error('no party');
    return party.partyId;
  }

  async function printed() {
    const k = await caseInMediation(c);
    const saved = await c.t.ok(
      'agreements/save',
      { caseId: k.id, content: agreementContent(k.partyIds) },
      S.mediator,
    );
    await c.t.ok('agreements/print', { versionId: saved.versionId }, S.clerk);
    return { ...k, versionId: saved.versionId };
  }

  it('an unknown document kind', async () => {
    const { id } = await caseIn(c, 'accepted');
    const error = await expectRefused(c, 'VALIDATION', () =>
      c.t.call('documents/generate', { kind: 'court_judgment', caseId: id }),
    );
    expect(error.fields).toEqual({ kind: expect.any(String) });
  });

  it('missing or malformed fields of a kind', async () => {
    const { id } = await caseIn(c, 'accepted');
    const error = await expectRefused(c, 'VALIDATION', () =>
      c.t.call('documents/generate', {
        kind: 'session_notice',
        caseId: id,
        startsAt: '2026-03-12 25:00',
        place: '',
      }),
    );
    expect(error.fields).toEqual({
      startsAt: '请输入有效的日期和时间（年-月-日 时:分）',
      place: '必填',
    });
  });

  it('a notice for a party not in the case', async () => {
    const { id } = await caseIn(c, 'accepted');
    const otherParty = await stranger();
    const error = await expectRefused(c, 'VALIDATION', () =>
      c.t.call('documents/generate', {
        kind: 'session_notice',
        caseId: id,
        startsAt: '2026-03-12T09:00',
        place: '医调一室',
        partyIds: [otherParty],
      }),
    );
    expect(error.fields).toEqual({ 'partyIds.0': '该当事人不属于本案' });
  });

  it('a paper the case is not ready for', async () => {
    const { id } = await caseIn(c, 'in_mediation');
    const termination = await expectRefused(c, 'INVALID_TRANSITION', () =>
      c.t.call('documents/generate', { kind: 'termination_notice', caseId: id }, S.mediator),
    );
    expect(termination.message).toBe('案件当前状态为“调解中”，不能出具终止人民调解通知书');
    const confirmation = await expectRefused(c, 'INVALID_TRANSITION', () =>
      c.t.call(
        'documents/generate',
        { kind: 'confirmation_application', caseId: id, court: '某某区人民法院' },
        S.mediator,
      ),
    );
    expect(confirmation.message).toBe('本案尚无已生效的调解协议，不能申请司法确认');
  });

  it('an agreement naming a party not in the case, or too few copies', async () => {
    const k = await caseInMediation(c);
    const outsider = await stranger();
    const error = await expectRefused(c, 'VALIDATION', () =>
      c.t.call(
        'agreements/save',
        { caseId: k.id, content: agreementContent([k.partyIds[0] ?? 0, outsider]) },
        S.mediator,
      ),
    );
    expect(error.fields).toEqual({ 'content.parties.1.partyId': '该当事人不属于本案' });
    const copies = await expectRefused(c, 'VALIDATION', () =>
      c.t.call(
        'agreements/save',
        { caseId: k.id, content: agreementContent(k.partyIds, { copies: 2, terms: [] }) },
        S.mediator,
      ),
    );
    expect(copies.fields).toEqual({
      'content.terms': '至少需要一条协议条款',
      'content.copies': '份数不能少于当事人人数加一（当事人各一份、调解委员会一份）',
    });
  });

  it('editing a printed version', async () => {
    const k = await printed();
    const error = await expectRefused(c, 'CONFLICT', () =>
      c.t.call(
        'agreements/save',
        {
          caseId: k.id,
          versionId: k.versionId,
          revision: 1,
          content: agreementContent(k.partyIds, { facts: '改动' }),
        },
        S.mediator,
      ),
    );
    expect(error.message).toBe('第1版已打印，不能修改；如需更正请另存为新版本');
  });

  it('saving over a draft someone else changed since', async () => {
    const k = await caseInMediation(c);
    const saved = await c.t.ok(
      'agreements/save',
      { caseId: k.id, content: agreementContent(k.partyIds) },
      S.mediator,
    );
    await c.t.ok(
      'agreements/save',
      {
        caseId: k.id,
        versionId: saved.versionId,
        revision: 1,
        content: agreementContent(k.partyIds),
      },
      S.clerk,
    );
    await expectRefused(c, 'STALE', () =>
      c.t.call(
        'agreements/save',
        {
          caseId: k.id,
          versionId: saved.versionId,
          revision: 1,
          content: agreementContent(k.partyIds),
        },
        S.mediator,
      ),
    );
  });

  it('a signature for a party not in the agreement, before printing, or on a wrong day', async () => {
    const k = await printed();
    const outsider = await stranger();
    const party = await expectRefused(c, 'VALIDATION', () =>
      c.t.call(
        'agreements/sign',
        {
          versionId: k.versionId,
          signer: { kind: 'party', partyId: outsider, method: 'signed' },
          signedOn: '2026-03-10',
        },
        S.clerk,
      ),
    );
    expect(party.fields).toEqual({ 'signer.partyId': '该当事人不是本协议的当事人' });
    const future = await expectRefused(c, 'VALIDATION', () =>
      c.t.call(
        'agreements/sign',
        { versionId: k.versionId, signer: { kind: 'mediator' }, signedOn: '2026-03-11' },
        S.clerk,
      ),
    );
    expect(future.fields).toEqual({ signedOn: '签署日期应在协议打印之日与今天之间' });
    const method = await expectRefused(c, 'VALIDATION', () =>
      c.t.call(
        'agreements/sign',
        {
          versionId: k.versionId,
          signer: { kind: 'party', partyId: k.partyIds[0], method: 'stamped' },
          signedOn: '2026-03-10',
        },
        S.clerk,
      ),
    );
    expect(method.fields).toEqual({ 'signer.method': '请从列表中选择' });

    const draft = await caseInMediation(c);
    const saved = await c.t.ok(
      'agreements/save',
      { caseId: draft.id, content: agreementContent(draft.partyIds) },
      S.mediator,
    );
    const unprinted = await expectRefused(c, 'CONFLICT', () =>
      c.t.call(
        'agreements/sign',
        { versionId: saved.versionId, signer: { kind: 'committee' }, signedOn: '2026-03-10' },
        S.clerk,
      ),
    );
    expect(unprinted.message).toBe('协议尚未打印，不能登记签署或上传签署件');
  });

  it('a scan of the wrong type, too large, or not base64', async () => {
    const k = await printed();
    const attach = (dataBase64: string) =>
      c.t.call(
        'agreements/attachScan',
        { versionId: k.versionId, fileName: 'scan.gif', dataBase64 },
        S.clerk,
      );
    const gif = await expectRefused(c, 'VALIDATION', () =>
      attach(Buffer.from('GIF89a........').toString('base64')),
    );
    expect(gif.fields).toEqual({ dataBase64: '只能上传 PDF、JPEG 或 PNG 文件' });
    // A PDF by name and claimed type, but an executable by content.
    const exe = await expectRefused(c, 'VALIDATION', () =>
      attach(Buffer.from('MZ\x90\x00 this is not a pdf').toString('base64')),
    );
    expect(exe.fields).toEqual({ dataBase64: '只能上传 PDF、JPEG 或 PNG 文件' });
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0);
    Buffer.from('%PDF-1.7').copy(big);
    const tooLarge = await expectRefused(c, 'VALIDATION', () => attach(big.toString('base64')));
    expect(tooLarge.fields).toEqual({ dataBase64: '文件过大（最大 5 MB）' });
    const garbage = await expectRefused(c, 'VALIDATION', () => attach('not base64!'));
    expect(garbage.fields).toEqual({ dataBase64: '文件数据无法读取' });
  });

  it('roles and studio scope', async () => {
    const k = await caseInMediation(c);
    // Reception prints receipts but does not draft agreements; a labour clerk cannot touch medical cases.
    await expectRefused(c, 'FORBIDDEN', () =>
      c.t.call(
        'agreements/save',
        { caseId: k.id, content: agreementContent(k.partyIds) },
        S.reception,
      ),
    );
    await expectRefused(c, 'FORBIDDEN', () =>
      c.t.call(
        'agreements/save',
        { caseId: k.id, content: agreementContent(k.partyIds) },
        S.labourClerk,
      ),
    );
    await expectRefused(c, 'FORBIDDEN', () =>
      c.t.call('documents/generate', { kind: 'acceptance_receipt', caseId: k.id }, S.labourClerk),
    );
    await expectRefused(c, 'FORBIDDEN', () =>
      c.t.call('documents/generate', { kind: 'acceptance_receipt', caseId: k.id }, S.director),
    );
    await expectRefused(c, 'UNAUTHENTICATED', () =>
      c.t.call('documents/verify', { code: 'ABCD-EFGH' }, S.anonymous),
    );
  });

  it('a verification code of the wrong shape, an unknown document', async () => {
    const bad = await expectRefused(c, 'VALIDATION', () =>
      c.t.call('documents/verify', { code: 'ABC-IOU' }, S.clerk),
    );
    expect(bad.fields).toEqual({ code: '校验码为 8 位字母或数字（如 7KQF-3M2X）' });
    await expectRefused(c, 'NOT_FOUND', () => c.t.call('documents/pdf', { id: 999 }, S.clerk));
  });

  it('an agreement for a case that cannot have one', async () => {
    const { id } = await caseIn(c, 'registered');
    const view = await c.t.ok('cases/get', { id }, S.mediator);
    const error = await expectRefused(c, 'INVALID_TRANSITION', () =>
      c.t.call(
        'agreements/save',
        { caseId: id, content: agreementContent(view.parties.map((p) => p.partyId)) },
        S.mediator,
      ),
    );
    expect(error.message).toBe('案件当前状态为“登记”，不能制作调解协议');
    await act(c, 'cases/accept', id, {}, S.reception);
  });

  it('changing anything once the agreement is in effect', async () => {
    const k = await printed();
    for (const signer of [
      { kind: 'party', partyId: k.partyIds[0], method: 'signed' },
      { kind: 'party', partyId: k.partyIds[1], method: 'sealed' },
      { kind: 'mediator' },
      { kind: 'committee' },
    ]) {
      await c.t.ok(
        'agreements/sign',
        { versionId: k.versionId, signer, signedOn: '2026-03-10' },
        S.clerk,
      );
    }
    const resign = await expectRefused(c, 'CONFLICT', () =>
      c.t.call(
        'agreements/sign',
        { versionId: k.versionId, signer: { kind: 'mediator' }, signedOn: '2026-03-10' },
        S.clerk,
      ),
    );
    expect(resign.message).toBe('协议已生效，不能再修改');
    await expectRefused(c, 'CONFLICT', () =>
      c.t.call(
        'agreements/save',
        { caseId: k.id, content: agreementContent(k.partyIds) },
        S.mediator,
      ),
    );
  });
});
