import type { Transport } from '../../shared/client';
import type { AppEvent, CounterBridge, Envelope } from '../../shared/contract';
import { pickLocale } from '../../shared/locale';

declare global {
  interface Window {
    counterBridge?: CounterBridge;
  }
}

export type Connection = {
  transport: Transport;
  onEvent(listener: (event: AppEvent) => void): () => void;
  kind: 'electron' | 'browser';
};

const tokenKey = 'counter.hostToken';

/** The browser host hands its per-launch token in the URL once; keep it for reloads, hide it. */
function hostToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(tokenKey, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(tokenKey) ?? '';
}

/** The core localizes its own errors; this one happens when the core cannot be reached at all. */
function unreachable(locale: string | null | undefined): string {
  return pickLocale(locale) === 'zh-CN'
    ? '无法连接柜台主程序，请确认它仍在运行，然后重试。'
    : 'Counter cannot reach its host. Check that it is still running, then try again.';
}

function httpConnection(): Connection {
  const token = hostToken();
  const transport: Transport = async (request) => {
    const { method, ...body } = request;
    try {
      const response = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-counter-token': token },
        body: JSON.stringify(body),
      });
      return (await response.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: unreachable(request.locale) } };
    }
  };
  const listeners = new Set<(event: AppEvent) => void>();
  let source: EventSource | null = null;
  return {
    transport,
    kind: 'browser',
    onEvent(listener) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
        source.onmessage = (message) => {
          const event = JSON.parse(message.data) as AppEvent;
          for (const each of listeners) each(event);
        };
      }
      return () => listeners.delete(listener);
    },
  };
}

export function connect(): Connection {
  const bridge = window.counterBridge;
  if (bridge) return { transport: (request) => bridge.invoke(request), onEvent: bridge.onEvent, kind: 'electron' };
  return httpConnection();
}
