/** Whether a dialog or drawer is showing, so screen-level keys and refocusing leave it alone. */
export function isOverlayOpen(): boolean {
  for (const wrap of document.querySelectorAll<HTMLElement>('.ant-modal-wrap, .ant-drawer-content-wrapper')) {
    if (getComputedStyle(wrap).display !== 'none') return true;
  }
  return false;
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
