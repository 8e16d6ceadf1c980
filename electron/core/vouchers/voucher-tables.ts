import type { Database } from 'better-sqlite3';
import { Campaign, type DenialReason, VoucherPolicy } from '../../../shared/vouchers/campaign';
import type { VoucherKey } from '../../../shared/vouchers/voucher-verdict';
import { namedStatements } from '../db/open-database';

/**
 * What the sync pulled down to judge vouchers offline (keys, deny list, policy, campaigns). JSON
 * columns are validated with the shared schemas when read: a row that does not parse is treated as
 * absent, so a damaged row refuses vouchers rather than letting one through.
 */
const statements = namedStatements({
  keys: 'SELECT kid, public_key, valid_from, valid_to FROM voucher_keys',
  denial: 'SELECT reason FROM voucher_denials WHERE voucher_id = ?',
  policy: 'SELECT store_number, limits FROM voucher_policy WHERE id = 1',
  campaign: 'SELECT * FROM campaigns WHERE id = ?',
});

type KeyRow = { kid: number; public_key: string; valid_from: number; valid_to: number };
type CampaignRow = {
  id: number;
  name: string;
  type: string;
  value: number;
  valid_from: number;
  valid_to: number;
  active: number;
  rules: string;
  settlement_price: number | null;
};

export function readVoucherKeys(db: Database): Map<number, VoucherKey> {
  const rows = statements(db).keys.all() as KeyRow[];
  return new Map(
    rows.map((r) => [r.kid, { kid: r.kid, publicKey: r.public_key, validFrom: r.valid_from, validTo: r.valid_to }]),
  );
}

export function denialOf(db: Database, voucherId: string): DenialReason | null {
  const row = statements(db).denial.get(voucherId) as { reason: DenialReason } | undefined;
  return row?.reason ?? null;
}

export function readVoucherPolicy(db: Database): VoucherPolicy | null {
  const row = statements(db).policy.get() as { store_number: number; limits: string } | undefined;
  if (!row) return null;
  const parsed = VoucherPolicy.safeParse({ storeNumber: row.store_number, limits: parseJson(row.limits) });
  return parsed.success ? parsed.data : null;
}

export function readCampaign(db: Database, id: number): Campaign | null {
  const row = statements(db).campaign.get(id) as CampaignRow | undefined;
  if (!row) return null;
  const parsed = Campaign.safeParse({
    id: row.id,
    name: row.name,
    type: row.type,
    value: row.value,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    active: row.active === 1,
    rules: parseJson(row.rules),
    settlementPrice: row.settlement_price,
  });
  return parsed.success ? parsed.data : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
