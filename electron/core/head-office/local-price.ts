import { AppError } from '../../../shared/errors';
import { platformApi } from '../../../shared/platform-api';
import { platformMessage } from '../../../shared/sync/platform-messages';
import { appendAudit } from '../audit/audit-chain';
import { requireProduct, toProduct } from '../catalog/product-records';
import type { CoreEnvironment } from '../handler-context';
import { callPlatform, PlatformCallError } from '../sync/platform-client';
import type { Checked } from './owner-calls';

/** A person waits at the editor; one price is a small call. */
const TIMEOUT_MS = 15_000;

/**
 * This store's own price of a product of the brand's catalog, set by its manager from the till. The
 * platform decides (the owner must allow it for this store and product, and the change must be made
 * against the version this till holds); the new price comes back through the catalog stream.
 */
export async function setLocalPrice(env: CoreEnvironment, call: Checked<'catalog.setLocalPrice'>) {
  const link = env.sync.link;
  if (!link) throw new AppError('catalog_local_price_unpaired');
  const product = toProduct(requireProduct(env.db, call.input.productId));
  if (product.platformVersion === null) throw new AppError('catalog_local_price_own_product');
  const item = {
    sku: product.sku,
    price: call.input.price,
    available: null,
    expectedVersion: call.input.expectedVersion,
  };
  let version: number;
  try {
    ({ version } = await callPlatform({
      baseUrl: link.baseUrl,
      method: 'POST',
      pathAndQuery: platformApi['device.prices.put'].path,
      body: { items: [item] },
      signer: { deviceId: link.deviceId, key: link.key },
      answer: platformApi['device.prices.put'].output,
      timeoutMs: TIMEOUT_MS,
      now: env.clock(),
    }));
  } catch (error) {
    if (!(error instanceof PlatformCallError)) throw error;
    const problem = error.problem;
    if (problem.kind === 'unreachable' || problem.status >= 500) {
      const detail = problem.kind === 'unreachable' ? problem.detail : `HTTP ${problem.status}`;
      throw new AppError('owner_platform_unreachable', { url: link.baseUrl, detail });
    }
    const message = platformMessage(problem.code, call.locale, problem.params, problem.message);
    const code = problem.code === 'catalog_version_stale' ? 'catalog_version_stale' : 'catalog_platform_refused';
    throw new AppError(code, { message }, { code: problem.code, status: problem.status });
  }
  env.db.transaction(() => {
    appendAudit(env.db, env.auditKey, {
      at: call.now,
      action: 'catalog.setLocalPrice',
      staffId: call.actor?.id ?? null,
      staffName: call.actor?.name ?? null,
      approverId: null,
      approverName: null,
      subject: `product:${product.id}`,
      detail: {
        sku: product.sku,
        before: product.price,
        after: item.price,
        madeAgainst: item.expectedVersion,
        version,
      },
    });
  })();
  return { version };
}
