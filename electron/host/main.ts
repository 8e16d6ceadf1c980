import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseTooNewError, DeviceSecretError, fillDemoStoreIfEmpty, openCounterCore } from '../core/counter-core';
import { lockDataFolder } from './data-folder-lock';
import { runDemoPlatform } from './demo-platform';
import { parseHostArgs } from './host-args';
import { createHostServer } from './host-server';

/** The report worker as TypeScript, through tsx like the host itself. */
const reportWorkerUnderNode = { url: new URL('../core/reports/report-worker-tsx.mjs', import.meta.url) };

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function main(): void {
  let args: ReturnType<typeof parseHostArgs>;
  try {
    args = parseHostArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  // This process owns the data folder: whatever it (or the demo platform it starts) creates there
  // is the owner's alone, even a file that names no mode of its own.
  process.umask(0o077);
  const dataDir = resolve(args.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock = lockDataFolder(dataDir);
  if ('heldBy' in lock) {
    console.error(`This data folder is already open in Counter (process ${lock.heldBy}): ${dataDir}`);
    process.exit(4);
  }
  process.on('exit', () => lock.release());
  let core: ReturnType<typeof openCounterCore>;
  try {
    core = openCounterCore({ dataDir, sync: {}, reportWorker: reportWorkerUnderNode });
  } catch (error) {
    // Both need a person to act (upgrade Counter, restore a backup); a stack trace helps nobody.
    if (error instanceof DatabaseTooNewError || error instanceof DeviceSecretError) {
      console.error(error.message);
      process.exit(3);
    }
    throw error;
  }
  if (args.demo) {
    // Chinese unless the machine asks for English: `LANG=C` on a server is no request for English.
    const problem = fillDemoStoreIfEmpty(core, /^en/i.test(process.env.LANG ?? '') ? 'en' : 'zh-CN');
    if (problem) console.error(`Could not create the demo store: ${problem}`);
  }

  // The demo's platform starts whenever this till holds the demo store, also once "Try the demo store"
  // made it. It is set up once the server listens: reading the store to decide costs the first
  // time-zone and currency formatting (ICU data), which the address line need not wait for.
  let demoPlatform: ReturnType<typeof runDemoPlatform> | null = null;
  const startDemoPlatform = () => {
    if (process.env.COUNTER_DEMO_PLATFORM === '0' || !server.listening) return;
    demoPlatform = runDemoPlatform(core, {
      dataDir,
      firstOrderAfterMs: numberFromEnv('COUNTER_DEMO_FIRST_ORDER_MS'),
      orderEveryMs: numberFromEnv('COUNTER_DEMO_ORDER_EVERY_MS'),
      niceness: numberFromEnv('COUNTER_DEMO_PLATFORM_NICE'),
    });
  };

  const token = randomBytes(18).toString('base64url');
  const staticDir = resolve(args.staticDir ?? `${repoRoot}dist/renderer`);
  const server = createHostServer({ core, token, staticDir });
  server.listen(args.port, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : args.port;
    console.log(`Counter is ready at http://127.0.0.1:${port}/?token=${token}`);
    setImmediate(startDemoPlatform);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE' ? `Port ${args.port} is in use; pass another with --port.` : error.message,
    );
    void Promise.all([demoPlatform?.stop(), core.close()]).finally(() => process.exit(1));
  });

  const stop = () => {
    server.close();
    server.closeAllConnections();
    void Promise.all([demoPlatform?.stop(), core.close()]).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Tests and shop-floor demos shorten the pretend customers' pace. */
function numberFromEnv(name: string): number | undefined {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

main();
