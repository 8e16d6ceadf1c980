import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type PlatformProcess, spawnPlatform } from '../../electron/host/demo-platform';
import { forkPlatformBundle } from '../../electron/main/demo-platform-process';
import { buildPlatform, platformEntry, root } from '../../scripts/electron-bundles.mjs';
import { tempDir } from '../support/temp-dir';

/**
 * Electron cannot run here, so `utilityProcess.fork` is played by a thin double with its
 * documented shape: a Node process whose stdin is ignored, stdout and stderr piped, `spawn` and
 * `exit(code)` events, `postMessage` arriving on `process.parentPort` in the child, `kill()` as
 * SIGTERM. What runs inside is real: the built demo platform bundle and its child's parentPort
 * branch, started and stopped by the app's own `forkPlatformBundle`.
 */
const forks = vi.hoisted(() => ({ modules: [] as string[], args: [] as string[][] }));

vi.mock('electron', () => {
  // In a utility process `process.parentPort` delivers the app's messages as `{ data }`.
  const parentPort =
    'process.parentPort = { on: (event, listener) => process.on(event, (data) => listener({ data })) };';
  return {
    utilityProcess: {
      fork(modulePath: string, args: string[]) {
        forks.modules.push(modulePath);
        forks.args.push(args);
        const child = spawn(
          process.execPath,
          ['--import', `data:text/javascript,${encodeURIComponent(parentPort)}`, modulePath, ...args],
          { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
        );
        const utility = Object.assign(new EventEmitter(), {
          pid: child.pid as number | undefined,
          stdout: child.stdout,
          stderr: child.stderr,
          postMessage: (message: unknown) => child.send(message as string),
          kill: () => child.kill('SIGTERM'),
        });
        child.once('spawn', () => utility.emit('spawn'));
        child.once('exit', (code) => utility.emit('exit', code ?? 1));
        return utility;
      },
    },
  };
});

const work = tempDir('counter-demo-utility-');
let running: PlatformProcess | null = null;
afterAll(() => {
  if (running && running.exitCode === null) running.kill('SIGKILL');
});

describe('the demo platform as the Electron app starts it', () => {
  it('forks the built bundle with its data folder, reads its address, and stops it with a message', async () => {
    const app = join(work, 'app');
    await buildPlatform(join(app, 'dist-electron'));
    symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'), 'dir');
    const bundle = join(app, 'dist-electron', platformEntry);
    const platformDir = join(work, 'demo-platform');

    const { process: child, link } = await spawnPlatform(platformDir, 0, () => {}, forkPlatformBundle(bundle));
    running = child;
    expect(forks).toEqual({ modules: [bundle], args: [[platformDir]] });
    expect((await fetch(`${link.url}/v1/health`)).status).toBe(200);
    expect(child.exitCode).toBeNull();

    // SIGTERM from runDemoPlatform.stop() becomes a message; the child closes PGlite and exits 0.
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(child.kill('SIGTERM')).toBe(true);
    expect(await exited).toBe(0);
    expect(child.exitCode).toBe(0);
    expect(child.kill('SIGKILL')).toBe(false);
  }, 900_000);
});
