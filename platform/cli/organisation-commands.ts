import type { OrganisationView } from '../../shared/platform-api/organisations';
import { readFlags, required } from './args';
import { operatorFrom } from './operator-client';
import type { CommandResult } from './operator-commands';

const connection = { url: { type: 'string' }, token: { type: 'string' } } as const;

const when = (epochMs: number) => new Date(epochMs).toISOString();

function organisationLines(organisation: OrganisationView): string[] {
  return [
    `${organisation.organisationId}  ${organisation.name}`,
    ...organisation.stores.map((store) => `  store ${store.storeId}  ${store.name}`),
    ...organisation.owners.map((owner) => `  owner ${owner.ownerId}  ${owner.login}  ${owner.name}  (${owner.state})`),
  ];
}

export async function organisationCreate(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, name: { type: 'string' } });
  const organisation = await operatorFrom(values).route('admin.organisations.create', {
    name: required(values, 'name'),
  });
  return { json: organisation, text: `organisation ${organisation.organisationId} created: ${organisation.name}` };
}

export async function organisationList(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, connection);
  const { organisations } = await operatorFrom(values).route('admin.organisations.list', {});
  return {
    json: { organisations },
    text: organisations.length === 0 ? 'no organisations' : organisations.flatMap(organisationLines).join('\n'),
  };
}

export async function storeAssign(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, store: { type: 'string' }, organisation: { type: 'string' } });
  const assigned = await operatorFrom(values).route('admin.stores.assign', {
    id: required(values, 'store'),
    organisationId: required(values, 'organisation'),
  });
  return { json: assigned, text: `store ${assigned.storeId} now belongs to organisation ${assigned.organisationId}` };
}

/** The code goes to the owner by a channel of the operator's choosing; they redeem it to set a password. */
export async function ownerInvite(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, {
    ...connection,
    organisation: { type: 'string' },
    login: { type: 'string' },
    name: { type: 'string' },
  });
  const invitation = await operatorFrom(values).route('admin.owners.invite', {
    id: required(values, 'organisation'),
    login: required(values, 'login'),
    name: required(values, 'name'),
  });
  return {
    json: invitation,
    text: `owner ${invitation.ownerId} invited: ${invitation.name} signs in as ${invitation.login}\ninvitation code: ${invitation.invitationCode} (one use, expires ${when(invitation.expiresAt)})`,
  };
}

export async function ownerRevoke(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, owner: { type: 'string' } });
  const revoked = await operatorFrom(values).route('admin.owners.revoke', { id: required(values, 'owner') });
  return {
    json: revoked,
    text: `owner ${revoked.ownerId} revoked; ${revoked.sessionsEnded} session(s) ended`,
  };
}
