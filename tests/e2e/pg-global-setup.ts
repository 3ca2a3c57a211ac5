import { findPgBin, startPgCluster, type PgCluster } from '../harness/pg-cluster';

/** Where the specs find the PostgreSQL server (admin address), or why there is none. */
export const E2E_PG_URL_ENV = 'MD_E2E_PG_URL';
export const E2E_PG_MISSING_ENV = 'MD_E2E_PG_MISSING';

/**
 * The server the Settings → Database specs switch to: MD_TEST_PG_URL when set, otherwise a
 * throwaway cluster (tests/harness/pg-cluster.ts) stopped when the run ends. Workers inherit
 * the address through the environment. Without PostgreSQL's programs the other specs still
 * run; the ones that need a server skip, saying why.
 */
export default async function setup(): Promise<() => void> {
  const given = process.env.MD_TEST_PG_URL;
  if (given !== undefined && given !== '') {
    process.env[E2E_PG_URL_ENV] = given;
    return () => undefined;
  }
  if (findPgBin() === null) {
    process.env[E2E_PG_MISSING_ENV] =
      'PostgreSQL server programs not found: install Debian\'s "postgresql" package or set MD_TEST_PG_URL';
    return () => undefined;
  }
  const cluster: PgCluster = await startPgCluster();
  process.env[E2E_PG_URL_ENV] = cluster.url;
  return () => cluster.stop();
}
