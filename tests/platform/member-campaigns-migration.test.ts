import { describe, expect, it } from 'vitest';
import { lossEvents } from '../../platform/vouchers/policy';
import { onPlatformBefore } from '../support/platform-migration';

const store = '01900000-0000-7000-8000-0000000000a1';
const winnerStore = '01900000-0000-7000-8000-0000000000a2';
const device = '01900000-0000-7000-8000-0000000000d1';
const order = '01900000-0000-7000-8000-0000000000b1';
const voucher = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const won = '01900000-0000-7000-8000-0000000000e1';
const lost = '01900000-0000-7000-8000-0000000000e2';

describe('migration 0015 (member campaigns) on a platform with redemptions and a conflict loss', () => {
  it('keeps every redemption with no member, and each loss a conflict with its winner', async () => {
    await onPlatformBefore(15, async ({ sql, migrateRest, rest }) => {
      for (const [id, name] of [
        [store, 'Loser'],
        [winnerStore, 'Winner'],
      ]) {
        await sql.query(
          `INSERT INTO stores (id, name, currency, time_zone, created_at) VALUES ($1, $2, 'CNY', 'Asia/Shanghai', 1)`,
          [id, name],
        );
      }
      await sql.query(
        `INSERT INTO voucher_keys (kid, private_key_sealed, public_key, valid_from, valid_to, created_at, version)
         VALUES (1, 'sealed', 'public', 0, 9999999999, 0, 1)`,
      );
      await sql.query(
        `INSERT INTO campaigns (id, name, type, value, valid_from, valid_to, rules, created_at, version)
         VALUES (1, '立减5元', 'cash_off', 500, 0, 9999999999, '{"offlineAllowed": true}'::jsonb, 0, 1)`,
      );
      await sql.query(
        `INSERT INTO vouchers (id, campaign_id, kid, state, code, not_before, expires, issued_at)
         VALUES ($1, 1, 1, 'DISPUTED', 'CP1:x', 0, 9999999999, 0)`,
        [voucher],
      );
      for (const [id, state, at] of [
        [won, 'CAPTURED', 10],
        [lost, 'CONFLICT_LOST', 20],
      ] as const) {
        await sql.query(
          `INSERT INTO redemptions (voucher_id, id, request_digest, campaign_id, store_id, device_id, order_id, amount,
             mode, state, created_at, decided_at)
           VALUES ($1, $2, '', 1, $3, $4, $5, 500, 'offline', $6, $7, $7)`,
          [voucher, id, id === won ? winnerStore : store, device, order, state, at],
        );
      }
      await sql.query(
        `INSERT INTO loss_events (store_id, id, voucher_id, device_id, amount, decided_at, winner_redemption_id,
           winner_store_id, winner_at, recorded_at)
         VALUES ($1, $2, $3, $4, 500, 20, $5, $6, 10, 30)`,
        [store, lost, voucher, device, won, winnerStore],
      );

      expect(await migrateRest()).toBe(rest);
      expect(await sql.query('SELECT id, state, member_id FROM redemptions ORDER BY created_at')).toEqual([
        { id: won, state: 'CAPTURED', member_id: null },
        { id: lost, state: 'CONFLICT_LOST', member_id: null },
      ]);
      expect(await lossEvents(sql, store)).toEqual([
        {
          id: lost,
          reason: 'conflict',
          voucherId: voucher,
          storeId: store,
          storeName: 'Loser',
          deviceId: device,
          amount: 500,
          decidedAt: 20,
          recordedAt: 30,
          winner: { redemptionId: won, storeId: winnerStore, storeName: 'Winner', at: 10 },
          refusal: null,
          memberId: null,
        },
      ]);
      // A member-rule loss names no winner and keeps its refusal; a conflict must name its winner.
      await expect(
        sql.query(
          `INSERT INTO loss_events (store_id, id, voucher_id, device_id, amount, decided_at, recorded_at, reason)
           VALUES ($1, gen_random_uuid(), $2, $3, 500, 40, 50, 'member_rule')`,
          [store, voucher, device],
        ),
      ).rejects.toThrow(/loss_events_reason_shape/);
      await expect(
        sql.query(
          `INSERT INTO loss_events (store_id, id, voucher_id, device_id, amount, decided_at, recorded_at)
           VALUES ($1, gen_random_uuid(), $2, $3, 500, 40, 50)`,
          [store, voucher, device],
        ),
      ).rejects.toThrow(/loss_events_reason_shape/);
    });
  });
});
