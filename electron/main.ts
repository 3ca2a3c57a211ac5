import path from 'node:path';
import { app, type BrowserWindow, dialog, safeStorage, session } from 'electron';
import { type Core, openCore } from '../src/app/core';
import type { AppEntry } from './app-entry';
import { DATABASE_CHOICE_FILE, databaseChoiceFile } from './database-config';
import { databaseFile, userDataDirOverride } from './environment';
import { registerApiChannel, sessionKeyFor } from './ipc';
import { installApplicationMenu } from './menu';
import { documentRuntimeOptions, electronDocumentHost } from './print';
import { hardenSession } from './session';
import { handleSquirrelEvent } from './squirrel';
import { openWithRecovery, systemLocale } from './startup';
import { createMainWindow, lockNavigation } from './window';

// The bundle is CommonJS (.vite/build/main.cjs), so __dirname is the build folder.
const entry: AppEntry =
  typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL !== ''
    ? { kind: 'dev', url: MAIN_WINDOW_VITE_DEV_SERVER_URL }
    : {
        kind: 'file',
        file: path.join(__dirname, `../renderer/${MAIN_WINDOW_VITE_NAME}/index.html`),
      };
const dev = entry.kind === 'dev';

let mainWindow: BrowserWindow | null = null;

const userData = userDataDirOverride();
if (userData) app.setPath('userData', userData);

if (handleSquirrelEvent(() => app.quit())) {
  // Installer event: Squirrel waits for this process to exit.
} else if (!app.requestSingleInstanceLock()) {
  // Two processes writing one SQLite file is exactly what the single writer rule forbids.
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    dialog.showErrorBox('调解台无法启动', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession, { dev });
  // Every web contents the app ever gets (not only the main window's) is held to its own page.
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents, entry));
  installApplicationMenu({ dev, platform: process.platform });
  const userDataDir = app.getPath('userData');
  // The embedded file or the center's server (Settings → Database), kept between runs.
  const choices = databaseChoiceFile({
    file: path.join(userDataDir, DATABASE_CHOICE_FILE),
    secrets: safeStorage,
  });
  const core = await openWithRecovery({
    choices,
    locale: systemLocale(app.getLocale()),
    ask: async (prompt) => {
      const { type, title, message, detail, defaultId, cancelId } = prompt;
      const buttons = [...prompt.buttons];
      const options = { type, title, message, detail, buttons, defaultId, cancelId, noLink: true };
      const answer = await dialog.showMessageBox(options);
      return answer.response;
    },
    open: () =>
      openCore({
        dbFile: databaseFile(userDataDir),
        choices,
        // The daily backup, and the copy before migrations, beside the database (DESIGN §8).
        autoBackup: true,
        documents: documentRuntimeOptions({
          buildDir: __dirname,
          packaged: app.isPackaged,
          resourcesPath: process.resourcesPath,
          host: electronDocumentHost(() => mainWindow),
        }),
      }),
  });
  if (core === null) {
    // The user chose to quit rather than work without the server; nothing was opened.
    app.quit();
    return;
  }
  closeCoreOnQuit(core);
  registerApiChannel({ core, mainWindow: () => mainWindow, entry });
  openMainWindow(core);
  app.on('activate', () => {
    if (!mainWindow) openMainWindow(core);
  });
}

function openMainWindow(core: Core): void {
  const window = createMainWindow({ entry, preload: path.join(__dirname, 'preload.cjs') });
  const key = sessionKeyFor(window.webContents);
  window.webContents.once('destroyed', () => core.endSession(key));
  window.once('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
}

function showMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** Quitting waits for the core to finish its writes and close the database. */
function closeCoreOnQuit(core: Core): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void core
      .close()
      .catch((error: unknown) => console.error('[mediation-desk] closing the core failed', error))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
