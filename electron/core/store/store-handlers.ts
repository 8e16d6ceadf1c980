import { AppError } from '../../../shared/errors';
import { uuidv7 } from '../../../shared/ids';
import { createDemoStore } from '../demo/demo-store';
import type { HandlerContext, Handlers } from '../handler-context';
import { createStaff } from '../staff/staff-handlers';
import { readStore, requireStore as requireStoreRecord, storeStatements, writeMeta } from './store-records';

function requireNoStore(ctx: HandlerContext): void {
  if (readStore(ctx.db, ctx.now)) throw new AppError('already_set_up');
}

function requireStore(ctx: HandlerContext) {
  return requireStoreRecord(ctx.db, ctx.now);
}

export const storeHandlers = {
  'app.status': (ctx) => {
    const store = readStore(ctx.db, ctx.now);
    return {
      setUp: store !== null,
      store,
      deviceId: ctx.deviceId,
      schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    };
  },

  'store.create': (ctx, input) => {
    requireNoStore(ctx);
    const id = uuidv7(ctx.now);
    storeStatements(ctx.db).insert.run({
      id,
      name: input.name,
      timeZone: input.timeZone,
      currency: input.currency,
      dayCutoffHour: input.dayCutoffHour,
      demo: 0,
      now: ctx.now,
    });
    const owner = createStaff(ctx, { name: input.owner.name, role: 'owner', pin: input.owner.pin });
    ctx.describe(`store:${id}`, { name: input.name, timeZone: input.timeZone, owner: owner.id });
    ctx.emit({ type: 'store.changed' });
    return requireStore(ctx);
  },

  'store.createDemo': (ctx, input) => {
    requireNoStore(ctx);
    const summary = createDemoStore(ctx, input);
    ctx.describe(`store:${summary.storeId}`, summary);
    ctx.emit({ type: 'store.changed' });
    ctx.emit({ type: 'catalog.changed' });
    return requireStore(ctx);
  },

  'store.update': (ctx, input) => {
    const before = requireStore(ctx);
    const after = {
      name: input.name ?? before.name,
      timeZone: input.timeZone ?? before.timeZone,
      dayCutoffHour: input.dayCutoffHour ?? before.dayCutoffHour,
    };
    storeStatements(ctx.db).update.run({ ...after, now: ctx.now });
    const settings = { ...before.settings, ...input.settings };
    storeStatements(ctx.db).updateSettings.run({ settings: JSON.stringify(settings), now: ctx.now });
    const deviceCode = input.deviceCode ?? before.deviceCode;
    if (deviceCode !== before.deviceCode) writeMeta(ctx.db, 'device_code', deviceCode);
    ctx.describe(`store:${before.id}`, {
      before: {
        name: before.name,
        timeZone: before.timeZone,
        dayCutoffHour: before.dayCutoffHour,
        deviceCode: before.deviceCode,
        settings: before.settings,
      },
      after: { ...after, deviceCode, settings },
    });
    ctx.emit({ type: 'store.changed' });
    return requireStore(ctx);
  },
} satisfies Partial<Handlers>;
