import { useCallback, useRef } from 'react';

/**
 * A callback whose identity never changes but which always runs the latest version, so a memoized
 * list (products, categories) is not redrawn on every scan just because its handler was remade.
 */
export function useStableCallback<A extends unknown[], R>(callback: (...args: A) => R): (...args: A) => R {
  const latest = useRef(callback);
  latest.current = callback;
  return useCallback((...args: A) => latest.current(...args), []);
}

/**
 * Stable wrappers for a set of handlers made afresh on every render: the object and each function
 * keep their identity, so memoized toolbars see no change, while each call runs the latest handler.
 */
export function useStableActions<T extends Record<string, (...args: never[]) => unknown>>(actions: T): T {
  const latest = useRef(actions);
  latest.current = actions;
  const stable = useRef<T | null>(null);
  if (stable.current === null) {
    stable.current = Object.fromEntries(
      Object.keys(actions).map((name) => [name, (...args: never[]) => latest.current[name](...args)]),
    ) as T;
  }
  return stable.current;
}
