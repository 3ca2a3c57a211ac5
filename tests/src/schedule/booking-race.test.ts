import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../src/api/result';
import { intake, numberedPerson } from '../../support/fixtures';
import { S } from '../../support/lifecycle';
import { FROZEN_NOW, TEST_PASSWORD } from '../../support/test-core';
import { doubleBookings, occupancyDrift } from './invariants';
import { at, openScheduleCenter, partiesOf, WED, type ScheduleCenter } from './support';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const tsxCli = path.join(repoRoot, 'node_modules/.bin/tsx');
const worker = path.join(here, 'fixtures/book-worker.ts');

let c: ScheduleCenter | undefined;
afterEach(async () => {
  await c?.close();
  c = undefined;
});

interface WorkerReport {
  results: ApiResult<{ id: number }>[];
  internal: string[];
}

/** Starts the workers, waits until both have signed in, then tells them to go at once. */
async function race(args: string[][]): Promise<WorkerReport[]> {
  const children = args.map((a) =>
    spawn(process.execPath, [tsxCli, worker, ...a], { cwd: repoRoot, stdio: 'pipe' }),
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
  try {
    await Promise.race([
      Promise.all(outputs.map((o) => o.ready)),
      Promise.all(outputs.map((o) => o.exited)),
    ]);
    for (const child of children) child.stdin.end('go\n');
    return await Promise.all(outputs.map((o) => o.exited));
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
}

describe('two workstations booking at the same moment', () => {
  it('exactly one of two overlapping bookings of a room, a staff member or a party wins', async () => {
    c = await openScheduleCenter();
    const center = c;
    // Two cases with one party in common (the applicant) and one each of their own.
    const cases: { id: number; shared: number; own: number }[] = [];
    for (const n of [1, 2]) {
      const registered = await center.t.ok(
        'cases/register',
        intake(center.studio.medical, {
          parties: [
            { role: 'applicant', party: numberedPerson(999) },
            { role: 'respondent', party: numberedPerson(n) },
          ],
        }),
        S.reception,
      );
      const [shared, own] = (await partiesOf(center, registered.id)) as [number, number];
      cases.push({ id: registered.id, shared, own });
    }
    const rooms = [center.rooms.medical1, center.rooms.medical2];
    const staff = [center.staff.mediator, center.staff.mediator2];
    // Twelve windows of 20 minutes; in each, both workers want one contested thing.
    const contested = ['room', 'staff', 'party'] as const;
    const windows = Array.from({ length: 12 }, (_, k) => k);
    const inputsFor = (w: 0 | 1) =>
      windows.map((k) => {
        const what = contested[k % 3];
        const own = cases[w];
        const minute = 8 * 60 + 30 + k * 20;
        const time = (m: number) =>
          `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        return {
          caseId: own?.id,
          kind: 'mediation',
          roomId: what === 'room' ? rooms[0] : rooms[w],
          staffIds: [what === 'staff' ? staff[0] : staff[w]],
          partyIds: [what === 'party' ? own?.shared : own?.own],
          // The second worker's session starts 10 minutes into the first one's.
          start: at(WED, time(minute + w * 10)),
          end: at(WED, time(minute + 15 + w * 10)),
          acceptWarnings: true,
        };
      });
    const reports = await race(
      (['user.mediator', 'user.mediator2'] as const).map((username, w) => [
        center.t.dbFile,
        FROZEN_NOW.toISOString(),
        username,
        TEST_PASSWORD,
        JSON.stringify(inputsFor(w as 0 | 1)),
      ]),
    );
    for (const report of reports) expect(report.internal).toEqual([]);
    for (const k of windows) {
      const outcomes = reports.map((r) => {
        const result = r.results[k];
        return result?.ok ? 'ok' : result?.error.code;
      });
      expect(outcomes.sort(), `window ${k} (${contested[k % 3]})`).toEqual(['CONFLICT', 'ok']);
    }
    const count = await center.t.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(windows.length);
    expect(await doubleBookings(center.t.db)).toEqual([]);
    expect(await occupancyDrift(center.t.db)).toEqual([]);
  }, 60_000);
});
