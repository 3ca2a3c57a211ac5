import {
  advisedRouteLabels,
  categoryLabels,
  outcomeLabels,
  partyRoleLabels,
  sexLabels,
  sourceLabels,
} from '../../cases/case.labels';
import type { ADVISED_ROUTES, PartyRole } from '../../cases/case.schema';
import type { Sex } from '../../parties/party.schema';
import type { CaseFacts } from '../case-facts';
import type { PartyFacts } from '../document.repository';

/** How the papers word dates, parties and amounts: Chinese, as the forms are printed. */

/** 2026-03-10 → 2026年3月10日 */
export function dateZh(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** 2026-03-12T09:30 (center time) → 2026年3月12日上午9时30分 */
export function dateTimeZh(local: string): string {
  const hour = Number(local.slice(11, 13));
  const minute = Number(local.slice(14, 16));
  const part = hour < 12 ? '上午' : '下午';
  const h12 = hour <= 12 ? hour : hour - 12;
  return `${dateZh(local)}${part}${h12}时${minute === 0 ? '' : `${minute}分`}`;
}

/** A blank date line for the hand to fill in. */
export const BLANK_DATE = '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';

export function roleZh(role: string): string {
  return partyRoleLabels[role as PartyRole]?.['zh-CN'] ?? role;
}

export function categoryZh(facts: CaseFacts): string {
  return categoryLabels[facts.case.category]['zh-CN'];
}

/** The dispute as prose names it: 医疗纠纷, 婚姻家庭纠纷 (some labels already end in 纠纷). */
export function disputeZh(facts: CaseFacts): string {
  const label = categoryZh(facts);
  return label.endsWith('纠纷') ? label : `${label}纠纷`;
}

export function sourceZh(facts: CaseFacts): string {
  return sourceLabels[facts.case.source]['zh-CN'];
}

export function outcomeZh(facts: CaseFacts): string {
  return facts.case.outcome === null ? '' : outcomeLabels[facts.case.outcome]['zh-CN'];
}

export function advisedRouteZh(route: string | null): string {
  if (route === null) return '';
  return advisedRouteLabels[route as (typeof ADVISED_ROUTES)[number]]?.['zh-CN'] ?? route;
}

export function amountZh(fen: number | null): string {
  if (fen === null) return '';
  return `人民币${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}元`;
}

/**
 * A party as agreements and applications introduce it: a person with sex, ethnicity, birth
 * date, ID and address; an organisation with its credit code, address and representative.
 */
export function describeParty(p: PartyFacts): string {
  const parts: string[] = [p.name];
  if (p.kind === 'person') {
    if (p.sex !== null) parts.push(sexLabels[p.sex as Sex]?.['zh-CN'] ?? p.sex);
    if (p.ethnicity) parts.push(p.ethnicity);
    if (p.birthDate) parts.push(`${dateZh(p.birthDate)}出生`);
    if (p.idNumber) parts.push(`公民身份号码${p.idNumber}`);
    if (p.occupation) parts.push(p.occupation);
    if (p.address) parts.push(`住${p.address}`);
  } else {
    if (p.creditCode) parts.push(`统一社会信用代码${p.creditCode}`);
    if (p.address) parts.push(`住所地${p.address}`);
  }
  if (p.phone) parts.push(`联系电话${p.phone}`);
  let text = `${parts.join('，')}。`;
  if (p.kind === 'organization' && p.legalRepresentative) {
    text += `\n法定代表人：${p.legalRepresentative}。`;
  }
  return text;
}

/** 张伟、市第一人民医院 */
export function namesOf(parties: readonly PartyFacts[]): string {
  return parties.map((p) => p.name).join('、');
}

/** The signature a party gives: an organisation seals, a person signs or puts a fingerprint. */
export function signatureLabel(p: PartyFacts): string {
  return p.kind === 'organization'
    ? `${roleZh(p.role)}（盖章）`
    : `${roleZh(p.role)}（签名或按指印）`;
}
