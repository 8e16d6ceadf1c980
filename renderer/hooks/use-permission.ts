import { type AccessDecision, decideAccess, type Permission } from '../../shared/roles';
import { useSession } from '../api/session-store';

/** What the signed-in person may do, to shape the screen; the core decides again on every call. */
export function usePermission(permission: Permission): AccessDecision {
  const session = useSession();
  return session ? decideAccess(session.staff.role, permission) : 'deny';
}
