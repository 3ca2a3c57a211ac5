import {
  CompiledQuery,
  SqliteAdapter,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type RootOperationNode,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../src/audit/audit-hash';
import type { Database } from '../../../src/db/database';
import { auditHashAt, auditTip, entitiesWritten } from '../../../src/sync/change-marker.repository';
import { openTestCore, type TestCore } from '../../support/test-core';

/**
 * Every workstation polls every two seconds, for as long as the app is open: the marker must
 * cost the same on a log of a few rows and of millions. Checked by the engines' own query plans
 * over a log big enough for a planner to prefer an index honestly (and analyzed).
 */
const ROWS = 20_000;

let t: TestCore;
beforeAll(async () => {
  t = await openTestCore();
  for (let start = 0; start < ROWS; start += 1000) {
    await t.db
      .insertInto('auditLog')
      .values(
        Array.from({ length: 1000 }, (_, i) => ({
          at: '2026-03-10T02:00:00.000Z',
          staffId: null,
          method: i % 7 === 0 ? 'parties/reveal' : 'cases/register',
          entity: i % 3 === 0 ? 'session' : 'case',
          entityId: String(start + i),
          before: null,
          after: null,
          prevHash: GENESIS_HASH,
          hash: GENESIS_HASH,
        })),
      )
      .execute();
  }
  await t.db.executeQuery(CompiledQuery.raw('analyze'));
}, 60_000);
afterAll(async () => {
  await t.close();
});

/** Runs `work` and returns the compiled SQL of every query it sent. */
async function queriesOf(work: (db: Database) => Promise<unknown>): Promise<CompiledQuery[]> {
  const nodes: RootOperationNode[] = [];
  const recorder: KyselyPlugin = {
    transformQuery: ({ node }: PluginTransformQueryArgs) => {
      nodes.push(node);
      return node;
    },
    transformResult: ({ result }) => Promise.resolve(result),
  };
  await work(t.db.withPlugin(recorder));
  const executor = t.db.getExecutor();
  return nodes.map((node) => executor.compileQuery(node, { queryId: 'plan' }));
}

const embedded = () => t.db.getExecutor().adapter instanceof SqliteAdapter;

/** The plan as lines of text: SQLite's `EXPLAIN QUERY PLAN` details, PostgreSQL's text plan. */
async function planOf(query: CompiledQuery): Promise<string[]> {
  const prefix = embedded() ? 'explain query plan ' : 'explain ';
  const { rows } = await t.db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(prefix + query.sql, [...query.parameters]),
  );
  return rows.map((r) => String(embedded() ? r.detail : r['QUERY PLAN']));
}

describe('the change marker reads a fixed number of index entries', () => {
  it('finds the newest row through the primary key, never scanning the log', async () => {
    const [query, ...more] = await queriesOf((db) => auditTip(db));
    expect(more).toEqual([]);
    const plan = (await planOf(query as CompiledQuery)).join('\n');
    expect(plan).not.toMatch(/SCAN audit_log\b|Seq Scan|Sort/);
    if (embedded()) {
      // The row by rowid, and max(rowid) by SQLite's min/max optimisation (one b-tree descent).
      expect(plan).toMatch(/SEARCH audit_log USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect(plan).toMatch(/^SEARCH audit_log$/m);
    } else {
      expect(plan).toMatch(/Index Only Scan Backward using audit_log_pkey/);
      expect(plan).toMatch(/Index Scan using audit_log_pkey/);
    }
  });

  it('checks the previous marker by its key', async () => {
    const [query] = await queriesOf((db) => auditHashAt(db, 1234));
    const plan = (await planOf(query as CompiledQuery)).join('\n');
    expect(plan).toMatch(
      embedded()
        ? /SEARCH audit_log USING INTEGER PRIMARY KEY \(rowid=\?\)/
        : /Index Scan using audit_log_pkey/,
    );
  });

  it('lists the kinds written since through a key range, not the whole log', async () => {
    const [query] = await queriesOf((db) =>
      entitiesWritten(db, ROWS - 400, ROWS, ['parties/reveal']),
    );
    const plan = (await planOf(query as CompiledQuery)).join('\n');
    expect(plan).not.toMatch(/SCAN audit_log\b|Seq Scan/);
    expect(plan).toMatch(
      embedded()
        ? /SEARCH audit_log USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/
        : /Index (Only )?Scan using audit_log_pkey|Bitmap Index Scan on audit_log_pkey/,
    );
  });

  it('answers the same on the big log as the repository functions compute', async () => {
    const tip = await auditTip(t.db);
    expect(tip?.id).toBe(ROWS);
    expect(await entitiesWritten(t.db, ROWS - 10, ROWS, ['parties/reveal'])).toEqual([
      'case',
      'session',
    ]);
  });
});
