import { AppError } from '../../../shared/errors';
import type { Handlers } from '../handler-context';
import { ownerStatus } from './owner-session';

const needsPlatform = () => {
  throw new AppError('owner_needs_platform');
};

// The dispatch makes no platform round trip: `call` asks the platform (head-office-call.ts), and
// reaches these only for the dispatcher's refusals.
export const headOfficeHandlers = {
  'owner.status': (ctx) => ownerStatus(ctx, ctx.now),
  'owner.signIn': needsPlatform,
  'owner.signOut': needsPlatform,
  'franchise.stores': needsPlatform,
  'franchise.sales': needsPlatform,
  'franchise.catalog': needsPlatform,
  'franchise.saveProduct': needsPlatform,
  'franchise.importCsv': needsPlatform,
  'franchise.storePrices': needsPlatform,
  'franchise.setStorePrice': needsPlatform,
  'franchise.allowLocalPrices': needsPlatform,
  'catalog.setLocalPrice': needsPlatform,
  'franchise.compare': needsPlatform,
  'franchise.stock': needsPlatform,
  'franchise.stockMovements': needsPlatform,
  'franchise.setLowStock': needsPlatform,
  'transfers.stores': needsPlatform,
} satisfies Partial<Handlers>;
