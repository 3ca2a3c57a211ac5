import { pathToFileURL } from 'node:url';
import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../src/api/result';
import type { AppEntry } from '../../electron/app-entry';
import { API_CHANNEL } from '../../electron/channel';
import { registerApiChannel } from '../../electron/ipc';
import { createMainWindow } from '../../electron/window';
import {
  BrowserWindow as FakeBrowserWindow,
  FakeWebFrameMain,
  ipcMain,
  resetFakeElectron,
} from '../fakes/electron';

const appFile = '/opt/desk/.vite/renderer/main_window/index.html';
const fileEntry: AppEntry = { kind: 'file', file: appFile };

function fakeCore() {
  return {
    dispatch: vi.fn(
      (sessionKey: string, method: string, input: unknown): Promise<ApiResult<unknown>> =>
        Promise.resolve({ ok: true, value: { echoed: { sessionKey, method, input } } }),
    ),
  };
}

function setUp(entry: AppEntry = fileEntry) {
  const core = fakeCore();
  const window = createMainWindow({ entry, preload: '/opt/desk/.vite/build/preload.cjs' });
  const fake = FakeBrowserWindow.instances.at(-1);
  if (!fake) throw new Error('no window');
  let current: BrowserWindow | null = window;
  const remove = registerApiChannel({ core, mainWindow: () => current, entry });
  return {
    core,
    fake,
    remove,
    closeWindow: () => {
      fake.close();
      current = null;
    },
    /** The event Electron builds for an invoke from the window's top frame. */
    eventFromMainFrame: () => ({
      sender: fake.webContents,
      senderFrame: fake.webContents.mainFrame,
    }),
  };
}

function call(event: object, ...args: unknown[]): Promise<unknown> {
  return ipcMain.invoke(API_CHANNEL, event, ...args);
}

const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } };

beforeEach(() => resetFakeElectron());

describe('the API channel', () => {
  it('registers exactly one handler, on the shared channel name', () => {
    const { remove } = setUp();
    expect([...ipcMain.handlers.keys()]).toEqual(['mediation-desk:api']);
    remove();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it("forwards the app window's calls with its session key and returns the core's result", async () => {
    const { core, fake, eventFromMainFrame } = setUp();
    const input = { query: '张三' };
    const result = await call(eventFromMainFrame(), 'cases.search', input);
    expect(core.dispatch).toHaveBeenCalledExactlyOnceWith(
      `window:${fake.webContents.id}`,
      'cases.search',
      input,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        echoed: { sessionKey: `window:${fake.webContents.id}`, method: 'cases.search', input },
      },
    });
  });

  it("passes the core's error results through unchanged", async () => {
    const { core, eventFromMainFrame } = setUp();
    const stale = {
      ok: false,
      error: { code: 'STALE', message: 'changed by someone else' },
    } as const;
    core.dispatch.mockResolvedValueOnce(stale);
    expect(await call(eventFromMainFrame(), 'cases.update', {})).toEqual(stale);
  });

  it('works against the dev server origin in development', async () => {
    const { core, eventFromMainFrame } = setUp({ kind: 'dev', url: 'http://localhost:5173' });
    expect(await call(eventFromMainFrame(), 'session.current', null)).toMatchObject({ ok: true });
    expect(core.dispatch).toHaveBeenCalledOnce();
  });

  it('turns an unexpected throw from the core into an INTERNAL error', async () => {
    const { core, eventFromMainFrame } = setUp();
    core.dispatch.mockRejectedValueOnce(new Error('boom'));
    vi.spyOn(console, 'error').mockImplementationOnce(() => undefined);
    expect(await call(eventFromMainFrame(), 'cases.search', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});

describe('calls that are dropped without reaching the core', () => {
  it('from another window', async () => {
    const { core } = setUp();
    const stranger = new FakeBrowserWindow();
    await stranger.loadFile(appFile);
    const event = { sender: stranger.webContents, senderFrame: stranger.webContents.mainFrame };
    expect(await call(event, 'cases.search', {})).toEqual(forbidden);
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('from an iframe inside the app window', async () => {
    const { core, fake } = setUp();
    // Same URL as the app's page: only its place in the frame tree gives it away.
    const iframe = new FakeWebFrameMain(pathToFileURL(appFile).href, fake.webContents.mainFrame);
    const event = { sender: fake.webContents, senderFrame: iframe };
    expect(await call(event, 'cases.search', {})).toEqual(forbidden);
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('from the window after its top frame showed a foreign page', async () => {
    const { core, fake, eventFromMainFrame } = setUp();
    for (const url of ['https://evil.example/', 'file:///tmp/evil.html', 'about:blank']) {
      fake.webContents.mainFrame.url = url;
      expect(await call(eventFromMainFrame(), 'cases.search', {}), url).toEqual(forbidden);
    }
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('from a different origin than the dev server', async () => {
    const { core, fake, eventFromMainFrame } = setUp({ kind: 'dev', url: 'http://localhost:5173' });
    fake.webContents.mainFrame.url = 'http://localhost:8080/';
    expect(await call(eventFromMainFrame(), 'cases.search', {})).toEqual(forbidden);
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('when the sending frame is gone or the window is closed', async () => {
    const { core, fake, closeWindow, eventFromMainFrame } = setUp();
    expect(await call({ sender: fake.webContents, senderFrame: null }, 'a.b', {})).toEqual(
      forbidden,
    );
    const event = eventFromMainFrame();
    closeWindow();
    expect(await call(event, 'a.b', {})).toEqual(forbidden);
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('with a method that is not a string', async () => {
    const { core, eventFromMainFrame } = setUp();
    for (const method of [undefined, 42, { toString: () => 'cases.search' }, '', 'x'.repeat(201)]) {
      expect(await call(eventFromMainFrame(), method, {})).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { method: 'invalid' } },
      });
    }
    expect(core.dispatch).not.toHaveBeenCalled();
  });
});
