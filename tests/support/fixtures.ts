import type { IntakeInput } from '../../src/cases/case.schema';
import type { PartyInput } from '../../src/parties/party.schema';
import { creditCode, residentId } from './china-ids-reference';

/** 17th digit odd: male; even: female. Birth dates are well in the past of the frozen clock. */
export const IDS = {
  /** 张伟, male, born 1980-01-01 */
  zhangWei: residentId('11010519800101123'),
  /** 李娜, female, born 1985-02-02 */
  liNa: residentId('11010519850202124'),
  /** 王芳, female, born 1990-12-31 */
  wangFang: residentId('32010219901231002'),
  /** 赵强, male, born 1975-06-15 */
  zhaoQiang: residentId('44030519750615035'),
} as const;

export const CREDIT_CODES = {
  /** A published example, valid by the GB 32100 check. */
  hospital: '91350100M000100Y43',
  company: creditCode('91110108MA01ABCDE'),
} as const;

export function person(overrides: Partial<Extract<PartyInput, { kind: 'person' }>> = {}) {
  return {
    kind: 'person',
    name: '张伟',
    sex: 'male',
    idNumber: IDS.zhangWei,
    phone: '13812345678',
    address: '幸福路 1 号',
    ...overrides,
  } satisfies PartyInput;
}

export function organization(
  overrides: Partial<Extract<PartyInput, { kind: 'organization' }>> = {},
) {
  return {
    kind: 'organization',
    name: '市第一人民医院',
    creditCode: CREDIT_CODES.hospital,
    legalRepresentative: '赵院长',
    phone: '0591-87654321',
    ...overrides,
  } satisfies PartyInput;
}

/** A valid registration: a person (applicant) against an organization (respondent). */
export function intake(studioId: number, overrides: Partial<IntakeInput> = {}) {
  return {
    studioId,
    category: 'medical',
    source: 'walk_in',
    riskLevel: 'medium',
    summary: '患者术后感染，要求医院赔偿医疗费用。',
    requests: '赔偿医疗费 12.5 元',
    amountFen: 12.5,
    parties: [
      { role: 'applicant', party: person() },
      { role: 'respondent', party: organization() },
    ],
    ...overrides,
  } satisfies IntakeInput;
}

/** A different male or female person for bulk registrations: unique ID per `n` (0–999). */
export function numberedPerson(n: number, region = '310101') {
  const seq = String(n).padStart(3, '0');
  const idNumber = residentId(`${region}19900101${seq}`);
  return {
    kind: 'person',
    name: `当事人${seq}`,
    sex: Number(seq[2]) % 2 === 1 ? 'male' : 'female',
    idNumber,
  } satisfies PartyInput;
}
