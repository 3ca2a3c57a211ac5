import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/app/core';
import { SchemaNewerError } from '../../../src/db/database';
import { dumpTables } from '../../support/db-snapshot';
import { openTestCore, type TestCore } from '../../support/test-core';

/**
 * A database a newer version of the app has migrated is refused at start, on both engines, and
 * left exactly as it was: this version could not know what the newer schema means.
 */
describe('a schema newer than the app', () => {
  let t: TestCore | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('refuses to open, names the unknown migration in both languages, and changes nothing', async () => {
    t = await openTestCore();
    await sql`insert into kysely_migration (name, timestamp) values ('0999_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(
      t.db,
    );
    const before = await dumpTables(t.db);
    const again = openCore({ dbFile: t.dbFile, ...postgresOf(t) });
    await expect(again).rejects.toBeInstanceOf(SchemaNewerError);
    await expect(again).rejects.toThrow(/0999_from_the_future/);
    await expect(again).rejects.toThrow(/更新版本的调解台/);
    await expect(again).rejects.toThrow(/newer Mediation Desk/);
    expect(await dumpTables(t.db)).toEqual(before);
  });
});

/** The running test core's server connection, when the suite runs on PostgreSQL. */
function postgresOf(t: TestCore) {
  return t.postgres === null ? {} : { postgres: t.postgres };
}
