import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron, type ElectronApplication } from '@playwright/test';
import { DATABASE_FILE_ENV, USER_DATA_DIR_ENV } from '../../../electron/environment';

/**
 * Playwright `_electron` support for end-to-end tests of the real shell. Nothing is built here:
 * run `npm run build:electron` first (main, preload and renderer into .vite/).
 */

const projectDir = path.resolve(import.meta.dirname, '../../..');
export const MAIN_BUNDLE = path.join(projectDir, '.vite', 'build', 'main.cjs');

export type ElectronBinary =
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

/**
 * Where `require('electron')` would point, without calling it: the electron package's index.js
 * *downloads* the binary when it is missing, which must not happen in a test run. This repeats
 * its lookup (`path.txt`, ELECTRON_OVERRIDE_DIST_PATH) and only checks the file exists.
 */
export function electronBinaryAvailable(): ElectronBinary {
  let packageDir: string;
  try {
    const require = createRequire(path.join(projectDir, 'package.json'));
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !relative) {
    return {
      ok: false,
      reason: `the Electron binary was never downloaded (${pathFile} is missing)`,
    };
  }
  const binary = override
    ? path.join(override, relative || 'electron')
    : path.join(packageDir, 'dist', relative);
  return existsSync(binary)
    ? { ok: true, path: binary }
    : { ok: false, reason: `the Electron binary ${binary} does not exist` };
}

export interface LaunchedDesk {
  readonly app: ElectronApplication;
  /** The folder used as userData (next to the database), removed by `close()`. */
  readonly userDataDir: string;
  close(): Promise<void>;
}

/**
 * Starts the built app on `dbFile`. The app is launched from the project folder, so Electron
 * runs package.json's `main` (.vite/build/main.cjs) with the app's own name, exactly as
 * `electron-forge start` does minus the dev server. Its user-data folder is a fresh one beside
 * the database, so the single-instance lock and Chromium's profile never touch an installed
 * copy of the app or another test.
 */
export async function launchElectron(dbFile: string): Promise<LaunchedDesk> {
  const binary = electronBinaryAvailable();
  if (!binary.ok) throw new Error(`Cannot launch Electron: ${binary.reason}`);
  if (!existsSync(MAIN_BUNDLE)) {
    throw new Error(`${MAIN_BUNDLE} is missing; run \`npm run build:electron\` first.`);
  }
  const database = path.resolve(dbFile);
  const userDataDir = await fs.mkdtemp(`${database}.user-data-`);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    // ELECTRON_RUN_AS_NODE would start Node instead of the app.
    if (value !== undefined && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
  }
  env[DATABASE_FILE_ENV] = database;
  env[USER_DATA_DIR_ENV] = userDataDir;
  // No executablePath: Playwright then resolves `require('electron')` itself, which the check
  // above showed points at an existing binary (so it will not try to download one), and it
  // preloads its loader, which holds the app's 'ready' back until Playwright is attached.
  const app = await _electron.launch({
    args: [projectDir],
    cwd: projectDir,
    env,
  });
  return {
    app,
    userDataDir,
    close: async () => {
      await app.close();
      await fs.rm(userDataDir, { recursive: true, force: true });
    },
  };
}
