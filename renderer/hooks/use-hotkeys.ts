import { useEffect, useRef } from 'react';
import { sessionStore } from '../api/session-store';
import { isOverlayOpen } from './overlay-open';

export type Hotkeys = Record<string, () => void>;

/**
 * Function-key shortcuts for the whole window (F1…F12). They work while a text field has focus,
 * because the scan field always has it, but not behind an open dialog or the lock screen.
 */
export function useHotkeys(keys: Hotkeys, enabled = true): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
      const action = latest.current[event.key];
      if (!action || isOverlayOpen() || sessionStore.get()?.locked) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
