import type { Database } from 'better-sqlite3';
import type { PinLock } from '../../../shared/approvals/approval-messages';
import type { PinGuardKind } from '../../../shared/contract/staff';
import { namedStatements } from '../db/open-database';

/** Wrong PINs allowed in one round before a lock-out. */
export const triesPerRound = 5;
/** The first lock-out's length; each later round doubles it. */
export const firstLockMinutes = 5;
/** Timed lock-outs in a row (5, 10, 20 minutes); the next one holds until a manager or owner lifts it. */
export const timedRounds = 3;
/** A day without a new lock-out forgives the earlier rounds (a person who mistypes now and then). */
export const roundsForgivenAfterMs = 24 * 60 * 60 * 1000;

export type PinGuard = {
  failed: number;
  rounds: number;
  lockedUntil: number | null;
  held: boolean;
  lastLockedAt: number | null;
};

type PinGuardRow = {
  staff_id: string;
  kind: PinGuardKind;
  failed: number;
  rounds: number;
  locked_until: number | null;
  held: number;
  last_locked_at: number | null;
};

const statements = namedStatements({
  get: 'SELECT * FROM pin_guards WHERE staff_id = ? AND kind = ?',
  put: `INSERT INTO pin_guards (staff_id, kind, failed, rounds, locked_until, held, last_locked_at)
        VALUES (@staffId, @kind, @failed, @rounds, @lockedUntil, @held, @lastLockedAt)
        ON CONFLICT (staff_id, kind) DO UPDATE SET failed = excluded.failed, rounds = excluded.rounds,
          locked_until = excluded.locked_until, held = excluded.held, last_locked_at = excluded.last_locked_at`,
  clearFailed: 'UPDATE pin_guards SET failed = 0 WHERE staff_id = ? AND kind = ? AND failed > 0',
  lift: 'DELETE FROM pin_guards WHERE staff_id = ? AND kind = ?',
  locked: `SELECT g.*, s.name, s.role FROM pin_guards g JOIN staff s ON s.id = g.staff_id
           WHERE s.active = 1 AND (g.held = 1 OR g.locked_until > ?) ORDER BY s.name, g.kind`,
});

const open: PinGuard = { failed: 0, rounds: 0, lockedUntil: null, held: false, lastLockedAt: null };

function rowToPinGuard(row: PinGuardRow | undefined): PinGuard {
  if (!row) return open;
  return {
    failed: row.failed,
    rounds: row.rounds,
    lockedUntil: row.locked_until,
    held: row.held === 1,
    lastLockedAt: row.last_locked_at,
  };
}

export function readPinGuard(db: Database, staffId: string, kind: PinGuardKind): PinGuard {
  return rowToPinGuard(statements(db).get.get(staffId, kind) as PinGuardRow | undefined);
}

/** The lock in force now, if any. */
export function currentLock(guard: PinGuard, now: number): PinLock | null {
  if (guard.held) return { kind: 'held' };
  if (guard.lockedUntil !== null && guard.lockedUntil > now) {
    return { kind: 'timed', minutes: Math.max(1, Math.ceil((guard.lockedUntil - now) / 60_000)) };
  }
  return null;
}

function roundsSoFar(guard: PinGuard, now: number): number {
  const forgiven = guard.lastLockedAt !== null && now - guard.lastLockedAt >= roundsForgivenAfterMs;
  return forgiven ? 0 : guard.rounds;
}

/** The lock the next round's last wrong PIN brings: 5, 10, 20 minutes, then held. */
export function nextLock(guard: PinGuard, now: number): PinLock {
  const round = roundsSoFar(guard, now) + 1;
  if (round > timedRounds) return { kind: 'held' };
  return { kind: 'timed', minutes: firstLockMinutes * 2 ** (round - 1) };
}

/** Wrong PINs left in this round, counting the one being judged. */
export function triesLeftAfterThis(guard: PinGuard, now: number): number {
  const expired = guard.lockedUntil !== null && guard.lockedUntil <= now;
  return triesPerRound - ((expired ? 0 : guard.failed) + 1);
}

/** Counts one wrong PIN; the round's last one locks, for longer each round. Returns the guard after. */
export function recordPinFailure(db: Database, staffId: string, kind: PinGuardKind, now: number): PinGuard {
  const guard = readPinGuard(db, staffId, kind);
  if (currentLock(guard, now)) return guard;
  const left = triesLeftAfterThis(guard, now);
  const rounds = roundsSoFar(guard, now);
  const next: PinGuard =
    left > 0
      ? { ...guard, failed: triesPerRound - left, rounds, lockedUntil: null }
      : lockedBy(nextLock(guard, now), rounds + 1, now);
  statements(db).put.run({
    staffId,
    kind,
    failed: next.failed,
    rounds: next.rounds,
    lockedUntil: next.lockedUntil,
    held: next.held ? 1 : 0,
    lastLockedAt: next.lastLockedAt,
  });
  return next;
}

function lockedBy(lock: PinLock, rounds: number, now: number): PinGuard {
  return {
    failed: 0,
    rounds,
    lockedUntil: lock.kind === 'timed' ? now + lock.minutes * 60_000 : null,
    held: lock.kind === 'held',
    lastLockedAt: now,
  };
}

/** A right PIN ends the round's count; earlier lock-outs still count towards the next one's length. */
export function clearPinFailures(db: Database, staffId: string, kind: PinGuardKind): void {
  statements(db).clearFailed.run(staffId, kind);
}

/** A manager or owner unlocks someone, or an owner sets a new PIN: everything is forgiven. */
export function liftPinGuard(db: Database, staffId: string, kind: PinGuardKind): void {
  statements(db).lift.run(staffId, kind);
}

export type LockedGuard = PinGuard & { staffId: string; kind: PinGuardKind; name: string; role: string };

export function lockedGuards(db: Database, now: number): LockedGuard[] {
  const rows = statements(db).locked.all(now) as (PinGuardRow & { name: string; role: string })[];
  return rows.map((row) => ({
    ...rowToPinGuard(row),
    staffId: row.staff_id,
    kind: row.kind,
    name: row.name,
    role: row.role,
  }));
}
