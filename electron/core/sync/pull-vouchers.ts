import type { Database } from 'better-sqlite3';
import type { Campaign, VoucherDenial, VoucherPolicy } from '../../../shared/vouchers/campaign';
import type { VoucherKeyWire } from '../../../shared/vouchers/redemption-wire';
import { namedStatements } from '../db/open-database';

/**
 * What the till needs to judge vouchers without the platform (PROTOCOL.md, Redemption): the
 * signing keys' public halves, every campaign's rules, the deny list and this store's risk limits.
 * Each is an upsert by its key, so a replayed page changes nothing.
 */
const statements = namedStatements({
  upsertKey: `INSERT INTO voucher_keys (kid, public_key, valid_from, valid_to) VALUES (@kid, @publicKey, @validFrom, @validTo)
    ON CONFLICT (kid) DO UPDATE SET public_key = excluded.public_key, valid_from = excluded.valid_from,
      valid_to = excluded.valid_to`,
  upsertCampaign: `INSERT INTO campaigns (id, name, type, value, valid_from, valid_to, active, rules, version,
      settlement_price)
    VALUES (@id, @name, @type, @value, @validFrom, @validTo, @active, @rules, @version, @settlementPrice)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, value = excluded.value,
      valid_from = excluded.valid_from, valid_to = excluded.valid_to, active = excluded.active,
      rules = excluded.rules, version = excluded.version, settlement_price = excluded.settlement_price`,
  upsertDenial: `INSERT INTO voucher_denials (voucher_id, reason, at) VALUES (?, ?, ?)
    ON CONFLICT (voucher_id) DO UPDATE SET reason = excluded.reason, at = excluded.at`,
  deleteDenial: 'DELETE FROM voucher_denials WHERE voucher_id = ?',
  upsertPolicy: `INSERT INTO voucher_policy (id, store_number, limits, updated_at) VALUES (1, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET store_number = excluded.store_number, limits = excluded.limits,
      updated_at = excluded.updated_at`,
});

export function applyVoucherKey(db: Database, key: VoucherKeyWire): void {
  statements(db).upsertKey.run(key);
}

export function applyCampaign(db: Database, campaign: Campaign, version: string): void {
  statements(db).upsertCampaign.run({
    id: campaign.id,
    name: campaign.name,
    type: campaign.type,
    value: campaign.value,
    validFrom: campaign.validFrom,
    validTo: campaign.validTo,
    active: campaign.active ? 1 : 0,
    rules: JSON.stringify(campaign.rules),
    version,
    // A group-buy campaign from a platform before settlement prices settles at its full value.
    settlementPrice: campaign.settlementPrice ?? (campaign.type === 'group_buy' ? campaign.value : null),
  });
}

/** A lifted entry (a reversed redemption gave the voucher back) leaves the list altogether. */
export function applyDenial(db: Database, denial: VoucherDenial): void {
  const q = statements(db);
  if (denial.denied) q.upsertDenial.run(denial.voucherId, denial.reason, denial.at);
  else q.deleteDenial.run(denial.voucherId);
}

export function applyVoucherPolicy(db: Database, policy: VoucherPolicy, now: number): void {
  statements(db).upsertPolicy.run(policy.storeNumber, JSON.stringify(policy.limits), now);
}
