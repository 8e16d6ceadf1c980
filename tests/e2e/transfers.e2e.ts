import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import type { TransferSentPayload } from '../../shared/sync/transfer-sync';
import { Till } from '../platform/support/clients';
import { expectText, navItem, signIn } from './support/app';
import { launchBrowser, openPage, pageErrors, shoot } from './support/browser';
import { expectDialogFits, expectNoBrokenWords } from './support/layout-checks';
import { type MemberStore, startMemberStore } from './support/member-store';

/**
 * The manager's Transfers view on a paired till (the demo store, put in a brand with a second store
 * whose till is a signing client): an incoming transfer received one short, goods sent to the other
 * store, the list with status and the discrepancy, in Chinese and English at 1024×768.
 */
describe('transfers between two stores at the till', () => {
  let store: MemberStore;
  let other: { storeId: string; till: Till };
  const browsers: Awaited<ReturnType<typeof launchBrowser>>[] = [];

  beforeAll(async () => {
    store = await startMemberStore();
    const { organisationId } = await store.admin<{ organisationId: string }>('POST', '/v1/admin/organisations', {
      name: '鲜果连锁',
    });
    await store.admin('PUT', `/v1/admin/stores/${store.storeId}/organisation`, { organisationId });
    const created = await store.admin<{ storeId: string; pairingCode: string }>('POST', '/v1/admin/stores', {
      name: '徐家汇店',
    });
    await store.admin('PUT', `/v1/admin/stores/${created.storeId}/organisation`, { organisationId });
    other = { storeId: created.storeId, till: await Till.pair(store.platformUrl, created.pairingCode, '二号店收银机') };
    // The other store sends two products to the demo store.
    const sent: TransferSentPayload = {
      id: uuidv7(),
      toStoreId: store.storeId,
      lines: [
        { sku: 'DRK-0001', quantity: 12, movementId: uuidv7() },
        { sku: 'SNK-0001', quantity: 6, movementId: uuidv7() },
      ],
      note: '周末补货',
      sentAt: Date.now() - 60_000,
      sentBy: '赵店长',
    };
    const answer = await other.till.push([other.till.next('transfer.sent', sent, sent.id)]);
    expect(answer.results.map((r) => r.status)).toEqual(['APPLIED']);
  }, 180_000);

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await store?.host.stop();
  });

  async function manager(locale: 'zh-CN' | 'en-US'): Promise<Page> {
    const browser = await launchBrowser();
    browsers.push(browser);
    const page = await openPage(browser, store.host.url, locale, { width: 1024, height: 768 });
    // The demo's staff are named in the language the demo was made in.
    await signIn(page, '李明', '2222');
    return page;
  }

  it('receives an incoming transfer one short, sends goods, and shows both with status and discrepancy', async () => {
    const page = await manager('zh-CN');
    await navItem(page, '库存').click();
    await page.getByTestId('transfers-open').click();
    const dialog = page.getByTestId('transfers-dialog');
    await expectText(dialog, '来自 徐家汇店', '在途', '赵店长');
    await expectDialogFits(page, 'transfers list (zh, 1024)', page.getByTestId('transfers-tab-send'));
    await shoot(page, 'transfers-list-zh-1024');

    await page.getByTestId('transfer-receive').click();
    const form = page.getByTestId('transfer-receive-form');
    await expectText(form, '收货：来自 徐家汇店', '未到的商品填 0');
    await form.getByTestId('transfer-received').nth(1).fill('5');
    await expectText(form, '短缺 1');
    await shoot(page, 'transfers-receive-zh-1024');
    await form.getByTestId('transfer-confirm-receipt').click();
    await expectText(dialog, '已收货', '有差异');

    await page.getByTestId('transfers-tab-send').click();
    const send = page.getByTestId('transfer-send-form');
    await send.getByTestId('transfer-destination').click();
    await page.getByTitle('徐家汇店').click();
    await send.getByTestId('transfer-add-product').click();
    await page.keyboard.type('DRK-0001');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'DRK-0001' }).first().click();
    await send.getByTestId('transfer-quantity').fill('100000');
    await send.getByTestId('transfer-send').click();
    await expectText(send, '超过库存');
    await send.getByTestId('transfer-quantity').fill('3');
    await shoot(page, 'transfers-send-zh-1024');
    await send.getByTestId('transfer-send').click();
    await expectText(dialog, '调往 徐家汇店', '在途', '李明');
    await expectNoBrokenWords(page, 'transfers (zh, 1024)');
    await shoot(page, 'transfers-after-zh-1024');
    expect(pageErrors(page)).toEqual([]);

    const english = await manager('en-US');
    await navItem(english, 'Stock').click();
    await english.getByTestId('transfers-open').click();
    const list = english.getByTestId('transfers-dialog');
    await expectText(list, 'From 徐家汇店', 'To 徐家汇店', 'Received', 'Discrepancy', 'In transit');
    await list.locator('.ant-table-row-expand-icon').last().click();
    await expectText(list, '1 short');
    await expectDialogFits(english, 'transfers list (en, 1024)', english.getByTestId('transfers-tab-send'));
    await expectNoBrokenWords(english, 'transfers (en, 1024)');
    await shoot(english, 'transfers-list-en-1024');
    expect(pageErrors(english)).toEqual([]);
  }, 240_000);
});
