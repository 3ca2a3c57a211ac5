import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CREDIT_CODES, IDS, numberedPerson } from '../../support/fixtures';
import {
  act,
  caseIn,
  driveTo,
  openCenter,
  register,
  S,
  type Center,
} from '../../support/lifecycle';
import {
  agreementContent,
  caseInMediation,
  flatText,
  overflowing,
  pageSizes,
  pageTexts,
  pdfFonts,
  pdfOf,
  savePngs,
} from './support';

/** A page's text without its header (committee, copy mark) and footer (code, page x of y). */
function bodyOf(page: string): string {
  return page
    .replace(/\s+/g, '')
    .replace(/^.*?人民调解委员会(第\d+份共\d+份)?/, '')
    .replace(/校验码[0-9A-Z]{4}-[0-9A-Z]{4}第\d+页共\d+页$/, '');
}

const on = (date: string) => new Date(`${date}T10:00:00+08:00`);
const A4_SIZE = '595.28 x 841.89';

/** Every page of a document: A4, the code, page x of y, and nothing outside the text area. */
function expectFramed(bytes: Uint8Array, code: string, pages: number) {
  expect(pageSizes(bytes)).toEqual(Array.from({ length: pages }, () => A4_SIZE));
  const texts = pageTexts(bytes);
  expect(texts).toHaveLength(pages);
  texts.forEach((page, i) => {
    const flat = page.replace(/\s+/g, '');
    expect(flat).toContain(`校验码${code.slice(0, 4)}-${code.slice(4)}`);
    expect(flat).toContain(`第${i + 1}页共${pages}页`);
  });
  expect(overflowing(bytes)).toEqual([]);
}

describe('documents of a case', () => {
  let c: Center;
  beforeEach(async () => {
    c = await openCenter(on('2026-03-10'));
  });
  afterEach(async () => {
    await c.close();
  });

  it('acceptance register: the registration, the parties, the committee; reprints are identical', async () => {
    const { id, number } = await caseIn(c, 'accepted');
    const doc = await c.t.ok('documents/generate', { kind: 'acceptance_receipt', caseId: id });
    const bytes = await pdfOf(c, doc.id, S.reception);
    savePngs(bytes, 'acceptance-receipt');
    expectFramed(bytes, doc.code, doc.pages);
    const text = flatText(bytes);
    for (const s of [
      '人民调解受理登记表',
      `编号：${number}`,
      '登记日期2026年3月10日',
      '纠纷来源群众来访',
      '纠纷类别医疗纠纷',
      '涉及金额人民币12.50元',
      '张伟',
      IDS.zhangWei,
      '市第一人民医院（法定代表人：赵院长）',
      CREDIT_CODES.hospital,
      '患者术后感染，要求医院赔偿医疗费用。',
      '受理意见已受理（2026年3月10日）',
      '登记人：前台小王',
      '矛盾纠纷调处化解中心',
      '医疗纠纷人民调解委员会',
    ]) {
      expect(text, s).toContain(s);
    }
    expect(pdfFonts(bytes)).toMatch(/NotoSerifSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes/);
    expect(doc.size).toBeLessThan(100 * 1024);

    // Printed again (by someone else, later): the stored bytes, not a new rendering.
    c.clock.set(on('2026-03-11'));
    const again = await c.t.ok(
      'documents/generate',
      { kind: 'acceptance_receipt', caseId: id },
      S.clerk,
    );
    expect(again).toMatchObject({ id: doc.id, code: doc.code, reused: true, sha256: doc.sha256 });
    expect(await pdfOf(c, again.id)).toEqual(bytes);
    expect((await c.t.ok('documents/list', { caseId: id }, S.mediator)).map((d) => d.id)).toEqual([
      doc.id,
    ]);
  });

  it('the verification code finds the document; unknown codes are reported as not found', async () => {
    const { id, number } = await caseIn(c, 'accepted');
    const doc = await c.t.ok('documents/generate', { kind: 'acceptance_receipt', caseId: id });
    const typed = `${doc.code.slice(0, 4).toLowerCase()} ${doc.code.slice(4)}`;
    expect(await c.t.ok('documents/verify', { code: typed }, S.mediator)).toMatchObject({
      found: true,
      code: `${doc.code.slice(0, 4)}-${doc.code.slice(4)}`,
      id: doc.id,
      kind: 'acceptance_receipt',
      title: '人民调解受理登记表',
      caseNumber: number,
      sha256: doc.sha256,
      createdByName: '前台小王',
    });
    // A clerk of another studio learns the paper is genuine, not which case it belongs to.
    expect(await c.t.ok('documents/verify', { code: doc.code }, S.labourClerk)).toMatchObject({
      found: true,
      title: '人民调解受理登记表',
      caseId: null,
      caseNumber: null,
      id: null,
    });
    expect(await c.t.ok('documents/verify', { code: '0000-0000' }, S.clerk)).toEqual({
      found: false,
      code: '0000-0000',
    });
  });

  it('session notice: one page per party, with the time and place', async () => {
    const { id, number } = await caseInMediation(c);
    const doc = await c.t.ok(
      'documents/generate',
      { kind: 'session_notice', caseId: id, startsAt: '2026-03-12T14:30', place: '医调一室' },
      S.mediator,
    );
    const bytes = await pdfOf(c, doc.id);
    savePngs(bytes, 'session-notice');
    expect(doc.pages).toBe(2);
    expectFramed(bytes, doc.code, 2);
    const [first, second] = pageTexts(bytes).map((p) => p.replace(/\s+/g, ''));
    expect(first).toContain('调解通知书');
    expect(first).toContain(`编号：${number}`);
    expect(first).toContain('张伟：');
    expect(first).toContain('关于你与市第一人民医院之间的医疗纠纷一案');
    expect(first).toContain('现定于2026年3月12日下午2时30分在医调一室进行调解');
    expect(first).toContain('调解员：李医调');
    expect(second).toContain('市第一人民医院：');
    expect(second).toContain('关于你单位与张伟之间的');
  });

  it('mediation record, oral-agreement register, termination notice, follow-up record', async () => {
    const mediated = await caseInMediation(c);
    const record = await c.t.ok(
      'documents/generate',
      {
        kind: 'mediation_record',
        caseId: mediated.id,
        heldAt: '2026-03-10T09:00',
        place: '医调一室',
        attendees: '张伟之妻李娜',
        record:
          '调解员介绍调解规则。\n申请人陈述：术后感染系医院消毒不严所致。\n被申请人陈述：愿意协商解决。',
      },
      S.mediator,
    );
    const recordBytes = await pdfOf(c, record.id);
    savePngs(recordBytes, 'mediation-record');
    expectFramed(recordBytes, record.code, record.pages);
    const recordText = flatText(recordBytes);
    for (const s of [
      '人民调解记录',
      '时间2026年3月10日上午9时',
      '地点医调一室',
      '调解员李医调',
      '记录人李医调',
      '其他参加人张伟之妻李娜',
      '申请人陈述：术后感染系医院消毒不严所致。',
      '申请人（签名或按指印）：',
      '被申请人（盖章）：',
      '记录人（签名）：',
    ]) {
      expect(recordText, s).toContain(s);
    }

    const oral = await caseIn(c, 'concluded', 'medical', { outcome: 'oral_agreement' });
    const register = await c.t.ok(
      'documents/generate',
      {
        kind: 'oral_agreement',
        caseId: oral.id,
        agreedOn: '2026-03-10',
        content: '被申请人当场退还申请人押金五百元。',
        performance: '当场履行',
      },
      S.mediator,
    );
    const oralText = flatText(await pdfOf(c, register.id));
    for (const s of [
      '人民调解口头协议登记表',
      '口头协议内容被申请人当场退还申请人押金五百元。',
      '履行方式、期限当场履行',
      '达成日期2026年3月10日',
    ]) {
      expect(oralText, s).toContain(s);
    }

    const failed = await caseIn(c, 'concluded', 'medical', {
      outcome: 'no_agreement',
      advisedRoute: 'litigation',
      note: '双方对赔偿数额分歧较大。',
    });
    const termination = await c.t.ok(
      'documents/generate',
      { kind: 'termination_notice', caseId: failed.id },
      S.mediator,
    );
    const terminationBytes = await pdfOf(c, termination.id);
    savePngs(terminationBytes, 'termination-notice');
    const terminationText = flatText(terminationBytes);
    for (const s of [
      '终止人民调解通知书',
      '张伟、市第一人民医院：',
      '因经调解，当事人之间未能达成调解协议',
      '本委员会决定终止调解。当事人可以依法向人民法院提起诉讼。',
      '双方对赔偿数额分歧较大。',
    ]) {
      expect(terminationText, s).toContain(s);
    }

    const followed = await caseIn(c, 'concluded', 'medical', { outcome: 'written_agreement' });
    const detail = await c.t.ok('cases/get', { id: followed.id }, S.mediator);
    const followUp = detail.followUps[0];
    if (followUp === undefined) throw new Error('no follow-up');
    await c.t.ok(
      'followUps/record',
      {
        followUpId: followUp.id,
        version: followUp.version,
        performance: 'fulfilled',
        satisfaction: 'satisfied',
        note: '赔偿款已到账，双方关系缓和。',
      },
      S.mediator,
    );
    const visit = await c.t.ok(
      'documents/generate',
      { kind: 'follow_up_record', caseId: followed.id, followUpId: followUp.id },
      S.clerk,
    );
    const visitText = flatText(await pdfOf(c, visit.id));
    for (const s of [
      '人民调解回访记录',
      '协议履行情况已履行',
      '当事人满意度满意',
      '有无矛盾激化苗头无',
      '赔偿款已到账，双方关系缓和。',
      '回访人李医调',
    ]) {
      expect(visitText, s).toContain(s);
    }
  });

  it('joint application for judicial confirmation, from the agreement in effect', async () => {
    const { id, number, partyIds } = await caseInMediation(c);
    const saved = await c.t.ok(
      'agreements/save',
      { caseId: id, content: agreementContent(partyIds) },
      S.mediator,
    );
    await c.t.ok('agreements/print', { versionId: saved.versionId }, S.clerk);
    for (const signer of [
      { kind: 'party', partyId: partyIds[0], method: 'signed' },
      { kind: 'party', partyId: partyIds[1], method: 'sealed' },
      { kind: 'mediator' },
      { kind: 'committee' },
    ]) {
      await c.t.ok(
        'agreements/sign',
        { versionId: saved.versionId, signer, signedOn: '2026-03-10' },
        S.clerk,
      );
    }
    const doc = await c.t.ok(
      'documents/generate',
      { kind: 'confirmation_application', caseId: id, court: '某某区人民法院' },
      S.clerk,
    );
    const bytes = await pdfOf(c, doc.id);
    savePngs(bytes, 'confirmation-application');
    expectFramed(bytes, doc.code, doc.pages);
    const text = flatText(bytes);
    for (const s of [
      '司法确认申请书',
      '申请人：张伟，男',
      '申请人：市第一人民医院',
      '请求确认申请人于2026年3月10日经医疗纠纷人民调解委员会主持调解达成的人民调解协议有效。',
      `（编号：${number}，第1版），该协议于2026年3月10日生效。`,
      '没有恶意串通、规避法律的行为',
      '此致',
      '某某区人民法院',
      '申请人（签名或按指印）：张伟',
      '申请人（盖章）：市第一人民医院',
    ]) {
      expect(text, s).toContain(s);
    }
  });

  it('dossier: cover, index with page numbers, then one copy of every paper', async () => {
    const { id, partyIds } = await caseInMediation(c);
    await c.t.ok('documents/generate', { kind: 'acceptance_receipt', caseId: id }, S.clerk);
    await c.t.ok(
      'documents/generate',
      { kind: 'session_notice', caseId: id, startsAt: '2026-03-11T09:00', place: '医调一室' },
      S.clerk,
    );
    const saved = await c.t.ok(
      'agreements/save',
      { caseId: id, content: agreementContent(partyIds) },
      S.mediator,
    );
    await c.t.ok('agreements/print', { versionId: saved.versionId }, S.clerk);
    const doc = await c.t.ok(
      'documents/generate',
      { kind: 'dossier', caseId: id, retention: '长期' },
      S.clerk,
    );
    const bytes = await pdfOf(c, doc.id);
    savePngs(bytes, 'dossier');
    expectFramed(bytes, doc.code, doc.pages);
    const pages = pageTexts(bytes).map((p) => p.replace(/\s+/g, ''));
    expect(pages[0]).toContain('人民调解卷宗');
    expect(pages[0]).toContain('保管期限长期');
    expect(pages[0]).toContain(`本卷共计${doc.pages}页`);
    expect(pages[1]).toContain('卷内目录');
    // The index's page numbers are where each paper really starts.
    const index = pages[1] ?? '';
    const start = (title: string) => pages.findIndex((p, i) => i > 1 && p.includes(title)) + 1;
    const receiptAt = start('人民调解受理登记表');
    const noticeAt = start('调解通知书');
    const agreementAt = start('人民调解协议书');
    expect([receiptAt, noticeAt, agreementAt].every((n) => n > 2)).toBe(true);
    expect(index).toMatch(new RegExp(`3人民调解受理登记表2026年3月10日${receiptAt}`));
    expect(index).toMatch(new RegExp(`4调解通知书2026年3月10日${noticeAt}–${agreementAt - 1}`));
    expect(index).toMatch(new RegExp(`5人民调解协议书2026年3月10日${agreementAt}`));
    // One copy of the agreement, not three.
    expect(pages.filter((p) => p.includes('人民调解协议书编号'))).toHaveLength(1);
  });

  it('ten parties, very long texts and rare characters: nothing lost, nothing off the page', async () => {
    const parties = [
      {
        role: 'applicant',
        party: {
          kind: 'person',
          name: '王䶮',
          sex: 'male',
          idNumber: IDS.zhaoQiang,
          address: '龘龘路𬌗号',
        },
      },
      {
        role: 'respondent',
        party: { kind: 'person', name: '𠮷田花子', sex: 'female', idNumber: IDS.wangFang },
      },
      ...Array.from({ length: 8 }, (_, i) => ({
        role: i % 2 === 0 ? 'applicant' : 'respondent',
        party: {
          ...numberedPerson(i + 1),
          address: `某某省某某市某某区某某街道某某社区第${i + 1}网格某某小区${i + 1}栋${i + 1}单元${i + 1}0${i + 1}室`,
        },
      })),
    ];
    const { id } = await register(c, 'medical', { parties } as never);
    await driveTo(c, id, 'in_mediation');
    const view = await c.t.ok('cases/get', { id }, S.mediator);
    expect(view.parties).toHaveLength(10);
    const partyIds = view.parties.map((p) => p.partyId);
    const longFacts = Array.from(
      { length: 60 },
      (_, i) =>
        `第${i + 1}段：双方因相邻通行、排水及房屋修缮问题多次发生争执，经网格员、社区多次协调未果。`,
    ).join('\n');
    const terms = Array.from(
      { length: 40 },
      (_, i) =>
        `第${i + 1}项约定：${'各方同意按照约定的方式和期限履行相应义务，'.repeat(3)}不得反悔。`,
    );
    const unbroken = 'A'.repeat(400);
    const saved = await c.t.ok(
      'agreements/save',
      {
        caseId: id,
        content: agreementContent(partyIds, {
          facts: longFacts,
          terms: [...terms, `账户备注：${unbroken}`],
          issues: '王䶮与𠮷田花子之间的通行权争议。',
        }),
      },
      S.mediator,
    );
    const printed = await c.t.ok('agreements/print', { versionId: saved.versionId }, S.clerk);
    // 𠮷 (U+20BB7) is outside Noto Serif SC: reported, so the clerk writes it in by hand.
    expect(printed.missing).toEqual(['𠮷']);
    expect(printed.pages % 11).toBe(0);
    const bytes = await pdfOf(c, printed.id);
    const perCopy = printed.pages / 11;
    savePngs(bytes, 'agreement-10-parties', perCopy);
    expect(overflowing(bytes)).toEqual([]);
    const pages = pageTexts(bytes);
    const copy = pages.slice(0, perCopy).map(bodyOf).join('');
    expect(copy).toContain('王䶮，男');
    expect(copy).toContain('龘龘路𬌗号');
    for (let i = 1; i <= 60; i += 1) expect(copy).toContain(`第${i}段：双方因相邻通行`);
    for (let i = 1; i <= 40; i += 1) expect(copy).toContain(`第${i}项约定：`);
    expect(copy).toContain(unbroken);
    expect(copy.match(/（签名或按指印）：/g)).toHaveLength(10);
    // The signature lines never stand alone: their page carries the closing clause too.
    pages.forEach((page) => {
      if (page.includes('人民调解员（签名）')) expect(page).toContain('本协议一式11份');
    });
  });

  it('receipt of a case with an empty request and no amount leaves the fields blank, not broken', async () => {
    const { id } = await register(c, 'labour', { requests: '', amountFen: undefined });
    const doc = await c.t.ok('documents/generate', { kind: 'acceptance_receipt', caseId: id });
    const text = flatText(await pdfOf(c, doc.id, S.reception));
    expect(text).toContain('涉及金额—');
    expect(text).toContain('受理意见待审查');
    expect(text).toContain('劳动争议调解委员会');
  });

  it('a document generated before a later change is kept; the changed content prints anew', async () => {
    const { id } = await caseIn(c, 'registered');
    const before = await c.t.ok('documents/generate', { kind: 'acceptance_receipt', caseId: id });
    await act(c, 'cases/accept', id, {}, S.reception);
    const after = await c.t.ok('documents/generate', { kind: 'acceptance_receipt', caseId: id });
    expect(after.id).not.toBe(before.id);
    expect(after.code).not.toBe(before.code);
    expect(flatText(await pdfOf(c, before.id, S.reception))).toContain('受理意见待审查');
    expect(flatText(await pdfOf(c, after.id, S.reception))).toContain('受理意见已受理');
  });
});
