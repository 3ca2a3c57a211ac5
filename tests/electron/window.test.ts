import { beforeEach, describe, expect, it } from 'vitest';
import type { AppEntry } from '../../electron/app-entry';
import { createMainWindow } from '../../electron/window';
import {
  BrowserWindow as FakeBrowserWindow,
  type FakeWebContents,
  fakeEvent,
  resetFakeElectron,
} from '../fakes/electron';

const fileEntry: AppEntry = {
  kind: 'file',
  file: '/opt/desk/.vite/renderer/main_window/index.html',
};
const devEntry: AppEntry = { kind: 'dev', url: 'http://localhost:5173' };
const preload = '/opt/desk/.vite/build/preload.cjs';

function open(entry: AppEntry): { window: FakeBrowserWindow; contents: FakeWebContents } {
  createMainWindow({ entry, preload });
  const window = FakeBrowserWindow.instances.at(-1);
  if (!window) throw new Error('no window was created');
  return { window, contents: window.webContents };
}

function navigate(contents: FakeWebContents, eventName: string, url: string): boolean {
  const event = fakeEvent({ url });
  contents.emit(eventName, event);
  return event.defaultPrevented;
}

beforeEach(() => resetFakeElectron());

describe('main window security settings', () => {
  it('isolates and sandboxes the renderer and loads the bundled preload', () => {
    const { window } = open(fileEntry);
    expect(window.options.webPreferences).toMatchObject({
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('loads the built index.html, or the dev server in development', () => {
    expect(open(fileEntry).contents.loaded).toEqual([{ kind: 'file', target: fileEntry.file }]);
    expect(open(devEntry).contents.loaded).toEqual([{ kind: 'url', target: devEntry.url }]);
  });

  it('stays hidden until the page is ready to show', () => {
    const { window } = open(fileEntry);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });
});

describe('navigation and new windows', () => {
  it('denies every window.open', () => {
    const { contents } = open(fileEntry);
    const handler = contents.windowOpenHandler as ((details: { url: string }) => unknown) | null;
    expect(handler).not.toBeNull();
    expect(handler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'file:///opt/desk/.vite/renderer/main_window/index.html' })).toEqual({
      action: 'deny',
    });
  });

  it('cancels navigation away from the built page, keeps in-page routing', () => {
    const { contents } = open(fileEntry);
    expect(navigate(contents, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///opt/desk/.vite/renderer/other.html')).toBe(
      true,
    );
    expect(navigate(contents, 'will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'not a url')).toBe(true);
    expect(
      navigate(
        contents,
        'will-navigate',
        'file:///opt/desk/.vite/renderer/main_window/index.html#/cases/42',
      ),
    ).toBe(false);
  });

  it('in development allows the dev server origin only', () => {
    const { contents } = open(devEntry);
    expect(navigate(contents, 'will-navigate', 'http://localhost:5173/cases?x=1')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'http://localhost:5174/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'https://localhost:5173/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'http://127.0.0.1:5173/')).toBe(true);
  });

  it('cancels redirects to foreign pages and refuses <webview>', () => {
    const { contents } = open(devEntry);
    expect(navigate(contents, 'will-redirect', 'https://example.com/')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'http://localhost:5173/index.html')).toBe(false);
    const attach = fakeEvent({});
    contents.emit('will-attach-webview', attach);
    expect(attach.defaultPrevented).toBe(true);
  });
});
