import { useEffect, useRef } from 'react';

const activityEvents = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` once after `idleMs` without a key, click, touch or scroll. */
export function useIdle(idleMs: number, onIdle: () => void, enabled = true): void {
  const latest = useRef(onIdle);
  latest.current = onIdle;
  useEffect(() => {
    if (!enabled) return;
    let timer = setTimeout(() => latest.current(), idleMs);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), idleMs);
    };
    for (const name of activityEvents) window.addEventListener(name, reset, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, reset, { capture: true });
    };
  }, [idleMs, enabled]);
}
