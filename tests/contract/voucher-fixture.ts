import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { recordPulled } from '../../electron/core/sync/sync-records';
import type { CampaignRules, RiskLimits } from '../../shared/vouchers/campaign';
import {
  encodeVoucher,
  type VoucherClaims,
  type VoucherType,
  voucherBytes,
  voucherFlags,
} from '../../shared/vouchers/cp1';

/**
 * A till's voucher tables filled as a pull from the platform would leave them, with a signing key
 * of the test's own, for suites that judge vouchers without a platform (the role walk, the bench).
 * The real platform path is covered by tests/integration/voucher-redemption.test.ts.
 */
export type TestSigner = { kid: number; publicKey: string; issue(claims: Partial<VoucherClaims>): string };

export function testSigner(kid = 1): TestSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = String(publicKey.export({ format: 'jwk' }).x);
  const now = Math.floor(Date.now() / 1000);
  return {
    kid,
    publicKey: raw,
    issue(partial) {
      const claims: VoucherClaims = {
        kid,
        voucherId: randomBytes(12).toString('hex'),
        campaignId: 1,
        type: 'cash_off',
        value: 500,
        notBefore: now - 3600,
        expires: now + 30 * 86_400,
        storeScope: 0,
        flags: voucherFlags.offlineAllowed,
        nonce: null,
        ...partial,
      };
      const signed = voucherBytes(claims);
      return encodeVoucher(signed, new Uint8Array(sign(null, signed, privateKey)));
    },
  };
}

export type TestCampaign = {
  id: number;
  name: string;
  type: VoucherType;
  value: number;
  rules?: Partial<CampaignRules>;
};

const ruleDefaults: CampaignRules = {
  minSpend: 0,
  cap: null,
  skus: [],
  categories: [],
  itemSku: null,
  windows: [],
  exclusive: false,
  stackingGroup: null,
  maxPerOrder: 1,
  perCustomerLimit: null,
  audience: { kind: 'everyone' },
  perMemberLimit: null,
  offlineAllowed: true,
  reversalWindowHours: 72,
};

export function installVoucherTables(
  db: Database,
  setup: { signer: TestSigner; storeNumber: number; campaigns: TestCampaign[]; limits?: Partial<RiskLimits> },
): void {
  const now = Math.floor(Date.now() / 1000);
  db.transaction(() => {
    db.prepare('INSERT OR REPLACE INTO voucher_keys (kid, public_key, valid_from, valid_to) VALUES (?, ?, ?, ?)').run(
      setup.signer.kid,
      setup.signer.publicKey,
      now - 86_400,
      now + 365 * 86_400,
    );
    db.prepare('INSERT OR REPLACE INTO voucher_policy (id, store_number, limits, updated_at) VALUES (1, ?, ?, ?)').run(
      setup.storeNumber,
      JSON.stringify(setup.limits ?? {}),
      Date.now(),
    );
    for (const c of setup.campaigns) {
      db.prepare(
        `INSERT OR REPLACE INTO campaigns (id, name, type, value, valid_from, valid_to, active, rules, version)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?, '1')`,
      ).run(
        c.id,
        c.name,
        c.type,
        c.value,
        now - 86_400,
        now + 365 * 86_400,
        JSON.stringify({ ...ruleDefaults, ...c.rules }),
      );
    }
    recordPulled(db, Date.now());
  })();
}
