import { randomBytes } from 'node:crypto';
import type { DenialReason } from '../../shared/vouchers/campaign';
import { CampaignRules } from '../../shared/vouchers/campaign';
import { encodeVoucher, type VoucherClaims, voucherBytes, voucherFlags } from '../../shared/vouchers/cp1';
import type { IssuedVoucher, VoucherState, VoucherStatus } from '../../shared/vouchers/redemption-wire';
import { reserveVoucherVersions } from '../data/versions';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { campaignWithScope } from './campaigns';
import type { Kek } from './key-sealing';
import { currentSigningKey, type SigningKey, seconds, signBytes } from './keys';

/** How long a presentation token is good for. */
const PRESENTATION_TTL_S = 5 * 60;

export type VoucherRow = {
  id: string;
  campaign_id: number;
  holder: string | null;
  state: 'ACTIVE' | 'HELD' | 'REDEEMED' | 'SETTLED' | 'BLOCKED' | 'REVOKED' | 'DISPUTED';
  code: string;
  not_before: number;
  expires: number;
  issued_at: number;
  token_nonce: string | null;
};

function signClaims(key: SigningKey, claims: Omit<VoucherClaims, 'kid'>): string {
  const signed = voucherBytes({ ...claims, kid: key.kid });
  return encodeVoucher(signed, signBytes(key, signed));
}

function isVoucherId(id: string): boolean {
  return /^[0-9a-f]{24}$/.test(id);
}

/**
 * Signs `count` vouchers of a campaign with the current key. notBefore is clamped to the key's
 * validFrom: a till refuses a voucher dated before its key existed as signed by a retired key.
 */
export async function issueVouchers(
  sql: Sql,
  kek: Kek,
  campaignId: number,
  input: { count: number; holder: string | null },
  nowMs: number,
): Promise<IssuedVoucher[]> {
  const holders = Array.from({ length: input.count }, () => input.holder);
  return sql.transaction((tx) => issueToHolders(tx, kek, campaignId, holders, nowMs));
}

/** One voucher of the campaign for each holder (a member campaign's treated members), in the caller's transaction. */
export async function issueToHolders(
  tx: Queryable,
  kek: Kek,
  campaignId: number,
  holders: readonly (string | null)[],
  nowMs: number,
): Promise<IssuedVoucher[]> {
  const { row, storeScope } = await campaignWithScope(tx, campaignId);
  if (!row.active) throw new ApiError(409, 'voucher_campaign_inactive', { campaign: row.name });
  const key = await currentSigningKey(tx, kek);
  const notBefore = Math.max(row.valid_from, key.validFrom);
  if (notBefore >= row.valid_to)
    throw new ApiError(400, 'request_invalid', { detail: 'the campaign has ended; no voucher can be issued' });
  const rules = CampaignRules.parse(row.rules);
  const vouchers = holders.map((holder) => {
    const voucherId = randomBytes(12).toString('hex');
    const code = signClaims(key, {
      voucherId,
      campaignId: row.id,
      type: row.type,
      value: row.value,
      notBefore,
      expires: row.valid_to,
      storeScope,
      flags: rules.offlineAllowed ? voucherFlags.offlineAllowed : 0,
      nonce: null,
    });
    return { id: voucherId, code, expires: row.valid_to, holder };
  });
  await tx.query(
    `INSERT INTO vouchers (id, campaign_id, kid, holder, state, code, not_before, expires, issued_at)
     SELECT x.id, $1, $2, x.holder, 'ACTIVE', x.code, $3, $4, $5
     FROM jsonb_to_recordset($6::jsonb) AS x(id text, code text, holder text)`,
    [row.id, key.kid, notBefore, row.valid_to, nowMs, JSON.stringify(vouchers)],
  );
  return vouchers.map(({ holder: _holder, ...voucher }) => voucher);
}

/** Locks the voucher row: every change to a voucher and its redemptions queues here. */
export async function lockVoucher(tx: Queryable, voucherId: string): Promise<VoucherRow> {
  const [row] = isVoucherId(voucherId)
    ? await tx.query<VoucherRow>('SELECT * FROM vouchers WHERE id = $1 FOR UPDATE', [voucherId])
    : [];
  if (!row) throw new ApiError(404, 'voucher_unknown');
  return row;
}

/** Puts the voucher on (or, with denied false, takes it off) every till's deny list. */
export async function setDenial(
  tx: Queryable,
  voucherId: string,
  reason: DenialReason,
  denied: boolean,
  nowMs: number,
): Promise<void> {
  const version = await reserveVoucherVersions(tx, 1);
  await tx.query(
    'UPDATE vouchers SET denial_reason = $2, denied = $3, denied_at = $4, denial_version = $5 WHERE id = $1',
    [voucherId, reason, denied, nowMs, version],
  );
}

/** Blocks (pending a check) or revokes (for good) a voucher that is not used yet. */
export async function withdrawVoucher(
  sql: Sql,
  voucherId: string,
  state: 'BLOCKED' | 'REVOKED',
  nowMs: number,
): Promise<void> {
  await sql.transaction(async (tx) => {
    const voucher = await lockVoucher(tx, voucherId);
    if (voucher.state === state) return;
    if (voucher.state !== 'ACTIVE' && voucher.state !== 'BLOCKED') {
      throw new ApiError(409, 'voucher_state', { id: voucherId, state: voucher.state });
    }
    // A hold in progress is let go: the till that took it gets voucher_blocked when it captures.
    await tx.query(
      `UPDATE redemptions SET state = 'RELEASED', ended_at = $2 WHERE voucher_id = $1 AND state = 'HELD'`,
      [voucherId, nowMs],
    );
    await tx.query('UPDATE vouchers SET state = $2 WHERE id = $1', [voucherId, state]);
    await setDenial(tx, voucherId, state === 'BLOCKED' ? 'blocked' : 'revoked', true, nowMs);
  });
}

/**
 * A fresh presentation token: the same voucher with a random nonce, good for five minutes. It
 * replaces the previous one, so a screenshot of an older token is refused.
 */
export async function presentationToken(
  sql: Sql,
  kek: Kek,
  voucherId: string,
  nowMs: number,
): Promise<{ code: string; expires: number }> {
  return sql.transaction(async (tx) => {
    const voucher = await lockVoucher(tx, voucherId);
    const { row, storeScope } = await campaignWithScope(tx, voucher.campaign_id);
    const key = await currentSigningKey(tx, kek);
    const now = seconds(nowMs);
    const expires = Math.min(now + PRESENTATION_TTL_S, voucher.expires);
    const notBefore = Math.max(voucher.not_before, key.validFrom);
    if (notBefore >= expires) throw new ApiError(422, 'voucher_expired', { at: voucher.expires * 1000 });
    const nonce = randomBytes(16).toString('hex');
    const rules = CampaignRules.parse(row.rules);
    const code = signClaims(key, {
      voucherId,
      campaignId: row.id,
      type: row.type,
      value: row.value,
      notBefore,
      expires,
      storeScope,
      flags: (rules.offlineAllowed ? voucherFlags.offlineAllowed : 0) | voucherFlags.presentationToken,
      nonce,
    });
    await tx.query('UPDATE vouchers SET token_nonce = $2, token_expires = $3 WHERE id = $1', [
      voucherId,
      nonce,
      expires,
    ]);
    return { code, expires };
  });
}

type StatusRow = VoucherRow & {
  campaign_name: string;
  type: VoucherStatus['type'];
  value: number;
  store_number: number | null;
  redeemed_store: string | null;
  redeemed_at: number | null;
  redemption_id: string | null;
  hold_expires_at: number | null;
};

/** The voucher as the operator or a till of a store it is good at sees it; null when unknown. */
export async function voucherStatus(
  db: Queryable,
  voucherId: string,
  nowMs: number,
): Promise<{ status: VoucherStatus; storeScope: number } | null> {
  if (!isVoucherId(voucherId)) return null;
  const [row] = await db.query<StatusRow>(
    `SELECT v.*, c.name AS campaign_name, c.type, c.value, s.number AS store_number,
       r.id AS redemption_id, rs.name AS redeemed_store, r.captured_at AS redeemed_at, h.hold_expires_at
     FROM vouchers v
     JOIN campaigns c ON c.id = v.campaign_id
     LEFT JOIN stores s ON s.id = c.store_id
     LEFT JOIN redemptions r ON r.voucher_id = v.id AND r.state = 'CAPTURED'
     LEFT JOIN stores rs ON rs.id = r.store_id
     LEFT JOIN redemptions h ON h.voucher_id = v.id AND h.state = 'HELD'
     WHERE v.id = $1`,
    [voucherId],
  );
  if (!row) return null;
  const status: VoucherStatus = {
    id: row.id,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    type: row.type,
    value: row.value,
    state: wireState(row, nowMs),
    notBefore: row.not_before,
    expires: row.expires,
    issuedAt: row.issued_at,
    code: row.code,
    redeemed:
      row.redemption_id !== null && row.redeemed_at !== null
        ? { storeName: row.redeemed_store ?? '', at: row.redeemed_at, redemptionId: row.redemption_id }
        : null,
  };
  return { status, storeScope: row.store_number ?? 0 };
}

function wireState(row: StatusRow, nowMs: number): VoucherState {
  // A hold past its expiry is released lazily; whoever asks sees the voucher free already.
  const state = row.state === 'HELD' && (row.hold_expires_at ?? 0) <= nowMs ? 'ACTIVE' : row.state;
  if (state === 'ACTIVE' && seconds(nowMs) >= row.expires) return 'EXPIRED';
  return state;
}
