import { riskLabels } from '../../cases/case.labels';
import type { CaseFacts } from '../case-facts';
import type { DocModel } from '../doc-model';
import { documentKindLabels } from '../document.labels';
import { amountZh, categoryZh, dateZh, roleZh, sourceZh } from './wording';

/** 人民调解受理登记表: what reception registered, printed for the file and the applicant. */
export function acceptanceReceipt(facts: CaseFacts): DocModel {
  const c = facts.case;
  const title = documentKindLabels.acceptance_receipt['zh-CN'];
  const decision =
    c.status === 'registered'
      ? '待审查'
      : c.acceptedAt !== null
        ? `已受理（${dateZh(facts.acceptedOn)}）`
        : c.status === 'declined'
          ? `不予受理：${c.declineReason ?? ''}`
          : c.status === 'referred'
            ? `转办至${c.referredTo ?? ''}：${c.referralReason ?? ''}`
            : '';
  return {
    title,
    blocks: [
      { type: 'title', text: title },
      { type: 'number', text: `编号：${c.number}` },
      {
        type: 'fields',
        rows: [
          ['登记日期', dateZh(facts.registeredOn)],
          ['纠纷来源', sourceZh(facts)],
          ['纠纷类别', categoryZh(facts)],
          ['涉及金额', amountZh(c.amountFen) || '—'],
          ['风险等级', riskLabels[c.riskLevel]['zh-CN']],
          ['承办工作室', facts.studioName],
        ],
      },
      { type: 'heading', text: '当事人' },
      {
        type: 'table',
        headers: ['身份', '姓名或名称', '证件号码', '联系电话', '住址（住所地）'],
        widths: [1.3, 2.4, 3.4, 2.5, 3],
        rows: facts.parties.map((p) => [
          roleZh(p.role),
          p.kind === 'organization' && p.legalRepresentative
            ? `${p.name}（法定代表人：${p.legalRepresentative}）`
            : p.name,
          (p.kind === 'person' ? p.idNumber : p.creditCode) ?? '',
          p.phone ?? '',
          p.address ?? '',
        ]),
      },
      { type: 'heading', text: '纠纷简要情况' },
      { type: 'paragraph', text: c.summary, indent: true },
      { type: 'heading', text: '当事人申请事项' },
      { type: 'paragraph', text: c.requests || '—', indent: true },
      {
        type: 'fields',
        rows: [
          ['受理意见', decision],
          ['调解员', facts.mediators.join('、') || '—'],
        ],
      },
      {
        type: 'signatures',
        closing:
          '当事人申请人民调解，经告知人民调解的性质、原则和效力，以及当事人在调解活动中享有的权利和承担的义务，当事人自愿接受调解。',
        lines: [{ label: '申请人（签名）' }, { label: '登记人', value: facts.registeredByName }],
        footer: `${facts.committeeName}\n${dateZh(facts.registeredOn)}`,
      },
    ],
  };
}
