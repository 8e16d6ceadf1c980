import { randomBytes } from 'node:crypto';
import type { StaffId } from '../../../shared/ids';
import type { Role } from '../../../shared/roles';

export type Session = {
  token: string;
  staffId: StaffId;
  name: string;
  role: Role;
  locked: boolean;
  startedAt: number;
  lastSeenAt: number;
};

/** Longer than any shift; a terminal left signed in overnight asks for a PIN in the morning. */
export const sessionIdleLimitMs = 12 * 60 * 60 * 1000;

/**
 * Sign-ins live in memory: a restart of the app signs everyone out, which is what a shared counter
 * wants, and no token is ever written to disk.
 */
export function createSessionStore() {
  const sessions = new Map<string, Session>();
  return {
    start(staff: { id: StaffId; name: string; role: Role }, now: number): Session {
      // Sessions nobody signed out of are dropped here, so the map never outgrows a day's sign-ins.
      for (const [token, session] of sessions) {
        if (now - session.lastSeenAt > sessionIdleLimitMs) sessions.delete(token);
      }
      const session: Session = {
        token: randomBytes(24).toString('base64url'),
        staffId: staff.id,
        name: staff.name,
        role: staff.role,
        locked: false,
        startedAt: now,
        lastSeenAt: now,
      };
      sessions.set(session.token, session);
      return session;
    },
    get(token: string | null | undefined, now: number): Session | null {
      const session = token ? sessions.get(token) : undefined;
      if (!session) return null;
      if (now - session.lastSeenAt > sessionIdleLimitMs) {
        sessions.delete(session.token);
        return null;
      }
      session.lastSeenAt = now;
      return session;
    },
    end(token: string): void {
      sessions.delete(token);
    },
    /** After a PIN reset whoever knew the old PIN is signed out, except the person resetting it. */
    endFor(staffId: string, exceptToken: string | null): void {
      for (const [token, session] of sessions) {
        if (session.staffId === staffId && token !== exceptToken) sessions.delete(token);
      }
    },
    /** A role change or deactivation takes effect at once on every open session of that person. */
    updateStaff(staffId: string, change: { name: string; role: Role; active: boolean }): void {
      for (const [token, session] of sessions) {
        if (session.staffId !== staffId) continue;
        if (!change.active) sessions.delete(token);
        else Object.assign(session, { name: change.name, role: change.role });
      }
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
