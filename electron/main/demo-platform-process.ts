import { EventEmitter } from 'node:events';
import { setPriority } from 'node:os';
import { utilityProcess } from 'electron';
import type { PlatformProcess, StartPlatform } from '../host/demo-platform';

/**
 * The demo platform under Electron: the built bundle (dist-electron/platform/server/
 * demo-platform.mjs) in a utility process, Electron's own Node. The packaged app cannot spawn
 * `node` or tsx, and its binary will not act as Node (the runAsNode fuse is off).
 * Stopping sends the child a message, which it answers by closing the database and exiting (a
 * signal would not reach it gracefully on Windows); only SIGKILL kills it outright.
 */
export function forkPlatformBundle(bundle: string): StartPlatform {
  return (platformDir, niceness) => {
    const child = utilityProcess.fork(bundle, [platformDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      serviceName: 'Counter demo platform',
    });
    const exits = new EventEmitter();
    let exitCode: number | null = null;
    child.once('spawn', () => {
      if (child.pid === undefined || niceness === 0) return;
      try {
        setPriority(child.pid, niceness);
      } catch {
        // Not permitted here: the platform runs at normal priority.
      }
    });
    child.once('exit', (code) => {
      exitCode = code;
      exits.emit('exit', code);
    });
    const running: PlatformProcess = {
      get exitCode() {
        return exitCode;
      },
      stdout: child.stdout,
      stderr: child.stderr,
      kill(signal) {
        if (exitCode !== null) return false;
        if (signal === 'SIGKILL') return child.kill();
        child.postMessage('stop');
        return true;
      },
      once(event, listener) {
        exits.once(event, listener);
      },
    };
    return running;
  };
}
