/**
 * Field-level error messages, keyed. Schemas carry the key; the dispatcher answers API callers
 * in their session's language and the renderer translates the same keys in forms.
 */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const validationMessages = {
  'validation.required': { 'zh-CN': '必填', en: 'Required' },
  'validation.invalid': { 'zh-CN': '格式不正确', en: 'Invalid value' },
  'validation.nulCharacter': {
    'zh-CN': '含有无法保存的空字符（U+0000），请删除后重试',
    en: 'Contains a null character (U+0000) that cannot be saved; remove it and try again',
  },
  'validation.tooShort': { 'zh-CN': '内容过短', en: 'Too short' },
  'validation.tooLong': { 'zh-CN': '内容过长', en: 'Too long' },
  'validation.database.host': {
    'zh-CN': '请填写服务器名称或 IP 地址（不含端口和空格）',
    en: 'Enter the server name or IP address (no port, no spaces)',
  },
  'validation.database.name': {
    'zh-CN': '只能包含字母、数字、下划线和连字符，且以字母或下划线开头',
    en: 'Letters, digits, underscores and hyphens only, starting with a letter or underscore',
  },
  'validation.database.alreadyInUse': {
    'zh-CN': '这就是正在使用的数据库',
    en: 'This is the database in use',
  },
  'validation.database.serverHasRecords': {
    'zh-CN':
      '服务器上的数据库已有记录，不能再把本机数据复制进去。请使用一个新建的空数据库，或不复制直接切换',
    en: "The server's database already holds records; this computer's cannot be copied into it. Use a new, empty database, or switch without copying",
  },
  'validation.database.copyNeedsEmbedded': {
    'zh-CN': '只有使用本机数据库时才能把数据复制到服务器',
    en: "Records can be copied to the server only from this computer's database",
  },
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
  'validation.session.utcOnly': {
    'zh-CN': '时间须为以 Z 结尾的 UTC 时刻，不接受带时区偏移或不带时区的时间',
    en: 'Times must be UTC instants ending in Z; offsets and zone-less times are refused',
  },
  'validation.session.instant': { 'zh-CN': '时间格式不正确', en: 'Not a valid time' },
  'validation.session.wholeMinute': {
    'zh-CN': '时间须精确到整分钟',
    en: 'Times must fall on a whole minute',
  },
  'validation.session.time': { 'zh-CN': '请输入时间（时:分）', en: 'Enter a time (HH:mm)' },
  'validation.session.endAfterStart': {
    'zh-CN': '结束时间须晚于开始时间',
    en: 'The end must be after the start',
  },
  'validation.session.tooLong': {
    'zh-CN': '日程不能长达 24 小时或以上',
    en: 'A session cannot last 24 hours or more',
  },
  'validation.session.duplicate': { 'zh-CN': '有重复选择的人员', en: 'Someone is listed twice' },
  'validation.session.staffNeeded': {
    'zh-CN': '至少选择一名工作人员',
    en: 'Choose at least one staff member',
  },
  'validation.session.partyNeeded': {
    'zh-CN': '至少选择一名当事人',
    en: 'Choose at least one party',
  },
  'validation.session.absentNeeded': {
    'zh-CN': '请选择未到场的当事人',
    en: 'Choose who did not come',
  },
  'validation.session.rangeTooLong': {
    'zh-CN': '查询范围不能超过 62 天',
    en: 'The range cannot exceed 62 days',
  },
  'validation.session.pastMidnight': {
    'zh-CN': '接访时段不能跨过午夜',
    en: 'The reception slots cannot run past midnight',
  },
  'validation.session.caseUnknown': { 'zh-CN': '案件不存在', en: 'No such case' },
  'validation.session.caseClosed': {
    'zh-CN': '案件已结束办理，不能安排日程',
    en: 'The case is closed; no sessions can be booked for it',
  },
  'validation.session.roomUnknown': {
    'zh-CN': '会议室不存在或已停用',
    en: 'No such active room',
  },
  'validation.session.roomOtherStudio': {
    'zh-CN': '该会议室属于其他工作室',
    en: 'This room belongs to another studio',
  },
  'validation.session.roomNotPetition': {
    'zh-CN': '领导接访须使用联合接访工作室的会议室',
    en: "Leaders' reception needs a room of the letters-and-visits studio",
  },
  'validation.session.kindStudio': {
    'zh-CN': '领导接访只能安排在联合接访工作室',
    en: "Leaders' reception belongs to the letters-and-visits studio",
  },
  'validation.session.staffUnknown': {
    'zh-CN': '包含不存在或已停用的工作人员',
    en: 'Includes a staff member who does not exist or is inactive',
  },
  'validation.session.partyNotInCase': {
    'zh-CN': '包含不是本案当事人的人员',
    en: 'Includes someone who is not a party to the case',
  },
  'validation.session.notInSession': {
    'zh-CN': '包含未参加本日程的人员',
    en: 'Includes someone who is not in this session',
  },
  'validation.session.confirmWarnings': {
    'zh-CN': '请先确认提示',
    en: 'Confirm the warnings first',
  },
  // Staff, settings, backups (issue 7)
  'validation.passwordWrong': { 'zh-CN': '密码不正确', en: 'Wrong password' },
  'validation.passwordUnchanged': {
    'zh-CN': '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  'validation.numbering.seq': {
    'zh-CN': '编号格式必须包含 {seq}（序号）',
    en: 'The template must contain {seq} (the sequence number)',
  },
  'validation.numbering.year': {
    'zh-CN': '编号格式必须包含 {year}（年度）',
    en: 'The template must contain {year}',
  },
  'validation.numbering.studio': {
    'zh-CN': '编号格式必须包含 {studio}（工作室代字），否则不同工作室会出现相同案号',
    en: 'The template must contain {studio}, or two studios would give the same number',
  },
  'validation.numbering.unknown': {
    'zh-CN': '只能使用 {year} {center} {studio} {word} {seq} 这些占位符',
    en: 'Only the placeholders {year} {center} {studio} {word} {seq} may be used',
  },
  'validation.numbering.code': {
    'zh-CN': '代字为 1–4 个字符，不含空格或花括号',
    en: 'A code is 1–4 characters, without spaces or braces',
  },
  'validation.folder.absolute': {
    'zh-CN': '请输入完整路径（如 D:\\备份 或 /home/备份）',
    en: 'Enter a full path (e.g. D:\\Backups or /home/backups)',
  },
  'validation.folder.unwritable': {
    'zh-CN': '无法在该文件夹中写入文件',
    en: 'Files cannot be written in this folder',
  },
  'validation.time': {
    'zh-CN': '请输入时间（时:分，如 08:30）',
    en: 'Enter a time (HH:MM, e.g. 08:30)',
  },
  'validation.workHours.order': {
    'zh-CN': '下班时间应晚于上班时间',
    en: 'The end must be after the start',
  },
  'validation.workHours.break': {
    'zh-CN': '午休应在工作时间之内，且结束晚于开始',
    en: 'The lunch break must lie within working hours and end after it starts',
  },
  'validation.studio.code': {
    'zh-CN': '标识为 2–30 位小写字母、数字或下划线，以字母开头',
    en: 'The identifier is 2–30 lowercase letters, digits or underscores, starting with a letter',
  },
  'validation.studio.codeTaken': {
    'zh-CN': '已有工作室使用该标识',
    en: 'Another studio already uses this identifier',
  },
  'validation.studio.numberCodeTaken': {
    'zh-CN': '已有工作室使用相同的代字和字号，案号会重复',
    en: 'Another studio numbers with the same code and word; case numbers would collide',
  },
  'validation.backup.notFound': { 'zh-CN': '找不到该文件', en: 'No such file' },
  'validation.backup.notDatabase': {
    'zh-CN': '该文件不是数据库文件',
    en: 'This file is not a database',
  },
  'validation.backup.integrity': {
    'zh-CN': '该文件未通过完整性检查（已损坏）',
    en: 'This file failed the integrity check (it is damaged)',
  },
  'validation.backup.newer': {
    'zh-CN': '该文件由更新版本的调解台生成，请先升级本软件',
    en: 'This file was made by a newer version of Mediation Desk; update the app first',
  },
  'validation.backup.foreign': {
    'zh-CN': '该文件不是调解台的数据库',
    en: 'This file is not a Mediation Desk database',
  },
  'validation.backup.chain': {
    'zh-CN': '该文件的审计日志哈希链已断开',
    en: 'The audit hash chain in this file is broken',
  },
  'validation.backup.isLive': {
    'zh-CN': '这是正在使用的数据库本身',
    en: 'This is the database in use itself',
  },
  'validation.backup.noFile': {
    'zh-CN': '内存数据库没有可备份的文件',
    en: 'An in-memory database has no file to back up',
  },
  'validation.dateTime': {
    'zh-CN': '请输入有效的日期和时间（年-月-日 时:分）',
    en: 'Enter a valid date and time (YYYY-MM-DD HH:mm)',
  },
  'validation.agreement.terms': {
    'zh-CN': '至少需要一条协议条款',
    en: 'At least one agreed term is needed',
  },
  'validation.agreement.copies': {
    'zh-CN': '份数不能少于当事人人数加一（当事人各一份、调解委员会一份）',
    en: 'At least one copy per party plus one for the committee',
  },
  'validation.agreement.partyNotInCase': {
    'zh-CN': '该当事人不属于本案',
    en: 'This party is not a party of the case',
  },
  'validation.agreement.otherCase': {
    'zh-CN': '该协议版本属于其他案件',
    en: 'This agreement version belongs to another case',
  },
  'validation.party.notInCase': {
    'zh-CN': '该当事人不属于本案',
    en: 'This party is not a party of the case',
  },
  'validation.signature.partyNotInAgreement': {
    'zh-CN': '该当事人不是本协议的当事人',
    en: 'This party is not a party to the agreement',
  },
  'validation.signature.date': {
    'zh-CN': '签署日期应在协议打印之日与今天之间',
    en: 'The signing date must fall between printing and today',
  },
  'validation.scan.tooLarge': {
    'zh-CN': '文件过大（最大 5 MB）',
    en: 'The file is too large (5 MB at most)',
  },
  'validation.scan.type': {
    'zh-CN': '只能上传 PDF、JPEG 或 PNG 文件',
    en: 'Only PDF, JPEG or PNG files can be attached',
  },
  'validation.scan.encoding': {
    'zh-CN': '文件数据无法读取',
    en: 'The file data cannot be read',
  },
  'validation.verificationCode': {
    'zh-CN': '校验码为 8 位字母或数字（如 7KQF-3M2X）',
    en: 'A verification code has 8 letters or digits (e.g. 7KQF-3M2X)',
  },
  'validation.followUp.notInCase': {
    'zh-CN': '该回访记录不属于本案',
    en: 'This follow-up belongs to another case',
  },
  'validation.followUp.notVisited': {
    'zh-CN': '该回访尚未记录，无法出具回访记录',
    en: 'This follow-up has not been recorded yet',
  },
  'validation.report.periodTooLong': {
    'zh-CN': '统计期间不能超过三年',
    en: 'A report period cannot exceed three years',
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
  'error.busy': {
    'zh-CN': '其他工作站正在保存，本次操作未保存，请稍后重试',
    en: 'Another workstation is saving; nothing was saved. Try again in a moment',
  },
  'error.unavailable': {
    'zh-CN': '无法连接数据库服务器，操作未保存。请检查网络或联系管理员',
    en: 'The database server cannot be reached; nothing was saved. Check the network or ask the administrator',
  },
  'error.bookingOverlap': {
    'zh-CN': '该时段已被其他工作站预约（房间、人员或当事人冲突），请刷新后另选时间',
    en: 'Another workstation booked that time (room, staff or party); refresh and pick another time',
  },
  // Settings → Database: the connection test (src/db/postgres/probe.ts) and switching
  'error.database.connected.empty': {
    'zh-CN':
      '连接成功（PostgreSQL {version}）。数据库“{database}”是空的：切换时将在其中创建本软件的数据表，并可选择把本机数据复制过去。',
    en: 'Connected (PostgreSQL {version}). The database "{database}" is empty: switching creates the app\'s tables there, and can copy this computer\'s records into it.',
  },
  'error.database.connected.older': {
    'zh-CN':
      '连接成功（PostgreSQL {version}）。数据库“{database}”由较早版本的调解台创建，尚无记录：切换时将自动升级，并可选择把本机数据复制过去。',
    en: 'Connected (PostgreSQL {version}). The database "{database}" was set up by an earlier Mediation Desk and holds no records yet: switching upgrades it, and can copy this computer\'s records into it.',
  },
  'error.database.connected.olderWithRecords': {
    'zh-CN':
      '连接成功（PostgreSQL {version}）。数据库“{database}”已有记录，由较早版本的调解台使用：切换时将自动升级，之后使用服务器上的记录（本机数据不会复制过去）。',
    en: 'Connected (PostgreSQL {version}). The database "{database}" holds records and was used by an earlier Mediation Desk: switching upgrades it, then works on the server\'s records (this computer\'s are not copied).',
  },
  'error.database.connected.current': {
    'zh-CN':
      '连接成功（PostgreSQL {version}）。数据库“{database}”已是本版本的结构，尚无记录，可选择把本机数据复制过去。',
    en: 'Connected (PostgreSQL {version}). The database "{database}" is set up for this version and holds no records yet; this computer\'s records can be copied into it.',
  },
  'error.database.connected.currentWithRecords': {
    'zh-CN':
      '连接成功（PostgreSQL {version}）。数据库“{database}”已在使用中：切换后将使用服务器上的记录（本机数据不会复制过去）。',
    en: 'Connected (PostgreSQL {version}). The database "{database}" is in use: after switching, this workstation works on the server\'s records (this computer\'s are not copied).',
  },
  'error.database.unreachable': {
    'zh-CN':
      '{host}:{port} 上没有服务应答。请核对服务器地址和端口（PostgreSQL 默认 5432），确认服务器已开机且 PostgreSQL 正在运行、postgresql.conf 中的 listen_addresses 允许局域网连接，并且防火墙已放行该端口。',
    en: 'Nothing answers at {host}:{port}. Check the server address and port (PostgreSQL uses 5432 by default), that the server is on and PostgreSQL is running, that listen_addresses in postgresql.conf accepts connections from the LAN, and that the firewall lets the port through.',
  },
  'error.database.hostNotFound': {
    'zh-CN': '找不到名为“{host}”的服务器。请核对服务器名称，或改填服务器的 IP 地址。',
    en: 'No server named "{host}" can be found. Check the name, or enter the server\'s IP address instead.',
  },
  'error.database.timeout': {
    'zh-CN':
      '{host}:{port} 在限定时间内没有回应。请检查网络是否通畅、防火墙是否丢弃了连接，或服务器是否过于繁忙，然后再试。',
    en: '{host}:{port} did not answer in time. Check that the network is up, that no firewall drops the connection and that the server is not overloaded, then try again.',
  },
  'error.database.tls.notSupported': {
    'zh-CN':
      '服务器未启用加密连接（postgresql.conf 中 ssl = off），与所选的 TLS 模式不符。请服务器管理员启用 SSL，或在可信的局域网内将 TLS 模式改为“不加密”。',
    en: 'The server does not accept encrypted connections (ssl = off in postgresql.conf), which the chosen TLS mode needs. Have its administrator turn SSL on, or on a trusted LAN set the TLS mode to "disable".',
  },
  'error.database.tls.required': {
    'zh-CN':
      '服务器只接受加密连接（pg_hba.conf 中为 hostssl）。请将 TLS 模式改为“加密”或“加密并验证证书”。',
    en: 'The server accepts only encrypted connections (hostssl in pg_hba.conf). Set the TLS mode to "require" or "verify-full".',
  },
  'error.database.tls.untrusted': {
    'zh-CN':
      '服务器的证书不受本机信任（自签名，或颁发机构不在本机的受信任列表中）。请把颁发该证书的机构安装到本机的受信任证书中，或将 TLS 模式改为“加密（不验证证书）”。',
    en: 'This computer does not trust the server\'s certificate (self-signed, or issued by an authority it does not know). Install the issuing authority among the system\'s trusted certificates, or set the TLS mode to "require" (encrypted, certificate not checked).',
  },
  'error.database.tls.hostname': {
    'zh-CN':
      '服务器证书上的名称与“{host}”不符。请按证书上的名称填写服务器地址，或请管理员为该地址签发证书。',
    en: 'The name on the server\'s certificate does not match "{host}". Enter the server address as the certificate names it, or have a certificate issued for this address.',
  },
  'error.database.tls.expired': {
    'zh-CN': '服务器证书已过期或尚未生效。请服务器管理员更换证书，并核对本机日期和时间。',
    en: "The server's certificate has expired or is not valid yet. Have its administrator renew it, and check this computer's date and time.",
  },
  'error.database.tls.failed': {
    'zh-CN': '加密连接未能建立（{detail}）。请核对 TLS 模式与服务器的 SSL 设置。',
    en: "The encrypted connection failed ({detail}). Check the TLS mode against the server's SSL settings.",
  },
  'error.database.authentication': {
    'zh-CN':
      '服务器拒绝了用户“{user}”的密码。请核对用户名和密码（区分大小写）；如果密码无误，请服务器管理员检查 pg_hba.conf 中本机地址对应的认证方式（如 scram-sha-256）并重新加载配置。',
    en: 'The server refused the password of user "{user}". Check the user name and password (case-sensitive); if they are right, have the server\'s administrator check the authentication method for this workstation\'s address in pg_hba.conf (e.g. scram-sha-256) and reload the configuration.',
  },
  'error.database.authentication.refused': {
    'zh-CN':
      '服务器不允许用户“{user}”从本机登录数据库“{database}”：该用户不存在，或 pg_hba.conf 中没有允许本机地址的条目。请核对用户名；服务器管理员可在 pg_hba.conf 中添加一行（例如 host {database} {user} 本机IP/32 scram-sha-256）后重新加载配置。',
    en: 'The server does not let user "{user}" sign in to "{database}" from this workstation: the user does not exist, or pg_hba.conf has no line for this address. Check the user name; the server\'s administrator can add a line to pg_hba.conf (e.g. host {database} {user} <workstation IP>/32 scram-sha-256) and reload the configuration.',
  },
  'error.database.authentication.passwordNeeded': {
    'zh-CN': '服务器要求用户“{user}”输入密码。请填写密码后再试。',
    en: 'The server asks for the password of user "{user}". Enter it and try again.',
  },
  'error.database.databaseMissing': {
    'zh-CN':
      '服务器上没有名为“{database}”的数据库。请服务器管理员按 README“中心服务器（PostgreSQL）”一节先创建它（例如 createdb -E UTF8 -O {user} {database}），再测试连接。',
    en: 'The server has no database named "{database}". Have its administrator create it as the README\'s "Center server (PostgreSQL)" section shows (e.g. createdb -E UTF8 -O {user} {database}), then test again.',
  },
  'error.database.permission.schema': {
    'zh-CN':
      '用户“{user}”可以登录，但无权在数据库“{database}”中建表。请让该用户成为数据库的所有者（ALTER DATABASE {database} OWNER TO {user}），或授予权限（GRANT CREATE ON SCHEMA public TO {user}）。',
    en: 'User "{user}" can sign in but may not create tables in "{database}". Make the user the database\'s owner (ALTER DATABASE {database} OWNER TO {user}) or grant it (GRANT CREATE ON SCHEMA public TO {user}).',
  },
  'error.database.permission.extension': {
    'zh-CN':
      '用户“{user}”无权在数据库“{database}”中安装所需的扩展 pg_trgm 和 btree_gist（需要该数据库的 CREATE 权限）。请让该用户成为数据库的所有者，或由管理员在该数据库中先执行 CREATE EXTENSION pg_trgm; CREATE EXTENSION btree_gist;',
    en: 'User "{user}" may not install the extensions pg_trgm and btree_gist in "{database}" (that needs CREATE on the database). Make the user the database\'s owner, or have an administrator run CREATE EXTENSION pg_trgm; CREATE EXTENSION btree_gist; in that database first.',
  },
  'error.database.permission.extensionMissing': {
    'zh-CN':
      '服务器缺少扩展 {extensions}（PostgreSQL 的 contrib 组件）。请服务器管理员安装（Debian/Ubuntu 的 postgresql 软件包已包含；其他系统请安装 postgresql-contrib）。',
    en: "The server lacks the extensions {extensions} (PostgreSQL's contrib modules). Have its administrator install them (Debian/Ubuntu's postgresql package has them; elsewhere install postgresql-contrib).",
  },
  'error.database.permission.migrate': {
    'zh-CN':
      '数据库“{database}”中的数据表属于其他用户，用户“{user}”无法把它们升级到本版本。请用数据表的所有者连接，或由管理员把所有权转给“{user}”（REASSIGN OWNED）。',
    en: 'The tables in "{database}" belong to another user, so "{user}" cannot upgrade them to this version. Connect as their owner, or have an administrator hand them to "{user}" (REASSIGN OWNED).',
  },
  'error.database.permission.tables': {
    'zh-CN':
      '用户“{user}”无权读写数据库“{database}”中本软件的全部数据表。请用数据表的所有者连接，或由管理员授予读写权限。',
    en: 'User "{user}" may not read and write all of the app\'s tables in "{database}". Connect as their owner, or have an administrator grant the rights.',
  },
  'error.database.serverTooOld': {
    'zh-CN':
      '服务器运行的是 PostgreSQL {version}，本软件需要 {minimum} 或更高版本。请升级服务器上的 PostgreSQL。',
    en: 'The server runs PostgreSQL {version}; Mediation Desk needs {minimum} or later. Upgrade PostgreSQL on the server.',
  },
  'error.database.schemaNewer': {
    'zh-CN':
      '该数据库已被更新版本的调解台升级（本版本不认识的升级：{migrations}）。请先在本机安装同一或更新的版本；本版本不会改动该数据库。',
    en: 'A newer Mediation Desk has upgraded this database (upgrades this version does not know: {migrations}). Install that version or a later one on this computer first; this one will not change the database.',
  },
  'error.database.encoding': {
    'zh-CN':
      '数据库“{database}”的字符编码是 {encoding}，无法保存中文。请按 README 用 UTF8 编码重新创建数据库（createdb -E UTF8 ...）。',
    en: 'The database "{database}" uses the {encoding} encoding, which cannot hold Chinese text. Create it again with UTF8 as the README shows (createdb -E UTF8 ...).',
  },
  'error.database.foreignTables': {
    'zh-CN':
      '数据库“{database}”中已有其他程序的数据表。请使用一个新建的空数据库（见 README 中的 createdb 步骤）。',
    en: 'The database "{database}" already holds another program\'s tables. Use a new, empty database (see the createdb step in the README).',
  },
  'error.database.unknown': {
    'zh-CN': '连接失败：{detail}',
    en: 'The connection failed: {detail}',
  },
  'error.database.switchRefused': {
    'zh-CN': '未切换数据库',
    en: 'The database was not switched',
  },
  'error.database.noSwitch': {
    'zh-CN': '此处不能更改数据库',
    en: 'The database cannot be changed here',
  },
  'error.database.localChainBroken': {
    'zh-CN': '本机审计日志在第 {id} 行断开，不能复制到服务器。请先在“审计日志”中核查。',
    en: "This computer's audit log breaks at row {id}; it cannot be copied to the server. Check it under Audit log first.",
  },
  'error.database.copyMismatch': {
    'zh-CN':
      '复制后核对不符（{table}：本机 {local} 行，服务器 {server} 行）。服务器上的数据库未作任何改动，本机数据也未改动。',
    en: 'The copy did not check out ({table}: {local} rows here, {server} on the server). Nothing was changed on the server or on this computer.',
  },
  'error.database.copyChainBroken': {
    'zh-CN':
      '复制到服务器的审计日志在第 {id} 行校验失败。服务器上的数据库未作任何改动，本机数据也未改动。',
    en: 'The audit log copied to the server fails its check at row {id}. Nothing was changed on the server or on this computer.',
  },
  'error.session.notFound': { 'zh-CN': '找不到 id 为 {id} 的日程', en: 'No session with id {id}' },
  'error.session.scope': {
    'zh-CN': '该日程属于您未任职的工作室',
    en: 'This session belongs to a studio you do not work in',
  },
  'error.session.conflict': {
    'zh-CN': '{who}在该时段已有安排：{other}',
    en: '{who} is already booked at that time: {other}',
  },
  'error.session.warnings': {
    'zh-CN': '请确认以下提示后再保存：{warnings}',
    en: 'Confirm these warnings to save: {warnings}',
  },
  'error.session.stale': {
    'zh-CN': '该日程已被他人修改（当前版本 {version}），请刷新后重试',
    en: 'Someone else changed this session (now version {version}); reload and try again',
  },
  'error.session.notScheduled': {
    'zh-CN': '该日程当前状态为“{status}”，不能{action}',
    en: 'The session is {status}; it cannot be {action}',
  },
  'error.session.notYet': {
    'zh-CN': '日程尚未开始，不能{action}',
    en: 'The session has not started yet; it cannot be {action}',
  },
  'error.session.slotTaken': {
    'zh-CN': '该接访时段已有预约',
    en: 'This reception slot is already booked',
  },
  'error.session.notReceptionSlot': {
    'zh-CN': '这不是领导接访时段',
    en: "This is not a leader's reception slot",
  },
  // Staff, settings, backups (issue 7)
  'error.locked': {
    'zh-CN': '本窗口已锁定，请输入密码解锁或切换用户',
    en: 'This window is locked; enter your password or switch user',
  },
  'error.signInThrottled': {
    'zh-CN': '密码错误次数过多，请 {wait}后再试',
    en: 'Too many wrong passwords; try again in {wait}',
  },
  'error.staffNotFound': {
    'zh-CN': '找不到 id 为 {id} 的工作人员',
    en: 'No staff member with id {id}',
  },
  'error.staleStaff': {
    'zh-CN': '该账户已被他人修改（当前版本 {version}），请刷新后重试',
    en: 'Someone else changed this account (now version {version}); reload and try again',
  },
  'error.lastAdmin': {
    'zh-CN': '至少需要保留一名在职的系统管理员',
    en: 'At least one active administrator must remain',
  },
  'error.selfDeactivate': {
    'zh-CN': '不能停用自己的账户',
    en: 'You cannot deactivate your own account',
  },
  'error.studioNotFound': { 'zh-CN': '找不到 id 为 {id} 的工作室', en: 'No studio with id {id}' },
  'error.staleStudio': {
    'zh-CN': '该工作室已被他人修改（当前版本 {version}），请刷新后重试',
    en: 'Someone else changed this studio (now version {version}); reload and try again',
  },
  'error.roomNotFound': { 'zh-CN': '找不到 id 为 {id} 的房间', en: 'No room with id {id}' },
  'error.partyNotInCase': {
    'zh-CN': '该当事人不属于本案',
    en: 'This party is not on the case',
  },
  'error.backupChainBroken': {
    'zh-CN': '该文件的审计日志在第 {id} 行断开，不能用于恢复',
    en: 'The audit log in this file breaks at row {id}; it cannot be restored',
  },
  'error.database.ctypeSlowSearch': {
    'zh-CN':
      '注意：数据库“{database}”的字符分类（LC_CTYPE）为 {ctype}，汉字不计为文字，中文检索结果不变但会变慢。建议按 README 用 --locale=C.UTF-8 创建数据库。',
    en: 'Note: the database "{database}" classifies characters as {ctype} (LC_CTYPE), where Chinese characters are not letters: Chinese searches find the same cases, more slowly. Creating the database with --locale=C.UTF-8, as the README shows, avoids it.',
  },
  'error.backupOnServer': {
    'zh-CN': '数据库在中心服务器上，由服务器管理员备份和恢复（如 pg_dump），本机不做备份',
    en: "The database is on the center's server: its administrator backs it up and restores it (e.g. pg_dump), not this computer",
  },
  'error.documentNotFound': { 'zh-CN': '找不到该文书', en: 'No such document' },
  'error.documentCorrupt': {
    'zh-CN': '文书存档与其校验值不符，请联系管理员',
    en: 'The stored document does not match its hash; contact the administrator',
  },
  'error.documentState': {
    'zh-CN': '案件当前状态为“{status}”，不能出具{document}',
    en: 'The case is {status}; a {document} cannot be issued now',
  },
  'error.noEffectiveAgreement': {
    'zh-CN': '本案尚无已生效的调解协议，不能申请司法确认',
    en: 'The case has no agreement in effect to confirm',
  },
  'error.agreementNotFound': { 'zh-CN': '找不到该协议版本', en: 'No such agreement version' },
  'error.agreementCaseState': {
    'zh-CN': '案件当前状态为“{status}”，不能制作调解协议',
    en: 'The case is {status}; no agreement can be drafted',
  },
  'error.agreementPrinted': {
    'zh-CN': '第{version}版已打印，不能修改；如需更正请另存为新版本',
    en: 'Version {version} has been printed and cannot change; save a correction as a new version',
  },
  'error.agreementNotPrinted': {
    'zh-CN': '协议尚未打印，不能登记签署或上传签署件',
    en: 'The agreement has not been printed; signatures and scans come after printing',
  },
  'error.agreementEffective': {
    'zh-CN': '协议已生效，不能再修改',
    en: 'The agreement is in effect and can no longer change',
  },
  'error.agreementStale': {
    'zh-CN': '第{version}版已被他人修改，请刷新后重试',
    en: 'Someone else changed version {version}; reload and try again',
  },
  'error.scanNotFound': { 'zh-CN': '找不到该扫描件', en: 'No such scan' },
  'error.report.tooManyRows': {
    'zh-CN': '共 {count} 件，超过一次导出的上限 {max} 件，请缩小范围',
    en: '{count} cases exceed the export limit of {max}; narrow the selection',
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
