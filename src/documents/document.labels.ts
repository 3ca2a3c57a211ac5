import type { Locale } from '../shared/messages';
import type { DocumentKind, SignMethod } from './document.schema';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** The documents' own names: the Chinese one is the title printed on the paper. */
export const documentKindLabels: Labels<DocumentKind> = {
  acceptance_receipt: { 'zh-CN': '人民调解受理登记表', en: 'Acceptance register' },
  session_notice: { 'zh-CN': '调解通知书', en: 'Session notice' },
  mediation_record: { 'zh-CN': '人民调解记录', en: 'Mediation record' },
  agreement: { 'zh-CN': '人民调解协议书', en: 'Mediation agreement' },
  oral_agreement: { 'zh-CN': '人民调解口头协议登记表', en: 'Oral-agreement register' },
  confirmation_application: {
    'zh-CN': '司法确认申请书',
    en: 'Joint application for judicial confirmation',
  },
  termination_notice: { 'zh-CN': '终止人民调解通知书', en: 'Termination notice' },
  follow_up_record: { 'zh-CN': '人民调解回访记录', en: 'Follow-up record' },
  dossier: { 'zh-CN': '人民调解卷宗', en: 'Dossier cover and index' },
};

export const signMethodLabels: Labels<SignMethod> = {
  signed: { 'zh-CN': '签名', en: 'Signed' },
  sealed: { 'zh-CN': '盖章', en: 'Sealed' },
  fingerprinted: { 'zh-CN': '按指印', en: 'Fingerprinted' },
};

/** 1 → 一, 12 → 十二, 23 → 二十三: agreement terms are numbered 一、二、… on paper and on screen. */
export function chineseNumeral(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n] ?? String(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : digits[n % 10]}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : digits[n % 10]}`;
  return String(n);
}
