import cluster, { type Worker } from 'node:cluster';
import { createServer, type Server } from 'node:http';
import { AggregatorRegistry } from 'prom-client';
import { type PlatformOptions, preparePlatform, startPlatform } from '../server/start-platform';

/** What a worker tells the primary once it listens. */
type Ready = { ready: { url: string } };
const SHUTDOWN = 'shutdown';
const FORCE_EXIT_MS = 15_000;

/**
 * `serve --workers N`: N identical platform processes on one port (Node's cluster: the primary
 * hands connections out in turn) and one PostgreSQL, which holds everything they share. The
 * primary prepares the database once, starts the workers, replaces one that dies, and on a signal
 * lets each finish what it is answering. Resolves with the address and admin token once all listen.
 */
export async function startWorkers(
  options: PlatformOptions,
  count: number,
  metricsPort: number | null,
): Promise<{ url: string; adminToken: string; stop(): Promise<void> }> {
  const { adminToken } = await preparePlatform(options);
  const metrics = metricsPort === null ? null : await serveClusterMetrics(metricsPort, options.host);
  let stopping = false;
  const fork = () => cluster.fork({ COUNTER_PLATFORM_WORKER: '1' });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`platform worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
    fork();
  });
  const workers = Array.from({ length: count }, fork);
  const urls = await Promise.all(workers.map(readyUrl));
  return {
    url: urls[0],
    adminToken,
    async stop() {
      stopping = true;
      metrics?.close();
      const running = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      await Promise.all(
        running.map(
          (worker) =>
            new Promise<void>((resolve) => {
              worker.once('exit', () => resolve());
              worker.send(SHUTDOWN);
              setTimeout(() => worker.kill('SIGKILL'), FORCE_EXIT_MS).unref();
            }),
        ),
      );
    },
  };
}

/**
 * Every worker's metrics summed, on a port of the primary's own: through the shared port a scrape
 * would reach one worker in turn and see only its share.
 */
async function serveClusterMetrics(port: number, host = '127.0.0.1'): Promise<Server> {
  const aggregator = new AggregatorRegistry();
  const server = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    aggregator.clusterMetrics().then(
      (text) => response.writeHead(200, { 'content-type': aggregator.contentType }).end(text),
      (error: Error) => response.writeHead(500).end(error.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return server;
}

function readyUrl(worker: Worker): Promise<string> {
  return new Promise((resolve, reject) => {
    worker.on('message', (message: Ready) => {
      if (message && typeof message === 'object' && 'ready' in message) resolve(message.ready.url);
    });
    worker.once('exit', (code) => reject(new Error(`a platform worker ended before it listened (${code})`)));
  });
}

/** True in a process `startWorkers` started. */
export const isPlatformWorker = (): boolean => cluster.isWorker && process.env.COUNTER_PLATFORM_WORKER === '1';

/**
 * A worker: serves until the primary says to stop, then closes gracefully (long polls answered,
 * requests in flight finished) and ends. Signals go to the primary, which relays them.
 */
export async function runWorker(options: PlatformOptions): Promise<void> {
  const platform = await startPlatform(options);
  // What the primary's metrics port sums: this process's own registry. prom-client answers the
  // primary's requests only once an AggregatorRegistry has been made in the worker too.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([platform.metrics]);
  process.send?.({ ready: { url: platform.url } } satisfies Ready);
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => undefined);
  await new Promise<void>((resolve) => process.on('message', (message) => message === SHUTDOWN && resolve()));
  setTimeout(() => process.exit(1), FORCE_EXIT_MS).unref();
  await platform.close();
  process.exit(0);
}
