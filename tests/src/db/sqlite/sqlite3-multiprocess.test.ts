import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqlite3Dialect } from '../../../../src/db/sqlite/sqlite3-dialect';

interface Db {
  counter: { id: number; value: number };
}

interface WorkerReport {
  failed: number;
  codes: string[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
const tsxCli = path.join(repoRoot, 'node_modules/.bin/tsx');
const worker = path.join(here, 'fixtures/increment-worker.ts');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite3-multiprocess-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function createCounter(filename: string): Promise<void> {
  const db = new Kysely<Db>({ dialect: createSqlite3Dialect({ filename }) });
  await db.schema
    .createTable('counter')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('counter').values({ id: 1, value: 0 }).execute();
  await db.destroy();
}

async function readCounter(filename: string): Promise<number> {
  const db = new Kysely<Db>({ dialect: createSqlite3Dialect({ filename }) });
  const row = await db.selectFrom('counter').select('value').executeTakeFirstOrThrow();
  await db.destroy();
  return row.value;
}

/**
 * Runs two workers against one file. Both signal "ready" after opening, and
 * only then are both told to go, so their transactions really overlap.
 */
async function runWorkers(
  filename: string,
  iterations: number,
  mode: 'immediate' | 'deferred',
  busyTimeoutMs: number,
): Promise<WorkerReport[]> {
  const children = [0, 1].map(() =>
    // process.execPath: the same Node as the tests, not whatever `node` is on PATH.
    spawn(
      process.execPath,
      [tsxCli, worker, filename, String(iterations), mode, String(busyTimeoutMs)],
      { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] },
    ),
  );
  const outputs = children.map((child) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    const ready = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('ready\n')) resolve();
      });
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    const exited = new Promise<WorkerReport>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => {
        const last = stdout.trim().split('\n').at(-1) ?? '';
        if (code !== 0 || !last.startsWith('{')) {
          reject(new Error(`worker exited with ${code}: ${stderr || stdout}`));
        } else {
          resolve(JSON.parse(last) as WorkerReport);
        }
      });
    });
    return { ready, exited };
  });
  // If a worker dies before "ready", surface its error instead of hanging.
  await Promise.race([
    Promise.all(outputs.map((o) => o.ready)),
    Promise.all(outputs.map((o) => o.exited)),
  ]);
  for (const child of children) child.stdin.end('go\n');
  return Promise.all(outputs.map((o) => o.exited));
}

describe('two processes incrementing one counter', () => {
  it('BEGIN IMMEDIATE + busy timeout: every one of 2 x 200 increments lands', async () => {
    const filename = path.join(dir, 'immediate.sqlite');
    await createCounter(filename);
    const reports = await runWorkers(filename, 200, 'immediate', 5000);
    expect(reports).toEqual([
      { failed: 0, codes: [] },
      { failed: 0, codes: [] },
    ]);
    expect(await readCounter(filename)).toBe(400);
  });

  // Negative controls: the same workload must fail without each ingredient,
  // otherwise the test above would prove nothing.
  it('control: a plain (deferred) BEGIN fails under the same contention', async () => {
    const filename = path.join(dir, 'deferred.sqlite');
    await createCounter(filename);
    const reports = await runWorkers(filename, 100, 'deferred', 5000);
    const failed = reports.reduce((sum, r) => sum + r.failed, 0);
    expect(failed).toBeGreaterThan(0);
    expect(reports.flatMap((r) => r.codes)).toContain('SQLITE_BUSY');
    expect(await readCounter(filename)).toBe(200 - failed);
  });

  it('control: BEGIN IMMEDIATE without a busy timeout fails under contention', async () => {
    const filename = path.join(dir, 'no-timeout.sqlite');
    await createCounter(filename);
    const reports = await runWorkers(filename, 100, 'immediate', 0);
    const failed = reports.reduce((sum, r) => sum + r.failed, 0);
    expect(failed).toBeGreaterThan(0);
    expect(await readCounter(filename)).toBe(200 - failed);
  });
});
