import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCounterCore } from '../../electron/core/counter-core';
import { isAppUrl } from '../../electron/main/app-origin';
import { type InvokeEventLike, type IpcLike, registerCounterIpc } from '../../electron/main/ipc-registration';
import { eventChannel, invokeChannel, printChannel } from '../../electron/preload/channels';
import type { AppEvent, CallRequest, Envelope } from '../../shared/contract';

type Handler = (event: InvokeEventLike, ...args: unknown[]) => unknown;

/** ipcMain as a Map of handlers: enough to call the registered channel the way Electron would. */
function fakeIpc() {
  const handlers = new Map<string, Handler>();
  const ipc: IpcLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  const invoke = async (frameUrl: string | null, request: unknown) => {
    const handler = handlers.get(invokeChannel);
    if (!handler) throw new Error('no handler');
    const event = { senderFrame: frameUrl === null ? null : { url: frameUrl } };
    return (await handler(event, request)) as Envelope<unknown>;
  };
  return { ipc, handlers, invoke };
}

const dataDir = mkdtempSync(join(tmpdir(), 'counter-'));
const core = openCounterCore({ dataDir });
afterAll(() => {
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The real core, with a record of what reached it and of who still listens to it. */
const reached: CallRequest[] = [];
let listening = 0;
const spiedCore = {
  call: (request: CallRequest) => {
    reached.push(request);
    return core.call(request);
  },
  subscribe: (listener: (event: AppEvent) => void) => {
    const unsubscribe = core.subscribe(listener);
    listening += 1;
    return () => {
      listening -= 1;
      unsubscribe();
    };
  },
};

const appPage = 'app://counter/';

describe('registerCounterIpc', () => {
  it('refuses a sender whose frame is not the app, without reaching the core', async () => {
    const { ipc, invoke } = fakeIpc();
    registerCounterIpc(ipc, spiedCore, isAppUrl);
    reached.length = 0;
    for (const frameUrl of ['https://evil.example/', 'file:///etc/passwd', 'app://counterfeit/', '', null]) {
      const result = await invoke(frameUrl, { method: 'app.status', input: {} });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(reached).toEqual([]);
  });

  it('refuses methods the contract does not name, and requests that are not objects', async () => {
    const { ipc, invoke } = fakeIpc();
    registerCounterIpc(ipc, spiedCore, isAppUrl);
    reached.length = 0;
    expect(await invoke(appPage, { method: 'db.exec', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await invoke(appPage, { method: 'constructor', input: {} })).toMatchObject({
      error: { code: 'unknown_method' },
    });
    expect(await invoke(appPage, { input: {} })).toMatchObject({ error: { code: 'unknown_method' } });
    for (const request of ['app.status', null, 42, ['app.status']]) {
      expect(await invoke(appPage, request)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(reached).toEqual([]);
  });

  it('passes a real call through to the core and returns its envelope', async () => {
    const { ipc, invoke } = fakeIpc();
    registerCounterIpc(ipc, spiedCore, isAppUrl);
    const result = await invoke(`${appPage}checkout?x=1`, { method: 'app.status', input: {}, locale: 'en' });
    expect(result).toMatchObject({ ok: true, value: { setUp: false } });
  });

  it('hands the core only the fields of a call', async () => {
    const { ipc, invoke } = fakeIpc();
    registerCounterIpc(ipc, spiedCore, isAppUrl);
    reached.length = 0;
    await invoke(appPage, { method: 'app.status', input: {}, sessionToken: 7, extra: 'x' });
    expect(reached).toEqual([{ method: 'app.status', input: {}, sessionToken: null, approval: null, locale: null }]);
  });

  it('forwards core events on the event channel and unregisters cleanly', async () => {
    const { ipc, handlers, invoke } = fakeIpc();
    const listeningBefore = listening;
    const sent: [string, AppEvent][] = [];
    const unregister = registerCounterIpc(ipc, spiedCore, isAppUrl, (channel, event) => sent.push([channel, event]));
    const created = await invoke(appPage, {
      method: 'store.create',
      input: { name: 'Corner Shop', timeZone: 'Asia/Shanghai', owner: { name: 'Lin', pin: '135790' } },
    });
    expect(created).toMatchObject({ ok: true });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every(([channel]) => channel === eventChannel)).toBe(true);

    unregister();
    expect(handlers.has(invokeChannel)).toBe(false);
    expect(handlers.has(printChannel)).toBe(false);
    expect(listening).toBe(listeningBefore);
  });

  it('prints receipts only for the app page, and only what looks like a receipt', async () => {
    const { ipc, handlers } = fakeIpc();
    const printed: [string, string][] = [];
    registerCounterIpc(
      ipc,
      spiedCore,
      isAppUrl,
      () => {},
      async (html, width) => {
        printed.push([html, width]);
        return { ok: true };
      },
    );
    const print = handlers.get(printChannel);
    if (!print) throw new Error('no print handler');
    const from = (url: string) => ({ senderFrame: { url } });
    expect(await print(from(appPage), '<div class="receipt">A-0001</div>', '58')).toEqual({ ok: true });
    expect(await print(from('https://evil.example/'), '<p>x</p>', '80')).toMatchObject({ ok: false });
    expect(await print(from(appPage), '<p>x</p>', '110')).toMatchObject({ ok: false });
    expect(await print(from(appPage), 42, '80')).toMatchObject({ ok: false });
    expect(await print(from(appPage), 'x'.repeat(2_000_000), '80')).toMatchObject({ ok: false });
    expect(printed).toEqual([['<div class="receipt">A-0001</div>', '58']]);
  });
});
