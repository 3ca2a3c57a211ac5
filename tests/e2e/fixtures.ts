import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { startPreview, type PreviewServer } from '../harness/preview-server';

/** Each test gets its own preview host on a fresh database file. */
export const test = base.extend<{ preview: PreviewServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  preview: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'md-e2e-'));
    const preview = await startPreview({ dbFile: path.join(dir, 'e2e.sqlite') });
    await use(preview);
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
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
