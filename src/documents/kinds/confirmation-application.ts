import type { CaseFacts } from '../case-facts';
import type { Block, DocModel } from '../doc-model';
import { documentKindLabels } from '../document.labels';
import { BLANK_DATE, disputeZh, dateZh, describeParty } from './wording';
import type { AgreementParty } from './agreement';

/** 司法确认申请书: the parties apply together, within 30 days of the agreement taking effect. */
export function confirmationApplication(
  facts: CaseFacts,
  parties: readonly AgreementParty[],
  agreement: { versionNo: number; effectiveOn: string },
  court: string,
): DocModel {
  const title = documentKindLabels.confirmation_application['zh-CN'];
  const blocks: Block[] = [
    { type: 'title', text: title },
    { type: 'heading', text: '申请人' },
  ];
  for (const p of parties) {
    blocks.push({ type: 'paragraph', text: `申请人：${describeParty(p.facts)}` });
    if (p.agent !== '') blocks.push({ type: 'paragraph', text: `委托代理人：${p.agent}。` });
  }
  blocks.push(
    { type: 'heading', text: '请求事项' },
    {
      type: 'paragraph',
      indent: true,
      text: `请求确认申请人于${dateZh(agreement.effectiveOn)}经${facts.committeeName}主持调解达成的人民调解协议有效。`,
    },
    { type: 'heading', text: '事实和理由' },
    {
      type: 'paragraph',
      indent: true,
      text:
        `申请人之间因${disputeZh(facts)}，经${facts.committeeName}主持调解，达成人民调解协议` +
        `（编号：${facts.case.number}，第${agreement.versionNo}版），该协议于${dateZh(agreement.effectiveOn)}生效。` +
        '申请人出于解决纠纷的目的自愿达成协议，没有恶意串通、规避法律的行为；' +
        '如果因为该协议内容而给他人造成损害的，愿意承担相应的民事责任和其他法律责任。',
    },
    { type: 'paragraph', text: '此致' },
    { type: 'paragraph', text: court },
    { type: 'paragraph', text: '附：人民调解协议书一份' },
    {
      type: 'signatures',
      lines: parties.map((p) => ({
        label: p.facts.kind === 'organization' ? '申请人（盖章）' : '申请人（签名或按指印）',
        value: p.facts.name,
      })),
      footer: BLANK_DATE,
    },
  );
  return { title, blocks };
}
