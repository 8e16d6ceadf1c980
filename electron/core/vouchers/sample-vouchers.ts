import type { Database } from 'better-sqlite3';
import { SampleVoucher } from '../../../shared/contract/vouchers';
import { namedStatements } from '../db/open-database';
import type { Handler } from '../handler-context';

/**
 * The demo store's vouchers, one per campaign type, issued by its own platform so they scan and
 * redeem like any real one. Shown on the Sample vouchers page to scan on the first day.
 */
const statements = namedStatements({
  all: 'SELECT campaign_name, type, value, code, expires FROM sample_vouchers ORDER BY position',
  clear: 'DELETE FROM sample_vouchers',
  insert: `INSERT INTO sample_vouchers (position, campaign_name, type, value, code, expires)
    VALUES (@position, @campaignName, @type, @value, @code, @expires)`,
});

type Row = { campaign_name: string; type: string; value: number; code: string; expires: number };

/** Replaces the set in one transaction: a new demo platform's vouchers never mix with an old one's. */
export function saveSampleVouchers(db: Database, vouchers: SampleVoucher[]): void {
  const valid = vouchers.map((voucher) => SampleVoucher.parse(voucher));
  db.transaction(() => {
    const q = statements(db);
    q.clear.run();
    valid.forEach((voucher, index) => {
      q.insert.run({ position: index + 1, ...voucher });
    });
  })();
}

function readSampleVouchers(db: Database): SampleVoucher[] {
  return (statements(db).all.all() as Row[]).map((row) =>
    SampleVoucher.parse({
      campaignName: row.campaign_name,
      type: row.type,
      value: row.value,
      code: row.code,
      expires: row.expires,
    }),
  );
}

export const sampleVoucherHandlers: { 'vouchers.samples': Handler<'vouchers.samples'> } = {
  'vouchers.samples': (ctx) => ({ vouchers: readSampleVouchers(ctx.db) }),
};
