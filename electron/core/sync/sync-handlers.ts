import { AppError } from '../../../shared/errors';
import type { Handler } from '../handler-context';
import {
  forgetPairing,
  readPairing,
  readRecordsNeedingAttention,
  readSyncStatus,
  writePairingProblem,
  writePairingRequest,
} from './sync-records';
import { forgetPlatformData } from './till-sync';

export const syncHandlers: {
  'sync.status': Handler<'sync.status'>;
  'sync.pair': Handler<'sync.pair'>;
  'sync.unpair': Handler<'sync.unpair'>;
  'sync.attention': Handler<'sync.attention'>;
  'sync.retryNow': Handler<'sync.retryNow'>;
} = {
  'sync.status': (ctx) => readSyncStatus(ctx.db, ctx.sync.state(ctx.now), ctx.locale),
  'sync.pair': (ctx, input) => {
    const pairing = readPairing(ctx.db);
    if (pairing) throw new AppError('already_paired', { url: pairing.platformUrl });
    const platformUrl = input.platformUrl.replace(/\/+$/, '');
    writePairingRequest(ctx.db, { platformUrl, code: input.code, at: ctx.now });
    writePairingProblem(ctx.db, null);
    // The code is a one-time secret: the audit log names the platform, not the code.
    ctx.describe('platform', { platformUrl });
    ctx.sync.wake();
    ctx.emit({ type: 'sync.changed' });
    return readSyncStatus(ctx.db, ctx.sync.state(ctx.now), ctx.locale);
  },
  'sync.unpair': (ctx) => {
    const pairing = forgetPairing(ctx.db);
    forgetPlatformData(ctx.db);
    // No voucher hold may be signed for a platform this till has just left.
    ctx.sync.link = null;
    ctx.describe('platform', { platformUrl: pairing?.platformUrl ?? null, unpaired: true });
    ctx.sync.wake();
    ctx.emit({ type: 'sync.changed' });
    return readSyncStatus(ctx.db, 'offline', ctx.locale);
  },
  'sync.attention': (ctx) => readRecordsNeedingAttention(ctx.db, ctx.locale),
  'sync.retryNow': (ctx) => {
    ctx.sync.retryNow();
    return {};
  },
};
