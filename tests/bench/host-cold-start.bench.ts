import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCounterCore } from '../../electron/core/counter-core';
import { type BenchResult, percentile, record } from './bench-report';

/** Time from spawning the host process to its "ready" line, on a data folder holding the demo store. */
function startOnce(dataDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/host/main.ts', '--data-dir', dataDir, '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    child.stdout.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('/?token=')) return;
      const elapsed = performance.now() - started;
      child.kill('SIGTERM');
      child.on('exit', () => resolve(elapsed));
    });
    child.on('error', reject);
  });
}

export async function benchHostColdStart(runs: number): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'counter-bench-'));
  const core = openCounterCore({ dataDir });
  core.dispatch({ method: 'store.createDemo', input: {} });
  core.close();
  try {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) samples.push(await startOnce(dataDir));
    const median = percentile(samples, 50);
    return record({
      name: 'host-cold-start',
      metric: 'median spawn → ready (demo store)',
      value: median,
      unit: 'ms',
      target: 1500,
      pass: median <= 1500,
      notes: { runs, max: +Math.max(...samples).toFixed(0), min: +Math.min(...samples).toFixed(0) },
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
