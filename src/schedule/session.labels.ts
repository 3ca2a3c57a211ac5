import type { Locale } from '../shared/messages';
import type {
  ConflictResource,
  SessionKind,
  SessionStatus,
  SessionWarning,
} from './session.schema';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

/** 日程类型 */
export const sessionKindLabels: Labels<SessionKind> = {
  mediation: { 'zh-CN': '调解', en: 'Mediation' },
  hearing: { 'zh-CN': '开庭', en: 'Hearing' },
  confirmation_review: { 'zh-CN': '司法确认审查', en: 'Confirmation review' },
  counseling: { 'zh-CN': '心理咨询', en: 'Counseling' },
  leader_reception: { 'zh-CN': '领导接访', en: "Leader's reception" },
  follow_up_visit: { 'zh-CN': '回访', en: 'Follow-up visit' },
};

export const sessionStatusLabels: Labels<SessionStatus> = {
  scheduled: { 'zh-CN': '已安排', en: 'Scheduled' },
  held: { 'zh-CN': '已举行', en: 'Held' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
  no_show: { 'zh-CN': '有人缺席', en: 'No-show' },
  postponed: { 'zh-CN': '已改期', en: 'Postponed' },
};

export const conflictResourceLabels: Labels<ConflictResource> = {
  room: { 'zh-CN': '会议室', en: 'Room' },
  staff: { 'zh-CN': '工作人员', en: 'Staff member' },
  party: { 'zh-CN': '当事人', en: 'Party' },
};

/** A warning in words; `{date}` and `{name}` come from the warning. */
const warningTemplates: Labels<SessionWarning['code']> = {
  outsideHours: { 'zh-CN': '不在工作时间内', en: 'Outside working hours' },
  weekend: { 'zh-CN': '{date} 是休息日', en: '{date} is a weekend day' },
  holiday: { 'zh-CN': '{date} 是法定节假日（{name}）', en: '{date} is a public holiday ({name})' },
  past: { 'zh-CN': '开始时间已过', en: 'The start time has passed' },
};

export function warningText(warning: SessionWarning, locale: Locale): string {
  const date = 'date' in warning ? warning.date : '';
  const name = 'name' in warning ? warning.name : '';
  return warningTemplates[warning.code][locale].replace('{date}', date).replace('{name}', name);
}

export type SessionAction = 'edit' | 'move' | 'hold' | 'cancel' | 'noShow' | 'postpone' | 'book';

/** Verbs for "cannot {action}" messages. */
export const sessionActionLabels: Labels<SessionAction> = {
  edit: { 'zh-CN': '修改', en: 'edited' },
  move: { 'zh-CN': '调整时间', en: 'moved' },
  hold: { 'zh-CN': '标记为已举行', en: 'marked as held' },
  cancel: { 'zh-CN': '取消', en: 'cancelled' },
  noShow: { 'zh-CN': '登记缺席', en: 'marked as a no-show' },
  postpone: { 'zh-CN': '改期', en: 'postponed' },
  book: { 'zh-CN': '预约', en: 'booked' },
};
