import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/app/core';
import { migrations } from '../../../src/db/migrations';
import { openBareDatabase, type BareDatabase } from '../../support/bare-database';
import { FOREIGN_KEY_VIOLATION } from '../../support/constraint-errors';
import { tableCounts } from '../../support/db-snapshot';
import { FROZEN_NOW } from '../../support/test-core';
import { testEngine } from '../../support/test-postgres';

const STUDIO_CODES = [
  'medical',
  'judicial',
  'court',
  'township',
  'counseling',
  'labour',
  'family',
  'petition',
];

/** A new empty database (file or server) per test; the cores below migrate it. */
let bare: BareDatabase;
const opened: Core[] = [];

async function open(): Promise<Core> {
  const core = await openCore({
    ...bare.target,
    now: () => FROZEN_NOW,
    onInternalError: () => undefined,
  });
  opened.push(core);
  return core;
}

beforeEach(async () => {
  bare = await openBareDatabase();
});
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
  await bare.close();
});

async function applied(core: Core): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select name from kysely_migration order by name`.execute(core.db);
  return rows.map((r) => r.name);
}

describe('migrations', () => {
  it('bring a fresh database to the latest version', async () => {
    const core = await open();
    expect(await applied(core)).toEqual(Object.keys(migrations).sort());
    expect(Object.keys(migrations).length).toBeGreaterThanOrEqual(2);
    const counts = await tableCounts(core.db);
    for (const table of [
      'settings',
      'studios',
      'rooms',
      'staff',
      'parties',
      'cases',
      'audit_log',
    ]) {
      expect(counts, table).toHaveProperty(table);
    }
  });

  it('create the eight default studios, each with at least one room', async () => {
    const core = await open();
    const studios = await core.db.selectFrom('studios').selectAll().orderBy('sortOrder').execute();
    expect(studios.map((s) => s.code)).toEqual(STUDIO_CODES);
    expect(studios.every((s) => s.active === 1 && s.nameZh !== '' && s.nameEn !== '')).toBe(true);
    expect(Object.fromEntries(studios.map((s) => [s.code, s.kind]))).toMatchObject({
      medical: 'mediation',
      judicial: 'judicial_confirmation',
      court: 'court',
      counseling: 'counseling',
      petition: 'petition',
    });
    // Judicial confirmation numbers its cases with its own word (调确字, DESIGN §4).
    expect(studios.find((s) => s.code === 'judicial')?.numberWord).toBe('调确');
    expect(new Set(studios.map((s) => s.numberCode)).size).toBe(8);

    const rooms = await core.db.selectFrom('rooms').select(['studioId']).execute();
    for (const studio of studios) {
      expect(
        rooms.filter((r) => r.studioId === studio.id).length,
        studio.code,
      ).toBeGreaterThanOrEqual(1);
    }
    const settings = await core.db.selectFrom('settings').selectAll().orderBy('key').execute();
    expect(settings).toEqual(
      expect.arrayContaining([
        { key: 'center.numberCode', value: '矛' },
        { key: 'numbering.template', value: '（{year}）{center}{studio}{word}字第{seq}号' },
      ]),
    );
  });

  it('do nothing on a second open of the same database, keeping its data', async () => {
    const first = await open();
    await first.db.insertInto('settings').values({ key: 'test.marker', value: 'kept' }).execute();
    const before = await tableCounts(first.db);
    await first.close();
    opened.splice(opened.indexOf(first), 1);

    const second = await open();
    expect(await applied(second)).toEqual(Object.keys(migrations).sort());
    expect(await tableCounts(second.db)).toEqual(before);
    expect(before.studios).toBe(8);
    const marker = await second.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'test.marker')
      .executeTakeFirst();
    expect(marker?.value).toBe('kept');
  });

  it('do nothing when a second core opens the database while the first is still open', async () => {
    const first = await open();
    const second = await open();
    expect(await tableCounts(second.db)).toEqual(await tableCounts(first.db));
    expect((await tableCounts(first.db)).studios).toBe(8);
  });

  it('enforce foreign keys', async () => {
    const core = await open();
    await expect(
      core.db
        .insertInto('rooms')
        .values({ studioId: 4242, nameZh: '无', nameEn: 'None', capacity: 1 })
        .execute(),
    ).rejects.toThrow(FOREIGN_KEY_VIOLATION);
  });

  it('sort and compare text by code point, as the embedded file does, whatever the server', async () => {
    const core = await open();
    const keys = [
      '（2026）矛医调字第0001号',
      '(2026)b',
      '李四',
      '张三',
      'A',
      'a_b',
      'a/b',
      'b',
      'Z',
    ];
    await core.db
      .insertInto('settings')
      .values(keys.map((key) => ({ key: `order.${key}`, value: key })))
      .execute();
    const sorted = await core.db
      .selectFrom('settings')
      .select('value')
      .where('key', 'like', 'order.%')
      .orderBy('key')
      .execute();
    expect(sorted.map((r) => r.value)).toEqual([...keys].sort());
    const after = await core.db
      .selectFrom('settings')
      .select('value')
      .where('key', '>', 'order.a_b')
      .where('key', 'like', 'order.%')
      .execute();
    expect(after.map((r) => r.value).sort()).toEqual(keys.filter((k) => k > 'a_b').sort());
  });

  it.skipIf(testEngine() !== 'postgres')(
    '0011 gives every text column the "C" collation and takes it back (server only: SQLite compares bytes anyway)',
    async () => {
      const core = await open();
      const collations = async () => {
        const { rows } = await sql<{ collation: string | null; n: number }>`
          select collation_name as collation, count(*) as n from information_schema.columns
          where table_schema = current_schema() and table_name not like 'kysely%'
            and data_type in ('text', 'character varying')
          group by collation_name`.execute(core.db);
        return rows;
      };
      expect(await collations()).toEqual([{ collation: 'C', n: expect.any(Number) }]);
      const migrator = new Migrator({
        db: core.db,
        provider: { getMigrations: () => Promise.resolve(migrations) },
      });
      expect((await migrator.migrateTo('0010_center_server')).error).toBeUndefined();
      expect((await collations()).map((r) => r.collation)).toEqual([null]);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect((await collations()).map((r) => r.collation)).toEqual(['C']);
    },
  );
});
