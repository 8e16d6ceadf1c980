import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { judgeVoucher } from '../../shared/vouchers/voucher-verdict';
import { tempDir } from '../support/temp-dir';
import { backends, usePlatform } from './support/backends';
import { type Run, runPlatformCli as run } from './support/cli-run';
import { verdictContext } from './support/vouchers';

function json<T = Record<string, unknown>>(result: Run): T {
  const lines = result.stdout.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  return JSON.parse(lines[0]) as T;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe.each(backends)('voucher command line on $name', (backend) => {
  const get = usePlatform(backend);
  let connection: string[];
  let storeId: string;

  beforeAll(async () => {
    connection = ['--url', get().url, '--token', get().platform.adminToken, '--json'];
    storeId = (await get().admin.createStore('CLI vouchers')).storeId;
  });

  it('creates campaigns with their rules, issues vouchers as QR PNGs, shows one, rotates the key', async () => {
    const [threshold, percent, group] = await Promise.all([
      run([
        'campaign',
        'create',
        ...['--store', storeId, '--type', 'threshold_off', '--name', '满100减20', '--value', '2000'],
        ...['--min-spend', '10000', '--sku', 'DRK-0001', '--sku', 'SNK-0001,SNK-0002', '--offline-allowed'],
        ...['--valid-from', '2026-01-01', '--valid-to', '2099-12-31', '--weekdays', '1,2,7', '--hours', '14:00-17:30'],
        ...['--per-customer-limit', '2', '--exclusive', '--stacking-group', 'weekday'],
        ...connection,
      ]),
      run(['campaign', 'create', '--type', 'percent_off', '--percent', '12.5', '--cap', '3000', ...connection]),
      run([
        'campaign',
        'create',
        '--store',
        'all',
        '--type',
        'group_buy',
        '--value',
        '3900',
        '--item-sku',
        'SET-1',
        ...connection,
      ]),
    ]);
    expect(json(threshold)).toMatchObject({
      storeId,
      campaign: {
        name: '满100减20',
        type: 'threshold_off',
        value: 2000,
        validFrom: Date.parse('2026-01-01T00:00:00Z') / 1000,
        validTo: Date.parse('2100-01-01T00:00:00Z') / 1000,
        rules: {
          minSpend: 10_000,
          skus: ['DRK-0001', 'SNK-0001', 'SNK-0002'],
          offlineAllowed: true,
          windows: [{ weekdays: [0, 1, 2], fromMinute: 840, toMinute: 1050 }],
          perCustomerLimit: 2,
          exclusive: true,
          stackingGroup: 'weekday',
        },
      },
    });
    expect(json(percent)).toMatchObject({
      storeId: null,
      campaign: { type: 'percent_off', value: 1250, rules: { cap: 3000 } },
    });
    expect(json(group)).toMatchObject({ storeId: null, campaign: { type: 'group_buy', rules: { itemSku: 'SET-1' } } });

    const campaignId = json<{ campaign: { id: number } }>(threshold).campaign.id;
    const out = tempDir('counter-vouchers-');
    const issued = json<{ vouchers: { id: string; code: string; file: string }[] }>(
      await run(['voucher', 'issue', '--campaign', String(campaignId), '--count', '3', '--out', out, ...connection]),
    );
    expect(issued.vouchers).toHaveLength(3);
    expect(readdirSync(out).sort()).toEqual(issued.vouchers.map((voucher) => `${voucher.id}.png`).sort());
    const number = (await get().admin.ok<{ storeNumber: number }>('GET', `/v1/admin/stores/${storeId}/voucher-policy`))
      .storeNumber;
    const context = await verdictContext(get().url, number);
    for (const voucher of issued.vouchers) {
      expect(judgeVoucher(voucher.code, context)).toMatchObject({ ok: true, claims: { voucherId: voucher.id } });
      const png = readFileSync(join(out, `${voucher.id}.png`));
      expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
      // No QR reader here: the file must be exactly the level-M QR of this payload, and a small one.
      const expected = await QRCode.toBuffer(voucher.code, { errorCorrectionLevel: 'M', margin: 4, scale: 6 });
      expect(png.equals(expected)).toBe(true);
      expect(QRCode.create(voucher.code, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(8);
    }

    const plain = await run(['voucher', 'issue', '--campaign', String(campaignId), ...connection.slice(0, 4)]);
    expect(plain.stdout).toMatch(/^CP1:\S[^\n]*\n$/);

    const shown = json(await run(['voucher', 'show', issued.vouchers[0].id, ...connection]));
    expect(shown).toMatchObject({
      id: issued.vouchers[0].id,
      state: 'ACTIVE',
      campaignName: '满100减20',
      redeemed: null,
    });

    const rotated = json<{ kid: number; retired: number }>(await run(['key', 'rotate', ...connection]));
    expect(rotated.kid).toBe(rotated.retired + 1);
    const after = await verdictContext(get().url, number);
    expect(after.keys.get(rotated.kid)).toBeDefined();
    expect(judgeVoucher(issued.vouchers[1].code, after)).toMatchObject({ ok: true });
  });

  it('refuses bad flags and inconsistent rules with a code', async () => {
    const [badType, badHours, noMin, unknown] = await Promise.all([
      run(['campaign', 'create', '--type', 'bogus', ...connection]),
      run(['campaign', 'create', '--type', 'cash_off', '--value', '100', '--hours', '17:00-14:00', ...connection]),
      run(['campaign', 'create', '--type', 'threshold_off', '--value', '100', ...connection]),
      run(['voucher', 'show', 'f'.repeat(24), ...connection]),
    ]);
    expect([badType.code, json(badType)]).toEqual([2, { error: expect.objectContaining({ code: 'usage' }) }]);
    expect([badHours.code, json(badHours)]).toEqual([2, { error: expect.objectContaining({ code: 'usage' }) }]);
    expect([noMin.code, json(noMin)]).toEqual([1, { error: expect.objectContaining({ code: 'request_invalid' }) }]);
    expect([unknown.code, json(unknown)]).toEqual([1, { error: expect.objectContaining({ code: 'voucher_unknown' }) }]);
  });

  it('keeps a campaign to members of a tier, or to new customers, with a limit per member', async () => {
    const base = ['campaign', 'create', '--type', 'cash_off', '--value', '500'];
    const [silver, welcome, everyone, lonelyTier, badAudience] = await Promise.all([
      run([...base, '--audience', 'members', '--min-tier', '2', '--per-member-limit', '1', ...connection]),
      run([...base, '--audience', 'new-customers', ...connection]),
      run([...base, '--per-member-limit', '3', ...connection]),
      run([...base, '--min-tier', '2', ...connection]),
      run([...base, '--audience', 'vip', ...connection]),
    ]);
    expect(json(silver)).toMatchObject({
      campaign: { rules: { audience: { kind: 'members', minTier: 2 }, perMemberLimit: 1 } },
    });
    expect(json(welcome)).toMatchObject({ campaign: { rules: { audience: { kind: 'new_customers' } } } });
    expect([everyone.code, json(everyone)]).toEqual([
      1,
      { error: expect.objectContaining({ code: 'campaign_member_limit_everyone' }) },
    ]);
    expect([lonelyTier.code, json(lonelyTier)]).toEqual([2, { error: expect.objectContaining({ code: 'usage' }) }]);
    expect([badAudience.code, json(badAudience)]).toEqual([2, { error: expect.objectContaining({ code: 'usage' }) }]);
  });
});
