import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseChoice } from '../../src/app/database-choice';
import {
  type AtomicWriteFs,
  databaseChoiceFile,
  writeFileAtomic,
} from '../../electron/database-config';
import { resetFakeElectron, safeStorage } from '../fakes/electron';

const PASSWORD = 'Zhongxin-mima-2026!';
const SERVER: DatabaseChoice = {
  engine: 'postgres',
  connection: {
    host: 'db.center.lan',
    port: 5432,
    database: 'mediation',
    user: 'desk',
    password: PASSWORD,
    tls: 'require',
  },
};

let dir: string;
let file: string;
let warnings: string[];

function store(platform: NodeJS.Platform = 'linux') {
  return databaseChoiceFile({
    file,
    secrets: safeStorage,
    platform,
    warn: (message) => warnings.push(message),
  });
}

/** The file as written, and every plain-text way the password could appear in it. */
function expectNoPlainPassword() {
  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(Buffer.from(PASSWORD).toString('base64'));
  expect(text).not.toContain(Buffer.from(PASSWORD).toString('hex'));
  return text;
}

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(path.join(os.tmpdir(), 'md-choice-'));
  file = path.join(dir, 'database.json');
  warnings = [];
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('database.json', () => {
  it('no file: this computer’s embedded database, silently', () => {
    expect(store().load()).toEqual({ engine: 'sqlite' });
    expect(warnings).toEqual([]);
  });

  it('keeps the server with its password encrypted by the system, never as text', () => {
    const first = store();
    expect(first.canKeepPasswords).toBe(true);
    first.save(SERVER);
    const text = expectNoPlainPassword();
    const saved = JSON.parse(text) as Record<string, unknown>;
    expect(saved).toMatchObject({
      engine: 'postgres',
      connection: { host: 'db.center.lan', port: 5432, database: 'mediation', user: 'desk' },
    });
    expect(saved.connection).not.toHaveProperty('password');
    expect(typeof saved.encryptedPassword).toBe('string');
    // The next run reads it back, password decrypted.
    expect(store().load()).toEqual(SERVER);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('without system encryption keeps no password at all, and says so', () => {
    safeStorage.available = false;
    const first = store();
    expect(first.canKeepPasswords).toBe(false);
    first.save(SERVER);
    const text = expectNoPlainPassword();
    expect(text).not.toContain('encryptedPassword');
    // This run still has it in memory; the next run has none.
    expect(first.load()).toEqual(SERVER);
    expect(store().load()).toEqual({
      engine: 'postgres',
      connection: { ...SERVER.connection, password: '' },
    });
  });

  it("Linux's basic_text keyring counts as no encryption", () => {
    safeStorage.backend = 'basic_text';
    const linux = store('linux');
    expect(linux.canKeepPasswords).toBe(false);
    linux.save(SERVER);
    expect(expectNoPlainPassword()).not.toContain('encryptedPassword');
    // The backend is a Linux notion: elsewhere the answer is the system's.
    expect(store('win32').canKeepPasswords).toBe(true);
  });

  it('an empty password is not stored', () => {
    store().save({ ...SERVER, connection: { ...SERVER.connection, password: '' } });
    expect(readFileSync(file, 'utf8')).not.toContain('encryptedPassword');
  });

  it('a password the system cannot decrypt any more is dropped with a warning', () => {
    store().save(SERVER);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      file,
      JSON.stringify({ ...saved, encryptedPassword: Buffer.from('garbage').toString('base64') }),
    );
    expect(store().load()).toEqual({
      engine: 'postgres',
      connection: { ...SERVER.connection, password: '' },
    });
    expect(warnings).toHaveLength(1);
  });

  it('switching back to embedded forgets the server', () => {
    const choices = store();
    choices.save(SERVER);
    choices.save({ engine: 'sqlite' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, engine: 'sqlite' });
    expect(store().load()).toEqual({ engine: 'sqlite' });
  });

  it.each([
    ['not JSON', '{"engine": "postgres", '],
    ['an unknown engine', '{"engine": "mysql"}'],
    ['a server without host', '{"engine":"postgres","connection":{"port":5432}}'],
    [
      'a bad TLS mode',
      JSON.stringify({ engine: 'postgres', connection: { ...SERVER.connection, tls: 'x' } }),
    ],
  ])('a corrupt file (%s): embedded, with a warning', (_what, content) => {
    writeFileSync(file, content);
    expect(store().load()).toEqual({ engine: 'sqlite' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(file);
  });

  it('writes through a temporary file and leaves none behind', () => {
    store().save(SERVER);
    store().save({ engine: 'sqlite' });
    expect(readdirSync(dir)).toEqual(['database.json']);
  });
});

describe('writeFileAtomic', () => {
  /** Node's fs with one step failing. */
  function failing(step: 'writeSync' | 'fsyncSync' | 'renameSync'): AtomicWriteFs {
    const real: AtomicWriteFs = {
      openSync: fs.openSync,
      writeSync: (fd, text) => fs.writeSync(fd, text),
      fsyncSync: fs.fsyncSync,
      closeSync: fs.closeSync,
      renameSync: fs.renameSync,
      rmSync: fs.rmSync,
    };
    return {
      ...real,
      [step]: vi.fn((...args: unknown[]) => {
        if (step === 'writeSync') fs.writeSync(args[0] as number, '{"engine":"post'); // half written
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }),
    };
  }

  it.each(['writeSync', 'fsyncSync', 'renameSync'] as const)(
    'a failure at %s leaves the previous file whole and no temporary file',
    (step) => {
      writeFileSync(file, '{"version":1,"engine":"sqlite"}\n');
      expect(() =>
        writeFileAtomic(file, '{"version":1,"engine":"postgres"}\n', failing(step)),
      ).toThrow(/ENOSPC/);
      expect(readFileSync(file, 'utf8')).toBe('{"version":1,"engine":"sqlite"}\n');
      expect(readdirSync(dir)).toEqual(['database.json']);
    },
  );

  it('creates the file when there was none', () => {
    writeFileAtomic(file, 'x\n');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('x\n');
  });
});
