import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataFolder } from '../../electron/host/data-folder-lock';
import { tempDir } from '../support/temp-dir';

const moduleUrl = new URL('../../electron/host/data-folder-lock.ts', import.meta.url).href;
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** An unrelated live process, as after a power cut when the old host's PID went to something else. */
function foreignProcess(): number {
  const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
  started.push(sleeper);
  return sleeper.pid!;
}

function deadPid(): number {
  return spawnSync('true').pid;
}

const claim = (pid: number, started = 'some-other-start') => JSON.stringify({ pid, started, token: 'old-token' });
const lockPath = (dir: string) => join(dir, 'host.lock');
const lockPid = (dir: string) => Number(/\d+/.exec(readFileSync(lockPath(dir), 'utf8'))?.[0]);
const auxiliaries = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('host.lock.'));

function takeOver(dir: string): void {
  const lock = lockDataFolder(dir);
  expect(lock).not.toHaveProperty('heldBy');
  expect(lockPid(dir)).toBe(process.pid);
  if ('release' in lock) lock.release();
  expect(existsSync(lockPath(dir))).toBe(false);
}

describe('the data folder lock, against stale locks', () => {
  it('takes over a bare PID (earlier format) that now belongs to an unrelated process', () => {
    const dir = tempDir();
    writeFileSync(lockPath(dir), String(foreignProcess()));
    takeOver(dir);
  });

  it('takes over a lock whose PID was reused by a process that started at another time', () => {
    const dir = tempDir();
    writeFileSync(lockPath(dir), claim(foreignProcess()));
    takeOver(dir);
  });

  it('takes over the lock of a process that is gone, one with our own PID, and an old unreadable one', () => {
    const dead = tempDir();
    writeFileSync(lockPath(dead), claim(deadPid()));
    takeOver(dead);
    const ours = tempDir();
    writeFileSync(lockPath(ours), claim(process.pid));
    takeOver(ours);
    const empty = tempDir();
    writeFileSync(lockPath(empty), '');
    utimesSync(lockPath(empty), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    takeOver(empty);
  });

  it('gets past a takeover marker left by a start killed mid-way, and tidies what such starts left', () => {
    const dir = tempDir();
    const stale = String(foreignProcess());
    writeFileSync(lockPath(dir), stale);
    const marker = `host.lock.${createHash('sha256').update(stale).digest('hex').slice(0, 16)}.takeover`;
    writeFileSync(join(dir, marker), claim(deadPid()));
    writeFileSync(join(dir, 'host.lock.1-abc.tmp'), claim(deadPid()));
    const lock = lockDataFolder(dir);
    expect(lockPid(dir)).toBe(process.pid);
    expect(auxiliaries(dir)).toEqual([]);
    if ('release' in lock) lock.release();
  });
});

describe('starts racing for one data folder', () => {
  it('lets exactly one of several simultaneous starts win, whatever stale lock they find', async () => {
    const legacyForeign = (dir: string) => writeFileSync(lockPath(dir), String(foreignProcess()));
    const reusedPid = (dir: string) => writeFileSync(lockPath(dir), claim(foreignProcess()));
    const deadMarker = (dir: string) => {
      const stale = String(foreignProcess());
      writeFileSync(lockPath(dir), stale);
      const marker = `host.lock.${createHash('sha256').update(stale).digest('hex').slice(0, 16)}.takeover`;
      writeFileSync(join(dir, marker), claim(deadPid()));
    };
    // Stale rounds repeat: a takeover that merely removes the stale lock and creates its own lets
    // two starts win in about a third of such rounds here.
    const rounds = [
      () => undefined,
      ...[1, 2, 3].flatMap(() => [legacyForeign, reusedPid]),
      (dir: string) => writeFileSync(lockPath(dir), claim(deadPid())),
      deadMarker,
      deadMarker,
    ];
    const dirs = rounds.map((prepare) => {
      const dir = tempDir();
      prepare(dir);
      return dir;
    });
    // Each child loads the module, says so, then on "go" tries every folder in turn at fixed times,
    // so that all children hit each folder within the same few milliseconds. Winners hold until
    // their stdin closes.
    const script = `
      const { lockDataFolder } = await import(${JSON.stringify(moduleUrl)});
      const dirs = ${JSON.stringify(dirs)};
      const held = [];
      const sleep = (ms) => ms > 0 && Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      process.stdout.write('ready\\n');
      process.stdin.once('data', (go) => {
        const startAt = Number(String(go));
        dirs.forEach((dir, round) => {
          sleep(startAt + round * 100 - Date.now());
          const lock = lockDataFolder(dir);
          if ('release' in lock) held.push(lock);
          process.stdout.write(JSON.stringify({ round, pid: process.pid, heldBy: lock.heldBy ?? null }) + '\\n');
        });
        process.stdin.once('end', () => {
          for (const lock of held) lock.release();
          process.exit(0);
        });
      });`;
    const children = Array.from({ length: 5 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: repoRoot,
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      started.push(child);
      return child;
    });
    const results: { round: number; pid: number; heldBy: number | null }[] = [];
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            let out = '';
            child.stdout!.on('data', (chunk) => {
              out += chunk;
              if (out.startsWith('ready\n')) resolve();
            });
          }),
      ),
    );
    const done = Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            let out = '';
            child.stdout!.on('data', (chunk) => {
              out += chunk;
              const lines = out.split('\n').filter((line) => line.startsWith('{'));
              if (lines.length === rounds.length) {
                results.push(...lines.map((line) => JSON.parse(line)));
                resolve();
              }
            });
          }),
      ),
    );
    const startAt = Date.now() + 150;
    for (const child of children) child.stdin!.write(String(startAt));
    await done;

    dirs.forEach((dir, round) => {
      const here = results.filter((result) => result.round === round);
      const winners = here.filter((result) => result.heldBy === null);
      expect(winners, `round ${round}`).toHaveLength(1);
      const [winner] = winners;
      expect(lockPid(dir)).toBe(winner.pid);
      for (const loser of here.filter((result) => result !== winner)) expect(loser.heldBy).toBe(winner.pid);
    });
    await Promise.all(
      children.map((child) => {
        child.stdin!.end();
        return new Promise((resolve) => child.once('exit', resolve));
      }),
    );
    for (const dir of dirs) {
      expect(existsSync(lockPath(dir))).toBe(false);
      expect(auxiliaries(dir)).toEqual([]);
    }
  });
});

describe('the browser host on a folder with a stale lock', () => {
  const host = (dataDir: string) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/host/main.ts', '--data-dir', dataDir, '--port', '0'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    started.push(child);
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr!.on('data', (chunk) => {
      out += chunk;
    });
    const outcome = new Promise<{ ready: boolean; code: number | null; out: string }>((resolve) => {
      child.stdout!.on('data', () => out.includes('token=') && resolve({ ready: true, code: null, out }));
      child.on('exit', (code) => resolve({ ready: false, code, out }));
    });
    return { child, outcome };
  };

  it('starts when the PID in host.lock now belongs to an unrelated process (reused after a power cut)', async () => {
    const dataDir = tempDir();
    writeFileSync(lockPath(dataDir), String(foreignProcess()));
    const { child, outcome } = host(dataDir);
    expect(await outcome).toMatchObject({ ready: true });
    expect(lockPid(dataDir)).toBe(child.pid);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(existsSync(lockPath(dataDir))).toBe(false);
  });

  it('lets only one of two hosts started at once take the stale lock', async () => {
    const dataDir = tempDir();
    writeFileSync(lockPath(dataDir), String(foreignProcess()));
    const [a, b] = [host(dataDir), host(dataDir)];
    const outcomes = await Promise.all([a.outcome, b.outcome]);
    const winner = outcomes[0].ready ? a : b;
    const loser = outcomes[0].ready ? outcomes[1] : outcomes[0];
    expect(outcomes.filter((outcome) => outcome.ready)).toHaveLength(1);
    expect(loser.code).toBe(4);
    expect(loser.out).toContain(`already open in Counter (process ${winner.child.pid})`);
    winner.child.kill('SIGTERM');
    await new Promise((resolve) => winner.child.once('exit', resolve));
    expect(readdirSync(dataDir).filter((name) => name.startsWith('host.lock'))).toEqual([]);
  });
});
