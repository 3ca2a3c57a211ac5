import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, openTestCore, type TestCore } from '../../support/test-core';
import { intake, person } from '../../support/fixtures';

describe('parties/search scope and spelling', () => {
  let t: TestCore;
  let medicalCase: { id: number; number: string };
  let labourCase: { id: number; number: string };

  beforeAll(async () => {
    t = await openTestCore();
    medicalCase = await t.ok('cases/register', intake(await t.studioId('medical')));
    labourCase = await t.ok(
      'cases/register',
      intake(await t.studioId('labour'), { category: 'labour' }),
    );
    await t.addStaff({ username: 'labour.mediator', roles: ['mediator'], studios: ['labour'] });
    await t.signIn('labour-window', 'labour.mediator');
  });
  afterAll(() => t.close());

  it('finds a stored mobile however it is typed: spaces, hyphens, +86', async () => {
    for (const q of ['13812345678', '138 1234 5678', '138-1234-5678', '+8613812345678']) {
      const matches = await t.ok('parties/search', { q });
      expect(
        matches.map((m) => m.name),
        q,
      ).toEqual(['张伟']);
    }
  });

  it('stores a mobile typed with +86 in the one spelling the search uses', async () => {
    const wang = person({ name: '王五', idNumber: undefined, phone: '+86 139 0000 1111' });
    await t.ok(
      'cases/register',
      intake(await t.studioId('medical'), {
        parties: [
          { role: 'applicant', party: wang },
          { role: 'respondent', party: person({ name: '赵六', idNumber: undefined, phone: '' }) },
        ],
      }),
    );
    const [match] = await t.ok('parties/search', { q: '13900001111' });
    expect(match?.name).toBe('王五');
    expect(match?.phone).toBe('139****1111');
  });

  it('shows a mediator only the earlier cases of the studios they work in', async () => {
    const asReception = await t.ok('parties/search', { q: '张伟' });
    expect(asReception[0]?.cases.map((c) => c.number).sort()).toEqual(
      [medicalCase.number, labourCase.number].sort(),
    );
    const asMediator = await t.ok('parties/search', { q: '张伟' }, 'labour-window');
    expect(asMediator[0]?.cases.map((c) => c.number)).toEqual([labourCase.number]);
  });

  it('answers errors that name no field in the window language too', async () => {
    const zh = expectError(
      await t.call('cases/get', { id: medicalCase.id }, 'labour-window'),
      'FORBIDDEN',
    );
    expect(zh.message).toBe('该案件属于您未任职的工作室');
    await t.ok('session/setLocale', { locale: 'en' }, 'labour-window');
    const en = expectError(
      await t.call('cases/get', { id: medicalCase.id }, 'labour-window'),
      'FORBIDDEN',
    );
    expect(en.message).toBe('This case belongs to a studio you do not work in');
    const missing = expectError(
      await t.call('cases/get', { id: 9999 }, 'labour-window'),
      'NOT_FOUND',
    );
    expect(missing.message).toBe('No case with id 9999');
  });
});
