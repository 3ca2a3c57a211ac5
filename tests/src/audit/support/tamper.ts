import pg from 'pg';
import sqlite3 from 'sqlite3';
import { closeRawSqlite, openRawSqlite } from '../../../../src/backup/sqlite-backup';
import { poolConfig } from '../../../../src/db/postgres/pg-connection';
import type { TestCore } from '../../../support/test-core';

/**
 * Runs one statement (`?` placeholders) on the test core's database through a connection of
 * its own, as someone tampering would: the file opened directly, or a plain client of the
 * server.
 */
export async function tamper(t: TestCore, statement: string, params: unknown[] = []) {
  if (t.postgres !== null) {
    const client = new pg.Client(poolConfig(t.postgres));
    await client.connect();
    try {
      let n = 0;
      await client.query(
        statement.replace(/\?/g, () => `$${(n += 1)}`),
        params,
      );
    } finally {
      await client.end();
    }
    return;
  }
  const raw = await openRawSqlite(t.dbFile, sqlite3.OPEN_READWRITE);
  try {
    await new Promise<void>((resolve, reject) =>
      raw.run(statement, params, (error) => (error ? reject(error) : resolve())),
    );
  } finally {
    await closeRawSqlite(raw);
  }
}
