import { type CallRequest, type Envelope, methodNames } from '../../shared/contract';
import { errorMessage } from '../../shared/errors';
import { pickLocale } from '../../shared/locale';

const allowed: ReadonlySet<string> = new Set(methodNames);

/**
 * The check both ends of the IPC channel run before a call may reach the core: the preload so a
 * page cannot use the channel for anything the contract does not name, main because it cannot trust
 * that the preload ran. Returns the refusal, or null when the call may go on.
 */
export function refuseCall(request: unknown): Envelope<never> | null {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return {
      ok: false,
      error: { code: 'invalid_input', message: errorMessage('invalid_input', { detail: 'not a call' }, 'en') },
    };
  }
  const { method, locale } = request as Partial<CallRequest>;
  if (typeof method === 'string' && allowed.has(method)) return null;
  const name = typeof method === 'string' ? method.slice(0, 80) : `(${typeof method})`;
  const language = pickLocale(typeof locale === 'string' ? locale : null);
  return {
    ok: false,
    error: { code: 'unknown_method', message: errorMessage('unknown_method', { method: name }, language) },
  };
}
