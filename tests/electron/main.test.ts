import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src/app/core';
import { contentSecurityPolicy } from '../../electron/csp';
import type * as FakeElectron from '../fakes/electron';

// The lifecycle is tested against a stand-in core: the real one is tested in tests/src.
vi.mock('../../src/app/core', () => ({ openCore: vi.fn() }));

type Fake = typeof FakeElectron;

function standInCore() {
  return {
    dispatch: vi.fn(() => Promise.resolve({ ok: true as const, value: 'pong' })),
    endSession: vi.fn(),
    close: vi.fn(() => Promise.resolve()),
  };
}

/** Runs electron/main.ts afresh (it starts the app at import), as Electron would. */
async function boot(setUp: (fake: Fake) => void = () => undefined, openError?: Error) {
  vi.resetModules();
  const fake = await import('../fakes/electron');
  const { openCore } = await import('../../src/app/core');
  const core = standInCore();
  const opened = vi.mocked(openCore);
  if (openError) opened.mockRejectedValue(openError);
  else opened.mockResolvedValue(core as unknown as Core);
  setUp(fake);
  await import('../../electron/main');
  // start() awaits whenReady() and openCore(); let it run to the end.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { fake, core, openCore: opened };
}

function onlyWindow(fake: Fake) {
  expect(fake.BrowserWindow.instances).toHaveLength(1);
  const [window] = fake.BrowserWindow.instances;
  if (!window) throw new Error('no window');
  return window;
}

beforeEach(() => {
  vi.stubGlobal('MAIN_WINDOW_VITE_DEV_SERVER_URL', undefined);
  vi.stubGlobal('MAIN_WINDOW_VITE_NAME', 'main_window');
  vi.stubEnv('MEDIATION_DESK_DB', '');
  vi.stubEnv('MEDIATION_DESK_USER_DATA', '');
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe('app lifecycle', () => {
  it('opens the database in the user-data folder and shows the built page', async () => {
    const { fake, openCore } = await boot((f) => f.app.setPath('userData', '/data/desk'));
    expect(openCore).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ dbFile: path.join('/data/desk', 'mediation-desk.sqlite') }),
    );
    // Documents: the fonts and the render worker beside the bundle, printing through the shell.
    expect(openCore.mock.calls[0]?.[0]).toMatchObject({
      documents: {
        fontsDir: expect.stringMatching(/resources[\\/]fonts$/),
        workerScript: expect.stringMatching(/render-worker\.cjs$/),
        host: expect.objectContaining({ print: expect.any(Function) }),
      },
    });
    const window = onlyWindow(fake);
    const prefs = window.options.webPreferences as { preload: string };
    expect(path.basename(prefs.preload)).toBe('preload.cjs');
    const [load] = window.webContents.loaded;
    expect(load?.kind).toBe('file');
    expect(load?.target.split(path.sep).slice(-3)).toEqual([
      'renderer',
      'main_window',
      'index.html',
    ]);
    expect([...fake.ipcMain.handlers.keys()]).toEqual(['mediation-desk:api']);
    expect(fake.Menu.applicationMenu).not.toBeNull();
    const headers = fake.session.defaultSession.headersListener as (
      details: object,
      callback: (response: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    headers({ responseHeaders: {} }, ({ responseHeaders }) =>
      expect(responseHeaders['Content-Security-Policy']).toEqual([
        contentSecurityPolicy({ dev: false }),
      ]),
    );
  });

  it('honours MEDIATION_DESK_DB and MEDIATION_DESK_USER_DATA', async () => {
    vi.stubEnv('MEDIATION_DESK_DB', '/tmp/e2e/desk.sqlite');
    vi.stubEnv('MEDIATION_DESK_USER_DATA', '/tmp/e2e/user-data');
    const { fake, openCore } = await boot();
    expect(openCore).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ dbFile: path.resolve('/tmp/e2e/desk.sqlite') }),
    );
    expect(fake.app.getPath('userData')).toBe(path.resolve('/tmp/e2e/user-data'));
  });

  it('loads the dev server when Forge defines its URL', async () => {
    vi.stubGlobal('MAIN_WINDOW_VITE_DEV_SERVER_URL', 'http://localhost:5173');
    const { fake } = await boot();
    expect(onlyWindow(fake).webContents.loaded).toEqual([
      { kind: 'url', target: 'http://localhost:5173' },
    ]);
  });

  it('a second instance quits at once and leaves the database alone', async () => {
    const { fake, openCore } = await boot((f) => (f.app.singleInstanceLock = false));
    expect(fake.app.quitResults).toEqual(['quit']);
    expect(openCore).not.toHaveBeenCalled();
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });

  it('brings the existing window forward when a second instance starts', async () => {
    const { fake } = await boot();
    const window = onlyWindow(fake);
    window.minimized = true;
    fake.app.emit('second-instance');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('ends the window session when the window closes', async () => {
    const { fake, core } = await boot();
    const window = onlyWindow(fake);
    window.close();
    expect(core.endSession).toHaveBeenCalledExactlyOnceWith(`window:${window.webContents.id}`);
  });

  it('closes the core before the app quits', async () => {
    const { fake, core } = await boot();
    let finishClose: () => void = () => undefined;
    core.close.mockReturnValueOnce(new Promise<void>((resolve) => (finishClose = resolve)));
    fake.app.quit();
    expect(fake.app.quitResults).toEqual(['prevented']);
    expect(core.close).toHaveBeenCalledOnce();
    fake.app.quit(); // impatient user: still waits, does not close twice
    expect(core.close).toHaveBeenCalledOnce();
    finishClose();
    await vi.waitFor(() =>
      expect(fake.app.quitResults).toEqual(['prevented', 'prevented', 'quit']),
    );
  });

  it('reports a database that cannot be opened and exits', async () => {
    const { fake } = await boot(undefined, new Error('database is locked'));
    expect(fake.app.exitCode).toBe(1);
    expect(fake.dialog.errorBoxes).toEqual([
      { title: '调解台无法启动', content: 'database is locked' },
    ]);
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });
});
