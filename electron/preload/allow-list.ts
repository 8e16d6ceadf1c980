import type { CallRequest, Envelope } from '../../shared/contract';
import { contractMethodNames, refusalTexts } from './methods.generated';

/**
 * The contract's methods as of the last build. Only the names: the preload must not bundle the
 * contract itself, which brings zod and the voucher codec into every window.
 */
export const builtMethodNames: ReadonlySet<string> = new Set(contractMethodNames);

/**
 * The check both ends of the IPC channel run before a call may reach the core: the preload so a
 * page cannot use the channel for anything the contract does not name, main because it cannot trust
 * that the preload ran (main passes the contract's own names). Returns the refusal, or null when the
 * call may go on.
 */
export function refuseCall(request: unknown, allowed: ReadonlySet<string> = builtMethodNames): Envelope<never> | null {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return { ok: false, error: { code: 'invalid_input', message: refusalTexts.notACall } };
  }
  const { method, locale } = request as Partial<CallRequest>;
  if (typeof method === 'string' && allowed.has(method)) return null;
  const name = typeof method === 'string' ? method.slice(0, 80) : `(${typeof method})`;
  // shared/locale's pickLocale, restated: importing it would bring zod along.
  const language = typeof locale === 'string' && locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const message = refusalTexts.unknownMethod[language].replace('{method}', () => name);
  return { ok: false, error: { code: 'unknown_method', message } };
}
