import { randomBytes, scryptSync } from 'node:crypto';
import { residentIdCheckChar, residentIdSex } from '../../src/shared/china-ids';

export const BENCH_PASSWORD = 'bench-password-1';

/**
 * The production hash format with N=2^10 instead of 2^17: signing in the benchmark's accounts
 * costs a millisecond, through the real verifyPassword (it reads N from the hash).
 */
export function cheapPasswordHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 2 ** 10, r: 8, p: 1 });
  return ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Region 650102 is not used by the generator: these people are new to the center. */
function newPersonId(n: number): string {
  const first17 = `650102${1960 + (n % 40)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A registration as reception types it: a new applicant with phone, a respondent with an ID. */
export function registration(n: number, studioId: number) {
  const idNumber = newPersonId(n);
  return {
    studioId,
    category: 'neighbourhood',
    source: 'walk_in',
    summary: `相邻关系纠纷：楼上漏水导致楼下天花板受损，双方多次协商未果（第 ${n} 件）。`,
    requests: '要求赔偿维修费用',
    amountFen: (n % 997) * 10,
    parties: [
      {
        role: 'applicant',
        party: {
          kind: 'person',
          name: '周建国',
          sex: 'male',
          phone: `177${String(n).padStart(8, '0')}`,
        },
      },
      {
        role: 'respondent',
        party: { kind: 'person', name: '吴秀兰', sex: residentIdSex(idNumber), idNumber },
      },
    ],
  };
}
