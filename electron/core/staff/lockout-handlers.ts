import type { Lockout } from '../../../shared/contract/staff';
import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import { type HandlerContext, type Handlers, requireSession } from '../handler-context';
import { liftPinGuard, lockedGuards, readPinGuard } from './pin-guards';
import { findStaff, staffText } from './staff-records';

function lockouts(ctx: HandlerContext): Lockout[] {
  return lockedGuards(ctx.db, ctx.now).map((guard) => ({
    staffId: guard.staffId as Lockout['staffId'],
    name: guard.name,
    role: guard.role as Role,
    kind: guard.kind,
    lockedUntil: guard.held ? null : guard.lockedUntil,
    held: guard.held,
    rounds: guard.rounds,
  }));
}

export const lockoutHandlers = {
  'staff.lockouts': (ctx) => ({ lockouts: lockouts(ctx) }),

  /** A manager or owner vouches for someone locked out (held or timed) and lifts it, on the record. */
  'staff.clearLockout': (ctx, input) => {
    const session = requireSession(ctx);
    if (input.staffId === session.staffId) throw new AppError('unlock_self');
    const staff = findStaff(ctx.db, input.staffId);
    if (!staff) throw new AppError('not_found', { what: staffText });
    const before = readPinGuard(ctx.db, staff.id, input.kind);
    liftPinGuard(ctx.db, staff.id, input.kind);
    ctx.describe(`staff:${staff.id}`, {
      event: 'lockout_lifted',
      kind: input.kind,
      name: staff.name,
      held: before.held,
      lockedUntil: before.lockedUntil,
      rounds: before.rounds,
    });
    ctx.emit({ type: 'staff.changed' });
    return { lockouts: lockouts(ctx) };
  },
} satisfies Partial<Handlers>;
