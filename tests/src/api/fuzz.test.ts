import { createServer } from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../../src/api/contract';
import type { ErrorCode } from '../../../src/api/result';
import { verifyAuditChain } from '../../../src/audit/audit-verify';
import { openDatabase } from '../../../src/db/database';
import { postgresConnectionSchema, TLS_MODES } from '../../../src/settings/database.schema';
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
/**
 * Methods that connect to the server address in their input (Settings → Database). The fuzz
 * makes up addresses that are valid ("admin", "2026-03-10", ...): unconfined, it would look
 * them up in DNS and knock on hosts of the network, and wait out connection timeouts. See
 * `confined`: their input validation is fuzzed in full, and a valid address is pointed at a
 * closed port on this machine, refused at once.
 */
const REACHES_NETWORK: ReadonlySet<string> = new Set(['database/test', 'database/switch']);

/**
 * Server connections right in every field, the password and TLS mode at random: the schema's
 * patterns (host, identifiers) are almost never met by chance, and the handlers behind them are
 * to be fuzzed too.
 */
const connections = fc.record({
  host: fc.constantFrom('127.0.0.1', 'db.center.lan', '::1', 'admin'),
  port: fc.integer({ min: 1, max: 65535 }),
  database: fc.constantFrom('mediation', 'md_center', 'postgres'),
  user: fc.constantFrom('mediation', 'postgres', 'desk-1'),
  password: fc.oneof(
    fc.constant(''),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme' }),
  ),
  tls: fc.constantFrom(...TLS_MODES),
});
const PLAUSIBLE: Partial<Record<MethodName, fc.Arbitrary<unknown>>> = {
  'database/test': fc.record({ connection: connections }),
  'database/switch': fc.oneof(
    fc.constant({ engine: 'sqlite' }),
    fc.record({
      engine: fc.constant('postgres'),
      connection: connections,
      copyLocalData: fc.boolean(),
    }),
  ),
};

const names = Object.keys(methods) as MethodName[];
let c: RoleCenter;
/** A port on 127.0.0.1 where nothing listens. */
let closedPort: number;

beforeAll(async () => {
  c = await openRoleCenter();
  closedPort = await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        resolve(typeof address === 'object' && address !== null ? address.port : 0),
      );
    });
  });
  await guardEmbeddedFile();
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

/**
 * On a server (the postgres project), a fuzzed `database/switch` to this computer's file would
 * succeed and move the harness off its database, onto an empty file nobody can sign in to. The
 * file is made one that a newer app has upgraded, which the switch refuses like any other
 * (VALIDATION): the fuzz reaches that refusal instead. Switching that succeeds is tested in
 * tests/src/settings/database-copy.pg.test.ts. On the embedded engine the file is the one in
 * use, and switching to it is refused as such.
 */
async function guardEmbeddedFile(): Promise<void> {
  const status = await c.call('admin', 'database/status', {});
  if (!status.ok) expect.fail(JSON.stringify(status.error));
  if ((status.value as { engine: string }).engine !== 'postgres') return;
  const file = await openDatabase({ file: c.dbFile });
  try {
    await sql`insert into kysely_migration (name, timestamp)
      values ('9999_fuzz_guard', '2099-01-01T00:00:00Z')`.execute(file);
  } finally {
    await file.destroy();
  }
}

/** A valid server address (as `database/*` read it) goes to the closed port on 127.0.0.1. */
function confinedConnection(connection: unknown): unknown {
  if (typeof connection !== 'object' || connection === null || Array.isArray(connection)) {
    return connection;
  }
  const copy: Record<string, unknown> = { ...(connection as Record<string, unknown>) };
  const { host, port } = postgresConnectionSchema.shape;
  if (host.safeParse(copy.host).success) copy.host = '127.0.0.1';
  if (port.safeParse(copy.port).success) copy.port = closedPort;
  return copy;
}

/**
 * Keeps fuzzed file and folder names inside the test's folder (never mkdir at random on disk),
 * and server addresses on this machine (REACHES_NETWORK).
 */
function confined(name: MethodName, input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  if (REACHES_NETWORK.has(name) && 'connection' in copy) {
    copy.connection = confinedConnection(copy.connection);
  }
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
  const plausible = PLAUSIBLE[name];
  return fc.oneof(
    { weight: 5, arbitrary: shaped },
    { weight: 4, arbitrary: mutated(shaped) },
    { weight: 2, arbitrary: fc.anything({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined, 0, '', [], 'x'.repeat(5000)) },
    ...(plausible === undefined
      ? []
      : [
          { weight: 4, arbitrary: plausible },
          { weight: 2, arbitrary: mutated(plausible) },
        ]),
  );
}

async function checkOne(name: MethodName, actor: Actor, raw: unknown): Promise<void> {
  const input = confined(name, raw);
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
    // A connection test that passed validation knocked on the closed port, and nowhere else.
    if (name === 'database/test') {
      expect(result.value, label).toMatchObject({ ok: false, problem: 'unreachable' });
    }
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
