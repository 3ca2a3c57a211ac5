import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../../src/api/contract';
import { roleLabels } from '../../../src/cases/case.labels';
import { dumpTables } from '../../support/db-snapshot';
import { ACTORS, mayCall, openRoleCenter, type RoleCenter } from './support/role-center';

/**
 * Every method of the contract against every role alone and against nobody signed in, read from
 * the contract itself: a method added tomorrow is in this table without anyone writing a line.
 * The expectation comes from the method's declared `access`: a caller it leaves out gets
 * FORBIDDEN (UNAUTHENTICATED when not signed in) and not a byte is written; a caller it lets in
 * is never turned away for its role.
 */
const names = Object.keys(methods) as MethodName[];

let c: RoleCenter;
/**
 * Where the valid inputs of the methods that connect to a server point (Settings → Database):
 * a port on this machine that counts the connections made to it and closes each at once. A
 * caller turned away must not make the core knock on any host.
 */
let listener: Server;
let knocks = 0;
let port = 0;
beforeAll(async () => {
  c = await openRoleCenter();
  listener = createServer((socket) => {
    knocks += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const address = listener.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
});
afterAll(async () => {
  await c.close();
  await new Promise((resolve) => listener.close(resolve));
});

/** Any input, and for the methods that reach the network a valid one as well. */
function inputsFor(name: MethodName): unknown[] {
  const inputs: unknown[] = [{}, { id: 1, version: 1, caseId: 1 }];
  const connection = {
    host: '127.0.0.1',
    port,
    database: 'mediation',
    user: 'mediation',
    password: '',
    tls: 'disable',
  };
  if (name === 'database/test') inputs.push({ connection });
  if (name === 'database/switch')
    inputs.push({ engine: 'postgres', connection, copyLocalData: false });
  return inputs;
}

/** The files under the data folder (backups land there): a refused call must add none. */
function files(): string[] {
  return readdirSync(c.dir, { recursive: true }).map(String).sort();
}

describe('access matrix: every method × every role', () => {
  it('covers the whole contract', () => {
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) {
      const { access } = methods[name];
      expect(
        access === 'public' ||
          access === 'signedIn' ||
          (Array.isArray(access) && access.length > 0),
        name,
      ).toBe(true);
    }
  });

  it.each(names)('%s', async (name) => {
    const { access } = methods[name];
    for (const actor of ACTORS) {
      // Any input: access is decided before the input is even read.
      for (const input of inputsFor(name)) {
        const allowed = mayCall(access, actor);
        const before = allowed ? null : { tables: await dumpTables(c.db), files: files() };
        const knocked = knocks;
        const result = await c.call(actor, name, input);
        const label = `${name} as ${actor} with ${JSON.stringify(input)}`;
        if (!allowed) expect(knocks, `${label} connected to the server`).toBe(knocked);
        if (allowed && 'connection' in (input as object)) {
          // The valid input does reach the server for those let in: the check above means something.
          expect(knocks, label).toBeGreaterThan(knocked);
        }
        if (allowed) {
          // Let in: it may still fail (bad input, not found, wrong state), but not for the role.
          if (!result.ok) {
            expect(result.error.code, label).not.toBe('UNAUTHENTICATED');
            expect(result.error.message, label).not.toMatch(/此操作需要以下角色之一/);
          }
          continue;
        }
        expect(result.ok, label).toBe(false);
        if (result.ok) continue;
        if (actor === 'anonymous') {
          expect(result.error.code, label).toBe('UNAUTHENTICATED');
        } else {
          expect(result.error.code, label).toBe('FORBIDDEN');
          // The refusal names the roles that may (in the window's language).
          const roles = access as readonly (keyof typeof roleLabels)[];
          for (const role of roles)
            expect(result.error.message, label).toContain(roleLabels[role]['zh-CN']);
        }
        expect(await dumpTables(c.db), label).toEqual(before?.tables);
        expect(files(), label).toEqual(before?.files);
      }
    }
    expect(c.internalErrors.filter((e) => e.method === name)).toEqual([]);
  });
});
