import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpTables } from '../../support/db-snapshot';
import { intake } from '../../support/fixtures';
import { expectError, type TestCore } from '../../support/test-core';
import { testEngine } from '../../support/test-postgres';
import { ADMIN, auditRowsOf, expectRefused, openAdminCore } from './support/admin-core';

let t: TestCore;
beforeAll(async () => {
  t = await openAdminCore();
});
afterAll(async () => {
  expect(t.internalErrors).toEqual([]);
  await t.close();
});

describe('settings/get', () => {
  it('shows the defaults in force and the database in use', async () => {
    expect(await t.ok('settings/get', {}, ADMIN)).toEqual({
      center: {
        name: '矛盾纠纷调处化解中心',
        nameEn: 'Dispute Mediation Center',
        numberCode: '矛',
      },
      numbering: {
        template: '（{year}）{center}{studio}{word}字第{seq}号',
        example: '（2026）矛医调字第0001号',
      },
      security: { idleLockMinutes: 10 },
      workHours: { start: '08:30', end: '17:30', breakStart: '12:00', breakEnd: '14:00' },
      // On the server, the file this computer keeps for switching back.
      database: { kind: testEngine(), file: t.dbFile },
    });
  });

  it('is for the admin only (reception gets FORBIDDEN), working hours for everyone', async () => {
    expectError(await t.call('settings/get', {}), 'FORBIDDEN');
    expect((await t.ok('settings/workHours', {})).start).toBe('08:30');
  });
});

describe('settings/setCenter', () => {
  it('saves the names and code, audits before and after; new case numbers use the code', async () => {
    const input = {
      name: '某区矛盾纠纷调处化解中心',
      nameEn: 'District Mediation Center',
      numberCode: '区',
    };
    expect(await t.ok('settings/setCenter', input, ADMIN)).toEqual(input);
    expect((await t.ok('settings/get', {}, ADMIN)).center).toEqual(input);
    const [row] = await auditRowsOf(t, 'settings/setCenter');
    expect(JSON.parse(row?.before ?? '')).toMatchObject({ numberCode: '矛' });
    expect(JSON.parse(row?.after ?? '')).toEqual(input);
    const registered = await t.ok('cases/register', intake(await t.studioId('medical')));
    expect(registered.number).toBe('（2026）区医调字第0001号');
  });

  it('refuses empty names and a code with spaces or braces', async () => {
    const good = { name: '中心', nameEn: 'Center', numberCode: '矛' };
    await expectRefused(t, 'settings/setCenter', { ...good, name: ' ' }, 'name');
    await expectRefused(t, 'settings/setCenter', { ...good, nameEn: '' }, 'nameEn');
    await expectRefused(t, 'settings/setCenter', { ...good, numberCode: 'a b' }, 'numberCode');
    await expectRefused(t, 'settings/setCenter', { ...good, numberCode: '{x}' }, 'numberCode');
    await expectRefused(
      t,
      'settings/setCenter',
      { ...good, numberCode: '很长的代字' },
      'numberCode',
    );
  });
});

describe('settings/setNumbering', () => {
  it('saves a template and shows what a number will look like', async () => {
    const result = await t.ok(
      'settings/setNumbering',
      { template: '{center}{studio}{word}〔{year}〕{seq}号' },
      ADMIN,
    );
    expect(result.example).toMatch(/^.医调〔2026〕0001号$/);
    const registered = await t.ok(
      'cases/register',
      intake(await t.studioId('labour'), { category: 'labour' }),
    );
    expect(registered.number).toMatch(/劳调〔2026〕0001号$/);
    await t.ok(
      'settings/setNumbering',
      { template: '（{year}）{center}{studio}{word}字第{seq}号' },
      ADMIN,
    );
  });

  it('refuses a template that could give two cases one number, or has unknown placeholders', async () => {
    const error = await expectRefused(
      t,
      'settings/setNumbering',
      { template: '（{year}）第{seq}号' },
      'template',
    );
    expect(error.fields?.template).toContain('{studio}');
    await expectRefused(t, 'settings/setNumbering', { template: '{studio}{seq}' }, 'template');
    await expectRefused(t, 'settings/setNumbering', { template: '{year}{studio}' }, 'template');
    await expectRefused(
      t,
      'settings/setNumbering',
      { template: '{year}{studio}{seq}{month}' },
      'template',
    );
    await expectRefused(
      t,
      'settings/setNumbering',
      { template: '{year}{studio}{seq}}' },
      'template',
    );
    await expectRefused(t, 'settings/setNumbering', { template: '' }, 'template');
  });
});

describe('settings/setSecurity and settings/setWorkHours', () => {
  it('saves the idle minutes within 1–240', async () => {
    await t.ok('settings/setSecurity', { idleLockMinutes: 15 }, ADMIN);
    expect((await t.ok('settings/get', {}, ADMIN)).security.idleLockMinutes).toBe(15);
    await expectRefused(t, 'settings/setSecurity', { idleLockMinutes: 0 }, 'idleLockMinutes');
    await expectRefused(t, 'settings/setSecurity', { idleLockMinutes: 241 }, 'idleLockMinutes');
    await expectRefused(t, 'settings/setSecurity', { idleLockMinutes: 2.5 }, 'idleLockMinutes');
    await expectRefused(t, 'settings/setSecurity', { idleLockMinutes: '10' }, 'idleLockMinutes');
  });

  it('saves working hours with or without a lunch break', async () => {
    const summer = { start: '08:00', end: '18:00', breakStart: '12:00', breakEnd: '14:30' };
    await t.ok('settings/setWorkHours', summer, ADMIN);
    expect(await t.ok('settings/workHours', {})).toEqual(summer);
    const noBreak = { start: '09:00', end: '17:00', breakStart: null, breakEnd: null };
    await t.ok('settings/setWorkHours', noBreak, ADMIN);
    expect((await t.ok('settings/get', {}, ADMIN)).workHours).toEqual(noBreak);
    expect(
      (await auditRowsOf(t, 'settings/setWorkHours')).map((r) => JSON.parse(r.after ?? '')),
    ).toEqual([summer, noBreak]);
  });

  it('refuses hours out of order, a break outside them or half a break', async () => {
    const good = { start: '08:30', end: '17:30', breakStart: '12:00', breakEnd: '14:00' };
    await expectRefused(t, 'settings/setWorkHours', { ...good, end: '08:00' }, 'end');
    await expectRefused(t, 'settings/setWorkHours', { ...good, start: '8:30' }, 'start');
    await expectRefused(t, 'settings/setWorkHours', { ...good, start: '24:00' }, 'start');
    await expectRefused(t, 'settings/setWorkHours', { ...good, breakEnd: '18:00' }, 'breakEnd');
    await expectRefused(t, 'settings/setWorkHours', { ...good, breakEnd: '11:00' }, 'breakEnd');
    await expectRefused(t, 'settings/setWorkHours', { ...good, breakEnd: null }, 'breakEnd');
  });
});

describe('every settings write is the admin’s', () => {
  it('answers FORBIDDEN to reception and changes nothing', async () => {
    const before = await dumpTables(t.db);
    expectError(
      await t.call('settings/setCenter', { name: 'x', nameEn: 'x', numberCode: 'x' }),
      'FORBIDDEN',
    );
    expectError(
      await t.call('settings/setNumbering', { template: '{year}{studio}{seq}' }),
      'FORBIDDEN',
    );
    expectError(await t.call('settings/setSecurity', { idleLockMinutes: 5 }), 'FORBIDDEN');
    expectError(
      await t.call('settings/setWorkHours', {
        start: '08:00',
        end: '17:00',
        breakStart: null,
        breakEnd: null,
      }),
      'FORBIDDEN',
    );
    expect(await dumpTables(t.db)).toEqual(before);
  });
});
