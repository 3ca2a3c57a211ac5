import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../../src/api/contract';
import type { ErrorCode } from '../../../src/api/result';
import { verifyAuditChain } from '../../../src/audit/audit-verify';
import { ROLES } from '../../../src/staff/staff.schema';
import { cheapPasswordHash, TEST_PASSWORD } from '../../support/test-core';
import { dumpTables, tableCounts } from '../../support/db-snapshot';
import {
  ACTORS,
  mayCall,
  openRoleCenter,
  type Actor,
  type RoleCenter,
} from './support/role-center';
import { arbitraryFor, meaningfulStrings, mutated } from './support/schema-arbitrary';

/**
 * Random and almost-right payloads at every method as every role (and as nobody): the core
 * never crashes or answers INTERNAL, always answers a typed error for what it refuses, and a
 * refused call writes nothing. Runs per method and caller: FUZZ_RUNS (default 10) for callers
 * the method lets in, a few for the rest (they are refused before the input is read).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const CODES: readonly ErrorCode[] = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'INVALID_TRANSITION',
  'STALE',
  'LOCKED',
  'THROTTLED',
];
/** Methods whose success changes the role accounts the harness signs in with. */
const CHANGES_ACCOUNTS = /^(staff\/|auth\/changePassword)/;

const names = Object.keys(methods) as MethodName[];
let c: RoleCenter;

beforeAll(async () => {
  c = await openRoleCenter();
});
afterAll(async () => {
  await c.close();
});

/** Puts the role accounts back as the harness made them (a fuzzed call may have changed them). */
async function repairAccounts() {
  const medical = (
    await c.db
      .selectFrom('studios')
      .select('id')
      .where('code', '=', 'medical')
      .executeTakeFirstOrThrow()
  ).id;
  for (const role of ROLES) {
    const row = await c.db
      .selectFrom('staff')
      .select('id')
      .where('username', '=', role)
      .executeTakeFirstOrThrow();
    await c.db
      .updateTable('staff')
      .set({ active: 1, passwordHash: cheapPasswordHash(TEST_PASSWORD) })
      .where('id', '=', row.id)
      .execute();
    await c.db.deleteFrom('staffRoles').where('staffId', '=', row.id).execute();
    await c.db.insertInto('staffRoles').values({ staffId: row.id, role }).execute();
    await c.db.deleteFrom('staffStudios').where('staffId', '=', row.id).execute();
    if (role === 'mediator' || role === 'clerk') {
      await c.db
        .insertInto('staffStudios')
        .values({ staffId: row.id, studioId: medical })
        .execute();
    }
  }
}

/** Keeps fuzzed file and folder names inside the test's folder: never mkdir at random on disk. */
function confined(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const key of ['file', 'folder']) {
    const value = copy[key];
    if (
      typeof value === 'string' &&
      path.isAbsolute(value.trim()) &&
      !value.trim().startsWith(c.dir)
    ) {
      copy[key] = path.join(c.dir, 'fuzz', value.replace(/[^\w.-]/g, '_').slice(0, 40));
    }
  }
  return copy;
}

function payloads(name: MethodName): fc.Arbitrary<unknown> {
  const schema = z.toJSONSchema(methods[name].input, { io: 'input', unrepresentable: 'any' });
  const strings = meaningfulStrings([
    c.dbFile,
    path.join(c.dir, 'missing.sqlite'),
    path.join(c.dir, 'backups'),
    'relative/folder',
  ]);
  const shaped = arbitraryFor(schema as Parameters<typeof arbitraryFor>[0], strings);
  return fc.oneof(
    { weight: 5, arbitrary: shaped },
    { weight: 4, arbitrary: mutated(shaped) },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined, 0, '', [], 'x'.repeat(5000)) },
  );
}

async function checkOne(name: MethodName, actor: Actor, raw: unknown): Promise<void> {
  const input = confined(raw);
  const label = `${name} as ${actor} with ${JSON.stringify(input)?.slice(0, 300)}`;
  const counts = await tableCounts(c.db);
  const internal = c.internalErrors.length;
  let result: Awaited<ReturnType<RoleCenter['call']>>;
  try {
    result = await c.call(actor, name, input);
  } catch (error) {
    expect.fail(`${label}: dispatch threw ${String(error)}`);
  }
  expect(c.internalErrors.slice(internal), label).toEqual([]);
  expect(typeof result.ok, label).toBe('boolean');
  if (result.ok) {
    if (CHANGES_ACCOUNTS.test(name)) await repairAccounts();
    return;
  }
  const { error } = result;
  expect(CODES, label).toContain(error.code);
  expect(typeof error.message, label).toBe('string');
  expect(error.message.trim(), label).not.toBe('');
  for (const [field, text] of Object.entries(error.fields ?? {})) {
    expect(typeof text, `${label}: field ${field}`).toBe('string');
    expect(text, `${label}: field ${field} is a key, not a message`).not.toMatch(
      /^(validation|error)\./,
    );
  }
  // Refused: not a row more or less anywhere (every committed write has an audit row, too).
  expect(await tableCounts(c.db), label).toEqual(counts);
}

describe('fuzz: random and mutated payloads at every method as every role', () => {
  it.each(names)('%s', async (name) => {
    for (const actor of ACTORS) {
      const allowed = mayCall(methods[name].access, actor);
      const before = await dumpTables(c.db);
      let succeeded = false;
      await fc.assert(
        fc.asyncProperty(payloads(name), async (input) => {
          const auditBefore = (await tableCounts(c.db, ['audit_log'])).audit_log;
          await checkOne(name, actor, input);
          if ((await tableCounts(c.db, ['audit_log'])).audit_log !== auditBefore) succeeded = true;
        }),
        { numRuns: allowed ? RUNS : 3, endOnFailure: true },
      );
      // When nothing was accepted, the whole database is as it was, content included.
      if (!succeeded && !CHANGES_ACCOUNTS.test(name)) {
        expect(await dumpTables(c.db), `${name} as ${actor}`).toEqual(before);
      }
    }
  });

  it('leaves a sound database with an unbroken audit chain', async () => {
    expect(await verifyAuditChain(c.db)).toMatchObject({ ok: true, firstBreak: null });
  });
});
