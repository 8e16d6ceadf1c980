import { z } from 'zod';
import { ById } from './admin-stores';
import { route } from './define';
import { AuditLine, AuditQuery } from './franchise';

const NoParams = z.object({});
const NoInput = z.object({});
const Count = z.number().int();

/** An owner signs in with this: an e-mail address or a phone number, as the operator invited them. */
export const OWNER_LOGIN_MAX = 120;
export const OwnerLogin = z.string().trim().toLowerCase().min(3).max(OWNER_LOGIN_MAX);
export const OwnerName = z.string().trim().min(1).max(80);
export const OrganisationName = z.string().trim().min(1).max(80);

export const OwnerState = z.enum(['invited', 'active', 'revoked']);
export type OwnerState = z.infer<typeof OwnerState>;

export const Organisation = z.object({ organisationId: z.string(), name: z.string(), createdAt: Count });

const OrganisationView = Organisation.extend({
  stores: z.array(z.object({ storeId: z.string(), name: z.string() })),
  owners: z.array(z.object({ ownerId: z.string(), login: z.string(), name: z.string(), state: OwnerState })),
});
export type OrganisationView = z.infer<typeof OrganisationView>;

export const OwnerInvitation = z.object({
  ownerId: z.string(),
  login: z.string(),
  name: z.string(),
  organisationId: z.string(),
  invitationCode: z.string(),
  expiresAt: Count,
});
export type OwnerInvitation = z.infer<typeof OwnerInvitation>;

/** The operator's side of brands: organisations made, stores assigned, owners invited and revoked. */
export const organisationRoutes = {
  'admin.organisations.create': route({
    method: 'POST',
    path: '/v1/admin/organisations',
    params: NoParams,
    input: z.object({ name: OrganisationName }),
    output: Organisation,
    access: 'admin',
    mutates: true,
    status: 201,
  }),
  'admin.organisations.list': route({
    method: 'GET',
    path: '/v1/admin/organisations',
    params: NoParams,
    input: NoInput,
    output: z.object({ organisations: z.array(OrganisationView) }),
    access: 'admin',
    mutates: false,
  }),
  'admin.stores.assign': route({
    method: 'PUT',
    path: '/v1/admin/stores/:id/organisation',
    params: ById,
    input: z.object({ organisationId: z.string().max(64) }),
    output: z.object({ storeId: z.string(), organisationId: z.string() }),
    access: 'admin',
    mutates: true,
  }),
  'admin.owners.invite': route({
    method: 'POST',
    path: '/v1/admin/organisations/:id/owners',
    params: ById,
    input: z.object({ login: OwnerLogin, name: OwnerName }),
    output: OwnerInvitation,
    access: 'admin',
    mutates: true,
    status: 201,
  }),
  'admin.audit': route({
    method: 'GET',
    path: '/v1/admin/audit',
    params: NoParams,
    input: AuditQuery.extend({ organisationId: z.string().max(64).optional() }),
    output: z.object({ entries: z.array(AuditLine.extend({ organisationId: z.string().nullable() })) }),
    access: 'admin',
    mutates: false,
  }),
  'admin.owners.revoke': route({
    method: 'POST',
    path: '/v1/admin/owners/:id/revoke',
    params: ById,
    input: NoInput,
    output: z.object({ ownerId: z.string(), revoked: z.literal(true), sessionsEnded: Count }),
    access: 'admin',
    mutates: true,
  }),
};
