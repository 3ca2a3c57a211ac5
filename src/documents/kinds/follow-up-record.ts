import { performanceLabels, satisfactionLabels } from '../../cases/case.labels';
import type { PERFORMANCE, SATISFACTION } from '../../cases/case.schema';
import { centerDate } from '../../shared/center-time';
import type { CaseFacts } from '../case-facts';
import type { DocModel } from '../doc-model';
import { documentKindLabels } from '../document.labels';
import { dateZh, namesOf, outcomeZh } from './wording';

export interface FollowUpFacts {
  readonly dueOn: string;
  readonly visitedAt: string;
  readonly visitorName: string;
  readonly performance: string | null;
  readonly satisfaction: string | null;
  readonly escalation: boolean;
  readonly escalationNote: string;
  readonly note: string;
}

/** 人民调解回访记录: whether the agreement is kept and the parties are satisfied. */
export function followUpRecord(facts: CaseFacts, visit: FollowUpFacts): DocModel {
  const title = documentKindLabels.follow_up_record['zh-CN'];
  const performance =
    performanceLabels[visit.performance as (typeof PERFORMANCE)[number]]?.['zh-CN'] ?? '—';
  const satisfaction =
    satisfactionLabels[visit.satisfaction as (typeof SATISFACTION)[number]]?.['zh-CN'] ?? '—';
  return {
    title,
    blocks: [
      { type: 'title', text: title },
      { type: 'number', text: `编号：${facts.case.number}` },
      {
        type: 'fields',
        rows: [
          ['当事人', namesOf(facts.parties)],
          ['调解结果', outcomeZh(facts) || '—'],
          ['结案日期', dateZh(facts.concludedOn) || '—'],
          ['回访日期', dateZh(centerDate(new Date(visit.visitedAt)))],
          ['回访人', visit.visitorName],
          ['协议履行情况', performance],
          ['当事人满意度', satisfaction],
          ['有无矛盾激化苗头', visit.escalation ? `有。${visit.escalationNote}` : '无'],
        ],
      },
      { type: 'heading', text: '回访情况' },
      { type: 'paragraph', text: visit.note || '—', indent: true },
      {
        type: 'signatures',
        lines: [{ label: '回访人（签名）' }, { label: '被回访人（签名）' }],
        footer: facts.committeeName,
      },
    ],
  };
}
