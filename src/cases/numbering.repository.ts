import type { Database } from '../db/database';

/**
 * Next value of a gap-free counter. Must run inside the transaction that uses the value: a
 * rollback takes the increment back with it, and the immediate transaction keeps two writers
 * (two windows, two workstations) from reading the same value.
 */
export async function nextSequenceValue(db: Database, scope: string): Promise<number> {
  const updated = await db
    .updateTable('numberSequences')
    .set((eb) => ({ lastValue: eb('lastValue', '+', 1) }))
    .where('scope', '=', scope)
    .returning('lastValue')
    .executeTakeFirst();
  if (updated !== undefined) return Number(updated.lastValue);
  await db.insertInto('numberSequences').values({ scope, lastValue: 1 }).execute();
  return 1;
}
