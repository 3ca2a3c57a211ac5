import type { CaseFacts } from '../case-facts';
import type { Block, DocModel } from '../doc-model';
import { documentKindLabels } from '../document.labels';
import type { PartyFacts } from '../document.repository';
import type { AgreementContent } from '../document.schema';
import { BLANK_DATE, dateZh, describeParty, roleZh, signatureLabel } from './wording';

/** A party of the agreement: its record from the case and the agent named in the agreement. */
export interface AgreementParty {
  readonly facts: PartyFacts;
  readonly agent: string;
}

/** The closing clause: who keeps which copy, and when the agreement takes effect (art. 29, 30). */
export function copiesClause(parties: number, copies: number): string {
  const kept = copies - parties;
  return (
    `本协议一式${copies}份，当事人各执一份，人民调解委员会留存${kept}份。` +
    '本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。'
  );
}

/** 人民调解协议书 (People's Mediation Law art. 29; MOJ 2002 rules art. 35). */
export function agreement(
  facts: CaseFacts,
  content: AgreementContent,
  parties: readonly AgreementParty[],
  versionNo: number,
): DocModel {
  const title = documentKindLabels.agreement['zh-CN'];
  const blocks: Block[] = [
    { type: 'title', text: title },
    { type: 'number', text: `编号：${facts.case.number}\u3000第${versionNo}版` },
    { type: 'heading', text: '当事人' },
  ];
  for (const p of parties) {
    blocks.push({ type: 'paragraph', text: `${roleZh(p.facts.role)}：${describeParty(p.facts)}` });
    if (p.agent !== '') blocks.push({ type: 'paragraph', text: `委托代理人：${p.agent}。` });
  }
  blocks.push(
    { type: 'heading', text: '纠纷主要事实、争议事项' },
    { type: 'paragraph', text: content.facts, indent: true },
  );
  if (content.issues !== '') {
    blocks.push({ type: 'paragraph', text: `争议事项：${content.issues}`, indent: true });
  }
  if (content.responsibilities !== '') {
    blocks.push(
      { type: 'heading', text: '各方当事人的责任' },
      { type: 'paragraph', text: content.responsibilities, indent: true },
    );
  }
  blocks.push(
    { type: 'heading', text: '经人民调解委员会主持调解，当事人自愿达成如下协议：' },
    { type: 'numbered', items: content.terms },
  );
  const performance = [
    content.performanceManner && `履行方式：${content.performanceManner}`,
    content.performancePlace && `履行地点：${content.performancePlace}`,
    content.performanceDeadline && `履行期限：${dateZh(content.performanceDeadline)}前履行完毕`,
  ].filter((s): s is string => typeof s === 'string' && s !== '');
  if (performance.length > 0) {
    blocks.push(
      { type: 'heading', text: '履行方式、地点、期限' },
      { type: 'paragraph', text: `${performance.join('；')}。`, indent: true },
    );
  }
  blocks.push({
    type: 'signatures',
    closing: copiesClause(parties.length, content.copies),
    lines: [
      ...parties.map((p) => ({ label: signatureLabel(p.facts), value: '' })),
      { label: '人民调解员（签名）' },
      { label: `${facts.committeeName}（印章）` },
    ],
    footer: BLANK_DATE,
  });
  return { title, blocks };
}
