import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditChainBreaks } from '../../support/audit-chain';
import { caseRow, openCenter, S, type Center } from '../../support/lifecycle';
import { agreementContent, caseInMediation, flatText, pageTexts, pdfOf, savePngs } from './support';

const on = (date: string) => new Date(`${date}T10:00:00+08:00`);

describe('mediation agreements (人民调解协议书)', () => {
  let c: Center;
  beforeEach(async () => {
    c = await openCenter(on('2026-03-10'));
  });
  afterEach(async () => {
    await c.close();
  });

  it('each save without a version is a new version; a draft is saved over at its revision', async () => {
    const { id, partyIds } = await caseInMediation(c);
    const first = await c.t.ok(
      'agreements/save',
      { caseId: id, content: agreementContent(partyIds) },
      S.mediator,
    );
    expect(first).toMatchObject({ versionNo: 1, revision: 1 });
    const amended = await c.t.ok(
      'agreements/save',
      {
        caseId: id,
        versionId: first.versionId,
        revision: 1,
        content: agreementContent(partyIds, { issues: '赔偿数额' }),
      },
      S.clerk,
    );
    expect(amended).toEqual({ versionId: first.versionId, versionNo: 1, revision: 2 });
    const second = await c.t.ok(
      'agreements/save',
      { caseId: id, content: agreementContent(partyIds) },
      S.mediator,
    );
    expect(second.versionNo).toBe(2);

    const view = await c.t.ok('agreements/get', { caseId: id }, S.clerk);
    expect(view.canEdit).toBe(true);
    expect(view.versions.map((v) => [v.versionNo, v.revision, v.content.issues])).toEqual([
      [1, 2, '赔偿数额'],
      [2, 1, '医疗费、误工费的赔偿数额。'],
    ]);
    expect(await auditChainBreaks(c.t.db)).toEqual([]);
  });

  it('printing renders N+1 marked copies with every required part, and freezes the version', async () => {
    const { id, number, partyIds } = await caseInMediation(c);
    const saved = await c.t.ok(
      'agreements/save',
      { caseId: id, content: agreementContent(partyIds) },
      S.mediator,
    );
    const printed = await c.t.ok('agreements/print', { versionId: saved.versionId }, S.clerk);
    expect(printed).toMatchObject({ title: '人民调解协议书', reused: false, missing: [] });
    expect(printed.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);

    const bytes = await pdfOf(c, printed.id);
    savePngs(bytes, 'agreement-2-parties');
    const pages = pageTexts(bytes);
    expect(pages).toHaveLength(printed.pages);
    const perCopy = printed.pages / 3;
    expect(Number.isInteger(perCopy)).toBe(true);
    const code = `${printed.code.slice(0, 4)}-${printed.code.slice(4)}`;
    pages.forEach((page, i) => {
      const flat = page.replace(/\s+/g, '');
      // Every page: the committee, the copy mark, page x of y within the copy, the code.
      expect(flat).toContain('医疗纠纷人民调解委员会');
      expect(flat).toContain(`第${Math.floor(i / perCopy) + 1}份共3份`);
      expect(flat).toContain(`第${(i % perCopy) + 1}页共${perCopy}页`);
      expect(flat).toContain(`校验码${code}`);
    });
    const copy = pages.slice(0, perCopy).join('').replace(/\s+/g, '');
    for (const required of [
      '人民调解协议书',
      `编号：${number}第1版`,
      // Parties with their particulars (People's Mediation Law art. 29).
      '申请人：张伟，男，1980年1月1日出生，公民身份号码110105198001011238',
      '被申请人：市第一人民医院，统一社会信用代码91350100M000100Y43',
      '法定代表人：赵院长',
      // Facts, issues, responsibility, terms, performance.
      '纠纷主要事实、争议事项',
      '术后切口感染',
      '争议事项：医疗费、误工费的赔偿数额。',
      '被申请人术后护理存在不足，承担主要责任',
      '一、被申请人于2026年4月30日前一次性赔偿申请人医疗费、误工费共计人民币伍万元整',
      '二、申请人收到赔偿款后',
      '履行方式：银行转账至申请人指定账户；履行地点：市第一人民医院财务科；履行期限：2026年4月30日前履行完毕。',
      // Copies and the rule of effect, then the signature lines.
      '本协议一式3份，当事人各执一份，人民调解委员会留存1份。',
      '申请人（签名或按指印）：',
      '被申请人（盖章）：',
      '人民调解员（签名）：',
      '医疗纠纷人民调解委员会（印章）：',
    ]) {
      expect(copy, required).toContain(required);
    }
    // The three copies say the same, bar their marks.
    const strip = (s: string) => s.replace(/第\d份\s*共3份/g, '');
    expect(strip(pages.slice(perCopy, 2 * perCopy).join(''))).toBe(
      strip(pages.slice(0, perCopy).join('')),
    );

    // Frozen: the version is printed and cannot be saved over; a reprint is the same bytes.
    const again = await c.t.ok('agreements/print', { versionId: saved.versionId }, S.mediator);
    expect(again).toMatchObject({ id: printed.id, reused: true, sha256: printed.sha256 });
    expect(await pdfOf(c, again.id)).toEqual(bytes);
    const view = await c.t.ok('agreements/get', { caseId: id }, S.clerk);
    expect(view.versions[0]).toMatchObject({
      documentId: printed.id,
      printedAt: on('2026-03-10').toISOString(),
    });
  });

  it('the agreement takes effect with the last signature or seal; the case carries the date', async () => {
    const { id, partyIds } = await caseInMediation(c);
    const [applicant, respondent] = partyIds as [number, number];
    const saved = await c.t.ok(
      'agreements/save',
      { caseId: id, content: agreementContent(partyIds) },
      S.mediator,
    );
    await c.t.ok('agreements/print', { versionId: saved.versionId }, S.clerk);
    const sign = (signer: object, signedOn: string) =>
      c.t.ok('agreements/sign', { versionId: saved.versionId, signer, signedOn }, S.clerk);

    c.clock.set(on('2026-03-12'));
    expect(
      await sign({ kind: 'party', partyId: applicant, method: 'fingerprinted' }, '2026-03-10'),
    ).toEqual({
      effectiveOn: null,
      missing: [`party:${respondent}`, 'mediator', 'committee'],
    });
    await sign({ kind: 'party', partyId: respondent, method: 'sealed' }, '2026-03-11');
    await sign({ kind: 'mediator' }, '2026-03-11');
    const caseBefore = await caseRow(c, id);
    expect(caseBefore.agreementEffectiveOn).toBeNull();
    // The committee's seal, last, on the 12th: the agreement is in effect from that day.
    expect(await sign({ kind: 'committee' }, '2026-03-12')).toEqual({
      effectiveOn: '2026-03-12',
      missing: [],
    });
    const after = await caseRow(c, id);
    expect(after.agreementEffectiveOn).toBe('2026-03-12');
    expect(after.version).toBe(caseBefore.version + 1);

    // The case page shows it, and the judicial-confirmation window runs from it.
    const detail = await c.t.ok('cases/get', { id }, S.mediator);
    expect(detail.agreementEffectiveOn).toBe('2026-03-12');
    expect(detail.confirmationWindow).toEqual({ endsOn: '2026-04-13', state: 'open' });
    expect(detail.events.at(-1)).toMatchObject({
      kind: 'agreementEffective',
      data: { versionNo: 1, effectiveOn: '2026-03-12' },
    });
    const view = await c.t.ok('agreements/get', { caseId: id }, S.clerk);
    expect(view.effectiveOn).toBe('2026-03-12');
    expect(view.canEdit).toBe(false);
    expect(view.versions[0]?.signatures.map((s) => [s.signer, s.method, s.signedOn])).toEqual([
      [`party:${applicant}`, 'fingerprinted', '2026-03-10'],
      [`party:${respondent}`, 'sealed', '2026-03-11'],
      ['mediator', 'signed', '2026-03-11'],
      ['committee', 'sealed', '2026-03-12'],
    ]);
    expect(await auditChainBreaks(c.t.db)).toEqual([]);
  });

  it('a correction after printing is a new version, printed on its own', async () => {
    const { id, partyIds } = await caseInMediation(c);
    const v1 = await c.t.ok(
      'agreements/save',
      { caseId: id, content: agreementContent(partyIds) },
      S.mediator,
    );
    const p1 = await c.t.ok('agreements/print', { versionId: v1.versionId }, S.clerk);
    const v2 = await c.t.ok(
      'agreements/save',
      { caseId: id, content: agreementContent(partyIds, { copies: 4 }) },
      S.mediator,
    );
    const p2 = await c.t.ok('agreements/print', { versionId: v2.versionId }, S.clerk);
    expect(p2.id).not.toBe(p1.id);
    expect(p2.code).not.toBe(p1.code);
    const text = flatText(await pdfOf(c, p2.id));
    expect(text).toContain('第2版');
    expect(text).toContain('第4份共4份');
    expect(text).toContain('本协议一式4份，当事人各执一份，人民调解委员会留存2份。');
  });

  it('keeps the scanned signed copy with its hash', async () => {
    const { id, partyIds } = await caseInMediation(c);
    const saved = await c.t.ok(
      'agreements/save',
      { caseId: id, content: agreementContent(partyIds) },
      S.mediator,
    );
    await c.t.ok('agreements/print', { versionId: saved.versionId }, S.clerk);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('rest of a scan'),
    ]);
    const scan = await c.t.ok(
      'agreements/attachScan',
      { versionId: saved.versionId, fileName: '签署件.png', dataBase64: png.toString('base64') },
      S.clerk,
    );
    expect(scan).toMatchObject({ mime: 'image/png', size: png.byteLength });
    expect(scan.sha256).toMatch(/^[0-9a-f]{64}$/);
    const back = await c.t.ok('agreements/scan', { id: scan.id }, S.director);
    expect(Buffer.from(back.dataBase64, 'base64')).toEqual(png);
    const view = await c.t.ok('agreements/get', { caseId: id }, S.mediator);
    expect(view.versions[0]?.scans).toEqual([
      expect.objectContaining({ fileName: '签署件.png', mime: 'image/png', sha256: scan.sha256 }),
    ]);
  });

  it('the print queue lists drafts to print and printed agreements waiting for signatures', async () => {
    const a = await caseInMediation(c);
    const b = await caseInMediation(c);
    await c.t.ok(
      'agreements/save',
      { caseId: a.id, content: agreementContent(a.partyIds) },
      S.mediator,
    );
    const vb = await c.t.ok(
      'agreements/save',
      { caseId: b.id, content: agreementContent(b.partyIds) },
      S.mediator,
    );
    await c.t.ok('agreements/print', { versionId: vb.versionId }, S.clerk);
    const queue = await c.t.ok('agreements/queue', {}, S.clerk);
    expect(queue.map((q) => [q.caseId, q.state, q.signatures]).sort()).toEqual(
      [
        [a.id, 'toPrint', 0],
        [b.id, 'toSign', 0],
      ].sort(),
    );
    // The labour studio's clerk sees none of the medical studio's agreements.
    expect(await c.t.ok('agreements/queue', {}, S.labourClerk)).toEqual([]);
  });

  it('the preview is the same model the PDF is drawn from, and stores nothing', async () => {
    const { id, partyIds } = await caseInMediation(c);
    const preview = await c.t.ok(
      'agreements/preview',
      { caseId: id, content: agreementContent(partyIds) },
      S.mediator,
    );
    expect(preview.header).toBe('矛盾纠纷调处化解中心　医疗纠纷人民调解委员会');
    expect(preview.model.blocks[0]).toEqual({ type: 'title', text: '人民调解协议书' });
    const draft = await c.t.ok(
      'agreements/previewPdf',
      { caseId: id, content: agreementContent(partyIds) },
      S.mediator,
    );
    const text = flatText(Buffer.from(draft.dataBase64, 'base64'));
    expect(text).toContain('草稿（无校验码）');
    expect(text).toContain('二、申请人收到赔偿款后');
    const counts = await c.t.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(counts.n)).toBe(0);
  });
});
