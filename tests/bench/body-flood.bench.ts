import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { spawnPlatform } from '../../electron/host/demo-platform';
import { type BenchResult, percentile, record } from './bench-report';

const floodScript = fileURLToPath(new URL('./support/body-flood.ts', import.meta.url));
const CLIENTS = 4;
const MEGABYTES = 30;

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

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

type FloodReport = { requests: number; statuses: Record<string, number>; medianSentBytes: number };

/** Starts the flood and resolves once it runs; `stop()` ends it and yields its report. */
async function startFlood(url: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', floodScript, url, String(CLIENTS), String(MEGABYTES)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  if ((await lines.next()).value !== 'flooding') throw new Error('the flood did not start');
  return {
    async stop(): Promise<FloodReport> {
      child.stdin.end();
      const report = (await lines.next()).value;
      if (typeof report !== 'string') throw new Error('the flood ended without a report');
      return JSON.parse(report) as FloodReport;
    },
  };
}

/**
 * Issue 13's finding as a benchmark: while four clients POST 30 MB unsigned bodies to the sync push
 * without pause, how long `/v1/health` takes on the platform (its own process, PGlite), and whether
 * the platform's memory comes back to where it was. Linux only (reads /proc).
 */
export async function benchBodyFlood(seconds: number): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'counter-bench-flood-'));
  const { process: platform, link } = await spawnPlatform(dataDir);
  const pid = platform.pid as number;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await probe(link.url, agent, pid, 1_000);
    const quiet = await probe(link.url, agent, pid, 2_000);
    const beforeMb = rssMb(pid);
    const flood = await startFlood(link.url);
    const during = await probe(link.url, agent, pid, seconds * 1_000);
    const report = await flood.stop();
    // Time for the sockets to close and the collector to hand memory back, as it would between attacks.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const afterMb = rssMb(pid);
    const p99 = percentile(during.samples, 99);
    // The worse of the peak during the flood and what is left after it, above the quiet baseline.
    const growthMb = Math.max(during.peakMb, afterMb) - beforeMb;
    const common = { clients: CLIENTS, bodyMb: MEGABYTES, floodRequests: report.requests };
    return [
      record({
        name: 'platform-health-under-body-flood',
        metric: `/v1/health p99 while ${CLIENTS} clients send ${MEGABYTES} MB unsigned pushes`,
        value: p99,
        unit: 'ms',
        target: 50,
        pass: p99 < 50,
        notes: {
          ...common,
          p50: +percentile(during.samples, 50).toFixed(1),
          samples: during.samples.length,
          quietP50: +percentile(quiet.samples, 50).toFixed(1),
          quietP99: +percentile(quiet.samples, 99).toFixed(1),
          statuses: JSON.stringify(report.statuses),
          medianBytesSentPerRequest: report.medianSentBytes,
        },
      }),
      record({
        name: 'platform-memory-under-body-flood',
        metric: 'platform RSS above its quiet baseline, at the height of the flood or 3 s after it',
        value: growthMb,
        unit: 'MB',
        target: 20,
        pass: growthMb <= 20,
        notes: { beforeMb: +beforeMb.toFixed(1), peakMb: +during.peakMb.toFixed(1), afterMb: +afterMb.toFixed(1) },
      }),
    ];
  } finally {
    agent.destroy();
    const exited = new Promise((resolve) => platform.once('exit', resolve));
    platform.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
