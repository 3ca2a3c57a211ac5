import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_TABLES, dumpTables, tableCounts } from '../../support/db-snapshot';
import { CREDIT_CODES, IDS, intake, organization, person } from '../../support/fixtures';
import { expectError, openTestCore, type TestCore } from '../../support/test-core';

/**
 * Bad input to cases/register: each answer is VALIDATION with the exact field path and a
 * non-empty message, and the database is exactly as it was (DESIGN §8).
 */
let t: TestCore;
let medical: number;

beforeEach(async () => {
  t = await openTestCore();
  medical = await t.studioId('medical');
  // Something on record first, so that a stray write (a counter moved, a party overwritten,
  // an audit row) shows up in the comparison.
  await t.ok('cases/register', intake(medical));
});
afterEach(async () => {
  expect(t.internalErrors).toEqual([]);
  await t.close();
});

async function expectRefused(input: unknown, path: string, text?: string) {
  const counts = await tableCounts(t.db, CASE_TABLES);
  const before = await dumpTables(t.db);
  const error = expectError(await t.call('cases/register', input), 'VALIDATION');
  expect(Object.keys(error.fields ?? {}), JSON.stringify(error.fields)).toContain(path);
  const message = error.fields?.[path];
  expect(typeof message === 'string' && message.trim().length > 0, `message of ${path}`).toBe(true);
  if (text !== undefined) expect(message).toBe(text);
  expect(error.message).toContain(path);
  expect(await tableCounts(t.db, CASE_TABLES)).toEqual(counts);
  expect(await dumpTables(t.db)).toEqual(before);
  return error;
}

function withWrongCheck(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}

const lina = (overrides = {}) =>
  person({ name: '李娜', sex: 'female', idNumber: IDS.liNa, ...overrides });

describe('cases/register refuses bad input and changes nothing', () => {
  it('a resident ID with a wrong check digit', async () => {
    await expectRefused(
      intake(medical, {
        parties: [
          { role: 'applicant', party: person() },
          { role: 'respondent', party: lina({ idNumber: withWrongCheck(IDS.liNa) }) },
        ],
      }),
      'parties.1.party.idNumber',
      '身份证号码校验位不正确，请核对',
    );
  });

  it('a resident ID with an impossible birth date (30 February)', async () => {
    const feb30 = '110105199002301231';
    await expectRefused(
      intake(medical, {
        parties: [
          { role: 'applicant', party: person({ idNumber: feb30 }) },
          { role: 'respondent', party: organization() },
        ],
      }),
      'parties.0.party.idNumber',
      '身份证号码中的出生日期无效',
    );
  });

  it('a sex that does not match the resident ID', async () => {
    await expectRefused(
      intake(medical, {
        parties: [
          { role: 'applicant', party: person({ sex: 'female' }) },
          { role: 'respondent', party: organization() },
        ],
      }),
      'parties.0.party.sex',
      '性别与身份证号码不符',
    );
  });

  it('only one party', async () => {
    await expectRefused(
      intake(medical, { parties: [{ role: 'applicant', party: person() }] }),
      'parties',
      '至少需要两名当事人',
    );
  });

  it('no respondent', async () => {
    await expectRefused(
      intake(medical, {
        parties: [
          { role: 'applicant', party: person() },
          { role: 'applicant', party: lina() },
        ],
      }),
      'parties',
      '至少需要一名被申请人',
    );
  });

  it('no applicant', async () => {
    await expectRefused(
      intake(medical, {
        parties: [
          { role: 'respondent', party: person() },
          { role: 'third_party', party: lina() },
        ],
      }),
      'parties',
      '至少需要一名申请人',
    );
  });

  it('a studio id that does not exist', async () => {
    await expectRefused(intake(9999), 'studioId', '工作室不存在或已停用');
  });

  it('a studio that has been deactivated', async () => {
    const labour = await t.studioId('labour');
    await t.db.updateTable('studios').set({ active: 0 }).where('id', '=', labour).execute();
    await expectRefused(intake(labour, { category: 'labour' }), 'studioId', '工作室不存在或已停用');
  });

  it('a studio id that is not a number', async () => {
    await expectRefused(intake(medical, { studioId: String(medical) as never }), 'studioId');
  });

  it('a category that does not exist', async () => {
    await expectRefused(
      intake(medical, { category: 'gossip' as never }),
      'category',
      '请从列表中选择',
    );
  });

  it('a source that does not exist', async () => {
    await expectRefused(intake(medical, { source: 'rumour' as never }), 'source', '请从列表中选择');
  });

  it('an empty or blank summary', async () => {
    await expectRefused(intake(medical, { summary: '' }), 'summary', '必填');
    await expectRefused(intake(medical, { summary: ' \n\t ' }), 'summary', '必填');
  });

  it('a negative amount', async () => {
    const text = '金额应为不小于 0 的数，最多两位小数';
    await expectRefused(intake(medical, { amountFen: -1 }), 'amountFen', text);
    await expectRefused(intake(medical, { amountFen: '-0.01' }), 'amountFen', text);
  });

  it('an amount with three decimals', async () => {
    const text = '金额应为不小于 0 的数，最多两位小数';
    await expectRefused(intake(medical, { amountFen: 1.234 }), 'amountFen', text);
    await expectRefused(intake(medical, { amountFen: '1.005' }), 'amountFen', text);
    await expectRefused(intake(medical, { amountFen: 'twelve' }), 'amountFen', text);
  });

  // Money is integer fen (tables.ts); beyond Number.MAX_SAFE_INTEGER fen it can no longer be
  // stored exactly (SQLite falls back to REAL), yet the schema has no upper bound.
  it('an amount too large to be held exactly in fen', async () => {
    await expectRefused(intake(medical, { amountFen: 1e20 }), 'amountFen');
  });

  it('a bad phone number', async () => {
    for (const phone of ['12345', '138123456789', '010-123']) {
      await expectRefused(
        intake(medical, {
          parties: [
            { role: 'applicant', party: person({ phone }) },
            { role: 'respondent', party: organization() },
          ],
        }),
        'parties.0.party.phone',
        '请输入手机号码或带区号的固定电话',
      );
    }
  });

  it('a credit code with a wrong check character', async () => {
    await expectRefused(
      intake(medical, {
        parties: [
          { role: 'applicant', party: person() },
          { role: 'respondent', party: organization({ creditCode: '91350100M000100Y44' }) },
        ],
      }),
      'parties.1.party.creditCode',
      '统一社会信用代码校验位不正确',
    );
  });

  it('a credit code with a letter the standard leaves out', async () => {
    await expectRefused(
      intake(medical, {
        parties: [
          { role: 'applicant', party: person() },
          { role: 'respondent', party: organization({ creditCode: '91350100I000100Y43' }) },
        ],
      }),
      'parties.1.party.creditCode',
      '统一社会信用代码应为 18 位数字或大写字母',
    );
  });

  it('the same resident ID twice in one case', async () => {
    await expectRefused(
      intake(medical, {
        parties: [
          { role: 'applicant', party: lina() },
          { role: 'respondent', party: lina({ name: '李娜（别名）' }) },
        ],
      }),
      'parties.1.party.idNumber',
      '同一案件中该身份证号码重复',
    );
  });

  it('the same credit code twice in one case, with a message about the credit code', async () => {
    const error = await expectRefused(
      intake(medical, {
        parties: [
          { role: 'applicant', party: organization({ creditCode: CREDIT_CODES.company }) },
          { role: 'respondent', party: organization() },
          { role: 'third_party', party: organization({ name: '医院分院' }) },
        ],
      }),
      'parties.2.party.creditCode',
    );
    // The field is a credit code: a message about a resident ID (身份证号码) would mislead.
    expect(error.fields?.['parties.2.party.creditCode']).not.toContain('身份证');
  });

  it('a partyId that does not exist (after the first party was already resolved)', async () => {
    await expectRefused(
      intake(medical, {
        parties: [
          { role: 'applicant', party: person({ name: '新当事人', idNumber: IDS.zhaoQiang }) },
          { role: 'respondent', partyId: 4242, party: organization() },
        ],
      }),
      'parties.1.partyId',
      '当事人记录不存在',
    );
  });

  it('a party role or kind that does not exist, and a name that is too long', async () => {
    await expectRefused(
      intake(medical, {
        parties: [
          { role: 'witness' as never, party: person() },
          { role: 'respondent', party: organization() },
        ],
      }),
      'parties.0.role',
      '请从列表中选择',
    );
    await expectRefused(
      intake(medical, {
        parties: [
          { role: 'applicant', party: { ...person(), kind: 'robot' as never } },
          { role: 'respondent', party: organization() },
        ],
      }),
      'parties.0.party.kind',
    );
    await expectRefused(
      intake(medical, {
        parties: [
          { role: 'applicant', party: person({ name: '张'.repeat(51) }) },
          { role: 'respondent', party: organization() },
        ],
      }),
      'parties.0.party.name',
      '内容过长',
    );
  });

  it('input that is not an object', async () => {
    // null is read as "no input" ({}), so the required fields are reported one by one.
    await expectRefused(null, 'parties', '必填');
    await expectRefused(null, 'studioId');
    for (const input of ['cases', ['parties'], 42, true]) {
      await expectRefused(input, '_', '格式不正确');
    }
  });

  it('control: the same registration with good input is accepted', async () => {
    const before = await tableCounts(t.db, CASE_TABLES);
    const { number } = await t.ok(
      'cases/register',
      intake(medical, {
        parties: [
          { role: 'applicant', party: lina() },
          { role: 'respondent', party: organization() },
        ],
      }),
    );
    expect(number).toBe('（2026）矛医调字第0002号');
    expect(await tableCounts(t.db, CASE_TABLES)).toEqual({
      cases: (before.cases ?? 0) + 1,
      parties: (before.parties ?? 0) + 1,
      case_parties: (before.case_parties ?? 0) + 2,
      case_events: (before.case_events ?? 0) + 1,
      audit_log: (before.audit_log ?? 0) + 1,
      number_sequences: before.number_sequences,
    });
  });
});
