import type { PlatformApi, RouteInput, RouteName } from '../../../shared/platform-api';
import { type PlatformCredential, platformClient, routeRequest } from '../../../shared/platform-api/client';
import type { OwnerSession } from '../../../shared/platform-api/franchise';
import type { Answer } from './clients';

/** The platform's contract as the app calls it, with an owner's session, the admin token, or nothing. */
export function franchiseClient(url: string, credential: PlatformCredential = null) {
  return platformClient({ url, credential, language: 'en', fetch });
}

export type OwnerRoute = { [N in RouteName]: PlatformApi[N]['access'] extends 'owner' ? N : never }[RouteName];

/** A route's request sent as is with the given headers, its answer unread by any client. */
export async function rawCall<N extends RouteName>(
  url: string,
  name: N,
  input: RouteInput<N>,
  headers: Record<string, string> = {},
): Promise<Answer & { text: string }> {
  const { method, pathAndQuery, body } = routeRequest(name, input);
  const response = await fetch(url + pathAndQuery, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, text };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** An organisation with its stores and an owner who redeemed their invitation, made through the contract. */
export async function brandWithOwner(
  url: string,
  adminToken: string,
  name: string,
  storeNames: string[],
  password: string,
): Promise<{
  organisationId: string;
  stores: { storeId: string; name: string; pairingCode: string }[];
  session: OwnerSession;
  login: string;
}> {
  const admin = franchiseClient(url, { kind: 'admin', token: adminToken });
  const { organisationId } = await admin.call('admin.organisations.create', { name });
  const stores = [];
  for (const storeName of storeNames) {
    const store = await admin.call('admin.stores.create', { name: storeName });
    await admin.call('admin.stores.assign', { id: store.storeId, organisationId });
    stores.push(store);
  }
  const login = `owner-${organisationId.slice(-8)}@example.com`;
  const invitation = await admin.call('admin.owners.invite', { id: organisationId, login, name: `${name} owner` });
  const session = await franchiseClient(url).call('owner.invitations.redeem', {
    code: invitation.invitationCode,
    password,
  });
  return { organisationId, stores, session, login };
}
