import { useSyncExternalStore } from 'react';
import type { StaffInfo } from '../../shared/contract/staff';

export type Session = { token: string; staff: StaffInfo; locked: boolean };

/** Per tab and cleared with it: a reload keeps the cashier signed in, a new window does not. */
const storageKey = 'counter.sessionToken';

let current: Session | null = null;
const listeners = new Set<() => void>();

function publish(next: Session | null): void {
  current = next;
  if (next) sessionStorage.setItem(storageKey, next.token);
  else sessionStorage.removeItem(storageKey);
  for (const listener of listeners) listener();
}

export const sessionStore = {
  get: (): Session | null => current,
  /** The token to send: the live session's, or one saved before a reload while it is being restored. */
  token: (): string | null => current?.token ?? sessionStorage.getItem(storageKey),
  savedToken: (): string | null => sessionStorage.getItem(storageKey),
  set: (session: Session): void => publish(session),
  clear: (): void => publish(null),
  setLocked(locked: boolean): void {
    if (current && current.locked !== locked) publish({ ...current, locked });
  },
  updateStaff(staff: StaffInfo): void {
    if (current && current.staff.id === staff.id) publish({ ...current, staff });
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}
