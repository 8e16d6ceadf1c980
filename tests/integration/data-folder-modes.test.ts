import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCounterCore } from '../../electron/core/counter-core';
import { loadMigrations } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open-database';
import { type PlatformProcess, spawnPlatform } from '../../electron/host/demo-platform';
import { countEntries, looseModes } from '../support/owner-only';
import { tempDir } from '../support/temp-dir';

/**
 * Issue 13, deliverable 3: the till's data folder (orders, PIN hashes, payment references, keys)
 * and the demo platform's folder inside it are owner-only — `find <data> -perm /go+rwx` finds
 * nothing — after a first start, after a migration backup, and after an upgrade from a version
 * that left them 0755 and 0644.
 */
const migrationsDir = fileURLToPath(new URL('../../electron/core/db/migrations', import.meta.url));
const posix = process.platform !== 'win32';

// The umask of an ordinary desktop session: the modes must come from Counter, not from the umask.
let umask = 0;
beforeAll(() => {
  umask = process.umask(0o022);
});
afterAll(() => {
  process.umask(umask);
});

function exited(child: Pick<ChildProcess, 'exitCode' | 'once'> | PlatformProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null ? resolve() : (child as PlatformProcess).once('exit', () => resolve()),
  );
}

describe.runIf(posix)('the till’s data folder', () => {
  it('is owner-only after a first start: the database, its WAL and the device secret', async () => {
    const dataDir = join(tempDir(), 'till');
    const core = openCounterCore({ dataDir });
    core.dispatch({ method: 'store.createDemo', input: {} });
    expect(existsSync(join(dataDir, 'counter.db-wal'))).toBe(true);
    expect(existsSync(join(dataDir, 'device.secret'))).toBe(true);
    expect(looseModes(dataDir)).toEqual([]);
    await core.close();
    expect(looseModes(dataDir)).toEqual([]);
  });

  it('is tightened on an upgrade, and the migration backup is owner-only', async () => {
    const dataDir = join(tempDir(), 'till');
    await openCounterCore({ dataDir }).close();
    // What an earlier version left: 0755 folders, 0644 files, and the demo platform's 0666 files.
    mkdirSync(join(dataDir, 'backups'));
    writeFileSync(join(dataDir, 'backups', 'counter-schema1-1.db'), 'old backup');
    mkdirSync(join(dataDir, 'demo-platform', 'pglite'), { recursive: true });
    writeFileSync(join(dataDir, 'demo-platform', 'pglite', 'PG_VERSION'), '17');
    writeFileSync(join(dataDir, 'owner-session.json'), '{}');
    for (const [path, mode] of [
      ['.', 0o755],
      ['counter.db', 0o644],
      ['device.secret', 0o644],
      ['owner-session.json', 0o644],
      ['backups', 0o755],
      ['backups/counter-schema1-1.db', 0o644],
      ['demo-platform', 0o755],
      ['demo-platform/pglite', 0o777],
      ['demo-platform/pglite/PG_VERSION', 0o666],
    ] as const) {
      chmodSync(join(dataDir, path), mode);
    }
    expect(looseModes(dataDir)).toHaveLength(9);

    const nextDir = tempDir();
    const migrations = loadMigrations(migrationsDir);
    for (const m of migrations) writeFileSync(join(nextDir, m.name), m.sql);
    const probe = `${String(migrations.length + 1).padStart(4, '0')}_probe.sql`;
    writeFileSync(join(nextDir, probe), 'CREATE TABLE probe (x INTEGER) STRICT;');
    const { db, migration } = openDatabase({ dataDir, migrationsDir: nextDir });
    expect(migration.backupPath).not.toBeNull();
    expect(readdirSync(join(dataDir, 'backups'))).toHaveLength(2);
    expect(looseModes(dataDir)).toEqual([]);
    db.close();
  });

  it('keeps the mode of a folder that is not only Counter’s, and makes Counter’s files in it owner-only', async () => {
    // Someone pointed --data-dir at a folder of theirs: Counter never chmods what it did not put there.
    const dataDir = tempDir();
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'notes.txt'), 'not Counter’s', { mode: 0o644 });
    chmodSync(join(dataDir, 'notes.txt'), 0o644);
    const core = openCounterCore({ dataDir });
    core.dispatch({ method: 'store.createDemo', input: {} });
    await core.close();
    expect(countEntries(dataDir)).toBeGreaterThan(3);
    expect(looseModes(dataDir)).toEqual(['. 755', 'notes.txt 644']);
  });

  it('is owner-only under the browser host, whose demo store it fills', async () => {
    const dataDir = join(tempDir(), 'host');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/host/main.ts', '--data-dir', dataDir, '--port', '0', '--demo'],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, COUNTER_DEMO_PLATFORM: '0' } },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (chunk) => String(chunk).includes('token=') && resolve());
        child.once('exit', (code) => reject(new Error(`host exited ${code}`)));
      });
      expect(countEntries(dataDir)).toBeGreaterThan(3);
      expect(looseModes(dataDir)).toEqual([]);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
    expect(looseModes(dataDir)).toEqual([]);
  });
});

describe.runIf(posix)('the demo platform’s folder', () => {
  it('is owner-only while the platform runs and once it stops, also when an earlier version left it open', async () => {
    const platformDir = join(tempDir(), 'demo-platform');
    mkdirSync(platformDir, { mode: 0o755 });
    chmodSync(platformDir, 0o755);
    writeFileSync(join(platformDir, 'demo-store.json'), '{}', { mode: 0o644 });
    const { process: child } = await spawnPlatform(platformDir);
    try {
      expect(countEntries(platformDir)).toBeGreaterThan(500);
      expect(looseModes(platformDir)).toEqual([]);
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
    expect(looseModes(platformDir)).toEqual([]);
  });
});
