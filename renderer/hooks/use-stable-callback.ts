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
