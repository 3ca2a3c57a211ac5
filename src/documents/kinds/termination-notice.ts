import type { CaseFacts } from '../case-facts';
import type { DocModel } from '../doc-model';
import { documentKindLabels } from '../document.labels';
import { disputeZh, dateZh, namesOf } from './wording';

const REASONS: Record<string, string> = {
  no_agreement: '经调解，当事人之间未能达成调解协议',
  refused: '当事人明确拒绝继续调解',
  withdrawn: '当事人撤回调解申请',
};

const ROUTES: Record<string, string> = {
  arbitration: '当事人可以依法申请仲裁。',
  administrative: '当事人可以依法通过行政途径解决。',
  litigation: '当事人可以依法向人民法院提起诉讼。',
};

/** The outcomes that end mediation without an agreement, for which this notice is given. */
export const TERMINATING_OUTCOMES = Object.keys(REASONS);

/** 终止人民调解通知书, with the routes the parties were advised of (art. 26). */
export function terminationNotice(facts: CaseFacts): DocModel {
  const c = facts.case;
  const title = documentKindLabels.termination_notice['zh-CN'];
  const reason = REASONS[c.outcome ?? ''] ?? '';
  const route =
    ROUTES[c.advisedRoute ?? ''] ?? '当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。';
  return {
    title,
    blocks: [
      { type: 'title', text: title },
      { type: 'number', text: `编号：${c.number}` },
      { type: 'paragraph', text: `${namesOf(facts.parties)}：` },
      {
        type: 'paragraph',
        indent: true,
        text:
          `关于你们之间的${disputeZh(facts)}，本委员会于${dateZh(facts.acceptedOn ?? facts.registeredOn)}受理后依法进行了调解。` +
          `因${reason}，根据《中华人民共和国人民调解法》第二十六条的规定，本委员会决定终止调解。${route}`,
      },
      ...(c.outcomeNote ? [{ type: 'paragraph' as const, text: c.outcomeNote, indent: true }] : []),
      { type: 'paragraph', text: '特此通知。', indent: true },
      {
        type: 'signatures',
        lines: [{ label: '调解员', value: facts.mediators.join('、') || '\u3000' }],
        footer: `${facts.committeeName}（盖章）\n${dateZh(facts.concludedOn)}`,
      },
    ],
  };
}
