/**
 * A fake of the parts of `electron` the shell uses, for tests without the Electron binary
 * (vitest.config.ts aliases `electron` to this file). It records what the code under test
 * did; it implements no behaviour of its own beyond what a test needs to drive the code
 * (emitting events, invoking registered handlers). Call `resetFakeElectron()` between tests.
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Handler = (...args: never[]) => unknown;

function isHandler(value: unknown): value is Handler {
  return typeof value === 'function';
}

let nextWebContentsId = 1;

// --- web contents and frames -----------------------------------------------------------------

export class FakeWebFrameMain {
  constructor(
    public url: string,
    readonly parent: FakeWebFrameMain | null = null,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame = new FakeWebFrameMain('about:blank');
  windowOpenHandler: Handler | null = null;
  readonly loaded: Array<{ readonly kind: 'url' | 'file'; readonly target: string }> = [];
  private destroyed = false;

  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }

  loadURL(url: string): Promise<void> {
    this.loaded.push({ kind: 'url', target: url });
    this.mainFrame.url = url;
    return Promise.resolve();
  }

  loadFile(file: string): Promise<void> {
    this.loaded.push({ kind: 'file', target: file });
    this.mainFrame.url = pathToFileURL(file).href;
    return Promise.resolve();
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }
}

/** An Electron-style event: `preventDefault()` sets `defaultPrevented`. */
export function fakeEvent<T extends object>(fields: T): T & FakeEvent {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

// --- windows ---------------------------------------------------------------------------------

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  visible = false;
  focused = false;
  minimized = false;
  private destroyed = false;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    BrowserWindow.instances.push(this);
  }

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((window) => !window.destroyed);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  loadFile(file: string): Promise<void> {
    return this.webContents.loadFile(file);
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    this.focused = true;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Like closing the real window: contents destroyed, then 'closed'. */
  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
  }
}

// --- main process modules --------------------------------------------------------------------

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    // Electron refuses a second handler for one channel; so does the fake.
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What Electron does when a renderer calls `ipcRenderer.invoke(channel, ...args)`. */
  async invoke(channel: string, event: object, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel) as ((...a: unknown[]) => unknown) | undefined;
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return await handler(event, ...args);
  }
}

class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>();
  singleInstanceLock = true;
  /** One entry per `quit()`: whether a listener prevented it or the app would have quit. */
  readonly quitResults: Array<'quit' | 'prevented'> = [];
  exitCode: number | null = null;
  /** What `getLocale()` answers (the system's language). */
  locale = 'zh-CN';
  private ready = true;

  getLocale(): string {
    return this.locale;
  }

  getPath(name: string): string {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`Failed to get '${name}' path`);
    return value;
  }

  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }

  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }

  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.once('ready', resolve));
  }

  isReady(): boolean {
    return this.ready;
  }

  /** Like Electron: 'before-quit', then 'will-quit' unless a listener prevented it. */
  quit(): void {
    const before = fakeEvent({});
    this.emit('before-quit', before);
    const will = fakeEvent({});
    if (!before.defaultPrevented) this.emit('will-quit', will);
    this.quitResults.push(before.defaultPrevented || will.defaultPrevented ? 'prevented' : 'quit');
  }

  exit(code = 0): void {
    this.exitCode = code;
  }

  reset(): void {
    this.removeAllListeners();
    this.paths.clear();
    this.paths.set('userData', path.join(os.tmpdir(), 'mediation-desk-fake-user-data'));
    this.singleInstanceLock = true;
    this.quitResults.length = 0;
    this.exitCode = null;
    this.locale = 'zh-CN';
    this.ready = true;
  }
}

class FakeSession {
  headersListener: Handler | null = null;
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  readonly webRequest = {
    onHeadersReceived: (filterOrListener: object | Handler | null, listener?: Handler | null) => {
      // Like Electron: (listener) or (filter, listener).
      this.headersListener = isHandler(filterOrListener) ? filterOrListener : (listener ?? null);
    },
  };

  setPermissionRequestHandler(handler: Handler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: Handler | null): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: Handler | null): void {
    this.devicePermissionHandler = handler;
  }
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const session = { defaultSession: new FakeSession() };

export const Menu = {
  applicationMenu: null as { readonly template: unknown[] } | null,
  buildFromTemplate(template: unknown[]): { readonly template: unknown[] } {
    return { template };
  },
  setApplicationMenu(menu: { readonly template: unknown[] } | null): void {
    Menu.applicationMenu = menu;
  },
};

/** Records what would have been handed to the operating system; opens nothing. */
export const shell = {
  openedExternal: [] as string[],
  openedPaths: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.openedExternal.push(url);
    return Promise.resolve();
  },
  openPath(file: string): Promise<string> {
    shell.openedPaths.push(file);
    return Promise.resolve('');
  },
};

export interface FakeMessageBoxOptions {
  readonly message: string;
  readonly detail?: string;
  readonly buttons?: readonly string[];
  readonly cancelId?: number;
  readonly defaultId?: number;
}

export const dialog = {
  errorBoxes: [] as Array<{ readonly title: string; readonly content: string }>,
  messageBoxes: [] as FakeMessageBoxOptions[],
  /** The buttons the user presses, by label, one per message box; none left: Escape. */
  messageBoxAnswers: [] as string[],
  showErrorBox(title: string, content: string): void {
    dialog.errorBoxes.push({ title, content });
  },
  showMessageBox(
    options: FakeMessageBoxOptions,
  ): Promise<{ response: number; checkboxChecked: boolean }> {
    dialog.messageBoxes.push(options);
    const label = dialog.messageBoxAnswers.shift();
    const pressed = label === undefined ? -1 : (options.buttons ?? []).indexOf(label);
    if (label !== undefined && pressed < 0) {
      return Promise.reject(
        new Error(`no button '${label}' in ${JSON.stringify(options.buttons)}`),
      );
    }
    return Promise.resolve({
      response: pressed >= 0 ? pressed : (options.cancelId ?? 0),
      checkboxChecked: false,
    });
  },
};

/**
 * The operating system's secret store. The fake "encryption" only has to make the stored bytes
 * unlike the plain text, so a test can tell a plain-text password in a file.
 */
const FAKE_CIPHER_PREFIX = 'fake-os-secret:';
export const safeStorage = {
  available: true,
  /** Linux's choice of keyring; 'basic_text' is Electron's unprotected fallback. */
  backend: 'gnome_libsecret' as string,
  isEncryptionAvailable(): boolean {
    return safeStorage.available;
  },
  getSelectedStorageBackend(): string {
    return safeStorage.backend;
  },
  encryptString(plainText: string): Buffer {
    if (!safeStorage.available) throw new Error('Encryption is not available.');
    const bytes = Buffer.from(plainText, 'utf8').map((b) => b ^ 0xa5);
    return Buffer.concat([Buffer.from(FAKE_CIPHER_PREFIX), bytes]);
  },
  decryptString(encrypted: Buffer): string {
    if (!safeStorage.available) throw new Error('Decryption is not available.');
    const prefix = encrypted.subarray(0, FAKE_CIPHER_PREFIX.length).toString();
    if (prefix !== FAKE_CIPHER_PREFIX) throw new Error('Error while decrypting the ciphertext');
    return Buffer.from(encrypted.subarray(FAKE_CIPHER_PREFIX.length).map((b) => b ^ 0xa5)).toString(
      'utf8',
    );
  },
};

// --- preload modules -------------------------------------------------------------------------

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key)) throw new Error(`Cannot bind an API on top of '${key}'`);
    contextBridge.exposed.set(key, api);
  },
};

export const ipcRenderer = {
  invocations: [] as Array<{ readonly channel: string; readonly args: unknown[] }>,
  /** What the main process answers; tests replace it. */
  respond: (_channel: string, ..._args: unknown[]): unknown => undefined,
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    ipcRenderer.invocations.push({ channel, args });
    return Promise.resolve(ipcRenderer.respond(channel, ...args));
  },
};

export function resetFakeElectron(): void {
  app.reset();
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  session.defaultSession = new FakeSession();
  BrowserWindow.instances.length = 0;
  Menu.applicationMenu = null;
  dialog.errorBoxes.length = 0;
  dialog.messageBoxes.length = 0;
  dialog.messageBoxAnswers.length = 0;
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  contextBridge.exposed.clear();
  ipcRenderer.invocations.length = 0;
  ipcRenderer.respond = () => undefined;
  shell.openedExternal.length = 0;
  shell.openedPaths.length = 0;
}

resetFakeElectron();

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  safeStorage,
  session,
  shell,
};
