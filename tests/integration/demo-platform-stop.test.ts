import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openCounterCore } from '../../electron/core/counter-core';
import { runDemoPlatform } from '../../electron/host/demo-platform';
import { waitFor } from '../support/platform-admin';
import { tempDir } from '../support/temp-dir';

describe('stopping the demo platform', () => {
  it('stops a platform that is still starting, so it does not outlive the app', async () => {
    const dataDir = tempDir();
    const core = openCounterCore({ dataDir });
    core.dispatch({ method: 'store.createDemo', input: {} });
    // A platform that never says it is ready: as a slow start on a busy till looks from outside.
    let spawned: ChildProcess | null = null;
    const demo = runDemoPlatform(core, {
      dataDir,
      startAfterMs: 0,
      log: () => {},
      start: () => {
        spawned = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'pipe' });
        return spawned;
      },
    });
    await waitFor(() => spawned !== null, 60_000, 'the platform spawned');
    const child = spawned as unknown as ChildProcess;
    const exited = new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
    );
    await demo.stop();
    await exited;
    expect(child.signalCode ?? child.exitCode).not.toBeNull();
    await core.close();
  });
});
