import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths';

export type RunningHost = { url: string; dataDir: string; pid: number; stop(): Promise<void> };

const readyPattern = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/;

/** Starts the browser host on a fresh data folder and a free port; resolves with the URL it prints. */
export async function startHost(
  options: { demo?: boolean; lang?: string; dataDir?: string; env?: Record<string, string> } = {},
): Promise<RunningHost> {
  const owned = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'counter-e2e-'));
  const args = ['--import', 'tsx', 'electron/host/main.ts', '--data-dir', dataDir, '--port', '0'];
  if (options.demo) args.push('--demo');
  // The demo platform runs at normal priority here: on a till it is niced so the cashier's screen
  // comes first, and with every core busy (CI under load) a niced child can wait minutes to start.
  const env = {
    ...process.env,
    COUNTER_DEMO_PLATFORM_NICE: '0',
    ...(options.lang ? { LANG: options.lang } : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start within 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = readyPattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { url, dataDir, pid: child.pid ?? 0, stop: () => stopHost(child, owned ? dataDir : null) };
}

async function stopHost(child: ChildProcess, dataDir: string | null): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    // The host gives its demo platform 5 s to close before killing it; killed sooner itself, it
    // would leave that platform running on, writing into the folder removed below.
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}
