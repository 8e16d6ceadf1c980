import type { Database } from 'better-sqlite3';
import { mutationPayloads } from '../../../shared/sync/mutations';
import type { PullStream } from '../../../shared/sync/wire';
import type { Campaign, VoucherDenial, VoucherPolicy } from '../../../shared/vouchers/campaign';
import type { VoucherKeyWire } from '../../../shared/vouchers/redemption-wire';
import { namedStatements } from '../db/open-database';
import type { TillDomain, TillMutation, TillStream } from '../sync/till-domain';
import { type SettledMutation, settleRedemption } from './redemption-settlement';

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
  forgetKeys: 'DELETE FROM voucher_keys',
  forgetDenials: 'DELETE FROM voucher_denials',
  forgetPolicy: 'DELETE FROM voucher_policy',
  upsertPolicy: `INSERT INTO voucher_policy (id, store_number, limits, updated_at) VALUES (1, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET store_number = excluded.store_number, limits = excluded.limits,
      updated_at = excluded.updated_at`,
});

function applyVoucherKey(db: Database, key: VoucherKeyWire): void {
  statements(db).upsertKey.run(key);
}

function applyCampaign(db: Database, campaign: Campaign, version: string): void {
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
function applyDenial(db: Database, denial: VoucherDenial): void {
  const q = statements(db);
  if (denial.denied) q.upsertDenial.run(denial.voucherId, denial.reason, denial.at);
  else q.deleteDenial.run(denial.voucherId);
}

function applyVoucherPolicy(db: Database, policy: VoucherPolicy, now: number): void {
  statements(db).upsertPolicy.run(policy.storeNumber, JSON.stringify(policy.limits), now);
}

/**
 * A key, denial or policy skipped for good would let a used voucher through offline: such a page is
 * taken again on the next pull. A till that left its platform judges none of its vouchers on its
 * own word, so those three go with the pairing; campaigns stay, for the redemptions already made.
 * No voucher change rings, and the screens hear of them once per pull.
 */
const told: Pick<TillStream<PullStream>, 'told' | 'toldAfterPull'> = {
  told: () => [{ type: 'vouchers.changed' }],
  toldAfterPull: true,
};

const voucherStreams: { [S in 'voucher_keys' | 'voucher_policy' | 'campaigns' | 'voucher_denials']: TillStream<S> } = {
  voucher_keys: {
    ...told,
    strict: true,
    apply: (db, key) => {
      applyVoucherKey(db, key);
      return false;
    },
    forget: (db) => statements(db).forgetKeys.run(),
  },
  voucher_policy: {
    ...told,
    strict: true,
    apply: (db, policy, { now }) => {
      applyVoucherPolicy(db, policy, now);
      return false;
    },
    forget: (db) => statements(db).forgetPolicy.run(),
  },
  campaigns: {
    ...told,
    apply: (db, campaign, { version }) => {
      applyCampaign(db, campaign, version);
      return false;
    },
  },
  voucher_denials: {
    ...told,
    strict: true,
    apply: (db, denial) => {
      applyDenial(db, denial);
      return false;
    },
    forget: (db) => statements(db).forgetDenials.run(),
  },
};

/**
 * A redemption's payload is written whole at enqueue: the order it discounts may be refunded and
 * the redemption row moved on before it is sent, and the platform must see what was decided then.
 * One that no longer reads as its schema goes as stored, so the platform refuses it by name and
 * the queue behind it moves on. The platform's answer settles the redemption in the push
 * response's transaction.
 */
const redemptionMutation = (type: SettledMutation['type']): TillMutation => ({
  payload: (_db, row) => {
    const raw: unknown = JSON.parse(row.payload);
    const parsed = mutationPayloads[type].safeParse(raw);
    return parsed.success ? parsed.data : raw;
  },
  settle: (env, row, result) => settleRedemption(env, { type, id: row.id, payload: row.payload }, result),
  settledEvent: { type: 'vouchers.changed' },
});

/** The voucher streams are pulled first: a fresh till can judge vouchers before a large catalog is down. */
export const voucherTill: TillDomain<keyof typeof voucherStreams, SettledMutation['type']> = {
  streams: voucherStreams,
  mutations: {
    'voucher.redeemed': redemptionMutation('voucher.redeemed'),
    'voucher.reversed': redemptionMutation('voucher.reversed'),
  },
  payloadSql: {},
};
