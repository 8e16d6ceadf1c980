import { SCORING_CHECK_MS } from '../server/scoring-timer';
import { startPlatform } from '../server/start-platform';
import { KEK_ENV } from '../vouchers/kek-source';
import { optional, readFlags, UsageError } from './args';
import { DEFAULT_PORT } from './operator-client';
import { isPlatformWorker, runWorker, startWorkers } from './serve-workers';

const FORCE_EXIT_MS = 15_000;

/**
 * Resolves on the first SIGINT or SIGTERM. The listeners stay: a signal sent to the process group
 * (Ctrl-C, or a supervisor) reaches this process both directly and relayed by npm/tsx, and the
 * second copy must not cut the graceful close short.
 */
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
  });
}

/**
 * Runs the platform until SIGINT or SIGTERM. Prints the admin token and the address, or with
 * --json one object holding both, so a script can read them.
 */
export async function serve(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const values = readFlags(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    'kek-file': { type: 'string' },
    log: { type: 'boolean' },
    workers: { type: 'string' },
    'metrics-port': { type: 'string' },
  });
  const portText = optional(values, 'port') ?? String(DEFAULT_PORT);
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65_535)
    throw new UsageError(`--port "${portText}" is not a port`);
  const dataDir = optional(values, 'data-dir');
  const databaseUrl = optional(values, 'database-url') ?? (env.DATABASE_URL || undefined);
  if (!dataDir && !databaseUrl) {
    throw new UsageError('serve needs --data-dir <dir> for the embedded database, or --database-url / DATABASE_URL');
  }
  const workersText = optional(values, 'workers') ?? '1';
  if (!/^\d{1,2}$/.test(workersText) || Number(workersText) < 1 || Number(workersText) > 64)
    throw new UsageError(`--workers "${workersText}" is not a number of processes from 1 to 64`);
  const workers = Number(workersText);
  if (workers > 1 && !databaseUrl)
    throw new UsageError('--workers needs --database-url: processes share PostgreSQL, never an embedded database');
  // The data folder is this process's alone: what it creates there (whatever mode a library asks
  // for) is owner-only from the start; PGlite's own files are tightened after it writes them.
  if (dataDir) process.umask(0o077);
  const options = {
    dataDir,
    databaseUrl,
    kek: env[KEK_ENV] || undefined,
    kekFile: optional(values, 'kek-file'),
    port: Number(portText),
    host: optional(values, 'host'),
    logger: values.log === true,
    // Every process looks; one of them scores the members each day (docs/members.md, "Scoring").
    scoringCheckMs: SCORING_CHECK_MS,
  };
  if (isPlatformWorker()) return runWorker(options);
  const metricsText = optional(values, 'metrics-port');
  if (metricsText !== undefined && (!/^\d{1,5}$/.test(metricsText) || Number(metricsText) > 65_535))
    throw new UsageError(`--metrics-port "${metricsText}" is not a port`);
  if (metricsText !== undefined && workers === 1)
    throw new UsageError('--metrics-port is for --workers; one process serves its metrics at /metrics');
  const metricsPort = metricsText === undefined ? null : Number(metricsText);
  const platform =
    workers > 1 ? await startWorkersAsPlatform(options, workers, metricsPort) : await startPlatform(options);
  if (values.json) console.log(JSON.stringify({ url: platform.url, adminToken: platform.adminToken }));
  else {
    console.log(`admin token: ${platform.adminToken}`);
    console.log(`platform listening on ${platform.url}`);
  }
  await stopSignal();
  // A hung close must not keep the process (and its port) forever.
  setTimeout(() => process.exit(1), FORCE_EXIT_MS).unref();
  await platform.close();
  if (!values.json) console.log('platform stopped');
}

async function startWorkersAsPlatform(
  options: Parameters<typeof startWorkers>[0],
  count: number,
  metricsPort: number | null,
) {
  const started = await startWorkers(options, count, metricsPort);
  return { url: started.url, adminToken: started.adminToken, close: started.stop };
}
