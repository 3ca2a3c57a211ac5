import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { parsePostgresUrl, type PostgresConnection } from '../../src/db/postgres/pg-connection';
import { startPreview, type PreviewServer } from '../harness/preview-server';
import { E2E_PG_MISSING_ENV, E2E_PG_URL_ENV } from './pg-global-setup';
import { withPgClient as onServer } from '../harness/pg-cluster';

/** A database on the run's PostgreSQL server, created empty for one test and dropped after it. */
export interface PgTestDatabase {
  readonly name: string;
  readonly connection: PostgresConnection;
}

let created = 0;

/** Each test gets its own preview host on a fresh database file. */
export const test = base.extend<{ preview: PreviewServer; pgDatabase: PgTestDatabase }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  preview: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'md-e2e-'));
    const preview = await startPreview({ dbFile: path.join(dir, 'e2e.sqlite') });
    await use(preview);
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  pgDatabase: async ({}, use, testInfo) => {
    const url = process.env[E2E_PG_URL_ENV];
    if (url === undefined || url === '') {
      testInfo.skip(true, process.env[E2E_PG_MISSING_ENV] ?? 'no PostgreSQL server for this run');
      return;
    }
    created += 1;
    const name = `md_e2e_${process.pid}_${Date.now().toString(36)}_${created}`;
    await onServer(url, (client) => client.query(`create database ${name}`));
    await use({ name, connection: { ...parsePostgresUrl(url), database: name } });
    // Named before `preview` in a test, it outlives the preview; `force` ends any straggler.
    await onServer(url, (client) => client.query(`drop database if exists ${name} with (force)`));
  },
});

export { expect } from '@playwright/test';

/** Row counts of every table the intake writes, to prove a refused save changed nothing. */
export async function intakeCounts(preview: PreviewServer) {
  const count = async (table: 'cases' | 'parties' | 'caseParties' | 'caseEvents' | 'auditLog') => {
    const row = await preview.core.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    cases: await count('cases'),
    parties: await count('parties'),
    caseParties: await count('caseParties'),
    caseEvents: await count('caseEvents'),
    auditLog: await count('auditLog'),
  };
}
