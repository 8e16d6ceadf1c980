import { AppError } from '../../../shared/errors';
import { type StaffId, uuidv7 } from '../../../shared/ids';
import type { Role } from '../../../shared/roles';
import { type HandlerContext, type Handlers, requireSession } from '../handler-context';
import { readStore } from '../store/store-records';
import { hashPin } from './pin';
import { auditPinFailure, judgePin } from './pin-check';
import { clearPinFailures, liftPinGuard, recordPinFailure } from './pin-guards';
import { findStaff, type StaffRow, staffStatements, staffText, toStaffInfo } from './staff-records';

export function createStaff(ctx: HandlerContext, input: { name: string; role: Role; pin: string; demoPin?: boolean }) {
  const id = uuidv7(ctx.now) as StaffId;
  const { hash, salt } = hashPin(input.pin, ctx.deviceSecret);
  staffStatements(ctx.db).insert.run({
    id,
    name: input.name,
    role: input.role,
    pinHash: hash,
    pinSalt: salt,
    demoPin: input.demoPin ? input.pin : null,
    now: ctx.now,
  });
  return { id, name: input.name, role: input.role, active: true };
}

/** Checks a PIN inside the caller's transaction; a wrong one is still counted after the rollback. */
function verifyPin(ctx: HandlerContext, staffId: string, pin: string, purpose: 'sign_in' | 'unlock'): StaffRow {
  const verdict = judgePin(ctx.db, ctx.deviceSecret, staffId, pin, ctx.now);
  if (!verdict.ok) {
    if (verdict.counts) {
      ctx.onRefused(() => {
        recordPinFailure(ctx.db, staffId, 'sign_in', ctx.now);
        const actor = ctx.session ? { id: ctx.session.staffId, name: ctx.session.name } : null;
        auditPinFailure(ctx, staffId, ctx.now, purpose, actor, { staffId, kind: 'sign_in' });
      });
    }
    throw verdict.error;
  }
  clearPinFailures(ctx.db, staffId, 'sign_in');
  return verdict.staff;
}

function requireStaff(ctx: HandlerContext, id: string): StaffRow {
  const row = findStaff(ctx.db, id);
  if (!row) throw new AppError('not_found', { what: staffText });
  return row;
}

export const staffHandlers = {
  'staff.signInOptions': (ctx) => {
    const demo = readStore(ctx.db, ctx.now)?.demo ?? false;
    const rows = staffStatements(ctx.db).activeForSignIn.all() as StaffRow[];
    return {
      staff: rows.map((row) => ({
        id: row.id,
        name: row.name,
        role: row.role,
        demoPin: demo ? row.demo_pin : null,
      })),
    };
  },

  'staff.signIn': (ctx, input) => {
    const staff = verifyPin(ctx, input.staffId, input.pin, 'sign_in');
    const session = ctx.sessions.start(staff, ctx.now);
    ctx.describe(`staff:${staff.id}`, { event: 'signed_in', role: staff.role }, { id: staff.id, name: staff.name });
    return { sessionToken: session.token, staff: toStaffInfo(staff) };
  },

  'staff.signOut': (ctx) => {
    const session = requireSession(ctx);
    ctx.sessions.end(session.token);
    ctx.describe(`staff:${session.staffId}`, { event: 'signed_out' });
    return {};
  },

  'staff.lock': (ctx) => {
    const session = requireSession(ctx);
    session.locked = true;
    ctx.describe(`staff:${session.staffId}`, { event: 'locked' });
    return { locked: true as const };
  },

  'staff.unlock': (ctx, input) => {
    const session = requireSession(ctx);
    verifyPin(ctx, session.staffId, input.pin, 'unlock');
    session.locked = false;
    ctx.describe(`staff:${session.staffId}`, { event: 'unlocked' });
    return { locked: false as const };
  },

  'staff.me': (ctx) => {
    const session = requireSession(ctx);
    return { staff: toStaffInfo(requireStaff(ctx, session.staffId)), locked: session.locked };
  },

  'staff.list': (ctx) => ({
    staff: (staffStatements(ctx.db).all.all() as StaffRow[]).map(toStaffInfo),
  }),

  'staff.create': (ctx, input) => {
    const created = createStaff(ctx, input);
    ctx.describe(`staff:${created.id}`, { name: created.name, role: created.role });
    ctx.emit({ type: 'staff.changed' });
    return created;
  },

  'staff.update': (ctx, input) => {
    const before = requireStaff(ctx, input.id);
    const after = {
      name: input.name ?? before.name,
      role: input.role ?? before.role,
      active: input.active ?? before.active === 1,
    };
    const q = staffStatements(ctx.db);
    q.update.run({ id: before.id, name: after.name, role: after.role, active: after.active ? 1 : 0, now: ctx.now });
    if (input.pin) {
      const { hash, salt } = hashPin(input.pin, ctx.deviceSecret);
      q.setPin.run({ id: before.id, pinHash: hash, pinSalt: salt, now: ctx.now });
      // A new PIN is a fresh start: whoever was guessing the old one guessed at nothing.
      liftPinGuard(ctx.db, before.id, 'sign_in');
      ctx.sessions.endFor(before.id, ctx.session?.token ?? null);
    }
    if ((q.activeOwners.get() as { n: number }).n === 0) throw new AppError('last_owner');
    ctx.sessions.updateStaff(before.id, after);
    ctx.describe(`staff:${before.id}`, {
      before: { name: before.name, role: before.role, active: before.active === 1 },
      after,
      pinReset: input.pin !== undefined,
    });
    ctx.emit({ type: 'staff.changed' });
    return toStaffInfo(requireStaff(ctx, before.id));
  },
} satisfies Partial<Handlers>;
