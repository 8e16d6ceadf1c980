import { compareStores } from '../../data/franchise-comparison';
import {
  checkSpan,
  daySums,
  franchiseFigures,
  organisationStores,
  requireOwnStore,
  totalOf,
} from '../../data/franchise-sales';
import { redeemInvitation } from '../../owners/owner-invitations';
import { signIn, signOut } from '../../owners/owner-sessions';
import { auditLines } from '../../owners/platform-audit';
import type { PlatformContext } from '../context';
import type { RouteHandlers } from './mount';

type FranchiseRoute =
  | 'owner.invitations.redeem'
  | 'owner.signIn'
  | 'owner.signOut'
  | 'owner.me'
  | 'franchise.audit'
  | 'franchise.stores'
  | 'franchise.sales'
  | 'franchise.compare'
  | 'franchise.storeSales';

/**
 * An owner's calls. Each reads or changes only what belongs to the organisation of the session's
 * owner; a store of another organisation is answered exactly like one that does not exist.
 */
export function franchiseHandlers(context: PlatformContext): RouteHandlers<FranchiseRoute> {
  const { sql } = context;
  return {
    'owner.invitations.redeem': async ({ input }) => redeemInvitation(sql, input, context.now()),
    'owner.signIn': async ({ input }) => signIn(sql, input, context.now()),
    'owner.signOut': async ({ owner }) => signOut(sql, owner, context.now()),
    'owner.me': async ({ owner }) => ({
      expiresAt: owner.expiresAt,
      owner: { ownerId: owner.ownerId, login: owner.login, name: owner.name },
      organisation: { organisationId: owner.organisationId, name: owner.organisationName },
    }),
    'franchise.audit': async ({ owner, input }) => ({
      entries: await auditLines(sql, owner.organisationId, input.limit),
    }),
    'franchise.stores': async ({ owner }) => ({ stores: await organisationStores(sql, owner.organisationId) }),
    'franchise.sales': async ({ owner, input }) => {
      const span = checkSpan(input);
      const [stores, days] = await Promise.all([
        organisationStores(sql, owner.organisationId),
        daySums(sql, owner.organisationId, span),
      ]);
      return {
        ...span,
        stores: stores.map((store) => ({
          storeId: store.storeId,
          name: store.name,
          currency: store.currency,
          ...franchiseFigures(totalOf(days.filter((day) => day.storeId === store.storeId))),
        })),
      };
    },
    'franchise.compare': async ({ owner, input }) => compareStores(sql, owner.organisationId, input),
    'franchise.storeSales': async ({ owner, params, input }) => {
      const store = await requireOwnStore(sql, owner.organisationId, params.id);
      const span = checkSpan(input);
      const days = await daySums(sql, owner.organisationId, span, store.storeId);
      return {
        storeId: store.storeId,
        name: store.name,
        currency: store.currency,
        ...span,
        days: days.map((day) => ({ day: day.day, ...franchiseFigures(day.sums) })),
        total: franchiseFigures(totalOf(days)),
      };
    },
  };
}
