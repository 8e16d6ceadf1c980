import { RiskLimits, type VoucherDenial } from '../../shared/vouchers/campaign';
import { CAMPAIGN_COLUMNS, type CampaignRow, toCampaign } from '../vouchers/campaigns';
import type { PlatformDomain } from './platform-domain';
import { applyVoucherRedeemed, applyVoucherReversed } from './voucher-appliers';

type Versioned = { version: number };
type KeyRow = { kid: number; public_key: string; valid_from: number; valid_to: number } & Versioned;
type DenialRow = { id: string; denial_reason: VoucherDenial['reason']; denied: boolean; denied_at: number } & Versioned;
type PolicyRow = { number: number; limits: unknown } & Versioned;

/**
 * The voucher streams share the franchise-wide voucher counter; each store reads its slice. A
 * redemption pushed by one store moves the deny list of every store the voucher is good at.
 */
export const voucherDomain: PlatformDomain<
  'voucher_keys' | 'voucher_policy' | 'campaigns' | 'voucher_denials',
  'voucher.redeemed' | 'voucher.reversed'
> = {
  streams: {
    voucher_keys: {
      query: `SELECT kid, public_key, valid_from, valid_to, version FROM voucher_keys
           WHERE version > $2 AND $1::uuid IS NOT NULL ORDER BY version LIMIT $3`,
      head: '(SELECT COALESCE(max(version), 0) FROM voucher_keys)',
      change: (row: KeyRow) => ({
        id: String(row.kid),
        version: String(row.version),
        data: { kid: row.kid, publicKey: row.public_key, validFrom: row.valid_from, validTo: row.valid_to },
      }),
    },
    campaigns: {
      query: `SELECT ${CAMPAIGN_COLUMNS} FROM campaigns c
           WHERE c.version > $2 AND (c.store_id IS NULL OR c.store_id = $1) ORDER BY c.version LIMIT $3`,
      head: '(SELECT COALESCE(max(version), 0) FROM campaigns WHERE store_id IS NULL OR store_id = $1)',
      change: (row: CampaignRow) => ({ id: String(row.id), version: String(row.version), data: toCampaign(row) }),
    },
    voucher_denials: {
      query: `SELECT v.id, v.denial_reason, v.denied, v.denied_at, v.denial_version AS version
           FROM vouchers v JOIN campaigns c ON c.id = v.campaign_id
           WHERE v.denial_version > $2 AND (c.store_id IS NULL OR c.store_id = $1)
           ORDER BY v.denial_version LIMIT $3`,
      head: `(SELECT COALESCE(max(v.denial_version), 0) FROM vouchers v JOIN campaigns c ON c.id = v.campaign_id
         WHERE v.denial_version IS NOT NULL AND (c.store_id IS NULL OR c.store_id = $1))`,
      change: (row: DenialRow) => ({
        id: row.id,
        version: String(row.version),
        data: { voucherId: row.id, reason: row.denial_reason, denied: row.denied, at: row.denied_at },
      }),
    },
    voucher_policy: {
      query: `SELECT s.number, p.limits, p.version FROM voucher_policies p JOIN stores s ON s.id = p.store_id
           WHERE p.store_id = $1 AND p.version > $2 ORDER BY p.version LIMIT $3`,
      head: '(SELECT COALESCE(max(version), 0) FROM voucher_policies WHERE store_id = $1)',
      change: (row: PolicyRow) => ({
        id: 'store',
        version: String(row.version),
        data: { storeNumber: row.number, limits: RiskLimits.parse(row.limits) },
      }),
    },
  },
  mutations: {
    'voucher.redeemed': { apply: applyVoucherRedeemed, wakes: 'everyStore' },
    'voucher.reversed': { apply: applyVoucherReversed, wakes: 'everyStore' },
  },
};
