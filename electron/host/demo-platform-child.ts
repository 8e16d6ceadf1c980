import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tightenTree } from '../../platform/db/owner-only';
import { startPlatform } from '../../platform/server/start-platform';

/** Electron gives a utility process a port to its parent instead of stdin. */
type ParentPort = { on(event: 'message', listener: () => void): void };

/**
 * The demo's platform, in a process of its own so its embedded PostgreSQL never slows the till.
 * It keeps its port between runs (the till is paired with that address), prints one JSON line
 * when it is ready, and ends when the app that started it does: under Node stdin closes when the
 * parent dies, even by SIGKILL. Built into dist-electron/ it is also what the Electron app starts
 * with utilityProcess.fork (docs/electron.md), where stdin is always empty: there any message from
 * the app means stop, and Electron ends the process with the app.
 */
async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: demo-platform-child <data-dir>');
  // The folder is the demo's alone, its own files (port, demo-store.json) as much as the
  // platform's: all of it is made owner-only, also what an earlier version left open.
  process.umask(0o077);
  tightenTree(dataDir);
  const portFile = join(dataDir, 'port');
  const wanted = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : 0;
  const platform = await startPlatform({ dataDir, port: wanted }).catch(() => startPlatform({ dataDir, port: 0 }));
  writeFileSync(portFile, new URL(platform.url).port, { mode: 0o600 });
  process.stdout.write(`${JSON.stringify({ url: platform.url, adminToken: platform.adminToken })}\n`);
  const stop = () => void platform.close().finally(() => process.exit(0));
  const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
  if (parentPort) parentPort.on('message', stop);
  else {
    process.stdin.on('end', stop);
    process.stdin.on('close', stop);
    process.stdin.resume();
  }
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
