import { afterAll, describe, expect, it } from 'vitest';
import { openCounterCore } from '../../electron/core/counter-core';
import { momentText } from '../../electron/core/vouchers/voucher-text';
import type { Product } from '../../shared/contract/catalog';
import type { Locale } from '../../shared/locale';
import { formatDateTime } from '../../shared/time-format';
import { type Caller, expectOk } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { tempDir } from '../support/temp-dir';
import { lineFor, openShift, payByCard } from '../support/till';

// 14:22 in the demo store's Shanghai; 06:22 on a machine that keeps UTC.
const at = Date.parse('2026-12-05T06:22:59Z');
const zone = 'Asia/Shanghai';
const core = openCounterCore({ dataDir: tempDir(), clock: () => at });
afterAll(() => core.close());

describe('the same moment reads the same on every paper and message', () => {
  it('the receipt, the X report and a voucher message write it as the screens do', async () => {
    const caller: Caller = async (request) => core.dispatch(request);
    const people = await createDemo(caller);
    const cashier = await signIn(caller, people.cashier);
    const manager = await signIn(caller, people.manager);
    await openShift(caller, cashier);
    const { items } = expectOk<{ items: Product[] }>(
      await caller({ method: 'catalog.searchProducts', input: { query: 'DRK-0001' }, sessionToken: cashier }),
    );
    const product = items.find((p) => p.unit !== 'kg');
    if (!product) throw new Error('no product sold by the item');
    const order = await payByCard(caller, cashier, [lineFor(product)], product.price);
    expect(order.paidAt).toBe(at);

    for (const locale of ['en', 'zh-CN'] as Locale[]) {
      const expected = formatDateTime(at, locale, zone);
      expect(expected).toBe(locale === 'en' ? 'Dec 5, 2026, 14:22' : '2026年12月5日 14:22');
      const receipt = expectOk<{ html: string }>(
        await caller({ method: 'orders.receipt', input: { id: order.id, width: '80' }, sessionToken: cashier, locale }),
      ).html;
      expect(receipt).toContain(expected);
      const x = expectOk<{ html: string }>(
        await caller({ method: 'shift.xReport', input: {}, sessionToken: manager, locale }),
      ).html;
      expect(x).toContain(expected);
      expect(momentText(at, zone)[locale]).toBe(expected);
    }
  });
});
