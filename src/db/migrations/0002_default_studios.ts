import type { Kysely } from 'kysely';

/** The center's eight studios as DESIGN §4 lists them, each with its rooms; all editable later. */
const studios = [
  [
    'medical',
    '医疗纠纷调解工作室',
    'Medical dispute mediation',
    'mediation',
    '医',
    '调',
    30,
    'working_days',
    '医疗纠纷人民调解委员会',
    [
      ['医调一室', 'Medical room 1'],
      ['医调二室', 'Medical room 2'],
    ],
  ],
  [
    'judicial',
    '司法确认工作室',
    'Judicial confirmation',
    'judicial_confirmation',
    '司',
    '调确',
    15,
    'calendar_days',
    '人民法院驻中心司法确认工作室',
    [['司法确认室', 'Confirmation room']],
  ],
  [
    'court',
    '速裁法庭',
    'Speedy adjudication court',
    'court',
    '速',
    '调',
    30,
    'calendar_days',
    '人民法院速裁法庭',
    [['速裁法庭', 'Courtroom']],
  ],
  [
    'township',
    '镇街联合调解工作室',
    'Township and street joint mediation',
    'mediation',
    '镇',
    '调',
    1,
    'months',
    '镇街人民调解委员会',
    [
      ['联调一室', 'Joint room 1'],
      ['联调二室', 'Joint room 2'],
    ],
  ],
  [
    'counseling',
    '心理咨询工作室',
    'Psychological counseling',
    'counseling',
    '心',
    '调',
    1,
    'months',
    '矛盾纠纷调处化解中心',
    [['心理咨询室', 'Counseling room']],
  ],
  [
    'labour',
    '劳动争议调解工作室',
    'Labour dispute mediation',
    'mediation',
    '劳',
    '调',
    15,
    'calendar_days',
    '劳动争议调解委员会',
    [['劳动调解室', 'Labour room']],
  ],
  [
    'family',
    '婚姻家庭纠纷调解工作室',
    'Marriage and family mediation',
    'mediation',
    '婚',
    '调',
    1,
    'months',
    '婚姻家庭纠纷人民调解委员会',
    [['婚调室', 'Family room']],
  ],
  [
    'petition',
    '联合接访工作室',
    'Joint letters-and-visits reception',
    'petition',
    '访',
    '调',
    1,
    'months',
    '矛盾纠纷调处化解中心',
    [
      ['接访室', 'Reception room'],
      ['领导接访室', "Leaders' reception room"],
    ],
  ],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('settings')
    .values([
      { key: 'center.name', value: '矛盾纠纷调处化解中心' },
      { key: 'center.nameEn', value: 'Dispute Mediation Center' },
      { key: 'center.numberCode', value: '矛' },
      { key: 'numbering.template', value: '（{year}）{center}{studio}{word}字第{seq}号' },
    ])
    .execute();

  let order = 1;
  for (const [
    code,
    nameZh,
    nameEn,
    kind,
    numberCode,
    numberWord,
    amount,
    unit,
    committee,
    rooms,
  ] of studios) {
    const studio = await db
      .insertInto('studios')
      .values({
        code,
        name_zh: nameZh,
        name_en: nameEn,
        kind,
        number_code: numberCode,
        number_word: numberWord,
        deadline_amount: amount,
        deadline_unit: unit,
        committee_name: committee,
        sort_order: order,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    order += 1;
    for (const [roomZh, roomEn] of rooms) {
      await db
        .insertInto('rooms')
        .values({ studio_id: studio.id, name_zh: roomZh, name_en: roomEn, capacity: 8 })
        .execute();
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('rooms').execute();
  await db.deleteFrom('studios').execute();
  await db.deleteFrom('settings').execute();
}
