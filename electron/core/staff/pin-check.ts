import type { Database } from 'better-sqlite3';
import { retryWhenText, signInLockText, triesText } from '../../../shared/approvals/approval-messages';
import type { PinGuardKind } from '../../../shared/contract/staff';
import { AppError } from '../../../shared/errors';
import { appendAudit } from '../audit/audit-chain';
import type { Actor, CoreEnvironment } from '../handler-context';
import { pinMatches } from './pin';
import { currentLock, nextLock, readPinGuard, triesLeftAfterThis } from './pin-guards';
import { findStaff, type StaffRow, staffText } from './staff-records';

export type PinVerdict =
  | { ok: true; staff: StaffRow }
  | { ok: false; error: AppError; counts: boolean; staffId: string };

/**
 * Decides whether a person's own PIN is right without writing anything; the caller records a
 * failure in its own transaction, so a refused call still counts towards the lock-out. The
 * message names what the next wrong PIN brings, counted on that person's sign-in guard.
 */
export function judgePin(db: Database, deviceSecret: Buffer, staffId: string, pin: string, now: number): PinVerdict {
  const staff = findStaff(db, staffId);
  if (!staff) return { ok: false, error: new AppError('not_found', { what: staffText }), counts: false, staffId };
  if (staff.active !== 1) return { ok: false, error: new AppError('staff_inactive'), counts: false, staffId };
  const guard = readPinGuard(db, staffId, 'sign_in');
  const lock = currentLock(guard, now);
  if (lock) return { ok: false, error: lockedOut(staff.name, lock), counts: false, staffId };
  if (pinMatches(pin, deviceSecret, staff.pin_salt, staff.pin_hash)) return { ok: true, staff };
  const left = triesLeftAfterThis(guard, now);
  const next = nextLock(guard, now);
  const error =
    left > 0
      ? new AppError('wrong_pin', { left: triesText(left), lock: signInLockText(next) })
      : lockedOut(staff.name, next);
  return { ok: false, error, counts: true, staffId };
}

function lockedOut(name: string, lock: ReturnType<typeof nextLock>): AppError {
  return new AppError('locked_out', { name, when: retryWhenText(lock) }, { held: lock.kind === 'held' });
}

/** Wrong PINs are security events: they go into the audit chain with the refused attempt. */
export function auditPinFailure(
  env: Pick<CoreEnvironment, 'db' | 'auditKey'>,
  staffId: string,
  now: number,
  purpose: 'sign_in' | 'unlock' | 'approval',
  actor: Actor | null,
  counted: { staffId: string; kind: PinGuardKind },
): void {
  const staff = findStaff(env.db, staffId);
  const guard = readPinGuard(env.db, counted.staffId, counted.kind);
  appendAudit(env.db, env.auditKey, {
    at: now,
    action: 'staff.pinRefused',
    staffId: actor?.id ?? null,
    staffName: actor?.name ?? null,
    approverId: null,
    approverName: null,
    subject: `staff:${staffId}`,
    detail: {
      purpose,
      name: staff?.name ?? null,
      countedOn: counted,
      lockedUntil: guard.lockedUntil,
      held: guard.held,
      rounds: guard.rounds,
    },
  });
}
