import { isUuid } from '../../data/stores';
import { ApiError } from '../../errors';
import { assignStore, createOrganisation, listOrganisations } from '../../owners/organisations';
import { inviteOwner, revokeOwner } from '../../owners/owner-invitations';
import { auditLines } from '../../owners/platform-audit';
import type { PlatformContext } from '../context';
import type { RouteHandlers } from './mount';

type OrganisationRoute =
  | 'admin.organisations.create'
  | 'admin.organisations.list'
  | 'admin.stores.assign'
  | 'admin.owners.invite'
  | 'admin.owners.revoke'
  | 'admin.audit';

/** The operator's side of brands; each change is audited in its own transaction (platform/owners). */
export function organisationHandlers(context: PlatformContext): RouteHandlers<OrganisationRoute> {
  const { sql } = context;
  return {
    'admin.organisations.create': async ({ input }) => createOrganisation(sql, input.name, context.now()),
    'admin.organisations.list': async () => ({ organisations: await listOrganisations(sql) }),
    'admin.stores.assign': async ({ params, input }) =>
      assignStore(sql, params.id, input.organisationId, context.now()),
    'admin.owners.invite': async ({ params, input }) => inviteOwner(sql, params.id, input, context.now()),
    'admin.audit': async ({ input }) => {
      const organisationId = input.organisationId ?? null;
      if (organisationId !== null && !isUuid(organisationId)) throw new ApiError(404, 'organisation_unknown');
      return { entries: await auditLines(sql, organisationId, input.limit) };
    },
    'admin.owners.revoke': async ({ params }) => revokeOwner(sql, params.id, context.now()),
  };
}
