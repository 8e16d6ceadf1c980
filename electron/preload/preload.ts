import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type { AppEvent, CallRequest, CounterBridge, Envelope } from '../../shared/contract';
import { refuseCall } from './allow-list';
import { eventChannel, invokeChannel, printChannel } from './channels';

const unreachable: Envelope<never> = {
  ok: false,
  error: { code: 'internal', message: 'The app could not pass this request on; nothing was saved.' },
};

const bridge: CounterBridge = {
  invoke(request: CallRequest): Promise<Envelope<unknown>> {
    const refusal = refuseCall(request);
    if (refusal) return Promise.resolve(refusal);
    // Values that cannot be cloned make invoke throw; the page expects an envelope, not an exception.
    return ipcRenderer.invoke(invokeChannel, request).catch(() => unreachable);
  },
  onEvent(listener: (event: AppEvent) => void): () => void {
    const forward = (_sender: IpcRendererEvent, event: AppEvent) => listener(event);
    ipcRenderer.on(eventChannel, forward);
    return () => {
      ipcRenderer.removeListener(eventChannel, forward);
    };
  },
  print(html: string, width: '58' | '80') {
    return ipcRenderer
      .invoke(printChannel, html, width)
      .catch(() => ({ ok: false as const, reason: 'The printer could not be reached.' }));
  },
};

contextBridge.exposeInMainWorld('counterBridge', bridge);
