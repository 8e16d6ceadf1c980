import type { z } from 'zod';
import { adminStoreRoutes } from './admin-stores';
import type { RouteSpec } from './define';
import { franchiseRoutes } from './franchise';
import { franchiseCatalogRoutes } from './franchise-catalog';
import { franchiseStockRoutes } from './franchise-stock';
import { operatorOrderRoutes } from './operator-orders';
import { operatorVoucherRoutes } from './operator-vouchers';
import { organisationRoutes } from './organisations';
import { transferRoutes } from './transfers';

/**
 * The platform's own API, declared once (issue 16): the server's routes, the operator CLI's calls and
 * the app's client all come from this table. The device-signed sync, redemption, member and
 * statement routes and the operator's member routes are still written by hand.
 */
export const platformApi = {
  ...adminStoreRoutes,
  ...organisationRoutes,
  ...operatorOrderRoutes,
  ...operatorVoucherRoutes,
  ...franchiseRoutes,
  ...franchiseCatalogRoutes,
  ...franchiseStockRoutes,
  ...transferRoutes,
};

export type PlatformApi = typeof platformApi;
export type RouteName = keyof PlatformApi;
export const routeNames = Object.keys(platformApi) as RouteName[];

// An empty schema's input is `Record<string, never>`, which would swallow the other half.
type Fields<T> = string extends keyof T ? object : T;

/** What a caller passes: the path's parameters and the body or query, in one object. */
export type RouteInput<N extends RouteName> = Fields<z.input<PlatformApi[N]['params']>> &
  Fields<z.input<PlatformApi[N]['input']>>;
export type RouteOutput<N extends RouteName> = z.infer<PlatformApi[N]['output']>;

export function isRouteName(name: string): name is RouteName {
  return Object.hasOwn(platformApi, name);
}

export function routesWith(access: RouteSpec['access']): RouteName[] {
  return routeNames.filter((name) => platformApi[name].access === access);
}
