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
};

/**
 * Sign-ins live in memory: a restart of the app signs everyone out, which is what a shared counter
 * wants, and no token is ever written to disk.
 */
export function createSessionStore() {
  const sessions = new Map<string, Session>();
  return {
    start(staff: { id: StaffId; name: string; role: Role }, now: number): Session {
      const session: Session = {
        token: randomBytes(24).toString('base64url'),
        staffId: staff.id,
        name: staff.name,
        role: staff.role,
        locked: false,
        startedAt: now,
      };
      sessions.set(session.token, session);
      return session;
    },
    get(token: string | null | undefined): Session | null {
      return token ? (sessions.get(token) ?? null) : null;
    },
    end(token: string): void {
      sessions.delete(token);
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
