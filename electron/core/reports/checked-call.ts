import { type CallRequest, contract, type MethodName, type ParsedInputOf } from '../../../shared/contract';
import type { StoreInfo } from '../../../shared/contract/store';
import { decideAccess } from '../../../shared/roles';
import type { CoreEnvironment } from '../handler-context';
import { readStore } from '../store/store-records';

/**
 * A read run outside the dispatcher (in the report worker, or after asking the platform), checked
 * first as the dispatcher would: input, session, permission. Null when anything is refused: the
 * caller then dispatches, and the dispatcher gives the precise refusal.
 */
export function checkedCall<M extends MethodName>(
  env: CoreEnvironment,
  method: M,
  request: CallRequest,
): { input: ParsedInputOf<M>; store: StoreInfo; now: number } | null {
  const spec = contract[method];
  const parsed = spec.input.safeParse(request.input ?? {});
  const now = env.clock();
  const session = env.sessions.get(request.sessionToken, now);
  const store = readStore(env.db, now);
  const access = spec.access;
  const allowed =
    session &&
    !session.locked &&
    access !== 'public' &&
    access !== 'signedIn' &&
    decideAccess(session.role, access) === 'allow';
  if (!parsed.success || !allowed || !store) return null;
  return { input: parsed.data as ParsedInputOf<M>, store, now };
}
