import type { TestProject } from 'vitest/node';
import { startPgCluster, type PgCluster } from '../harness/pg-cluster';
import { createTemplateDatabase } from './test-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin address of the PostgreSQL server the `postgres` project's tests use. */
    pgUrl: string;
    /** A migrated database that each test core's database is created from. */
    pgTemplate: string;
  }
}

/**
 * The `postgres` test project's server: MD_TEST_PG_URL when set, otherwise a throwaway cluster
 * in a temporary folder, stopped at the end. Migrates one template database once.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let cluster: PgCluster | null = null;
  const given = process.env.MD_TEST_PG_URL;
  if (given === undefined || given === '') cluster = await startPgCluster();
  const url = cluster?.url ?? (given as string);
  const template = await createTemplateDatabase(url);
  project.provide('pgUrl', url);
  project.provide('pgTemplate', template.name);
  return async () => {
    await template.drop();
    cluster?.stop();
  };
}
