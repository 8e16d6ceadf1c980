import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CounterCore } from '../core/counter-core';
import {
  type AdminRequest,
  issueSampleVouchers,
  pairWithDemoPlatform,
  pickDemoOrderSkus,
  readDemoCatalog,
  readDemoStore,
} from '../core/demo/demo-link';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const childScript = fileURLToPath(new URL('./demo-platform-child.ts', import.meta.url));

export type DemoPlatformOptions = {
  dataDir: string;
  /** How often the pretend customers order online; the first order comes soon after pairing. */
  orderEveryMs?: number;
  firstOrderAfterMs?: number;
  /**
   * The till's first screen comes first: the platform (an embedded PostgreSQL that takes a core
   * for a few seconds) starts this long after the till is up or the demo store is made.
   */
  startAfterMs?: number;
  /**
   * The platform's nice value: 15 on a till, where the cashier's screen comes first. A test whose
   * subject is not the priority runs it at 0, or two busy cores could starve it for minutes.
   */
  niceness?: number;
  log?: (line: string) => void;
  /** How the platform's process starts: through tsx under Node; the Electron app forks the built bundle. */
  start?: StartPlatform;
};

/** What the demo needs of the platform's process: a Node child here, a utility process in Electron. */
export type PlatformProcess = {
  readonly exitCode: number | null;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  kill(signal?: NodeJS.Signals): boolean;
  once(event: 'exit', listener: (code: number | null) => void): unknown;
};

/** Starts demo-platform-child (as TypeScript or built) on `platformDir`, at that nice value. */
export type StartPlatform = (platformDir: string, niceness: number) => PlatformProcess;

export type Link = { url: string; adminToken: string };
/** `samples`: the demo store's sample vouchers were issued (once per demo store). */
type DemoState = { storeId: string; samples?: boolean };

const DEMO_COMMISSION_BP = 1_800;
const DEMO_PICKUP_COMMISSION_BP = 800;

/**
 * The demo's whole loop on first launch: the reference platform runs beside the till on PGlite,
 * the demo store is created there with the till's catalog, the till pairs with it, and pretend
 * customers place online orders every few minutes. Starts when the store on this till is the
 * demo store (at launch, or when "Try the demo store" creates it); stops with the app.
 */
export function runDemoPlatform(core: CounterCore, options: DemoPlatformOptions): { stop(): Promise<void> } {
  const log = options.log ?? ((line) => console.log(line));
  const platformDir = join(options.dataDir, 'demo-platform');
  let child: PlatformProcess | null = null;
  let timer: NodeJS.Timeout | null = null;
  let delay: NodeJS.Timeout | null = null;
  let starting = false;
  let stopped = false;

  const maybeStart = () => {
    if (stopped || starting || (child && child.exitCode === null) || !readDemoStore(core)) return;
    starting = true;
    delay = setTimeout(() => {
      start()
        .catch((error: unknown) => {
          if (!stopped) log(`The demo platform did not start: ${(error as Error).message}`);
        })
        .finally(() => {
          starting = false;
        });
    }, options.startAfterMs ?? 3_000);
  };

  // The child is known from the moment it is spawned, not only once it is ready: stopped while it
  // starts, it must still be stopped, or it outlives the host and writes on into the data folder.
  const startChild: StartPlatform = (dir, niceness) => {
    child = (options.start ?? startPlatformWithTsx)(dir, niceness);
    return child;
  };

  async function start(): Promise<void> {
    mkdirSync(platformDir, { recursive: true, mode: 0o700 });
    const { link } = await spawnPlatform(platformDir, options.niceness ?? 15, log, startChild);
    if (stopped) return;
    const state = await ensureDemoStore(core, platformDir, link);
    await pairWithDemoPlatform(core, link.url, async () => {
      const path = `/v1/admin/stores/${state.storeId}/pairing-codes`;
      return (await admin<{ code: string }>(link, 'POST', path)).code;
    });
    log(`Demo platform running at ${link.url} (admin token in ${platformDir})`);
    await ensureSampleVouchers(core, platformDir, link, state).catch((error: unknown) =>
      log(`The demo vouchers were not issued: ${(error as Error).message}`),
    );
    const placeOrder = () => void placeDemoOrder(core, link, state.storeId).catch(() => undefined);
    timer = setTimeout(function next() {
      placeOrder();
      timer = setTimeout(next, options.orderEveryMs ?? 3 * 60_000);
    }, options.firstOrderAfterMs ?? 20_000);
  }

  const unsubscribe = core.subscribe((event) => {
    if (event.type === 'store.changed') maybeStart();
  });
  maybeStart();

  return {
    async stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      if (delay) clearTimeout(delay);
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      const forced = setTimeout(() => running.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(forced);
    },
  };
}

/** Under Node (the browser host, tests, benches): the TypeScript child through tsx. */
export const startPlatformWithTsx: StartPlatform = (platformDir, niceness) => {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, platformDir], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (child.pid && niceness !== 0) {
    try {
      setPriority(child.pid, niceness);
    } catch {
      // Not permitted here: the platform runs at normal priority.
    }
  }
  return child;
};

/** The platform in a process of its own; resolves once it prints where it listens. */
export function spawnPlatform(
  platformDir: string,
  niceness = 0,
  log: (line: string) => void = () => {},
  start: StartPlatform = startPlatformWithTsx,
): Promise<{ process: PlatformProcess; link: Link }> {
  const child = start(platformDir, niceness);
  return new Promise((resolve, reject) => {
    let output = '';
    // At low priority on a busy till it gets only the CPU left over, so a slow start is waited
    // out (said once in the log); only a child silent for ten minutes is taken as hung.
    const slow = setTimeout(() => log('The demo platform is still starting (the till is busy).'), 60_000);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no answer within 10 minutes: ${output}`));
    }, 600_000);
    slow.unref();
    timer.unref();
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((text) => text.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      clearTimeout(slow);
      resolve({ process: child, link: JSON.parse(line) as Link });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearTimeout(slow);
      reject(new Error(`exited with ${code}: ${output}`));
    });
  });
}

async function admin<T>(link: Link, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${link.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${link.adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json()) as T & { error?: { code: string; message: string } };
  if (!response.ok) throw new Error(`${path}: ${json.error?.code ?? response.status} ${json.error?.message ?? ''}`);
  return json;
}

/** Once per demo folder: the store on the platform, holding the catalog the till already has. */
async function ensureDemoStore(core: CounterCore, platformDir: string, link: Link): Promise<DemoState> {
  const stateFile = join(platformDir, 'demo-store.json');
  if (existsSync(stateFile)) return JSON.parse(readFileSync(stateFile, 'utf8')) as DemoState;
  const store = readDemoStore(core);
  const created = await admin<{ storeId: string }>(link, 'POST', '/v1/admin/stores', {
    name: store?.name ?? 'Demo',
    currency: store?.currency,
    timeZone: store?.timeZone,
  });
  const items = readDemoCatalog(core);
  for (let i = 0; i < items.length; i += 1_000) {
    await admin(link, 'PUT', '/v1/admin/catalog/products', { items: items.slice(i, i + 1_000) });
  }
  // What a delivery platform typically charges a convenience store, so the Settlement view shows it.
  await admin(link, 'PUT', `/v1/admin/stores/${created.storeId}/commission`, { commissionBp: DEMO_COMMISSION_BP });
  const state = { storeId: created.storeId };
  writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });
  return state;
}

/**
 * Once per demo store: one campaign of each type with a voucher each, kept on the till for the
 * Sample vouchers page. A start that failed half-way tries again on the next launch.
 */
async function ensureSampleVouchers(core: CounterCore, platformDir: string, link: Link, state: DemoState) {
  if (state.samples) return;
  const request: AdminRequest = (method, path, body) => admin(link, method, path, body);
  await issueSampleVouchers(core, request, state.storeId);
  state.samples = true;
  writeFileSync(join(platformDir, 'demo-store.json'), JSON.stringify(state), { mode: 0o600 });
}

/** One to three things a customer might order, skipping what the till marked sold out. */
async function placeDemoOrder(core: CounterCore, link: Link, storeId: string): Promise<void> {
  const skus = pickDemoOrderSkus(core);
  if (skus.length === 0) return;
  const items = skus.slice(0, 1 + Math.floor(Math.random() * skus.length)).map((sku) => ({ sku, quantity: 1 }));
  const channel = Math.random() < 0.5 ? 'online_pickup' : 'online_delivery';
  const names = ['王女士', '李先生', 'Chen', '赵同学', 'Alex'];
  const customerName = names[Math.floor(Math.random() * names.length)];
  // Delivery pays the store's rate and a delivery fee; pickup, with no rider, a lower rate.
  const terms = channel === 'online_delivery' ? { deliveryFee: 500 } : { commissionBp: DEMO_PICKUP_COMMISSION_BP };
  await admin(link, 'POST', '/v1/online-orders', { storeId, channel, items, customerName, note: '', ...terms });
}
