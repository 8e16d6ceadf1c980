const overlaySelector = '.ant-modal-wrap, .ant-drawer-content-wrapper';

/** A dialog on its way out no longer counts, so a key pressed during its closing animation still acts. */
function leaving(wrap: Element): boolean {
  return [wrap, wrap.firstElementChild].some((element) => /-leave\b/.test(element?.className.toString() ?? ''));
}

/** How many dialogs and drawers are showing: 0 is the screen itself, 1 a drawer or dialog over it, … */
export function openOverlayCount(): number {
  let count = 0;
  for (const wrap of document.querySelectorAll<HTMLElement>(overlaySelector)) {
    if (getComputedStyle(wrap).display !== 'none' && !leaving(wrap)) count += 1;
  }
  return count;
}

/** Whether a dialog or drawer is showing, so screen-level keys and refocusing leave it alone. */
export function isOverlayOpen(): boolean {
  return openOverlayCount() > 0;
}

const nonTextInputs = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** A field someone types into (text, number, select, editable) has focus: typing belongs to it. */
export function isEditableFocused(): boolean {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return false;
  if (active instanceof HTMLInputElement) return !nonTextInputs.has(active.type);
  return (
    active instanceof HTMLTextAreaElement ||
    active instanceof HTMLSelectElement ||
    active.isContentEditable ||
    active.getAttribute('role') === 'combobox'
  );
}
