/**
 * Field-level error messages, keyed. Schemas carry the key; the dispatcher answers API callers
 * in their session's language and the renderer translates the same keys in forms.
 */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const validationMessages = {
  'validation.required': { 'zh-CN': '必填', en: 'Required' },
  'validation.invalid': { 'zh-CN': '格式不正确', en: 'Invalid value' },
  'validation.tooShort': { 'zh-CN': '内容过短', en: 'Too short' },
  'validation.tooLong': { 'zh-CN': '内容过长', en: 'Too long' },
  'validation.choose': { 'zh-CN': '请从列表中选择', en: 'Choose one of the options' },
  'validation.number': { 'zh-CN': '请输入数字', en: 'Enter a number' },
  'validation.amount': {
    'zh-CN': '金额应为不小于 0 的数，最多两位小数',
    en: 'Amount must be 0 or more, with at most two decimals',
  },
  'validation.idNumber.format': {
    'zh-CN': '身份证号码应为 18 位（末位可为 X）',
    en: 'Resident ID must be 18 characters (the last may be X)',
  },
  'validation.idNumber.birthDate': {
    'zh-CN': '身份证号码中的出生日期无效',
    en: 'The birth date inside the resident ID is not valid',
  },
  'validation.idNumber.checksum': {
    'zh-CN': '身份证号码校验位不正确，请核对',
    en: 'Resident ID check digit is wrong — please re-check the number',
  },
  'validation.idNumber.sexMismatch': {
    'zh-CN': '性别与身份证号码不符',
    en: 'Sex does not match the resident ID',
  },
  'validation.idNumber.duplicate': {
    'zh-CN': '同一案件中该身份证号码重复',
    en: 'This resident ID appears twice in the case',
  },
  'validation.creditCode.duplicate': {
    'zh-CN': '同一案件中该统一社会信用代码重复',
    en: 'This credit code appears twice in the case',
  },
  'validation.party.duplicate': {
    'zh-CN': '同一当事人在本案中重复出现',
    en: 'The same party appears twice in the case',
  },
  'validation.creditCode.format': {
    'zh-CN': '统一社会信用代码应为 18 位数字或大写字母',
    en: 'Unified social credit code must be 18 digits or capital letters',
  },
  'validation.creditCode.checksum': {
    'zh-CN': '统一社会信用代码校验位不正确',
    en: 'Unified social credit code check character is wrong',
  },
  'validation.phone': {
    'zh-CN': '请输入手机号码或带区号的固定电话',
    en: 'Enter a mobile number or a landline with area code',
  },
  'validation.parties.min': {
    'zh-CN': '至少需要两名当事人',
    en: 'At least two parties are needed',
  },
  'validation.parties.applicant': {
    'zh-CN': '至少需要一名申请人',
    en: 'At least one applicant is needed',
  },
  'validation.parties.respondent': {
    'zh-CN': '至少需要一名被申请人',
    en: 'At least one respondent is needed',
  },
  'validation.username': {
    'zh-CN': '用户名为 3–32 位字母、数字、点、下划线或连字符',
    en: 'Username: 3–32 letters, digits, dots, underscores or hyphens',
  },
  'validation.password': {
    'zh-CN': '密码至少 10 位',
    en: 'Password must be at least 10 characters',
  },
  'validation.passwordMismatch': { 'zh-CN': '两次输入的密码不一致', en: 'Passwords do not match' },
  'validation.roles': { 'zh-CN': '至少选择一个角色', en: 'Choose at least one role' },
  'validation.date': {
    'zh-CN': '请输入有效日期（年-月-日）',
    en: 'Enter a valid date (YYYY-MM-DD)',
  },
  'validation.staff.notMediator': {
    'zh-CN': '包含不是本工作室调解员的人员',
    en: 'Includes someone who is not a mediator of this studio',
  },
  'validation.studio.same': {
    'zh-CN': '案件已在该工作室',
    en: 'The case is already in this studio',
  },
  'validation.onlyNoAgreement': {
    'zh-CN': '仅在调解不成时填写',
    en: 'Only when no agreement was reached',
  },
  'validation.onlyWrittenAgreement': {
    'zh-CN': '仅在达成书面协议时填写',
    en: 'Only for a written agreement',
  },
  'validation.effectiveDateRange': {
    'zh-CN': '生效日期应在受理之后、今天或之前',
    en: 'The effective date must fall between acceptance and today',
  },
  'validation.agent.principal': {
    'zh-CN': '请选择代理人所代理的当事人',
    en: 'Choose the party this agent acts for',
  },
  'validation.usernameTaken': { 'zh-CN': '该用户名已被使用', en: 'This username is taken' },
  'validation.studio.unknown': { 'zh-CN': '工作室不存在或已停用', en: 'No such active studio' },
  'validation.studio.unknownIn': {
    'zh-CN': '包含不存在的工作室',
    en: 'Contains a studio that does not exist',
  },
  'validation.party.unknown': { 'zh-CN': '当事人记录不存在', en: 'No such party record' },
  'validation.party.kindMismatch': {
    'zh-CN': '与已登记当事人的类型不一致',
    en: 'Does not match the kind of the stored party',
  },
  'validation.idNumber.taken': {
    'zh-CN': '该证件号码已属于另一名已登记的当事人',
    en: 'This number already belongs to another stored party',
  },
  'validation.dateRange': {
    'zh-CN': '结束日期不能早于开始日期',
    en: 'The end date cannot be before the start date',
  },
  'validation.cursor': {
    'zh-CN': '分页位置无效，请从第一页重新查询',
    en: 'Invalid page position; start again from the first page',
  },
  'validation.calendar.workdayOnWeekday': {
    'zh-CN': '调休上班日应为周六或周日',
    en: 'A make-up working day must be a Saturday or Sunday',
  },
  'validation.calendar.notFound': {
    'zh-CN': '{date} 没有节假日或调休设置',
    en: 'No holiday or make-up working day is set on {date}',
  },
  'validation.calendar.yearNotConfigured': {
    'zh-CN': '{year} 年的节假日安排尚未录入，期限暂按周一至周五计算',
    en: 'The {year} holiday schedule has not been entered; deadlines count Monday to Friday only',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ValidationKey = keyof typeof validationMessages;

/** Whole-call errors (not tied to a field); `{name}` placeholders take the error's params. */
export const errorMessages = {
  'error.invalidInput': { 'zh-CN': '输入有误', en: 'Invalid input' },
  'error.unknownMethod': { 'zh-CN': '没有这个接口：{method}', en: 'Unknown method: {method}' },
  'error.signInFirst': { 'zh-CN': '请先登录', en: 'Sign in first' },
  'error.roleNeeded': {
    'zh-CN': '此操作需要以下角色之一：{roles}',
    en: 'This needs one of the roles: {roles}',
  },
  'error.studioScope': {
    'zh-CN': '该案件属于您未任职的工作室',
    en: 'This case belongs to a studio you do not work in',
  },
  'error.caseNotFound': { 'zh-CN': '找不到 id 为 {id} 的案件', en: 'No case with id {id}' },
  'error.alreadySetUp': {
    'zh-CN': '本机已完成初始设置，请直接登录',
    en: 'The center is already set up; sign in instead',
  },
  'error.signInFailed': { 'zh-CN': '用户名或密码不正确', en: 'Wrong username or password' },
  'error.invalidTransition': {
    'zh-CN': '案件当前状态为“{status}”，不能{action}',
    en: 'The case is {status}; it cannot be {action}',
  },
  'error.stale': {
    'zh-CN': '案件已被他人修改（当前版本 {version}），请刷新后重试',
    en: 'Someone else changed this case (now version {version}); reload and try again',
  },
  'error.staleFollowUp': {
    'zh-CN': '该回访记录已被他人修改（当前版本 {version}），请刷新后重试',
    en: 'Someone else changed this follow-up (now version {version}); reload and try again',
  },
  'error.confirmationWindowPast': {
    'zh-CN': '司法确认申请期限已于 {date} 届满（协议生效之日起 30 日内），不能再申请',
    en: 'The window for judicial confirmation closed on {date} (30 days from the agreement taking effect)',
  },
  'error.followUpNotFound': { 'zh-CN': '找不到该回访记录', en: 'No such follow-up' },
  'error.linkNeedsAgreement': {
    'zh-CN': '只有达成书面协议的案件才能申请司法确认',
    en: 'Only a case concluded with a written agreement can go to judicial confirmation',
  },
  'error.linkNeedsFailure': {
    'zh-CN': '只有调解未成功的案件才能转速裁法庭',
    en: 'Only a failed mediation can be referred to the speedy court',
  },
  'error.linkExists': {
    'zh-CN': '已关联案件 {number}，不能重复申请',
    en: 'Already linked to {number}',
  },
  'error.deadlineAlreadyPaused': {
    'zh-CN': '期限已处于暂停状态',
    en: 'The deadline is already paused',
  },
  'error.deadlineNotPaused': { 'zh-CN': '期限未暂停', en: 'The deadline is not paused' },
  'error.internal': {
    'zh-CN': '内部错误，操作未保存',
    en: 'Internal error; nothing was saved',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorKey = keyof typeof errorMessages;
export type MessageKey = ValidationKey | ErrorKey;

const allMessages: Record<string, Record<Locale, string>> = {
  ...validationMessages,
  ...errorMessages,
};

/** The text of a message key in a language, placeholders filled; unknown keys pass through. */
export function messageText(
  key: string,
  locale: Locale,
  params: Readonly<Record<string, string | number | Readonly<Record<Locale, string>>>> = {},
): string {
  const template = Object.hasOwn(allMessages, key) ? allMessages[key]?.[locale] : undefined;
  if (template === undefined) return key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[locale] : String(value);
  });
}
