import { type ChildProcess, spawn } from 'node:child_process';

export type Run = { code: number | null; stdout: string; stderr: string };

/** What a command printed and how it ended, once it has exited. */
export function ranToEnd(child: ChildProcess): Promise<Run> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `npm run platform -- <args>` as an operator types it, in an English shell. */
export function runPlatformCli(args: string[]): Promise<Run> {
  return ranToEnd(spawn('npx', ['tsx', 'platform/main.ts', ...args], { env: { ...process.env, LANG: 'C' } }));
}
