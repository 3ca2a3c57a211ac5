import type { CaseFacts } from '../case-facts';
import type { DocModel } from '../doc-model';
import { documentKindLabels } from '../document.labels';
import { categoryZh, dateTimeZh, roleZh, signatureLabel } from './wording';

export interface MediationRecordInput {
  readonly heldAt: string;
  readonly place: string;
  readonly attendees: string;
  readonly record: string;
  readonly recorder: string;
}

/** 人民调解记录: what was said at a session, signed by everyone present. */
export function mediationRecord(facts: CaseFacts, input: MediationRecordInput): DocModel {
  const title = documentKindLabels.mediation_record['zh-CN'];
  return {
    title,
    blocks: [
      { type: 'title', text: title },
      { type: 'number', text: `编号：${facts.case.number}` },
      {
        type: 'fields',
        rows: [
          ['时间', dateTimeZh(input.heldAt)],
          ['地点', input.place],
          ['纠纷类别', categoryZh(facts)],
          ['调解员', facts.mediators.join('、') || '—'],
          ['记录人', input.recorder],
          ['当事人', facts.parties.map((p) => `${roleZh(p.role)}：${p.name}`).join('；')],
          ['其他参加人', input.attendees || '—'],
        ],
      },
      { type: 'heading', text: '调解情况' },
      { type: 'paragraph', text: input.record, indent: true },
      {
        type: 'signatures',
        closing: '以上记录经当事人阅读（或向当事人宣读），确认无误。',
        lines: [
          ...facts.parties.map((p) => ({ label: signatureLabel(p) })),
          { label: '调解员（签名）' },
          { label: '记录人（签名）' },
        ],
      },
    ],
  };
}
