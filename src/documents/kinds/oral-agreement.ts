import type { CaseFacts } from '../case-facts';
import type { DocModel } from '../doc-model';
import { documentKindLabels } from '../document.labels';
import { categoryZh, dateZh, roleZh } from './wording';

export interface OralAgreementInput {
  readonly agreedOn: string;
  readonly content: string;
  readonly performance: string;
  readonly registrar: string;
}

/** 人民调解口头协议登记表: an oral agreement (art. 28) entered in the register. */
export function oralAgreement(facts: CaseFacts, input: OralAgreementInput): DocModel {
  const title = documentKindLabels.oral_agreement['zh-CN'];
  return {
    title,
    blocks: [
      { type: 'title', text: title },
      { type: 'number', text: `编号：${facts.case.number}` },
      {
        type: 'fields',
        rows: [
          ['当事人', facts.parties.map((p) => `${roleZh(p.role)}：${p.name}`).join('；')],
          ['纠纷类别', categoryZh(facts)],
          ['纠纷简要情况', facts.case.summary],
          ['口头协议内容', input.content],
          ['履行方式、期限', input.performance || '—'],
          ['达成日期', dateZh(input.agreedOn)],
          ['调解员', facts.mediators.join('、') || '—'],
          ['登记人', input.registrar],
        ],
      },
      {
        type: 'signatures',
        closing: '当事人达成口头调解协议，人民调解员记录协议内容，登记在册。',
        lines: [{ label: '调解员（签名）' }, { label: '登记人（签名）' }],
        footer: `${facts.committeeName}\n${dateZh(input.agreedOn)}`,
      },
    ],
  };
}
