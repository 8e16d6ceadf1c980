import { useCallback } from 'react';
import { sessionStore } from '../api/session-store';
import { useApiMutation } from '../api/use-api';

export function useSessionActions() {
  const { mutate: tellLock } = useApiMutation('staff.lock');
  // Signing out always ends here, even if the core already forgot the session.
  const { mutate: tellSignOut } = useApiMutation('staff.signOut', { onSettled: () => sessionStore.clear() });

  /** The screen locks at once; the core is told too, so no call goes through until the PIN is back. */
  const lock = useCallback(() => {
    sessionStore.setLocked(true);
    tellLock({});
  }, [tellLock]);

  const signOut = useCallback(() => tellSignOut({}), [tellSignOut]);

  return { lock, signOut };
}
