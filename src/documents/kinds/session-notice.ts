import type { CaseFacts } from '../case-facts';
import type { Block, DocModel } from '../doc-model';
import { documentKindLabels } from '../document.labels';
import type { PartyFacts } from '../document.repository';
import { disputeZh, dateTimeZh, dateZh } from './wording';

export interface SessionNoticeInput {
  readonly startsAt: string;
  readonly place: string;
  readonly note: string;
  /** The parties notified, one notice (page) each. */
  readonly addressees: readonly PartyFacts[];
  /** The day the notice is issued. */
  readonly issuedOn: string;
}

/** 调解通知书: one notice per party, each on its own page. */
export function sessionNotice(facts: CaseFacts, input: SessionNoticeInput): DocModel {
  const title = documentKindLabels.session_notice['zh-CN'];
  const blocks: Block[] = [];
  input.addressees.forEach((to, i) => {
    const others = facts.parties.filter((p) => p.partyId !== to.partyId).map((p) => p.name);
    if (i > 0) blocks.push({ type: 'pageBreak' });
    blocks.push(
      { type: 'title', text: title },
      { type: 'number', text: `编号：${facts.case.number}` },
      { type: 'paragraph', text: `${to.name}：` },
      {
        type: 'paragraph',
        indent: true,
        text:
          `关于你${to.kind === 'organization' ? '单位' : ''}与${others.join('、')}之间的${disputeZh(facts)}一案，` +
          `本委员会已依法受理。现定于${dateTimeZh(input.startsAt)}在${input.place}进行调解，请准时参加，` +
          '并携带身份证明和与纠纷有关的证据材料。委托他人参加的，请携带授权委托书。' +
          '如不能按时参加，请提前与本委员会联系。',
      },
    );
    if (input.note !== '') blocks.push({ type: 'paragraph', text: input.note, indent: true });
    blocks.push({
      type: 'signatures',
      lines: [{ label: '调解员', value: facts.mediators.join('、') || '\u3000' }],
      footer: `${facts.committeeName}（盖章）\n${dateZh(input.issuedOn)}`,
    });
  });
  return { title, blocks };
}
