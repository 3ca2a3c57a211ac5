import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_CHANNEL } from '../../electron/channel';
import type * as FakeElectron from '../fakes/electron';

type Fake = typeof FakeElectron;
let fake: Fake;

// The preload runs once per page, at import: each test imports it afresh, together with a
// fresh fake electron module (resetModules drops both from the module cache).
beforeEach(async () => {
  vi.resetModules();
  fake = await import('../fakes/electron');
  await import('../../electron/preload');
});

function exposedBridge(): Record<string, unknown> {
  expect([...fake.contextBridge.exposed.keys()]).toEqual(['mediationDesk']);
  return fake.contextBridge.exposed.get('mediationDesk') as Record<string, unknown>;
}

describe('preload', () => {
  it('exposes one object, window.mediationDesk, with exactly one function: call', () => {
    const bridge = exposedBridge();
    expect(Object.keys(bridge)).toEqual(['call']);
    expect(typeof bridge.call).toBe('function');
  });

  it('never exposes ipcRenderer or any of its methods', () => {
    const { ipcRenderer } = fake;
    const bridge = exposedBridge();
    expect(bridge).not.toBe(ipcRenderer);
    expect(Object.values(bridge)).not.toContain(ipcRenderer);
    expect(Object.values(bridge)).not.toContain(ipcRenderer.invoke);
    for (const name of ['invoke', 'send', 'sendSync', 'on', 'once', 'ipcRenderer']) {
      expect(bridge, name).not.toHaveProperty(name);
    }
  });

  it('call(method, input) invokes the API channel and resolves to the main process answer', async () => {
    const { ipcRenderer } = fake;
    const answer = { ok: true, value: [{ id: 1 }] };
    ipcRenderer.respond = (channel) => (channel === API_CHANNEL ? answer : undefined);
    const bridge = exposedBridge() as {
      call: (method: string, input: unknown) => Promise<unknown>;
    };
    const input = { query: '李四' };
    await expect(bridge.call('cases.search', input)).resolves.toBe(answer);
    expect(ipcRenderer.invocations).toEqual([
      { channel: 'mediation-desk:api', args: ['cases.search', input] },
    ]);
  });
});
