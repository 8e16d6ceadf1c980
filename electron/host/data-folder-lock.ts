import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One host per data folder: a second one would keep its own sign-ins and events and could answer
 * for the same terminal twice. A lock left by a process that is gone is taken over.
 */
export function lockDataFolder(dataDir: string): { release(): void } | { heldBy: number } {
  const path = join(dataDir, 'host.lock');
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(path, 'utf8'));
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) return { heldBy: holder };
    writeFileSync(path, String(process.pid));
  }
  return { release: () => rmSync(path, { force: true }) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
