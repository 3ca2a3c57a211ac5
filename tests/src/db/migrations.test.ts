import { sql } from 'kysely';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/app/core';
import { migrations } from '../../../src/db/migrations';
import { tableCounts } from '../../support/db-snapshot';
import { FROZEN_NOW, makeTempDir } from '../../support/test-core';

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

let dir: string;
let dbFile: string;
const opened: Core[] = [];

async function open(): Promise<Core> {
  const core = await openCore({ dbFile, now: () => FROZEN_NOW, onInternalError: () => undefined });
  opened.push(core);
  return core;
}

beforeEach(() => {
  dir = makeTempDir('mediation-desk-migrations-');
  dbFile = path.join(dir, 'desk.sqlite');
});
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function applied(core: Core): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select name from kysely_migration order by name`.execute(core.db);
  return rows.map((r) => r.name);
}

async function pragma(core: Core, name: string): Promise<unknown> {
  const { rows } = await sql<
    Record<string, unknown>
  >`select * from ${sql.raw(`pragma_${name}`)}`.execute(core.db);
  return Object.values(rows[0] ?? {})[0];
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

  it('do nothing on a second open of the same file, keeping its data', async () => {
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

  it('do nothing when a second core opens the file while the first is still open', async () => {
    const first = await open();
    const second = await open();
    expect(await tableCounts(second.db)).toEqual(await tableCounts(first.db));
    expect((await tableCounts(first.db)).studios).toBe(8);
  });

  it("leave the core's connection in WAL mode with foreign keys on and synchronous FULL", async () => {
    const core = await open();
    expect(await pragma(core, 'journal_mode')).toBe('wal');
    expect(await pragma(core, 'foreign_keys')).toBe(1);
    expect(await pragma(core, 'synchronous')).toBe(2);
    expect(Number(await pragma(core, 'busy_timeout'))).toBeGreaterThan(0);
  });

  it('enforce foreign keys', async () => {
    const core = await open();
    await expect(
      core.db
        .insertInto('rooms')
        .values({ studioId: 4242, nameZh: '无', nameEn: 'None', capacity: 1 })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});
