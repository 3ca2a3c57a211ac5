import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/audit/audit-verify';
import { openCore } from '../../../src/app/core';
import { openDatabase } from '../../../src/db/database';
import { insertStaff } from '../../../src/staff/staff.repository';
import { cheapPasswordHash, makeTempDir, TEST_PASSWORD } from '../../support/test-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const writer = path.join(here, 'fixtures/crash-writer.ts');

const KILLS = 12;

let dir: string;
let file: string;
beforeAll(async () => {
  dir = makeTempDir('mediation-desk-crash-');
  file = path.join(dir, 'desk.sqlite');
  const core = await openCore({ dbFile: file });
  await insertStaff(core.db, {
    username: 'writer',
    displayName: '写入进程',
    passwordHash: cheapPasswordHash(TEST_PASSWORD),
    roles: ['reception'],
    studioIds: [],
    createdAt: new Date().toISOString(),
  });
  await core.close();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  readonly confirmed: Map<number, string>;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** Starts the writer, lets it write for `runMs` after it is ready, then SIGKILLs it. */
function runAndKill(runMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    // `node --import tsx`, not the tsx CLI: the CLI runs the script in a grandchild, which the
    // kill would miss (it would keep writing, and hold the pipe open).
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', writer, file, 'writer', TEST_PASSWORD],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (timer === undefined && stdout.includes('ready\n')) {
        timer = setTimeout(() => child.kill('SIGKILL'), runMs);
      }
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      const confirmed = new Map<number, string>();
      // Only whole lines: a line cut by the kill was not a confirmation.
      for (const line of stdout.split('\n').slice(0, -1)) {
        const match = /^confirmed (\d+) (.+)$/.exec(line);
        if (match) confirmed.set(Number(match[1]), match[2] ?? '');
      }
      resolve({ confirmed, signal, stderr });
    });
  });
}

describe('crash safety: SIGKILL during writes loses no confirmed write', () => {
  it(`survives ${KILLS} kills at random moments`, async () => {
    const allConfirmed = new Map<number, string>();
    for (let run = 0; run < KILLS; run += 1) {
      const result = await runAndKill(50 + Math.floor(Math.random() * 700));
      expect(result.signal, result.stderr).toBe('SIGKILL');
      for (const [id, number] of result.confirmed) allConfirmed.set(id, number);

      // Reopened as the app would after the crash (WAL recovery included).
      const db = await openDatabase({ file });
      try {
        const { rows } = await sql<{ integrityCheck: string }>`pragma integrity_check`.execute(db);
        expect(rows, `run ${run}`).toEqual([{ integrityCheck: 'ok' }]);
        const stored = new Map(
          (await db.selectFrom('cases').select(['id', 'number']).execute()).map((c) => [
            c.id,
            c.number,
          ]),
        );
        for (const [id, number] of allConfirmed) {
          expect(stored.get(id), `run ${run}: confirmed case ${id}`).toBe(number);
        }
        expect((await verifyAuditChain(db)).ok, `run ${run}: audit chain`).toBe(true);
        // Every stored case has its audit row: no half-committed registration.
        const audited = await db
          .selectFrom('auditLog')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('method', '=', 'cases/register')
          .executeTakeFirstOrThrow();
        expect(Number(audited.n), `run ${run}`).toBe(stored.size);
      } finally {
        await db.destroy();
      }
    }
    // Hundreds of confirmed writes in all, so the kills landed amid real work.
    expect(allConfirmed.size).toBeGreaterThanOrEqual(200);
  }, 240_000);
});
