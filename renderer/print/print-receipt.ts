import type { ReceiptWidth } from '../../shared/contract/orders';

/**
 * Prints a receipt or Z report the core rendered. The desktop shell prints it on roll paper through
 * `webContents.print`; in a browser it goes through a hidden frame and the browser's print dialog.
 */
export async function printReceipt(html: string, width: ReceiptWidth): Promise<void> {
  const bridge = window.counterBridge;
  if (bridge?.print) {
    const result = await bridge.print(html, width);
    if (!result.ok) throw new Error(result.reason);
    return;
  }
  await printInFrame(html, width);
}

function printInFrame(html: string, width: ReceiptWidth): Promise<void> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    frame.srcdoc = `<!doctype html><html><head><meta charset="utf-8"><style>@page { margin: 0; size: ${width}mm auto } html, body { margin: 0; width: ${width}mm }</style></head><body>${html}</body></html>`;
    frame.onload = () => {
      const view = frame.contentWindow;
      // print() blocks until the dialog closes; the frame goes once it has.
      view?.focus();
      view?.print();
      setTimeout(() => frame.remove(), 1_000);
      resolve();
    };
    document.body.appendChild(frame);
  });
}
