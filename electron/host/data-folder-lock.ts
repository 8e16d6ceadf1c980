import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  fstatSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { uptime } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** What a host writes into its lock: its PID, when that process started, and a unique token. */
type Claim = { pid: number; started?: string; token?: string };
type Seen = { raw: string; mtimeMs: number };
type Held = { heldBy: number; busy?: boolean };
type Attempt = { temporary: string; lockPath: string };

/** How long to wait for another start that is taking over a stale lock right now. */
const busyWaitMs = 3_000;
/** A lock file that cannot be read yet may be one being written (only where hard links are missing). */
const youngMs = 2_000;

/**
 * One host per data folder: a second one would keep its own sign-ins and events and could answer
 * for the same terminal twice. The lock is honoured only while it is held by a live Counter host:
 * after a power cut its PID may belong to some unrelated process, and such a lock is taken over.
 * Every file is put in place whole (hard link or rename), never created empty and then written.
 */
export function lockDataFolder(dataDir: string): { release(): void } | { heldBy: number } {
  const lockPath = join(dataDir, 'host.lock');
  const token = randomBytes(9).toString('base64url');
  const own = JSON.stringify({ pid: process.pid, started: startOf(process.pid), token } satisfies Claim);
  const attempt: Attempt = { lockPath, temporary: `${lockPath}.${process.pid}-${token}.tmp` };
  // No fsync: a lock only matters while its host runs, and none survives a power cut.
  writeFileSync(attempt.temporary, own, { flag: 'wx', mode: 0o600 });
  let outcome: 'won' | Held;
  try {
    outcome = acquire(attempt);
  } finally {
    rmSync(attempt.temporary, { force: true });
  }
  if (outcome !== 'won') return { heldBy: outcome.heldBy };
  removeLeftovers(lockPath);
  return {
    release() {
      // Only our own lock: if it was (wrongly) taken over, the other host's lock stays.
      if (read(lockPath)?.raw === own) rmSync(lockPath, { force: true });
    },
  };
}

function acquire(attempt: Attempt): 'won' | Held {
  const deadline = Date.now() + busyWaitMs;
  for (;;) {
    const outcome = claim(attempt.lockPath, attempt, 0);
    if (outcome === 'won' || !outcome.busy || Date.now() > deadline) return outcome;
    pause(20);
  }
}

/**
 * Puts our claim at `target` if nothing is there, or if what is there is stale. `busy` means
 * another start is mid-way and a second look will settle it.
 */
function claim(target: string, attempt: Attempt, depth: number): 'won' | Held {
  if (createExclusive(attempt.temporary, target)) return 'won';
  const seen = read(target);
  if (!seen) return { heldBy: 0, busy: true };
  const holder = holderOf(seen);
  if (holder === 'unsure') return { heldBy: 0, busy: true };
  if (holder !== undefined) return { heldBy: holder };
  return replaceStale(target, seen, attempt, depth);
}

/**
 * Two starts may both find the same stale lock; if each simply removed it and made its own, the
 * slower one could remove the faster one's fresh lock. So replacing a stale file needs a marker
 * named after its content, created exclusively: only the start that made the marker may replace
 * it. A marker left by a start killed mid-way is itself stale and is taken over the same way.
 */
function replaceStale(target: string, seen: Seen, attempt: Attempt, depth: number): 'won' | Held {
  const stalePid = parseClaim(seen.raw)?.pid ?? 0;
  if (depth >= 4) return { heldBy: stalePid };
  const marker = `${attempt.lockPath}.${createHash('sha256').update(seen.raw).digest('hex').slice(0, 16)}.takeover`;
  const right = claim(marker, attempt, depth + 1);
  if (right !== 'won') return { heldBy: right.heldBy || stalePid, busy: true };
  try {
    // With the marker ours, nobody else replaces `target`; it only changed if it moved on before.
    if (read(target)?.raw !== seen.raw) return { heldBy: stalePid, busy: true };
    const copy = attempt.temporary.replace(/\.tmp$/, `.${depth}.tmp`);
    if (!createExclusive(attempt.temporary, copy)) throw new Error(`${copy} already exists`);
    renameSync(copy, target);
    return 'won';
  } finally {
    rmSync(marker, { force: true });
  }
}

/** Creates `target` holding the whole of `source`, or returns false if `target` exists. */
function createExclusive(source: string, target: string): boolean {
  try {
    linkSync(source, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
  }
  // No hard links here (FAT, some shares): exclusive, but the file is briefly empty (see youngMs).
  try {
    copyFileSync(source, target, constants.COPYFILE_EXCL);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function read(path: string): Seen | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return { mtimeMs: fstatSync(fd).mtimeMs, raw: readFileSync(fd, 'utf8') };
  } finally {
    closeSync(fd);
  }
}

/** A claim as written now, or the bare PID earlier versions wrote. */
function parseClaim(raw: string): Claim | undefined {
  if (/^\d+$/.test(raw.trim())) return { pid: Number(raw.trim()) };
  try {
    const value = JSON.parse(raw) as Claim;
    if (Number.isSafeInteger(value?.pid) && value.pid > 0 && typeof value.token === 'string') return value;
  } catch {
    // Not a claim; the caller decides by the file's age.
  }
  return undefined;
}

/**
 * The PID of the live Counter host holding this claim, 'unsure' while it may still be being
 * written, or undefined when it is stale: its process is gone, or the PID now names another
 * process (it started at another time, or it is no Counter host), or it predates this boot.
 */
function holderOf(seen: Seen): number | 'unsure' | undefined {
  const claim = parseClaim(seen.raw);
  if (!claim) return Date.now() - seen.mtimeMs < youngMs ? 'unsure' : undefined;
  // Our own PID in a lock we did not write: left by an earlier process that had the same PID.
  if (claim.pid === process.pid || !isAlive(claim.pid)) return undefined;
  if (claim.started !== undefined) {
    const started = startOf(claim.pid);
    if (started !== undefined) return started === claim.started ? claim.pid : undefined;
  } else if (process.platform === 'linux') {
    // A bare PID from an earlier version: honoured only if that process runs the host.
    const command = commandLineOf(claim.pid);
    if (command !== undefined) return /host[\\/]main\.[cm]?[jt]s\b/.test(command) ? claim.pid : undefined;
  }
  return writtenBeforeBoot(seen.mtimeMs) ? undefined : claim.pid;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When a process started, as a string that differs for a later process given the same PID.
 * Linux: the boot id plus start time in clock ticks (/proc/<pid>/stat field 22). macOS and the
 * BSDs: `ps` start time. Elsewhere (Windows) undefined, and only liveness and boot time count.
 */
function startOf(pid: number): string | undefined {
  try {
    if (process.platform === 'linux') {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Field 2 is the command name in parentheses and may hold spaces; count from its end.
      const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
      const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
      return ticks ? `${boot}:${ticks}` : undefined;
    }
    if (process.platform === 'darwin' || process.platform.endsWith('bsd')) {
      const started = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], {
        encoding: 'utf8',
        timeout: 2_000,
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      return started || undefined;
    }
  } catch {
    // Gone meanwhile, or /proc or ps unavailable: fall back to liveness.
  }
  return undefined;
}

function commandLineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

/**
 * No process of this boot can have written a file dated before the boot: this is what frees a lock
 * after a power cut where no start time can be read (Windows). The margin allows for the clock
 * being set forward a little after boot; a larger forward jump soon after boot could make a live
 * host's lock look stale, which is why the start time is preferred wherever it can be read.
 */
function writtenBeforeBoot(mtimeMs: number): boolean {
  return mtimeMs < Date.now() - uptime() * 1_000 - 120_000;
}

/** Temporaries and markers of starts that were killed mid-way; those of live starts stay. */
function removeLeftovers(lockPath: string): void {
  const prefix = `${basename(lockPath)}.`;
  try {
    for (const name of readdirSync(dirname(lockPath))) {
      if (!name.startsWith(prefix) || !(name.endsWith('.tmp') || name.endsWith('.takeover'))) continue;
      const path = join(dirname(lockPath), name);
      const seen = read(path);
      if (seen && holderOf(seen) === undefined) rmSync(path, { force: true });
    }
  } catch {
    // Tidying only.
  }
}

/** Blocks briefly; startup is synchronous and there is nothing else to do meanwhile. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
