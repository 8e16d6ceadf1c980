import { useEffect, useRef } from 'react';
import { sessionStore } from '../api/session-store';
import { openOverlayCount } from './overlay-open';

/** Keys like `Alt+R`, `Ctrl+S`, `PageDown`, `F9`, mapped to what they do. */
export type KeyActions = Record<string, () => void>;

const punctuation: Record<string, string> = { Comma: ',', Period: '.', BracketLeft: '[', BracketRight: ']' };

/** By `event.code` for letters, digits and marks, so Alt+R stays Alt+R where Alt types a symbol. */
export function keyName(event: KeyboardEvent): string {
  const base = /^Key[A-Z]$/.test(event.code)
    ? event.code.slice(3)
    : /^Digit\d$/.test(event.code)
      ? event.code.slice(5)
      : (punctuation[event.code] ?? event.key);
  const mods = [event.ctrlKey || event.metaKey ? 'Ctrl' : '', event.altKey ? 'Alt' : '', event.shiftKey ? 'Shift' : ''];
  return [...mods.filter(Boolean), base].join('+');
}

/**
 * Shortcuts that belong to one layer of the window: the screen (depth 0), a drawer over it (1), a
 * dialog over that (2). A layer's keys act only while it is the top one, so Alt+R in a dialog never
 * also reaches the screen underneath, and nothing acts behind the lock screen.
 */
export function useKeyActions(actions: KeyActions, depth = 0, enabled = true): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat) return;
      const action = latest.current[keyName(event)];
      if (!action || sessionStore.get()?.locked || openOverlayCount() !== depth) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [depth, enabled]);
}
