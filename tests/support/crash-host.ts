import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CallRequest, Envelope } from '../../shared/contract';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const readyPattern = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/;

export type CrashHost = {
  pid: number;
  /** `POST /api/<method>`; rejects when the connection dies (the host was killed mid-request). */
  call(request: CallRequest): Promise<Envelope<unknown>>;
  /** SIGKILL: no exit handler, no checkpoint, no lock release; resolves once the process is gone. */
  crash(): Promise<void>;
  /** Everything the host printed, for a failure message. */
  output(): string;
};

/**
 * The real browser host as a separate process on `dataDir`, for tests that kill it.
 *
 * Spawned as `node --import tsx electron/host/main.ts` rather than through `node_modules/.bin/tsx`:
 * the `.bin/tsx` wrapper forks a second Node process that runs the host, and a SIGKILL sent to the
 * wrapper cannot be relayed, so the real host would live on, still writing. Here the process we
 * kill is the process that holds the database.
 */
export async function startCrashHost(dataDir: string, options: { demo?: boolean } = {}): Promise<CrashHost> {
  const args = ['--import', 'tsx', 'electron/host/main.ts', '--data-dir', dataDir, '--port', '0'];
  if (options.demo) args.push('--demo');
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ port: number; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`host did not start within 20 s:\n${output}`));
    }, 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = readyPattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ port: Number(match[1]), token: match[2] });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code ?? signal}) before it was ready:\n${output}`));
    });
    child.once('error', reject);
  });
  const base = `http://127.0.0.1:${ready.port}`;
  return {
    pid: child.pid ?? 0,
    call: async ({ method, ...body }) => {
      const response = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-counter-token': ready.token },
        body: JSON.stringify(body),
      });
      return (await response.json()) as Envelope<unknown>;
    },
    crash: () => kill(child, exited),
    output: () => output,
  };
}

async function kill(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await exited;
}
