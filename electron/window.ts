import { BrowserWindow, shell, type WebContents, type WebPreferences } from 'electron';
import { type AppEntry, isAppUrl } from './app-entry';
import { openExternalSafely } from './external-links';

export interface MainWindowOptions {
  readonly entry: AppEntry;
  /** Absolute path of the bundled preload (`.vite/build/preload.cjs`). */
  readonly preload: string;
}

/** Electron's security checklist, spelled out even where it matches the default. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
  };
}

export function createMainWindow({ entry, preload }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    webPreferences: secureWebPreferences(preload),
  });
  lockNavigation(window.webContents, entry);
  window.once('ready-to-show', () => window.show());
  loadEntry(window, entry).catch((error: unknown) => {
    console.error('[mediation-desk] the window failed to load its page', error);
  });
  return window;
}

const locked = new WeakSet<WebContents>();

/**
 * The window shows this app and nothing else: navigation away from the app's own page is
 * cancelled, new windows are denied, and <webview> cannot be attached. A link to one of the few
 * trusted sites (external-links.ts) opens in the system browser instead; any other is dropped.
 * Applied once per web contents, however many times it is called.
 */
export function lockNavigation(contents: WebContents, entry: AppEntry): void {
  if (locked.has(contents)) return;
  locked.add(contents);
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, entry)) return;
    event.preventDefault();
    openExternalSafely(shell, event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, entry)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(shell, url);
    return { action: 'deny' };
  });
}

function loadEntry(window: BrowserWindow, entry: AppEntry): Promise<void> {
  return entry.kind === 'dev' ? window.loadURL(entry.url) : window.loadFile(entry.file);
}
