import { spawn } from 'node:child_process';

export type Run = { code: number | null; stdout: string; stderr: string };

/** `npm run platform -- <args>` as the operator types it, in the C locale; resolves when it exits. */
export function runOperatorCli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'platform/main.ts', ...args], { env: { ...process.env, LANG: 'C' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
