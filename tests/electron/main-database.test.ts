import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core, CoreOptions } from '../../src/app/core';
import type * as FakeElectron from '../fakes/electron';

// The shell's part of the database choice, against a stand-in core (the real one: tests/src).
vi.mock('../../src/app/core', () => ({ openCore: vi.fn() }));

type Fake = typeof FakeElectron;

const SERVER_FILE = {
  version: 1,
  engine: 'postgres',
  connection: { host: '10.0.0.5', port: 5432, database: 'mediation', user: 'desk', tls: 'disable' },
};

let userData: string;

/** Runs electron/main.ts with `database.json` saying the center's server, which refuses. */
async function boot(answers: string[], failures: number) {
  vi.resetModules();
  const fake = await import('../fakes/electron');
  const { openCore } = await import('../../src/app/core');
  const opened = vi.mocked(openCore);
  const seen: string[] = [];
  opened.mockImplementation((options: CoreOptions) => {
    seen.push(options.choices?.load().engine ?? 'none');
    if (seen.length <= failures) {
      return Promise.reject(
        Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }),
      );
    }
    return Promise.resolve({
      dispatch: vi.fn(),
      endSession: vi.fn(),
      close: vi.fn(() => Promise.resolve()),
    } as unknown as Core);
  });
  fake.app.setPath('userData', userData);
  fake.dialog.messageBoxAnswers.push(...answers);
  await import('../../electron/main');
  await vi.waitFor(() =>
    expect(fake.dialog.messageBoxes.length).toBeGreaterThanOrEqual(Math.min(failures, 1)),
  );
  await new Promise((resolve) => setTimeout(resolve, 10));
  return { fake: fake as Fake, seen };
}

const savedChoice = () =>
  JSON.parse(readFileSync(path.join(userData, 'database.json'), 'utf8')) as { engine: string };

beforeEach(() => {
  vi.stubGlobal('MAIN_WINDOW_VITE_DEV_SERVER_URL', undefined);
  vi.stubGlobal('MAIN_WINDOW_VITE_NAME', 'main_window');
  vi.stubEnv('MEDIATION_DESK_DB', '');
  vi.stubEnv('MEDIATION_DESK_USER_DATA', '');
  userData = mkdtempSync(path.join(os.tmpdir(), 'md-main-db-'));
  writeFileSync(path.join(userData, 'database.json'), JSON.stringify(SERVER_FILE));
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  rmSync(userData, { recursive: true, force: true });
});

describe('start-up on the center server', () => {
  it('hands the saved choice to the core', async () => {
    const { fake, seen } = await boot([], 0);
    expect(seen).toEqual(['postgres']);
    expect(fake.dialog.messageBoxes).toEqual([]);
    expect(fake.BrowserWindow.instances).toHaveLength(1);
  });

  it('an unreachable server: the user may try again', async () => {
    const { fake, seen } = await boot(['重试'], 1);
    expect(fake.dialog.messageBoxes).toHaveLength(1);
    expect(fake.dialog.messageBoxes[0]?.buttons).toEqual(['重试', '改用本机数据库', '退出']);
    expect(seen).toEqual(['postgres', 'postgres']);
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    expect(savedChoice().engine).toBe('postgres');
  });

  it("switches to this computer's database when asked, and keeps that choice", async () => {
    const { fake, seen } = await boot(['改用本机数据库'], 1);
    expect(seen).toEqual(['postgres', 'sqlite']);
    expect(savedChoice().engine).toBe('sqlite');
    expect(fake.BrowserWindow.instances).toHaveLength(1);
  });

  it('quits without a window when the user chooses to', async () => {
    const { fake, seen } = await boot(['退出'], 1);
    expect(seen).toEqual(['postgres']);
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(fake.app.quitResults).toEqual(['quit']);
    expect(fake.dialog.errorBoxes).toEqual([]);
    expect(savedChoice().engine).toBe('postgres');
  });
});
