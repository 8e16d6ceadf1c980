import type { FastifyInstance } from 'fastify';
import { CaptureRequest, RedemptionRequest, ReverseRequest } from '../../../shared/vouchers/redemption-wire';
import { ApiError, parseInput } from '../../errors';
import { listVoucherKeys } from '../../vouchers/keys';
import { redeem } from '../../vouchers/redeem';
import { captureById, numberOfStore, storeRedemption, toRedemptionWire } from '../../vouchers/redemptions';
import { reverseById } from '../../vouchers/reversal';
import { voucherStatus } from '../../vouchers/vouchers';
import type { PlatformContext } from '../context';
import { deviceSigned, signedDevice } from '../signed-requests';

type ById = { Params: { id: string } };

/** The till's side of redemption, signed by the device like `/v1/sync/*`; and the public key list. */
export function redemptionRoutes(app: FastifyInstance, context: PlatformContext): void {
  const { sql, notifier } = context;
  const signedRoute = deviceSigned(context);

  // Public keys are public: anyone may check a voucher's signature.
  app.get('/v1/voucher-keys', async () => ({ keys: await listVoucherKeys(sql) }));

  app.post('/v1/redemptions', signedRoute, async (request) => {
    const signed = signedDevice(request);
    const input = parseInput(RedemptionRequest, request.body);
    if (request.headers['idempotency-key'] !== input.id) throw new ApiError(400, 'idempotency_key_missing');
    if (input.deviceId !== signed.deviceId) throw new ApiError(403, 'device_mismatch');
    const answer = await redeem(sql, signed, input, context.now());
    if (answer.redemption.state === 'CAPTURED' && !answer.replayed) notifier.everyStoreChanged();
    return answer;
  });

  app.post<ById>('/v1/redemptions/:id/capture', signedRoute, async (request) => {
    const signed = signedDevice(request);
    const input = parseInput(CaptureRequest, request.body);
    const answer = await captureById(sql, signed, request.params.id, input, context.now());
    if (!answer.replayed) notifier.everyStoreChanged();
    return answer;
  });

  app.post<ById>('/v1/redemptions/:id/reverse', signedRoute, async (request) => {
    const signed = signedDevice(request);
    parseInput(ReverseRequest, request.body);
    const answer = await reverseById(sql, signed, request.params.id, context.now());
    notifier.everyStoreChanged();
    return answer;
  });

  app.get<ById>('/v1/redemptions/:id', signedRoute, async (request) => {
    const { storeId } = signedDevice(request);
    return { redemption: toRedemptionWire(await storeRedemption(sql, storeId, request.params.id)) };
  });

  // The operator (admin token) sees any voucher; a till only those good at its store.
  app.get<ById>('/v1/vouchers/:id', deviceSigned(context, { orAdmin: true }), async (request) => {
    const device = request.signedDevice;
    const storeNumber = device ? await numberOfStore(sql, device.storeId) : null;
    const found = await voucherStatus(sql, request.params.id, context.now());
    if (!found) throw new ApiError(404, 'voucher_unknown');
    if (storeNumber !== null && found.storeScope !== 0 && found.storeScope !== storeNumber) {
      throw new ApiError(403, 'voucher_other_store');
    }
    return found.status;
  });
}
