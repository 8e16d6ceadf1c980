import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';
import { type CounterCore, openCounterCore } from '../../electron/core/counter-core';
import { createHostServer } from '../../electron/host/host-server';
import type { CallRequest, Envelope } from '../../shared/contract';
import { tempDir } from './temp-dir';

export type Caller = (request: CallRequest) => Promise<Envelope<unknown>>;
export type Transport = 'in-process' | 'http';
export type Harness = { core: CounterCore; call: Caller; dataDir: string };

/** A real core on a real SQLite file, reached either directly or through the browser host. */
export async function openHarness(transport: Transport, options: { clock?: () => number } = {}): Promise<Harness> {
  const dataDir = tempDir();
  const core = openCounterCore({ dataDir, clock: options.clock });
  afterAll(() => core.close());
  if (transport === 'in-process') return { core, dataDir, call: (request) => core.call(request) };

  const token = 'test-token-0123456789';
  const server = createHostServer({ core, token, staticDir: dataDir });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  const { port } = server.address() as AddressInfo;
  const call: Caller = async ({ method, ...body }) => {
    const response = await fetch(`http://127.0.0.1:${port}/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-counter-token': token },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Envelope<unknown>;
  };
  return { core, dataDir, call };
}

export function expectOk<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}
