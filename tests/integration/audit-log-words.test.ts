import { afterAll, describe, expect, it } from 'vitest';
import { openCounterCore } from '../../electron/core/counter-core';
import type { AuditEntry } from '../../shared/contract/audit';
import type { Locale } from '../../shared/locale';
import { type Caller, expectOk } from '../support/callers';
import { createDemo, signIn } from '../support/demo-session';
import { tempDir } from '../support/temp-dir';
import { lineFor, openShift, payByCard, productBySku } from '../support/till';

const core = openCounterCore({ dataDir: tempDir() });
afterAll(() => core.close());
const caller: Caller = async (request) => core.dispatch(request);

describe('the audit log as an owner reads it', () => {
  it('says what happened and to what in the reader language, never a program name or a raw id', async () => {
    const people = await createDemo(caller);
    const owner = await signIn(caller, people.owner);
    const cashier = await signIn(caller, people.cashier);
    await openShift(caller, cashier);
    const water = await productBySku(caller, cashier, 'DRK-0001');
    const order = await payByCard(caller, cashier, [lineFor(water)], water.price);
    expectOk(await caller({ method: 'stock.setLowAt', input: { productId: water.id, lowAt: 5 }, sessionToken: owner }));
    const wrongPin = people.manager.pin === '9999' ? '9998' : '9999';
    const refused = await caller({ method: 'staff.signIn', input: { staffId: people.manager.id, pin: wrongPin } });
    expect(refused.ok).toBe(false);

    const read = async (locale: Locale) =>
      expectOk<{ entries: AuditEntry[] }>(
        await caller({ method: 'audit.list', input: { limit: 500 }, sessionToken: owner, locale }),
      ).entries;
    const entryOf = (entries: AuditEntry[], action: string) => {
      const found = entries.find((e) => e.action === action);
      if (!found) throw new Error(`no ${action} entry`);
      return found;
    };
    const en = await read('en');
    const zh = await read('zh-CN');
    expect(en.length).toBeGreaterThan(5);

    expect(entryOf(en, 'orders.commit')).toMatchObject({
      actionText: 'Sale paid',
      subjectText: `Order ${order.number}`,
    });
    expect(entryOf(zh, 'orders.commit')).toMatchObject({ actionText: '收款', subjectText: `订单 ${order.number}` });
    expect(entryOf(en, 'stock.setLowAt')).toMatchObject({
      actionText: 'Low-stock level changed',
      subjectText: 'Nongfu Spring Natural Water 550ml (DRK-0001)',
    });
    expect(entryOf(zh, 'stock.setLowAt').subjectText).toBe('农夫山泉饮用天然水 550ml（DRK-0001）');
    expect(entryOf(en, 'staff.pinRefused')).toMatchObject({
      actionText: 'Wrong PIN',
      subjectText: people.manager.name,
    });
    expect(entryOf(zh, 'staff.pinRefused').actionText).toBe('PIN 错误');
    expect(entryOf(en, 'shift.open').subjectText).toContain(`Shift of ${people.cashier.name}, opened `);

    for (const entry of [...en, ...zh]) {
      expect(entry.actionText, entry.action).not.toBe(entry.action);
      // `order:019…`, `staff:…`: an id is for the program; the reader gets a name or a number.
      expect(entry.subjectText ?? '', entry.subject ?? '').not.toMatch(/^[a-z_]+:/);
      expect(entry.subjectText ?? '', entry.subject ?? '').not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    }
  });
});
