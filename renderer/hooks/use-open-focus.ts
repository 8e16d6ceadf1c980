import { useCallback, useRef } from 'react';

/**
 * Puts the cursor in a dialog's field once the dialog has opened. `autoFocus` alone is not enough:
 * antd's focus trap moves the cursor to the dialog's first button (its close ×) as it opens, and
 * there typed digits go nowhere and Enter closes the dialog. Pass `afterOpenChange` to the Modal
 * and `ref` to the field.
 */
export function useOpenFocus<T extends { focus(): void }>() {
  const ref = useRef<T>(null);
  const afterOpenChange = useCallback((opened: boolean) => {
    if (opened) ref.current?.focus();
  }, []);
  return { ref, afterOpenChange };
}
