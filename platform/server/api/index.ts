import type { FastifyInstance } from 'fastify';
import type { PlatformContext } from '../context';
import { adminStoreHandlers } from './admin-store-handlers';
import { franchiseCatalogHandlers } from './franchise-catalog-handlers';
import { franchiseHandlers } from './franchise-handlers';
import { franchiseStockHandlers } from './franchise-stock-handlers';
import { mountPlatformApi } from './mount';
import { operatorOrderHandlers } from './operator-order-handlers';
import { operatorVoucherHandlers } from './operator-voucher-handlers';
import { organisationHandlers } from './organisation-handlers';
import { transferHandlers } from './transfer-handlers';

/** The routes of the platform's contract, each with its handler; a route without one does not compile. */
export function platformApiRoutes(app: FastifyInstance, context: PlatformContext): void {
  mountPlatformApi(app, context, {
    ...adminStoreHandlers(context),
    ...organisationHandlers(context),
    ...operatorOrderHandlers(context),
    ...operatorVoucherHandlers(context),
    ...franchiseHandlers(context),
    ...franchiseCatalogHandlers(context),
    ...franchiseStockHandlers(context),
    ...transferHandlers(context),
  });
}
