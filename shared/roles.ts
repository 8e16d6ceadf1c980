import { z } from 'zod';

export const Role = z.enum(['cashier', 'manager', 'owner']);
export type Role = z.infer<typeof Role>;

/** What a method needs, in the words of DOMAIN.md's role table. */
export const Permission = z.enum([
  'sell',
  'discount.override',
  'refund',
  'order.void',
  'cash.out',
  'cash.inAboveLimit',
  'drawer.noSale',
  'shift.closeWithVariance',
  'catalog.edit',
  'stock.edit',
  'reports.view',
  'audit.view',
  'staff.manage',
  'settings.manage',
  'platform.pair',
  'risk.manage',
  'staff.unlock',
  'feedback.followUp',
  'franchise.view',
]);
export type Permission = z.infer<typeof Permission>;

/** Actions a cashier may do only with a manager's PIN on that one action. */
const approvable: ReadonlySet<Permission> = new Set<Permission>([
  'discount.override',
  'refund',
  'order.void',
  'cash.out',
  'cash.inAboveLimit',
  'drawer.noSale',
]);

const ownerOnly: ReadonlySet<Permission> = new Set<Permission>([
  'staff.manage',
  'settings.manage',
  'platform.pair',
  'risk.manage',
  'franchise.view',
]);

export type AccessDecision = 'allow' | 'needs_approval' | 'deny';

export function decideAccess(role: Role, permission: Permission): AccessDecision {
  switch (role) {
    case 'owner':
      return 'allow';
    case 'manager':
      return ownerOnly.has(permission) ? 'deny' : 'allow';
    case 'cashier':
      if (permission === 'sell') return 'allow';
      return approvable.has(permission) ? 'needs_approval' : 'deny';
    default: {
      const unreachable: never = role;
      throw new Error(`unknown role ${String(unreachable)}`);
    }
  }
}

/** Whether someone with this role can approve another person's action needing `permission`. */
export function canApprove(role: Role, permission: Permission): boolean {
  return role !== 'cashier' && decideAccess(role, permission) === 'allow';
}
