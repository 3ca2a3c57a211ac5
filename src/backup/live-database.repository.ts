import { sql } from 'kysely';
import type { Database } from '../db/database';

/**
 * The file behind the `main` database of this connection (works inside a transaction too).
 * Empty for an in-memory database.
 */
export async function liveDatabaseFile(db: Database): Promise<string> {
  const { rows } = await sql<{ file: string }>`
    select file from pragma_database_list where name = 'main'`.execute(db);
  return rows[0]?.file ?? '';
}
