import { type AppEvent, type CallRequest, type Envelope, methodNames } from '../../shared/contract';
import { refuseCall } from '../preload/allow-list';
import { eventChannel, invokeChannel, printChannel } from '../preload/channels';

/** The slice of an invoke event the guard reads; Electron's IpcMainInvokeEvent fits it. */
export type InvokeEventLike = { senderFrame: { url: string } | null };

/** The part of `ipcMain` this module uses, so tests can hand in a fake. */
export type IpcLike = {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
};

export type IpcCore = {
  call(request: CallRequest): Promise<Envelope<unknown>>;
  subscribe(listener: (event: AppEvent) => void): () => void;
};

export type SendToWindows = (channel: string, event: AppEvent) => void;

export type PrintResult = { ok: true } | { ok: false; reason: string };
/** Prints a receipt the core rendered on roll paper of the given width (mm). */
export type PrintReceipt = (html: string, width: '58' | '80') => Promise<PrintResult>;

/** Main checks against the contract itself, not the preload's copy of its names. */
const contractMethods: ReadonlySet<string> = new Set(methodNames);

/** A receipt is a few kilobytes; anything far larger is not one. */
const maxReceiptLength = 1_000_000;

/**
 * Wires the core to the one invoke channel and the one event channel. Returns the undo, for quit
 * and for tests.
 */
export function registerCounterIpc(
  ipc: IpcLike,
  core: IpcCore,
  isTrustedSender: (frameUrl: string) => boolean,
  sendToWindows: SendToWindows = () => {},
  print: PrintReceipt | null = null,
): () => void {
  ipc.handle(invokeChannel, (event, request) => {
    // A frame that navigated away (or was destroyed) mid-call has no URL to vouch for it.
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isTrustedSender(frameUrl)) return forbidden();
    const refusal = refuseCall(request, contractMethods);
    if (refusal) return refusal;
    return core.call(toCall(request as Record<string, unknown>));
  });
  ipc.handle(printChannel, async (event, html, width): Promise<PrintResult> => {
    if (!isTrustedSender(event.senderFrame?.url ?? '')) return { ok: false, reason: 'This page may not print.' };
    if (typeof html !== 'string' || html.length > maxReceiptLength || (width !== '58' && width !== '80')) {
      return { ok: false, reason: 'Not a receipt.' };
    }
    if (!print) return { ok: false, reason: 'No printer in this shell.' };
    return print(html, width);
  });
  const unsubscribe = core.subscribe((event) => sendToWindows(eventChannel, event));
  return () => {
    unsubscribe();
    ipc.removeHandler(invokeChannel);
    ipc.removeHandler(printChannel);
  };
}

function forbidden(): Envelope<never> {
  return { ok: false, error: { code: 'forbidden', message: 'This page may not use Counter.' } };
}

/** Only the fields a call is made of, with the same coercion the browser host applies. */
function toCall(raw: Record<string, unknown>): CallRequest {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const approval = raw.approval;
  return {
    method: raw.method as string,
    input: raw.input ?? {},
    sessionToken: text(raw.sessionToken),
    approval: approval && typeof approval === 'object' ? (approval as CallRequest['approval']) : null,
    locale: text(raw.locale),
  };
}
