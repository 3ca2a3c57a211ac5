import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDIT_CODES, IDS, organization, person } from '../../support/fixtures';
import { openTestCore, type TestCore } from '../../support/test-core';
import { searchIndexCheck, named, seedCase } from './support/seed';

/**
 * The search box of the case list (cases/list `q`) on hand-made cases: long terms through the
 * trigram index, one- and two-character terms, exact numbers, literal punctuation, scope.
 */
let t: TestCore;
const c: Record<string, { id: number; number: string }> = {};

beforeAll(async () => {
  t = await openTestCore();
  // Three medical cases first, so that the third is （2026）矛医调字第0003号.
  c.zhangWei = await seedCase(t, {
    studio: 'medical',
    parties: [person(), organization()],
    summary: '患者术后感染，要求医院赔偿医疗费用。',
  });
  c.medical2 = await seedCase(t, {
    studio: 'medical',
    parties: [named('孙立'), organization()],
    summary: '药物过敏后未及时处置。',
  });
  c.medical3 = await seedCase(t, {
    studio: 'medical',
    parties: [named('钱多'), organization()],
    summary: '手术费用结算争议。',
  });
  c.zhangWeiHua = await seedCase(t, {
    studio: 'labour',
    parties: [named('张伟华'), { kind: 'organization', name: '宏达建筑有限公司' }],
    summary: '拖欠工资三个月，要求一次性结清。',
  });
  c.zhangXiaoWei = await seedCase(t, {
    studio: 'township',
    parties: [named('张小伟'), named('刘伟张')],
    summary: '宅基地边界不清。',
  });
  c.literal = await seedCase(t, {
    studio: 'family',
    parties: [
      person({ name: '李娜', sex: 'female', idNumber: IDS.liNa, phone: '021-65432198' }),
      named('王芳', 'female'),
    ],
    summary: `He said "hello" * OR AND 100% a_b; '; drop table cases; -- 完`,
    requests: 'NEAR(x y) col:value ^start',
  });
  c.ouyang = await seedCase(t, {
    studio: 'township',
    parties: [named('欧阳娜娜', 'female'), named('赵强')],
    summary: '楼上漏水，协商未果。',
  });
  await t.addStaff({ username: 'labour.mediator', roles: ['mediator'], studios: ['labour'] });
  await t.signIn('labour-window', 'labour.mediator');
});
afterAll(() => t.close());

async function found(q: string, session?: string): Promise<number[]> {
  const page = await t.ok('cases/list', { q, limit: 200 }, session);
  const count = await t.ok('cases/count', { q }, session);
  expect(count.total, `count of ${q}`).toBe(page.items.length);
  return page.items.map((i) => i.id).sort((a, b) => a - b);
}

const ids = (...names: string[]) => names.map((n) => c[n]?.id ?? -1).sort((a, b) => a - b);

describe('search: three characters and more (trigram index)', () => {
  it('finds a full name, a summary phrase and a party organization', async () => {
    expect(await found('张伟华')).toEqual(ids('zhangWeiHua'));
    expect(await found('拖欠工资')).toEqual(ids('zhangWeiHua'));
    expect(await found('医疗费')).toEqual(ids('zhangWei'));
    expect(await found('宏达建筑')).toEqual(ids('zhangWeiHua'));
    expect(await found('第一人民医院')).toEqual(ids('zhangWei', 'medical2', 'medical3'));
  });

  it('finds a case by a fragment of its number, typed with half- or full-width brackets', async () => {
    expect(c.medical3?.number).toBe('（2026）矛医调字第0003号');
    expect(await found('医调字第0003')).toEqual(ids('medical3'));
    expect(await found('(2026)矛医调字第0003号')).toEqual(ids('medical3'));
    expect(await found('（2026）矛医调字第0003号')).toEqual(ids('medical3'));
    expect(await found('0003')).toEqual(ids('medical3'));
  });

  it('requires every word: names and summary words together', async () => {
    expect(await found('张伟 医疗费')).toEqual(ids('zhangWei'));
    expect(await found('张伟华 医疗费')).toEqual([]);
    expect(await found('张伟  术后')).toEqual(ids('zhangWei'));
  });

  it('does not match across two party names', async () => {
    // 张小伟 then 刘伟张: "伟刘伟" would only appear if names ran together.
    expect(await found('伟刘伟')).toEqual([]);
    expect(await found('张小伟')).toEqual(ids('zhangXiaoWei'));
  });
});

describe('search: one and two characters', () => {
  it('finds a two-character name, also inside a longer name, never with a gap', async () => {
    expect(await found('张伟')).toEqual(ids('zhangWei', 'zhangWeiHua'));
  });

  it('finds one character in any name and a two-character word in a summary', async () => {
    expect(await found('娜')).toEqual(ids('literal', 'ouyang'));
    expect(await found('漏水')).toEqual(ids('ouyang'));
    expect(await found('宅')).toEqual(ids('zhangXiaoWei'));
  });
});

describe('search: exact numbers through the parties table', () => {
  it('a full resident ID, also typed in groups or with a lower-case x', async () => {
    expect(await found(IDS.zhangWei)).toEqual(ids('zhangWei'));
    const grouped = `${IDS.zhangWei.slice(0, 6)} ${IDS.zhangWei.slice(6, 14)} ${IDS.zhangWei.slice(14)}`;
    expect(await found(grouped)).toEqual(ids('zhangWei'));
    expect(await found(IDS.liNa.toLowerCase())).toEqual(ids('literal'));
  });

  it('a unified social credit code, any case', async () => {
    expect(await found(CREDIT_CODES.hospital.toLowerCase())).toEqual(
      ids('zhangWei', 'medical2', 'medical3'),
    );
  });

  it('a mobile typed with spaces, hyphens or +86, and a landline with or without its hyphen', async () => {
    for (const q of ['13812345678', '138 1234 5678', '+86 138-1234-5678']) {
      expect(await found(q), q).toEqual(ids('zhangWei'));
    }
    for (const q of ['021-65432198', '02165432198', '021 6543 2198']) {
      expect(await found(q), q).toEqual(ids('literal'));
    }
  });

  it('a number nobody has finds nothing (and is not searched as text)', async () => {
    expect(await found(IDS.wangFang)).toEqual([]);
    expect(await found('13900000000')).toEqual([]);
  });
});

describe('search: whatever is typed is literal text', () => {
  it.each([
    ['"', ['literal']],
    ['"hello"', ['literal']],
    ['*', ['literal']],
    ['" * OR', ['literal']],
    ['OR', ['literal']],
    ['AND', ['literal']],
    ['100%', ['literal']],
    ['a_b', ['literal']],
    ['%', ['literal']],
    ['_', ['literal']],
    ["'; drop table cases; --", ['literal']],
    ['NEAR(x', ['literal']],
    ['col:value', ['literal']],
    ['^start', ['literal']],
    ['he said', ['literal']],
    ['"hello" OR "world"', []],
    ['NOT', []],
    ['***', []],
    ['a%b', []],
  ])('%s', async (q, expected) => {
    expect(await found(q)).toEqual(ids(...expected));
  });

  it('left the cases table and the index intact', async () => {
    expect((await t.ok('cases/count', {})).total).toBe(Object.keys(c).length);
    await searchIndexCheck(t.db);
  });
});

describe('search: within the caller’s studios', () => {
  it('a mediator finds only the cases of the studios they work in', async () => {
    expect(await found('张伟', 'labour-window')).toEqual(ids('zhangWeiHua'));
    expect(await found(IDS.zhangWei, 'labour-window')).toEqual([]);
    expect(await found('医调字第0003', 'labour-window')).toEqual([]);
  });

  it('a blank query is no search at all', async () => {
    expect(await found('   ')).toHaveLength(Object.keys(c).length);
  });
});
