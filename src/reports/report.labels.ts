import type { Locale } from '../shared/messages';
import type { PeriodKind } from './report-period';
import type { GroupDimension, Measure, Rate, RateKey } from './report.schema';

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Locale, string>>>>;

/**
 * The reports' words in both languages: the dashboard, the XLSX and CSV exports and the monthly
 * report print the same names and the same "how this is computed" notes. Browser-safe.
 */

export const rateLabels: Labels<RateKey> = {
  response: { 'zh-CN': '响应率', en: 'Response rate' },
  completion: { 'zh-CN': '办结率', en: 'Completion rate' },
  onTime: { 'zh-CN': '按时办结率', en: 'On-time completion' },
  success: { 'zh-CN': '调解成功率', en: 'Success rate' },
  followUp: { 'zh-CN': '回访率', en: 'Follow-up rate' },
  satisfaction: { 'zh-CN': '满意率', en: 'Satisfaction rate' },
};

/** How each rate is computed (DESIGN §6, as src/reports/rates.ts counts). */
export const rateNotes: Labels<RateKey> = {
  response: {
    'zh-CN':
      '期内登记的案件中，于登记当日或其后 {limit} 个工作日内作出受理、不予受理或转办答复的比例；尚未答复的计为未及时响应。',
    en: 'Of the cases registered in the period, the share answered (accepted, declined or referred) within {limit} working day(s) after the day of registration. A case not yet answered is not in time.',
  },
  completion: {
    'zh-CN':
      '期内受理的案件中，截至统计时已调解终结（含已归档）的比例。以后办结的案件会使过去期间的办结率上升。',
    en: 'Of the cases accepted in the period, the share concluded (or archived) by the time of the report; cases concluded later raise a past period’s rate.',
  },
  onTime: {
    'zh-CN':
      '期内调解终结的案件中，在办理期限内办结的比例。期限按工作室规则、工作日历及当时已登记的暂停、延长重新计算。',
    en: 'Of the cases concluded in the period, the share concluded on or before the deadline in force, recomputed from the studio’s rule, the working-day calendar and the pauses and extensions recorded by then.',
  },
  success: {
    'zh-CN': '期内调解终结的案件中，达成书面或口头协议的比例。',
    en: 'Of the cases concluded in the period, the share ending in a written or an oral agreement.',
  },
  followUp: {
    'zh-CN': '期内调解终结的案件中，截至统计时已完成回访的比例（含未作满意度评价的回访）。',
    en: 'Of the cases concluded in the period, the share visited since (visits without a rating included).',
  },
  satisfaction: {
    'zh-CN':
      '期内有满意度评价的回访中，评价为满意或基本满意的比例；一件案件以期内最后一次有评价的回访计，未评价的回访不计入。',
    en: 'Of the cases with a rated follow-up visit in the period (the last such visit per case), the share rated satisfied or basically satisfied; visits without a rating are left out.',
  },
};

/** Notes that apply to every figure. */
export const generalNotes: readonly Readonly<Record<Locale, string>>[] = [
  {
    'zh-CN': '期间按北京时间自然日计算，起止日均包含在内。',
    en: 'Periods are calendar days in Beijing time, both ends included.',
  },
  {
    'zh-CN':
      '移交过的案件计入期末（进行中的期间为统计当日）承办该案的工作室；已结案件计入办结的工作室。',
    en: 'A transferred case counts for the studio that held it at the end of the period (on the day of the report while it runs); a closed case for the studio that closed it.',
  },
  {
    'zh-CN': '在办、调解中、超期件数为期末状态；超期指已受理、未办结且已过当时有效的办理期限。',
    en: 'Open, in-mediation and overdue counts are the state at the end of the period; overdue means accepted, not concluded and past the deadline then in force.',
  },
  {
    'zh-CN': '分母为零时比率显示为“—”。',
    en: 'A rate with nothing to divide by is shown as “—”.',
  },
];

export const measureLabels: Labels<Measure> = {
  registered: { 'zh-CN': '登记', en: 'Registered' },
  respondedInTime: { 'zh-CN': '及时响应', en: 'Answered in time' },
  respondedLate: { 'zh-CN': '未及时响应', en: 'Not answered in time' },
  accepted: { 'zh-CN': '受理', en: 'Accepted' },
  declined: { 'zh-CN': '不予受理', en: 'Declined' },
  referred: { 'zh-CN': '转办', en: 'Referred' },
  acceptedConcluded: { 'zh-CN': '受理后已办结', en: 'Accepted and concluded' },
  acceptedOpen: { 'zh-CN': '受理后未办结', en: 'Accepted, still open' },
  concluded: { 'zh-CN': '调解终结', en: 'Concluded' },
  concludedOnTime: { 'zh-CN': '按时办结', en: 'Concluded on time' },
  concludedLate: { 'zh-CN': '超期办结', en: 'Concluded late' },
  withAgreement: { 'zh-CN': '调解成功', en: 'With agreement' },
  withoutAgreement: { 'zh-CN': '调解未成功', en: 'Without agreement' },
  followedUp: { 'zh-CN': '已回访', en: 'Followed up' },
  notFollowedUp: { 'zh-CN': '未回访', en: 'Not followed up' },
  rated: { 'zh-CN': '有评价回访', en: 'Rated follow-ups' },
  satisfied: { 'zh-CN': '满意及基本满意', en: 'Satisfied or basically satisfied' },
  dissatisfied: { 'zh-CN': '不满意', en: 'Dissatisfied' },
  openAtEnd: { 'zh-CN': '期末在办', en: 'Open at period end' },
  inMediationAtEnd: { 'zh-CN': '期末调解中', en: 'In mediation at period end' },
  overdueAtEnd: { 'zh-CN': '期末超期', en: 'Overdue at period end' },
  'outcome.written_agreement': { 'zh-CN': '达成书面协议', en: 'Written agreement' },
  'outcome.oral_agreement': { 'zh-CN': '达成口头协议', en: 'Oral agreement' },
  'outcome.no_agreement': { 'zh-CN': '调解不成', en: 'No agreement' },
  'outcome.withdrawn': { 'zh-CN': '当事人撤回', en: 'Withdrawn' },
  'outcome.refused': { 'zh-CN': '当事人拒绝调解', en: 'Refused by a party' },
  'status.registered': { 'zh-CN': '现为待受理', en: 'Now awaiting answer' },
  'status.accepted': { 'zh-CN': '现为已受理', en: 'Now accepted' },
  'status.declined': { 'zh-CN': '现为不予受理', en: 'Now declined' },
  'status.referred': { 'zh-CN': '现为已转办', en: 'Now referred' },
  'status.in_mediation': { 'zh-CN': '现为调解中', en: 'Now in mediation' },
  'status.concluded': { 'zh-CN': '现为已终结', en: 'Now concluded' },
  'status.archived': { 'zh-CN': '现为已归档', en: 'Now archived' },
};

export const periodKindLabels: Labels<PeriodKind> = {
  month: { 'zh-CN': '月度', en: 'Month' },
  quarter: { 'zh-CN': '季度', en: 'Quarter' },
  year: { 'zh-CN': '年度', en: 'Year' },
  custom: { 'zh-CN': '自定义期间', en: 'Custom period' },
};

export const dimensionLabels: Labels<GroupDimension> = {
  studio: { 'zh-CN': '工作室', en: 'Studio' },
  category: { 'zh-CN': '纠纷类别', en: 'Category' },
  source: { 'zh-CN': '来源渠道', en: 'Source' },
};

/** Words of the export files and the monthly report. */
export const reportWords = {
  keyFigures: { 'zh-CN': '主要指标', en: 'Key figures' },
  counts: { 'zh-CN': '案件数量', en: 'Case counts' },
  trend: { 'zh-CN': '月度趋势', en: 'Monthly trend' },
  byStudio: { 'zh-CN': '分工作室情况', en: 'By studio' },
  byCategory: { 'zh-CN': '分类别情况', en: 'By category' },
  bySource: { 'zh-CN': '分来源渠道情况', en: 'By source' },
  notes: { 'zh-CN': '说明', en: 'Notes' },
  indicator: { 'zh-CN': '指标', en: 'Figure' },
  currentPeriod: { 'zh-CN': '本期', en: 'This period' },
  previousPeriod: { 'zh-CN': '上期', en: 'Previous period' },
  numerator: { 'zh-CN': '分子', en: 'Numerator' },
  denominator: { 'zh-CN': '分母', en: 'Denominator' },
  rate: { 'zh-CN': '比率', en: 'Rate' },
  count: { 'zh-CN': '件数', en: 'Count' },
  month: { 'zh-CN': '月份', en: 'Month' },
  period: { 'zh-CN': '统计期间', en: 'Period' },
  asOf: { 'zh-CN': '数据截至', en: 'Data as of' },
  scope: { 'zh-CN': '统计范围', en: 'Scope' },
  allStudios: { 'zh-CN': '全中心', en: 'Whole center' },
  total: { 'zh-CN': '合计', en: 'Total' },
  cases: { 'zh-CN': '案件清单', en: 'Cases' },
  overdue: { 'zh-CN': '超期及临期案件', en: 'Overdue and due-soon cases' },
  monthlyTitle: {
    'zh-CN': '矛盾纠纷调处化解工作月度统计报表',
    en: 'Monthly dispute mediation statistics',
  },
  verification: { 'zh-CN': '校验码', en: 'Verification code' },
  responseLimit: { 'zh-CN': '响应时限', en: 'Response limit' },
} as const satisfies Record<string, Readonly<Record<Locale, string>>>;

export const caseColumnLabels = {
  number: { 'zh-CN': '案号', en: 'Case number' },
  studio: { 'zh-CN': '工作室', en: 'Studio' },
  category: { 'zh-CN': '纠纷类别', en: 'Category' },
  source: { 'zh-CN': '来源渠道', en: 'Source' },
  risk: { 'zh-CN': '风险等级', en: 'Risk' },
  status: { 'zh-CN': '状态', en: 'Status' },
  registeredAt: { 'zh-CN': '登记时间', en: 'Registered' },
  answeredAt: { 'zh-CN': '答复时间', en: 'Answered' },
  deadlineOn: { 'zh-CN': '办理期限', en: 'Deadline' },
  concludedAt: { 'zh-CN': '终结时间', en: 'Concluded' },
  outcome: { 'zh-CN': '调解结果', en: 'Outcome' },
  parties: {
    'zh-CN': '当事人（证件号码、电话已隐去部分）',
    en: 'Parties (ID and phone partly hidden)',
  },
  summary: { 'zh-CN': '纠纷概要', en: 'Summary' },
  daysLeft: { 'zh-CN': '剩余天数', en: 'Days left' },
  urgency: { 'zh-CN': '紧急程度', en: 'Urgency' },
} as const satisfies Record<string, Readonly<Record<Locale, string>>>;

export const urgencyLabels = {
  overdue: { 'zh-CN': '已超期', en: 'Overdue' },
  due_soon: { 'zh-CN': '即将到期', en: 'Due soon' },
  response: { 'zh-CN': '超时未答复', en: 'Not answered in time' },
} as const satisfies Record<string, Readonly<Record<Locale, string>>>;

/** A note's text with its placeholders filled ({limit}). */
export function noteText(
  note: Readonly<Record<Locale, string>>,
  locale: Locale,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return note[locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * A rate as printed everywhere (screen, XLSX, PDF): a percentage with one decimal, or "—". One
 * formatter, so the three always agree.
 */
export function formatRate(r: Rate): string {
  if (r.denominator === 0) return '—';
  // From the integers, not the float quotient: 1/16 is 6.3%, never 6.2% by a binary remainder.
  const tenthsOfPercent = Math.round((r.numerator * 1000) / r.denominator);
  return `${(tenthsOfPercent / 10).toFixed(1)}%`;
}

/** 2026年3月 / March 2026; 2026-03-01 至 2026-03-31 for other periods. */
export function periodTitle(
  p: { kind: PeriodKind; from: string; to: string },
  locale: Locale,
): string {
  const year = p.from.slice(0, 4);
  const month = Number(p.from.slice(5, 7));
  const zh = locale === 'zh-CN';
  switch (p.kind) {
    case 'month':
      return zh
        ? `${year}年${month}月`
        : `${new Date(`${p.from}T00:00:00Z`).toLocaleString('en', { month: 'long', timeZone: 'UTC' })} ${year}`;
    case 'quarter': {
      const q = Math.floor((month - 1) / 3) + 1;
      return zh ? `${year}年第${'一二三四'[q - 1] ?? q}季度` : `Q${q} ${year}`;
    }
    case 'year':
      return zh ? `${year}年` : year;
    case 'custom':
      return zh ? `${p.from} 至 ${p.to}` : `${p.from} to ${p.to}`;
  }
}
