import { sql } from 'kysely';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCore, type Core } from '../../../../src/app/core';
import { FROZEN_NOW, makeTempDir } from '../../../support/test-core';

/** The embedded file's connection settings (DESIGN §8): durability and concurrency of the file. */
let dir: string;
let core: Core;

beforeEach(async () => {
  dir = makeTempDir('mediation-desk-pragmas-');
  core = await openCore({ dbFile: path.join(dir, 'desk.sqlite'), now: () => FROZEN_NOW });
});
afterEach(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function pragma(name: string): Promise<unknown> {
  const { rows } = await sql<
    Record<string, unknown>
  >`select * from ${sql.raw(`pragma_${name}`)}`.execute(core.db);
  return Object.values(rows[0] ?? {})[0];
}

it("leaves the core's connection in WAL mode with foreign keys on and synchronous FULL", async () => {
  expect(await pragma('journal_mode')).toBe('wal');
  expect(await pragma('foreign_keys')).toBe(1);
  expect(await pragma('synchronous')).toBe(2);
  expect(Number(await pragma('busy_timeout'))).toBeGreaterThan(0);
});
