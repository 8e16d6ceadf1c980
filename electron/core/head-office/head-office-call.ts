import {
  type CallRequest,
  contract,
  type Envelope,
  type HeadOfficeMethod,
  type ParsedInputOf,
} from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { pickLocale } from '../../../shared/locale';
import { PlatformRefusal } from '../../../shared/platform-api/client';
import { decideAccess } from '../../../shared/roles';
import { toErrorShape } from '../dispatcher';
import type { CoreEnvironment } from '../handler-context';
import { refuseBadSpan } from '../reports/report-spans';
import { readStore } from '../store/store-records';
import { transferStores } from '../transfers/transfer-stores';
import { franchiseCatalogAnswers } from './franchise-catalog-answers';
import { franchiseSpans, today } from './franchise-spans';
import { franchiseStockAnswers } from './franchise-stock-answers';
import { asOwner, auditOwner, type Checked } from './owner-calls';
import { asked, ownerClient } from './owner-platform';
import { type KeptOwnerSession, keepOwnerSession, ownerStatus, readOwnerSession } from './owner-session';

/**
 * Who may reach head office: on a till with a store, its signed-in owner (the permission, as the
 * dispatcher checks it); on an install with no store (a head-office console) there is nobody to
 * sign in locally, so the platform's owner session is the only key. Null: the dispatcher refuses.
 */
function checked<M extends HeadOfficeMethod>(env: CoreEnvironment, method: M, request: CallRequest): Checked<M> | null {
  const spec = contract[method];
  const parsed = spec.input.safeParse(request.input ?? {});
  if (!parsed.success) return null;
  const now = env.clock();
  const base = { input: parsed.data as ParsedInputOf<M>, now, locale: pickLocale(request.locale) };
  if (!readStore(env.db, now)) return { ...base, actor: null };
  const session = env.sessions.get(request.sessionToken, now);
  const access = spec.access;
  if (!session || session.locked || access === 'public' || access === 'signedIn') return null;
  if (decideAccess(session.role, access) !== 'allow') return null;
  return { ...base, actor: { id: session.staffId, name: session.name } };
}

/**
 * The head-office methods through `call`: checked as the dispatcher would, then the platform asked
 * with the owner's session. A refusal keeps the platform's own words (asked in the reader's
 * language); a session the platform no longer knows is forgotten here too.
 */
export async function callHeadOffice(
  env: CoreEnvironment,
  request: CallRequest & { method: HeadOfficeMethod },
  dispatch: (request: CallRequest) => Envelope<unknown>,
): Promise<Envelope<unknown>> {
  const method = request.method;
  const call = checked(env, method, request);
  if (!call) return dispatch(request);
  try {
    const value = await answer(env, method, call);
    return { ok: true, value: contract[request.method].output.parse(value) };
  } catch (error) {
    return { ok: false, error: toErrorShape(error, call.locale) };
  }
}

const answers: { [M in HeadOfficeMethod]: (env: CoreEnvironment, call: Checked<M>) => Promise<unknown> } = {
  'owner.status': async (env, call) => ownerStatus(env, call.now),
  'owner.signIn': (env, call) => signIn(env, call),
  'owner.signOut': (env, call) => signOut(env, call),
  'franchise.stores': (env, call) => asOwner(env, call, (client) => client.call('franchise.stores', {})),
  'franchise.sales': (env, call) => {
    const { firstDay, lastDay } = call.input;
    refuseBadSpan({ from: firstDay, to: lastDay });
    return asOwner(env, call, (client) => client.call('franchise.sales', { from: firstDay, to: lastDay }));
  },
  ...franchiseCatalogAnswers,
  ...franchiseStockAnswers,
  'franchise.compare': (env, call) => {
    const spans = franchiseSpans(call.input, today(env, call.now));
    return asOwner(env, call, (client) => client.call('franchise.compare', spans));
  },
  'transfers.stores': (env, call) => transferStores(env, call),
};

function answer<M extends HeadOfficeMethod>(env: CoreEnvironment, method: M, call: Checked<M>): Promise<unknown> {
  const run: (env: CoreEnvironment, call: Checked<M>) => Promise<unknown> = answers[method];
  return run(env, call);
}

async function signIn(env: CoreEnvironment, call: Checked<'owner.signIn'>) {
  const { login, password, platformUrl } = call.input;
  // A paired till's owner signs in where the till syncs: its stores are that platform's.
  const url = env.sync.link?.baseUrl ?? platformUrl;
  if (!url) throw new AppError('owner_platform_url_needed');
  const session = await asked(url, () => ownerClient(url, null, call.locale).call('owner.signIn', { login, password }));
  const kept: KeptOwnerSession = { ...session, platformUrl: url };
  keepOwnerSession(env.ownerSession, kept);
  auditOwner(env, call, 'owner.signIn', kept, {});
  return ownerStatus(env, call.now);
}

async function signOut(env: CoreEnvironment, call: Checked<HeadOfficeMethod>) {
  const kept = readOwnerSession(env.ownerSession, call.now);
  if (!kept) return ownerStatus(env, call.now);
  let endedOnPlatform = true;
  try {
    await ownerClient(kept.platformUrl, kept.token, call.locale).call('owner.signOut', {});
  } catch (error) {
    if (!(error instanceof PlatformRefusal)) throw error;
    // Forgotten here all the same: the platform ends it by itself when it expires.
    endedOnPlatform = false;
  }
  env.ownerSession.forget();
  auditOwner(env, call, 'owner.signOut', kept, { endedOnPlatform });
  return ownerStatus(env, call.now);
}
