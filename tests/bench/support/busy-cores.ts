import { type ChildProcess, spawn } from 'node:child_process';

export type BusyCores = { count: number; stop(): Promise<void> };

/**
 * Holds `count` cores at 100 % with child processes that spin until killed: what a till sees when
 * an update, a virus scan or a second app eats the CPU. Each loop runs at normal priority, so the
 * browser, the host and the scanner compete with it as they would in a shop.
 */
export function busyCores(count: number): BusyCores {
  const loops: ChildProcess[] = [];
  for (let i = 0; i < count; i++) {
    loops.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  }
  return {
    count,
    async stop() {
      await Promise.all(
        loops.map(
          (loop) =>
            new Promise<void>((resolve) => {
              if (loop.exitCode !== null || loop.signalCode !== null) return resolve();
              loop.once('exit', () => resolve());
              loop.kill('SIGKILL');
            }),
        ),
      );
    },
  };
}
