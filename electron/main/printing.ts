import { app, BrowserWindow } from 'electron';

export type Paper = '58mm' | '80mm';
export type PrintOptions = { paper: Paper; silent: boolean; deviceName?: string };
export type PrintResult = { ok: true } | { ok: false; reason: string };

const paperMillimetres: Record<Paper, number> = { '58mm': 58, '80mm': 80 };
const micronsPerCssPixel = 25_400 / 96;

/**
 * The receipt is wrapped in a document of our own so its first element is a CSP that lets no
 * script run and nothing load from the network; stray <html>/<head> tags in the receipt are merged
 * away by the HTML parser.
 */
function receiptDocument(html: string, widthMm: number): string {
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`,
    `<style>@page { margin: 0 } html, body { margin: 0; width: ${widthMm}mm }</style>`,
    `</head><body>${html}</body></html>`,
  ].join('');
}

/**
 * Prints a receipt on roll paper. The page is exactly as long as the receipt (measured after
 * layout at the paper's width) so the printer neither cuts it into pages nor feeds blank paper.
 */
export async function printHtml(html: string, options: PrintOptions): Promise<PrintResult> {
  const widthMm = paperMillimetres[options.paper];
  const window = new BrowserWindow({
    show: false,
    width: Math.ceil((widthMm * 1000) / micronsPerCssPixel),
    height: 600,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(receiptDocument(html, widthMm))}`);
    const heightPx = Number(await window.webContents.executeJavaScript('document.documentElement.scrollHeight'));
    const heightMicrons = Math.max(Math.ceil(heightPx * micronsPerCssPixel), 10_000);
    return await new Promise<PrintResult>((resolve) => {
      window.webContents.print(
        {
          silent: options.silent,
          deviceName: options.deviceName,
          printBackground: true,
          margins: { marginType: 'none' },
          pageSize: { width: widthMm * 1000, height: heightMicrons },
        },
        (success, failureReason) => resolve(success ? { ok: true } : { ok: false, reason: failureReason }),
      );
    });
  } finally {
    window.destroy();
  }
}
