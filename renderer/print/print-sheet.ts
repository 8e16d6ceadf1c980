/**
 * Prints a page (A4 or letter) rather than a receipt: the sample vouchers, for instance. It goes
 * through a hidden frame and the system print dialog, in the browser and in the desktop shell alike.
 */
export function printSheet(title: string, body: string, style: string): Promise<void> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    frame.srcdoc = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>@page { margin: 12mm } body { font-family: system-ui, sans-serif; margin: 0 } ${style}</style></head><body>${body}</body></html>`;
    frame.onload = () => {
      const view = frame.contentWindow;
      view?.focus();
      view?.print();
      setTimeout(() => frame.remove(), 1_000);
      resolve();
    };
    document.body.appendChild(frame);
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
