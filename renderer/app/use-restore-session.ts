import { useEffect } from 'react';
import { sessionStore, useSession } from '../api/session-store';
import { useApiQuery } from '../api/use-api';

/** After a reload, picks the session back up from the token this tab kept; true while asking. */
export function useRestoreSession(): boolean {
  const session = useSession();
  const saved = sessionStore.savedToken();
  const restoring = session === null && saved !== null;
  const me = useApiQuery('staff.me', {}, { enabled: restoring, gcTime: 0 });

  useEffect(() => {
    if (!restoring || !saved) return;
    if (me.data) sessionStore.set({ token: saved, staff: me.data.staff, locked: me.data.locked });
    else if (me.error) sessionStore.clear();
  }, [restoring, saved, me.data, me.error]);

  return restoring;
}
