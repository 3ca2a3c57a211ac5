import type { QueryExecutorProvider } from 'kysely';
import { verifyAuditChain } from '../../audit/audit-verify';
import { isEmbedded, type Database } from '../database';
import { holdsRecords } from '../postgres/probe.repository';
import { copyOrder, insertBatches, type TableShape } from './copy-plan';
import { embeddedCount, embeddedRows, embeddedTables } from './embedded-source.repository';
import {
  analyzeTable,
  clearTable,
  continueIdentity,
  insertRows,
  serverCount,
  serverTables,
  updateColumn,
  type ServerTable,
} from './server-target.repository';

/** The copy was refused or did not check out; nothing on the server changed. */
export class CopyRefusedError extends Error {
  constructor(
    /** A message key of src/shared/messages.ts. */
    readonly key: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(key);
    this.name = 'CopyRefusedError';
  }
}

/** Rows read from the embedded file per query: fewer where rows carry PDFs or scans. */
const PAGE_ROWS = 1000;
const PAGE_ROWS_WITH_BYTES = 20;

/**
 * Copies this computer's embedded database into a server database migrated to the same
 * version that holds no records yet (the seed rows its migrations made are replaced). Every
 * application table, in foreign-key order, in batches, in one transaction on the server, so a
 * failure leaves it as it was; identity sequences continue after the copied ids. Checked before
 * committing: the same number of rows in every table on both sides, and the audit chain intact
 * on the server. Reads `source` only (pass the transaction the caller holds, so no write
 * slips in between). Returns the rows copied per table.
 */
export async function copyEmbeddedToServer(
  source: Database,
  target: Database,
): Promise<Record<string, number>> {
  if (!isEmbedded(source) || isEmbedded(target)) {
    throw new Error('copy: from the embedded database to a server only');
  }
  const local = await verifyAuditChain(source);
  if (local.firstBreak !== null) {
    throw new CopyRefusedError('error.database.localChainBroken', { id: local.firstBreak.id });
  }
  const from = source.withoutPlugins();
  const shapes = await embeddedTables(from);
  const order = copyOrder(shapes);
  const byName = new Map(shapes.map((s) => [s.name, s]));

  return target.transaction().execute(async (trx) => {
    const to = trx.withoutPlugins();
    if (await holdsRecords(to)) throw new CopyRefusedError('validation.database.serverHasRecords');
    const server = await serverTables(to);
    assertSameSchema(shapes, server);
    for (const name of [...order].reverse()) await clearTable(to, name);

    const copied: Record<string, number> = {};
    for (const name of order)
      copied[name] = await copyTable(from, to, byName.get(name) as TableShape);

    for (const name of order) {
      const [here, there] = [await embeddedCount(from, name), await serverCount(to, name)];
      if (here !== there || here !== copied[name]) {
        throw new CopyRefusedError('error.database.copyMismatch', {
          table: name,
          local: here,
          server: there,
        });
      }
    }
    const chain = await verifyAuditChain(trx);
    if (chain.firstBreak !== null) {
      throw new CopyRefusedError('error.database.copyChainBroken', { id: chain.firstBreak.id });
    }
    // Sequences are not transactional: set last, once everything else has checked out.
    for (const table of server) {
      for (const column of table.identity) await continueIdentity(to, table.name, column);
      await analyzeTable(to, table.name);
    }
    return copied;
  });
}

/**
 * One table, page by page. A reference to a row of the same table (a postponed session points
 * at its later replacement) is written as null first and set once every row is in.
 */
async function copyTable(
  from: QueryExecutorProvider,
  to: QueryExecutorProvider,
  table: TableShape,
): Promise<number> {
  const selfColumns = table.selfReferences.map((c) => table.columns.indexOf(c));
  const keyColumns = table.primaryKey.map((c) => table.columns.indexOf(c));
  if (selfColumns.length > 0 && keyColumns.length === 0) {
    throw new Error(`copy: ${table.name} refers to its own rows but has no primary key`);
  }
  const later: { column: string; value: unknown; key: [string, unknown][] }[] = [];
  const pageRows = table.hasBytes ? PAGE_ROWS_WITH_BYTES : PAGE_ROWS;
  let after = 0;
  let count = 0;
  for (;;) {
    const page = await embeddedRows(from, table, after, pageRows);
    if (page.lastRowid === null) break;
    const rows = page.rows.map((row) => {
      if (selfColumns.length === 0) return row;
      const copy = [...row];
      for (const index of selfColumns) {
        if (copy[index] === null) continue;
        later.push({
          column: table.columns[index] as string,
          value: copy[index],
          key: keyColumns.map((k) => [table.columns[k] as string, row[k]]),
        });
        copy[index] = null;
      }
      return copy;
    });
    for (const batch of insertBatches(rows, table.columns.length)) {
      await insertRows(to, table.name, table.columns, batch);
    }
    count += rows.length;
    after = page.lastRowid;
  }
  for (const { column, value, key } of later) {
    await updateColumn(to, table.name, column, value, key);
  }
  return count;
}

/** Both databases are migrated to the same version: the same tables with the same columns. */
function assertSameSchema(local: readonly TableShape[], server: readonly ServerTable[]): void {
  const describe = (tables: readonly { name: string; columns: readonly string[] }[]) =>
    tables
      .map((t) => `${t.name}(${[...t.columns].sort().join(',')})`)
      .sort()
      .join(' ');
  const [here, there] = [describe(local), describe(server)];
  if (here !== there) {
    throw new Error(`copy: the server's tables differ from this computer's:\n${here}\n${there}`);
  }
}
