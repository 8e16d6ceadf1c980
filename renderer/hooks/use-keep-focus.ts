import { type RefObject, useEffect } from 'react';
import { isEditableFocused, isOverlayOpen } from './overlay-open';

/**
 * Keeps a scanner's field focused: a barcode scanner is a keyboard, and its keys must never land on
 * a button someone just tapped. Leaves focus alone while a dialog is open or another field is in use.
 */
export function useKeepFocus(ref: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refocus = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const field = ref.current;
        if (!field || document.activeElement === field || field.disabled) return;
        if (isOverlayOpen() || isEditableFocused()) return;
        field.focus({ preventScroll: true });
      }, 0);
    };
    /** A key pressed while focus is elsewhere (a dialog just closed) still lands in the field. */
    const catchKey = (event: KeyboardEvent) => {
      const field = ref.current;
      if (!field || document.activeElement === field || event.ctrlKey || event.altKey || event.metaKey) return;
      if (event.key.length !== 1 || isOverlayOpen() || isEditableFocused()) return;
      field.focus({ preventScroll: true });
    };
    ref.current?.focus();
    document.addEventListener('keydown', catchKey, true);
    document.addEventListener('focusin', refocus);
    document.addEventListener('focusout', refocus);
    document.addEventListener('pointerup', refocus);
    // A dialog closing hands focus back without a focus event when its opener is gone.
    const safetyNet = setInterval(refocus, 500);
    return () => {
      clearTimeout(timer);
      clearInterval(safetyNet);
      document.removeEventListener('keydown', catchKey, true);
      document.removeEventListener('focusin', refocus);
      document.removeEventListener('focusout', refocus);
      document.removeEventListener('pointerup', refocus);
    };
  }, [ref]);
}
