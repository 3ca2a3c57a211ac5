import type { Locale } from '../shared/messages';
import type { Sex } from '../parties/party.schema';
import type { Role } from '../staff/staff.schema';
import type { StudioKind } from '../studios/studio.schema';
import type { CaseAction } from './case-lifecycle';
import type {
  ADVISED_ROUTES,
  AgentAuthority,
  CaseStatus,
  Category,
  LinkKind,
  Outcome,
  PartyRole,
  PERFORMANCE,
  RiskLevel,
  SATISFACTION,
  Source,
} from './case.schema';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** One name per domain term, in both languages (DESIGN §4). */
export const categoryLabels: Labels<Category> = {
  marriage_family: { 'zh-CN': '婚姻家庭', en: 'Marriage and family' },
  neighbourhood: { 'zh-CN': '邻里纠纷', en: 'Neighbourhood' },
  housing_homestead: { 'zh-CN': '房屋宅基地', en: 'Housing and homestead' },
  contract: { 'zh-CN': '合同纠纷', en: 'Contract' },
  business: { 'zh-CN': '生产经营', en: 'Production and business' },
  damages: { 'zh-CN': '损害赔偿', en: 'Damages' },
  forest_land: { 'zh-CN': '山林土地', en: 'Forest and land' },
  land_expropriation: { 'zh-CN': '征地拆迁', en: 'Land expropriation and demolition' },
  pollution: { 'zh-CN': '环境污染', en: 'Environmental pollution' },
  labour: { 'zh-CN': '劳动争议', en: 'Labour dispute' },
  consumer: { 'zh-CN': '消费纠纷', en: 'Consumer' },
  medical: { 'zh-CN': '医疗纠纷', en: 'Medical' },
  traffic_accident: { 'zh-CN': '道路交通事故', en: 'Road traffic accident' },
  property_management: { 'zh-CN': '物业纠纷', en: 'Property management' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const sourceLabels: Labels<Source> = {
  walk_in: { 'zh-CN': '群众来访', en: 'Walk-in' },
  hotline_12345: { 'zh-CN': '12345 热线', en: '12345 hotline' },
  police_110: { 'zh-CN': '110 警情', en: '110 police' },
  grid_member: { 'zh-CN': '网格员上报', en: 'Grid member' },
  court_pre_filing: { 'zh-CN': '法院诉前委派', en: 'Court referral before filing' },
  court_post_filing: { 'zh-CN': '法院诉中委托', en: 'Court referral after filing' },
  letters_visits: { 'zh-CN': '信访转办', en: 'Letters and visits' },
  own_initiative: { 'zh-CN': '主动排查', en: "Committee's own initiative" },
  government_designation: { 'zh-CN': '政府指派', en: 'Government designation' },
};

export const riskLabels: Labels<RiskLevel> = {
  low: { 'zh-CN': '低', en: 'Low' },
  medium: { 'zh-CN': '中', en: 'Medium' },
  high: { 'zh-CN': '高', en: 'High' },
};

export const partyRoleLabels: Labels<PartyRole> = {
  applicant: { 'zh-CN': '申请人', en: 'Applicant' },
  respondent: { 'zh-CN': '被申请人', en: 'Respondent' },
  third_party: { 'zh-CN': '第三人', en: 'Third party' },
  agent: { 'zh-CN': '代理人', en: 'Agent' },
};

export const authorityLabels: Labels<AgentAuthority> = {
  general: { 'zh-CN': '一般授权', en: 'General authority' },
  special: { 'zh-CN': '特别授权', en: 'Special authority' },
};

export const statusLabels: Labels<CaseStatus> = {
  registered: { 'zh-CN': '登记', en: 'Registered' },
  accepted: { 'zh-CN': '受理', en: 'Accepted' },
  declined: { 'zh-CN': '不予受理', en: 'Declined' },
  referred: { 'zh-CN': '转办', en: 'Referred' },
  in_mediation: { 'zh-CN': '调解中', en: 'In mediation' },
  concluded: { 'zh-CN': '调解终结', en: 'Concluded' },
  archived: { 'zh-CN': '归档', en: 'Archived' },
};

export const sexLabels: Labels<Sex> = {
  male: { 'zh-CN': '男', en: 'Male' },
  female: { 'zh-CN': '女', en: 'Female' },
};

export const roleLabels: Labels<Role> = {
  reception: { 'zh-CN': '接待受理', en: 'Reception' },
  mediator: { 'zh-CN': '调解员', en: 'Mediator' },
  clerk: { 'zh-CN': '书记员', en: 'Clerk' },
  director: { 'zh-CN': '中心主任', en: 'Director' },
  admin: { 'zh-CN': '系统管理员', en: 'Administrator' },
};

export const studioKindLabels: Labels<StudioKind> = {
  mediation: { 'zh-CN': '调解', en: 'Mediation' },
  judicial_confirmation: { 'zh-CN': '司法确认', en: 'Judicial confirmation' },
  court: { 'zh-CN': '速裁', en: 'Speedy adjudication' },
  counseling: { 'zh-CN': '心理咨询', en: 'Counseling' },
  petition: { 'zh-CN': '信访接待', en: 'Letters and visits' },
};

/** Suggested studio (by code) for each category; reception confirms or changes it. */
export const suggestedStudioCode: Record<Category, string> = {
  marriage_family: 'family',
  neighbourhood: 'township',
  housing_homestead: 'township',
  contract: 'township',
  business: 'township',
  damages: 'township',
  forest_land: 'township',
  land_expropriation: 'petition',
  pollution: 'township',
  labour: 'labour',
  consumer: 'township',
  medical: 'medical',
  traffic_accident: 'township',
  property_management: 'township',
  other: 'township',
};

/** An action as it reads in "the case cannot be …" (en) / "不能…" (zh). */
export const actionLabels: Labels<CaseAction> = {
  accept: { 'zh-CN': '受理', en: 'accepted' },
  decline: { 'zh-CN': '不予受理', en: 'declined' },
  refer: { 'zh-CN': '转办', en: 'referred' },
  startMediation: { 'zh-CN': '开始调解', en: 'moved into mediation' },
  conclude: { 'zh-CN': '终结调解', en: 'concluded' },
  archive: { 'zh-CN': '归档', en: 'archived' },
  transfer: { 'zh-CN': '移交其他工作室', en: 'transferred' },
  assignMediators: { 'zh-CN': '指派调解员', en: 'given mediators' },
  pauseDeadline: { 'zh-CN': '暂停期限', en: 'paused' },
  resumeDeadline: { 'zh-CN': '恢复期限', en: 'resumed' },
  extendDeadline: { 'zh-CN': '延长期限', en: 'extended' },
  openLinked: { 'zh-CN': '关联新案件', en: 'linked to a new case' },
  recordFollowUp: { 'zh-CN': '回访', en: 'followed up' },
};

export const outcomeLabels: Labels<Outcome> = {
  written_agreement: { 'zh-CN': '达成书面协议', en: 'Written agreement' },
  oral_agreement: { 'zh-CN': '达成口头协议', en: 'Oral agreement' },
  no_agreement: { 'zh-CN': '调解不成', en: 'No agreement' },
  withdrawn: { 'zh-CN': '当事人撤回', en: 'Withdrawn' },
  refused: { 'zh-CN': '当事人拒绝调解', en: 'Refused by a party' },
};

export const advisedRouteLabels: Labels<(typeof ADVISED_ROUTES)[number]> = {
  arbitration: { 'zh-CN': '告知申请仲裁', en: 'Advised arbitration' },
  administrative: { 'zh-CN': '告知行政途径', en: 'Advised administrative route' },
  litigation: { 'zh-CN': '告知诉讼途径', en: 'Advised litigation' },
};

export const linkKindLabels: Labels<LinkKind> = {
  judicial_confirmation: { 'zh-CN': '司法确认申请', en: 'Judicial confirmation application' },
  speedy_court: { 'zh-CN': '转速裁法庭', en: 'Referral to the speedy court' },
};

export const performanceLabels: Labels<(typeof PERFORMANCE)[number]> = {
  fulfilled: { 'zh-CN': '已履行', en: 'Fulfilled' },
  partly_fulfilled: { 'zh-CN': '部分履行', en: 'Partly fulfilled' },
  not_fulfilled: { 'zh-CN': '未履行', en: 'Not fulfilled' },
  not_due: { 'zh-CN': '履行期未到', en: 'Not yet due' },
};

export const satisfactionLabels: Labels<(typeof SATISFACTION)[number]> = {
  satisfied: { 'zh-CN': '满意', en: 'Satisfied' },
  basically_satisfied: { 'zh-CN': '基本满意', en: 'Basically satisfied' },
  dissatisfied: { 'zh-CN': '不满意', en: 'Dissatisfied' },
};
