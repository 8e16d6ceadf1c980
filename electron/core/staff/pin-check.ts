import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { appendAudit } from '../audit/audit-chain';
import type { Actor, CoreEnvironment } from '../handler-context';
import { pinMatches } from './pin';
import { findStaff, type StaffRow, staffStatements, staffText } from './staff-records';

export const maxPinTries = 5;
export const lockoutMinutes = 5;

export type PinVerdict =
  | { ok: true; staff: StaffRow }
  | { ok: false; error: AppError; counts: boolean; staffId: string };

/**
 * Decides whether a PIN is right without writing anything; the caller records a failure in its
 * own transaction, so a refused call still counts towards the lock-out.
 */
export function judgePin(db: Database, deviceSecret: Buffer, staffId: string, pin: string, now: number): PinVerdict {
  const staff = findStaff(db, staffId);
  if (!staff) return { ok: false, error: new AppError('not_found', { what: staffText }), counts: false, staffId };
  if (staff.active !== 1) return { ok: false, error: new AppError('staff_inactive'), counts: false, staffId };
  if (staff.locked_until !== null && staff.locked_until > now) {
    return { ok: false, error: lockedOut(staff, now), counts: false, staffId };
  }
  if (pinMatches(pin, deviceSecret, staff.pin_salt, staff.pin_hash)) return { ok: true, staff };
  const left = maxPinTries - (staff.failed_pins + 1);
  const error =
    left > 0
      ? new AppError('wrong_pin', { left, minutes: lockoutMinutes })
      : new AppError('locked_out', { name: staff.name, minutes: lockoutMinutes });
  return { ok: false, error, counts: true, staffId };
}

function lockedOut(staff: StaffRow, now: number): AppError {
  const minutes = Math.max(1, Math.ceil(((staff.locked_until ?? now) - now) / 60_000));
  return new AppError('locked_out', { name: staff.name, minutes });
}

export function recordPinFailure(db: Database, staffId: string, now: number): void {
  const staff = findStaff(db, staffId);
  if (!staff) return;
  const expired = staff.locked_until !== null && staff.locked_until <= now;
  const failedPins = (expired ? 0 : staff.failed_pins) + 1;
  const lockedUntil = failedPins >= maxPinTries ? now + lockoutMinutes * 60_000 : null;
  staffStatements(db).recordFailure.run({
    id: staffId,
    failedPins: failedPins >= maxPinTries ? 0 : failedPins,
    lockedUntil,
  });
}

export function clearPinFailures(db: Database, staffId: string): void {
  staffStatements(db).clearFailures.run({ id: staffId });
}

/** Wrong PINs are security events: they go into the audit chain with the refused attempt. */
export function auditPinFailure(
  env: Pick<CoreEnvironment, 'db' | 'auditKey'>,
  staffId: string,
  now: number,
  purpose: 'sign_in' | 'unlock' | 'approval',
  actor: Actor | null,
): void {
  const staff = findStaff(env.db, staffId);
  appendAudit(env.db, env.auditKey, {
    at: now,
    action: 'staff.pinRefused',
    staffId: actor?.id ?? null,
    staffName: actor?.name ?? null,
    approverId: null,
    approverName: null,
    subject: `staff:${staffId}`,
    detail: { purpose, name: staff?.name ?? null, lockedUntil: staff?.locked_until ?? null },
  });
}
