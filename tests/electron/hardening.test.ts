import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Session } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppEntry } from '../../electron/app-entry';
import {
  EXTERNAL_HOSTS,
  isSafeExternalUrl,
  openExternalSafely,
} from '../../electron/external-links';
import { ALLOWED_PERMISSIONS, hardenSession } from '../../electron/session';
import { createMainWindow, lockNavigation } from '../../electron/window';
import type { Core } from '../../src/app/core';
import {
  BrowserWindow as FakeBrowserWindow,
  FakeWebContents,
  fakeEvent,
  resetFakeElectron,
  session,
  shell,
} from '../fakes/electron';

vi.mock('../../src/app/core', () => ({ openCore: vi.fn() }));

const entry: AppEntry = { kind: 'file', file: '/opt/desk/.vite/renderer/main_window/index.html' };
const APP_PAGE = 'file:///opt/desk/.vite/renderer/main_window/index.html#/settings';

/** Every permission name Electron's permission handlers can be asked about (Electron 45). */
const PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'unknown',
  'fileSystem',
  'hid',
  'serial',
  'usb',
  'deprecated-sync-clipboard-read',
];

beforeEach(() => resetFakeElectron());

describe('permissions: everything the app does not use is refused', () => {
  it('allows no permission at all', () => {
    expect([...ALLOWED_PERMISSIONS]).toEqual([]);
  });

  it('answers no to every permission request and check, and to every device', () => {
    hardenSession(session.defaultSession as unknown as Session, { dev: false });
    const fake = session.defaultSession;
    const request = fake.permissionRequestHandler as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: object,
    ) => void;
    const check = fake.permissionCheckHandler as (contents: unknown, permission: string) => boolean;
    const device = fake.devicePermissionHandler as (details: object) => boolean;
    for (const permission of PERMISSIONS) {
      let granted: boolean | undefined;
      request(null, permission, (answer) => (granted = answer), { requestingUrl: APP_PAGE });
      expect(granted, permission).toBe(false);
      expect(check(null, permission), permission).toBe(false);
    }
    for (const deviceType of ['hid', 'serial', 'usb']) {
      expect(device({ deviceType, origin: 'file://' }), deviceType).toBe(false);
    }
  });
});

describe('shell.openExternal never gets an untrusted URL', () => {
  it('trusts only https links to the listed government sites', () => {
    expect([...EXTERNAL_HOSTS].sort()).toEqual(['flk.npc.gov.cn', 'www.gov.cn']);
    for (const url of [
      'https://www.gov.cn/zhengce/content/2025-11/notice.htm',
      'https://flk.npc.gov.cn/detail2.html?abc',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(true);
    }
    for (const url of [
      'http://www.gov.cn/',
      'https://www.gov.cn.evil.example/',
      'https://evil.example/?www.gov.cn',
      'https://user:pass@www.gov.cn/',
      'https://www.gov.cn:8443/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share/run.exe',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'mailto:a@b.c',
      'not a url',
      '',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('opens a trusted link (as parsed) and nothing else', () => {
    expect(openExternalSafely(shell, 'https://www.gov.cn/a b')).toBe(true);
    expect(openExternalSafely(shell, 'file:///etc/passwd')).toBe(false);
    expect(shell.openedExternal).toEqual(['https://www.gov.cn/a%20b']);
  });

  it('the window sends trusted links to the browser, drops the rest, and opens no window', () => {
    createMainWindow({ entry, preload: '/opt/desk/.vite/build/preload.cjs' });
    const contents = FakeBrowserWindow.instances[0]?.webContents;
    const open = contents?.windowOpenHandler as (details: { url: string }) => unknown;
    expect(open({ url: 'https://www.gov.cn/notice' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///bin/sh' })).toEqual({ action: 'deny' });
    const away = fakeEvent({ url: 'https://flk.npc.gov.cn/law' });
    contents?.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const foreign = fakeEvent({ url: 'smb://server/x' });
    contents?.emit('will-navigate', foreign);
    expect(foreign.defaultPrevented).toBe(true);
    expect(shell.openedExternal).toEqual([
      'https://www.gov.cn/notice',
      'https://flk.npc.gov.cn/law',
    ]);
  });

  it('is called in one module only, so every call goes through the check', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const callers: string[] = [];
    for (const dir of ['electron', 'src', 'renderer']) {
      for (const file of readdirSync(path.join(root, dir), { recursive: true }).map(String)) {
        if (!/\.(ts|tsx)$/.test(file)) continue;
        const text = readFileSync(path.join(root, dir, file), 'utf8');
        if (/\.openExternal\(/.test(text)) callers.push(path.join(dir, file));
      }
    }
    expect(callers).toEqual([path.join('electron', 'external-links.ts')]);
  });
});

describe('every web contents is locked to the app', () => {
  it('locks a contents only once, however often it is asked', () => {
    const contents = new FakeWebContents();
    lockNavigation(contents as never, entry);
    lockNavigation(contents as never, entry);
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  describe('the app', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
      vi.unstubAllEnvs();
    });

    async function boot() {
      vi.resetModules();
      vi.stubGlobal('MAIN_WINDOW_VITE_DEV_SERVER_URL', undefined);
      vi.stubGlobal('MAIN_WINDOW_VITE_NAME', 'main_window');
      vi.stubEnv('MEDIATION_DESK_DB', '');
      vi.stubEnv('MEDIATION_DESK_USER_DATA', '');
      const fake = await import('../fakes/electron');
      const { openCore } = await import('../../src/app/core');
      const core = {
        dispatch: vi.fn(() => Promise.resolve({ ok: true as const, value: null })),
        endSession: vi.fn(),
        close: vi.fn(() => Promise.resolve()),
      };
      vi.mocked(openCore).mockResolvedValue(core as unknown as Core);
      await import('../../electron/main');
      await new Promise((resolve) => setTimeout(resolve, 0));
      return { fake, openCore: vi.mocked(openCore) };
    }

    it('holds any web contents created later (not only the main window) to its own page', async () => {
      const { fake } = await boot();
      const later = new fake.FakeWebContents();
      fake.app.emit('web-contents-created', fakeEvent({}), later);
      const open = later.windowOpenHandler as ((details: { url: string }) => unknown) | null;
      expect(open?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
      const away = fakeEvent({ url: 'https://example.com/' });
      later.emit('will-navigate', away);
      expect(away.defaultPrevented).toBe(true);
      const webview = fakeEvent({});
      later.emit('will-attach-webview', webview);
      expect(webview.defaultPrevented).toBe(true);
    });

    it('starts the core with the automatic daily backup on', async () => {
      const { openCore } = await boot();
      expect(openCore.mock.calls[0]?.[0]).toMatchObject({ autoBackup: true });
    });
  });
});
