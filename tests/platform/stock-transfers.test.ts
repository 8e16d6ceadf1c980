import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import type { PushResponse } from '../../shared/sync/wire';
import { backends, usePlatform } from './support/backends';
import { product, Till } from './support/clients';
import { brandWithOwner, franchiseClient } from './support/franchise';

const PASSWORD = 'a brand owner’s password';

const sent = (toStoreId: string, sku = 'DRK-0001', quantity = 4) => ({
  id: uuidv7(),
  toStoreId,
  lines: [{ sku, quantity, movementId: uuidv7() }],
  note: null,
  sentAt: Date.now(),
  sentBy: '店长',
});

const outcome = (answer: PushResponse) =>
  answer.results.map((result) => ('code' in result ? `${result.status} ${result.code}` : result.status));

/**
 * What the platform checks of a transfer a till claims (docs/franchise.md, "Transfers"): the stores
 * are two of the sender's brand, the SKUs the brand's, a receipt is the receiving store's and the
 * first one; and that each step lands once.
 */
describe.each(backends)('transfers as the platform checks them, on $name', (backend) => {
  const get = usePlatform(backend);

  it('refuses what a till cannot send or receive, and applies each step once', async () => {
    const { url, admin } = get();
    await admin.products([product('DRK-0001')]);
    const brand = await brandWithOwner(url, admin.token, 'Brand T', ['T One', 'T Two'], PASSWORD);
    const other = await brandWithOwner(url, admin.token, 'Brand U', ['U One'], PASSWORD);
    const [one, two] = brand.stores;
    const sender = await Till.pair(url, one.pairingCode);
    const receiver = await Till.pair(url, two.pairingCode);
    const outsider = await Till.pair(url, other.stores[0].pairingCode);

    const toOtherBrand = sent(other.stores[0].storeId);
    const toItself = sent(one.storeId);
    const unknownSku = sent(two.storeId, 'NOPE-1');
    const good = sent(two.storeId);
    const refused = await sender.push([
      sender.next('transfer.sent', toOtherBrand, toOtherBrand.id),
      sender.next('transfer.sent', toItself, toItself.id),
      sender.next('transfer.sent', unknownSku, unknownSku.id),
      sender.next('transfer.sent', good, good.id),
      sender.next('transfer.sent', good, good.id),
    ]);
    expect(outcome(refused)).toEqual([
      'REJECTED transfer_store_invalid',
      'REJECTED transfer_store_invalid',
      'REJECTED transfer_sku_unknown',
      'APPLIED',
      'DUPLICATE',
    ]);

    // Only the two stores of the transfer see it.
    const seen = await receiver.pullAll('transfers');
    expect(seen.changes.map((change) => change.id)).toEqual([good.id]);
    expect((await outsider.pullAll('transfers')).changes).toEqual([]);

    const receipt = (transferId: string, received: number) => ({
      id: uuidv7(),
      transferId,
      lines: [{ sku: 'DRK-0001', received, movementId: uuidv7() }],
      note: null,
      receivedAt: Date.now(),
      receivedBy: '收货员',
    });
    const bySender = receipt(good.id, 4);
    expect(outcome(await sender.push([sender.next('transfer.received', bySender, bySender.id)]))).toEqual([
      'REJECTED transfer_unknown',
    ]);
    const wrongLines = { ...receipt(good.id, 4), lines: [{ sku: 'OTHER-1', received: 4, movementId: uuidv7() }] };
    const first = receipt(good.id, 3);
    const second = receipt(good.id, 4);
    expect(
      outcome(
        await receiver.push([
          receiver.next('transfer.received', wrongLines, wrongLines.id),
          receiver.next('transfer.received', first, first.id),
          receiver.next('transfer.received', second, second.id),
        ]),
      ),
    ).toEqual(['REJECTED transfer_lines_mismatch', 'APPLIED', 'REJECTED transfer_already_received']);

    const stock = async (storeId: string) =>
      (
        await admin.ok<{ stockMovements: { sku: string; kind: string; quantity: number }[] }>(
          'GET',
          `/v1/admin/stores/${storeId}/records`,
        )
      ).stockMovements.map(({ sku, kind, quantity }) => ({ sku, kind, quantity }));
    expect(await stock(one.storeId)).toEqual([{ sku: 'DRK-0001', kind: 'transfer_out', quantity: -4 }]);
    expect(await stock(two.storeId)).toEqual([{ sku: 'DRK-0001', kind: 'transfer_in', quantity: 3 }]);

    const owner = franchiseClient(url, { kind: 'owner', token: brand.session.token });
    const { transfers } = await owner.call('franchise.transfers', {});
    expect(transfers).toEqual([
      expect.objectContaining({
        id: good.id,
        status: 'received',
        sentBy: '店长',
        receivedBy: '收货员',
        discrepancies: [{ sku: 'DRK-0001', sent: 4, received: 3, difference: -1 }],
      }),
    ]);
    const outsiders = franchiseClient(url, { kind: 'owner', token: other.session.token });
    expect((await outsiders.call('franchise.transfers', {})).transfers).toEqual([]);
    const { entries } = await owner.call('franchise.audit', { limit: 10 });
    expect(entries.map((entry) => entry.action).filter((action) => action.startsWith('transfer.'))).toEqual([
      'transfer.received',
      'transfer.sent',
    ]);
  });
});
