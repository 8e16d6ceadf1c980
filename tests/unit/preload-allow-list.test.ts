import { beforeEach, describe, expect, it, vi } from 'vitest';
import { refuseCall } from '../../electron/preload/allow-list';
import { eventChannel, invokeChannel } from '../../electron/preload/channels';
import { type CounterBridge, methodNames } from '../../shared/contract';

describe('refuseCall (the preload allow-list)', () => {
  it('lets every method of the contract through', () => {
    for (const method of methodNames) expect(refuseCall({ method, input: {} })).toBeNull();
  });

  it('refuses a method the contract does not name', () => {
    expect(refuseCall({ method: 'db.exec', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(refuseCall({ method: 'toString', input: {} })).toMatchObject({ error: { code: 'unknown_method' } });
    expect(refuseCall({ method: '__proto__', input: {} })).toMatchObject({ error: { code: 'unknown_method' } });
    expect(refuseCall({ method: 42 })).toMatchObject({ error: { code: 'unknown_method' } });
  });

  it('answers in the language of the call', () => {
    const refusal = refuseCall({ method: 'nope', input: {}, locale: 'zh-CN' });
    expect(refusal?.ok === false && refusal.error.message).toContain('未知操作');
  });

  it('refuses anything that is not a call object', () => {
    for (const request of [undefined, null, 'app.status', ['app.status']]) {
      expect(refuseCall(request)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });
});

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as [string, unknown][],
  listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, request: unknown) => {
      electron.invoked.push([channel, request]);
      return { ok: true, value: 'sent' };
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      const set = electron.listeners.get(channel) ?? new Set();
      set.add(listener);
      electron.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      electron.listeners.get(channel)?.delete(listener),
  },
}));

describe('the preload', () => {
  let bridge: CounterBridge;
  beforeEach(async () => {
    await import('../../electron/preload/preload');
    bridge = electron.exposed.get('counterBridge') as CounterBridge;
    electron.invoked.length = 0;
  });

  it('exposes exactly invoke, onEvent and print, under counterBridge only', () => {
    expect([...electron.exposed.keys()]).toEqual(['counterBridge']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent', 'print']);
  });

  it('refuses a method outside the contract without sending it', async () => {
    const result = await bridge.invoke({ method: 'fs.readFile', input: { path: '/etc/passwd' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(electron.invoked).toEqual([]);
  });

  it('sends a contract method on the invoke channel', async () => {
    const request = { method: 'app.status', input: {} };
    expect(await bridge.invoke(request)).toEqual({ ok: true, value: 'sent' });
    expect(electron.invoked).toEqual([[invokeChannel, request]]);
  });

  it('delivers events from the event channel until unsubscribed', () => {
    const seen: unknown[] = [];
    const unsubscribe = bridge.onEvent((event) => seen.push(event));
    const deliver = (event: unknown) => {
      for (const listener of electron.listeners.get(eventChannel) ?? []) listener({}, event);
    };
    deliver({ type: 'catalog.changed' });
    unsubscribe();
    deliver({ type: 'store.changed' });
    expect(seen).toEqual([{ type: 'catalog.changed' }]);
  });
});
