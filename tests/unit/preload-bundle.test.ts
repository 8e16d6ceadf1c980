import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { builtMethodNames } from '../../electron/preload/allow-list';
import { eventChannel, invokeChannel } from '../../electron/preload/channels';
import { contractMethodNames, refusalTexts } from '../../electron/preload/methods.generated';
import { preloadLimitBytes, preloadOptions, preloadProblems } from '../../scripts/electron-bundles.mjs';
import { type CounterBridge, methodNames } from '../../shared/contract';
import { errorMessage } from '../../shared/errors';

const stale = 'run `node scripts/generate-preload-methods.mjs` (or `npm run build:electron`) and commit the file';

describe('the preload’s method list (electron/preload/methods.generated.ts)', () => {
  it('names exactly the contract’s methods', () => {
    expect([...contractMethodNames], stale).toEqual(methodNames);
    expect(builtMethodNames.size).toBe(methodNames.length);
  });

  it('carries the contract’s own refusal words', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      expect(refusalTexts.unknownMethod[locale].replace('{method}', 'x.y'), stale).toBe(
        errorMessage('unknown_method', { method: 'x.y' }, locale),
      );
    }
    expect(refusalTexts.notACall, stale).toBe(errorMessage('invalid_input', { detail: 'not a call' }, 'en'));
  });
});

/** The built preload.cjs, as scripts/build-electron.mjs builds it, without writing it anywhere. */
async function builtPreload() {
  const result = await build({ ...preloadOptions('/preload-out'), write: false, sourcemap: false });
  const file = result.outputFiles.find((output) => output.path.endsWith('preload.cjs'));
  if (!file) throw new Error('esbuild wrote no preload.cjs');
  return { code: file.text, bytes: file.contents.byteLength, problems: preloadProblems(result.metafile) };
}

/**
 * Runs the bundle the way a sandboxed preload runs: CommonJS whose only module is `electron`.
 * Electron's contextBridge and ipcRenderer are not here, so a recorder stands in for them.
 */
function runPreload(code: string) {
  const exposed = new Map<string, unknown>();
  const sent: [string, unknown][] = [];
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, request: unknown) => {
        sent.push([channel, request]);
        return { ok: true, value: null };
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener),
      removeListener: () => undefined,
    },
  };
  const require = (name: string) => {
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  runInNewContext(code, { require, module: { exports: {} }, exports: {} });
  return { bridge: exposed.get('counterBridge') as CounterBridge, exposed, sent, listeners };
}

describe('the built preload', () => {
  it(`is small (under ${preloadLimitBytes} bytes) and bundles no package: no zod, no cbor-x`, async () => {
    const { code, bytes, problems } = await builtPreload();
    expect(problems).toEqual([]);
    expect(bytes).toBeLessThan(preloadLimitBytes);
    expect(code).not.toMatch(/ZodError|cbor/i);
  });

  it('passes every contract method on and refuses anything else without sending it', async () => {
    const { bridge, exposed, sent, listeners } = runPreload((await builtPreload()).code);
    expect([...exposed.keys()]).toEqual(['counterBridge']);
    for (const method of methodNames) await bridge.invoke({ method, input: {} });
    expect(sent.map(([channel, request]) => [channel, (request as { method: string }).method])).toEqual(
      methodNames.map((method) => [invokeChannel, method]),
    );
    sent.length = 0;
    const refused = await bridge.invoke({ method: 'db.exec', input: {}, locale: 'zh-CN' });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: errorMessage('unknown_method', { method: 'db.exec' }, 'zh-CN') },
    });
    expect(await bridge.invoke({ method: '__proto__', input: {} })).toMatchObject({
      error: { code: 'unknown_method' },
    });
    expect(sent).toEqual([]);
    bridge.onEvent(() => undefined);
    expect([...listeners.keys()]).toEqual([eventChannel]);
  });
});
