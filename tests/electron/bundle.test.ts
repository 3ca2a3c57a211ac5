import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from '../fakes/electron';

/**
 * The bundles Vite actually emits (not the TypeScript sources), run against the fake electron:
 * proves the externals, defines and CommonJS output work together, and that the main bundle
 * boots the real core on a real database file.
 */
const projectDir = path.resolve(import.meta.dirname, '../..');
let tmp: string;
let outDir: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-bundle-'));
  outDir = path.join(tmp, 'build');
  for (const config of ['vite.main.config.ts', 'vite.preload.config.ts']) {
    await build({
      root: projectDir,
      configFile: path.join(projectDir, config),
      logLevel: 'silent',
      build: { outDir },
    });
  }
}, 60_000);

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

beforeEach(() => electron.resetFakeElectron());

/** Loads a CommonJS bundle the way Node would, except that `electron` is the fake. */
function runCommonJs(file: string, code: string, allow: (id: string) => boolean): void {
  const realRequire = createRequire(path.join(projectDir, 'package.json'));
  const require = (id: string): unknown => {
    // Relative ids would be chunks of a split bundle; both bundles are meant to be one file.
    if (!allow(id)) throw new Error(`the bundle may not require ${id}`);
    return id === 'electron' ? electron : realRequire(id);
  };
  const module = { exports: {} };
  const wrapper = vm.runInThisContext(
    `(function (exports, require, module, __filename, __dirname) {${code}\n})`,
  ) as (...args: unknown[]) => void;
  wrapper(module.exports, require, module, file, path.dirname(file));
}

describe('main bundle', () => {
  it('requires only electron, Node builtins and sqlite3; everything else is bundled', async () => {
    const code = await fs.readFile(path.join(outDir, 'main.cjs'), 'utf8');
    const requires = new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
    expect(
      [...requires].filter(
        // Node's own modules may be named with or without the `node:` prefix (bundled packages
        // such as exceljs use the bare names); anything else must be inside the bundle.
        (id) => id !== 'electron' && id !== 'sqlite3' && (id === undefined || !isBuiltin(id)),
      ),
    ).toEqual([]);
    expect(requires).toContain('sqlite3');
    expect(code).not.toMatch(/MAIN_WINDOW_VITE_(DEV_SERVER_URL|NAME)/);
  });

  it('boots the real core on the database MEDIATION_DESK_DB names and answers over IPC', async () => {
    const dbFile = path.join(tmp, 'desk.sqlite');
    vi.stubEnv('MEDIATION_DESK_DB', dbFile);
    vi.stubEnv('MEDIATION_DESK_USER_DATA', path.join(tmp, 'user-data'));
    try {
      const file = path.join(outDir, 'main.cjs');
      runCommonJs(file, await fs.readFile(file, 'utf8'), (id) => !id.startsWith('.'));
      await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1), {
        timeout: 10_000,
      });
    } finally {
      vi.unstubAllEnvs();
    }
    const [window] = electron.BrowserWindow.instances;
    if (!window) throw new Error('no window');
    expect(electron.dialog.errorBoxes).toEqual([]);
    expect(existsSync(dbFile)).toBe(true);
    expect((window.options.webPreferences as { preload: string }).preload).toBe(
      path.join(outDir, 'preload.cjs'),
    );
    expect(window.webContents.loaded).toEqual([
      { kind: 'file', target: path.join(tmp, 'renderer', 'main_window', 'index.html') },
    ]);

    const fromWindow = { sender: window.webContents, senderFrame: window.webContents.mainFrame };
    const answer = (await electron.ipcMain.invoke(
      'mediation-desk:api',
      fromWindow,
      'no.such.method',
      {},
    )) as { ok: boolean };
    // Whatever the dispatcher says about an unknown method, it says it as data.
    expect(answer.ok).toBe(false);
    expect(answer).not.toMatchObject({ error: { code: 'FORBIDDEN' } });

    electron.app.quit();
    await vi.waitFor(() => expect(electron.app.quitResults).toEqual(['prevented', 'quit']));
  });
});

describe('preload bundle', () => {
  it('is one CommonJS file that needs nothing but electron, and exposes the bridge', async () => {
    const files = await fs.readdir(outDir);
    expect(files.filter((f) => f.startsWith('preload'))).toEqual(['preload.cjs']);
    const file = path.join(outDir, 'preload.cjs');
    runCommonJs(file, await fs.readFile(file, 'utf8'), (id) => id === 'electron');
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['mediationDesk']);
  });
});
