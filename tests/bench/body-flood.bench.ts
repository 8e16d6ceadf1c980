import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type BenchResult, percentile, record } from './bench-report';

const floodScript = fileURLToPath(new URL('./support/body-flood.ts', import.meta.url));
const platformScript = fileURLToPath(new URL('./support/flood-platform.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const CLIENTS = 4;
const MEGABYTES = 30;
const MB = 1024 * 1024;

type Child = ChildProcessByStdio<Writable, Readable, null>;

/** A child process's stdout, line by line, as the benchmark asks for them. */
function linesOf(child: Child) {
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return async (what: string): Promise<string> => {
    const next = await lines.next();
    if (next.done) throw new Error(`${what}: the process ended`);
    return next.value;
  };
}

function spawnTs(script: string, args: string[], nodeFlags: string[] = []): Child {
  return spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
}

/** The platform in its own process; `collectedMb()` is its RSS right after a full garbage collection. */
async function startPlatform(dataDir: string) {
  const child = spawnTs(platformScript, [dataDir], ['--expose-gc']);
  const line = linesOf(child);
  const { url } = JSON.parse(await line('platform start')) as { url: string };
  return {
    url,
    pid: child.pid as number,
    async collectedMb(): Promise<number> {
      child.stdin.write('gc\n');
      return Number((await line('gc')).replace('rss ', '')) / MB;
    },
    async stop(): Promise<void> {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      await exited;
    },
  };
}

/** Starts the flood and resolves once it runs; `stop()` ends it and yields its report. */
async function startFlood(url: string) {
  const child = spawnTs(floodScript, [url, String(CLIENTS), String(MEGABYTES)]);
  const line = linesOf(child);
  if ((await line('flood start')) !== 'flooding') throw new Error('the flood did not start');
  return {
    async stop() {
      child.stdin.end();
      return JSON.parse(await line('flood report')) as {
        requests: number;
        statuses: Record<string, number>;
        medianSentBytes: number;
      };
    },
  };
}

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

function health(url: string, agent: Agent): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    get(`${url}/v1/health`, { agent }, (response) => {
      response.resume();
      response.on('end', () =>
        response.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error('health not ok')),
      );
    }).on('error', reject);
  });
}

/** `/v1/health` one call at a time, every 10 ms for `ms`; the platform's RSS at its highest meanwhile. */
async function probe(url: string, agent: Agent, pid: number, ms: number) {
  const samples: number[] = [];
  let peakMb = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    samples.push(await health(url, agent));
    peakMb = Math.max(peakMb, rssMb(pid));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { samples, peakMb };
}

/**
 * Issue 13's finding as a benchmark: while four clients POST 30 MB unsigned bodies to the sync push
 * without pause for `seconds`, how long `/v1/health` takes on the platform (its own process,
 * PGlite), and whether the platform's memory comes back to where it was. Linux only (reads /proc).
 */
export async function benchBodyFlood(seconds: number): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'counter-bench-flood-'));
  const platform = await startPlatform(dataDir);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await probe(platform.url, agent, platform.pid, 1_000);
    const quiet = await probe(platform.url, agent, platform.pid, 2_000);
    const beforeMb = await platform.collectedMb();
    const flood = await startFlood(platform.url);
    const during = await probe(platform.url, agent, platform.pid, seconds * 1_000);
    const report = await flood.stop();
    // As the process is left: V8 hands memory back in its own time, not when the flood ends.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const leftMb = rssMb(platform.pid);
    const collectedMb = await platform.collectedMb();
    const p99 = percentile(during.samples, 99);
    const peakMb = during.peakMb - beforeMb;
    const leftOverMb = leftMb - beforeMb;
    return [
      record({
        name: 'platform-health-under-body-flood',
        metric: `/v1/health p99 while ${CLIENTS} clients send ${MEGABYTES} MB unsigned pushes`,
        value: p99,
        unit: 'ms',
        target: 50,
        pass: p99 < 50,
        notes: {
          p50: +percentile(during.samples, 50).toFixed(1),
          samples: during.samples.length,
          quietP50: +percentile(quiet.samples, 50).toFixed(1),
          quietP99: +percentile(quiet.samples, 99).toFixed(1),
          floodRequests: report.requests,
          statuses: JSON.stringify(report.statuses),
          medianBytesSentPerRequest: report.medianSentBytes,
        },
      }),
      record({
        name: 'platform-memory-under-body-flood',
        metric: 'platform RSS at its highest during the flood, above its collected baseline',
        value: peakMb,
        unit: 'MB',
        target: 50,
        pass: peakMb <= 50,
        notes: { baselineMb: +beforeMb.toFixed(1), peakMb: +during.peakMb.toFixed(1) },
      }),
      record({
        name: 'platform-memory-after-body-flood',
        metric: 'platform RSS 3 s after the flood, above its collected baseline',
        value: leftOverMb,
        unit: 'MB',
        target: 20,
        pass: leftOverMb <= 20,
        notes: { afterMb: +leftMb.toFixed(1), afterCollectionMb: +collectedMb.toFixed(1) },
      }),
    ];
  } finally {
    agent.destroy();
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
