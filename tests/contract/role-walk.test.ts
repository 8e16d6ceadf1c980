import { beforeAll, describe, expect, it } from 'vitest';
import { applyPulledPage } from '../../electron/core/sync/pull-apply';
import { type Access, contract, type InputOf, type MethodName, methodNames } from '../../shared/contract';
import type { Product } from '../../shared/contract/catalog';
import { uuidv7 } from '../../shared/ids';
import type { MobilePhone } from '../../shared/members/phone';
import type { Permission, Role } from '../../shared/roles';
import { type Granted, requestGrant } from '../support/approvals';
import { expectOk, type Harness, openHarness, type Transport } from '../support/callers';
import { createDemo, type DemoPerson, signIn } from '../support/demo-session';
import { type MemberSigner, memberSigner } from '../support/member-signer';
import { lineFor, openShift } from '../support/till';
import { installVoucherTables, type TestSigner, testSigner } from './voucher-fixture';

type Expectation = 'allow' | 'approval' | 'deny';
const roles: Role[] = ['cashier', 'manager', 'owner'];

/** DOMAIN.md's role table, written out again here so the code cannot grade its own homework. */
const domainTable: Record<Permission, Record<Role, Expectation>> = {
  sell: { cashier: 'allow', manager: 'allow', owner: 'allow' },
  'discount.override': { cashier: 'approval', manager: 'allow', owner: 'allow' },
  refund: { cashier: 'approval', manager: 'allow', owner: 'allow' },
  'order.void': { cashier: 'approval', manager: 'allow', owner: 'allow' },
  'cash.out': { cashier: 'approval', manager: 'allow', owner: 'allow' },
  'cash.inAboveLimit': { cashier: 'approval', manager: 'allow', owner: 'allow' },
  'drawer.noSale': { cashier: 'approval', manager: 'allow', owner: 'allow' },
  'shift.closeWithVariance': { cashier: 'deny', manager: 'allow', owner: 'allow' },
  'catalog.edit': { cashier: 'deny', manager: 'allow', owner: 'allow' },
  'stock.edit': { cashier: 'deny', manager: 'allow', owner: 'allow' },
  'reports.view': { cashier: 'deny', manager: 'allow', owner: 'allow' },
  'audit.view': { cashier: 'deny', manager: 'allow', owner: 'allow' },
  'staff.manage': { cashier: 'deny', manager: 'deny', owner: 'allow' },
  'settings.manage': { cashier: 'deny', manager: 'deny', owner: 'allow' },
  'platform.pair': { cashier: 'deny', manager: 'deny', owner: 'allow' },
  'risk.manage': { cashier: 'deny', manager: 'deny', owner: 'allow' },
  'staff.unlock': { cashier: 'deny', manager: 'allow', owner: 'allow' },
  'feedback.followUp': { cashier: 'deny', manager: 'allow', owner: 'allow' },
  'franchise.view': { cashier: 'deny', manager: 'deny', owner: 'allow' },
};

/** What each method should need, per DOMAIN.md; a new method fails to compile until listed. */
const domainAccess: Record<MethodName, Access> = {
  'app.status': 'public',
  'store.create': 'public',
  'store.createDemo': 'public',
  'store.update': 'settings.manage',
  'staff.signInOptions': 'public',
  'staff.signIn': 'public',
  'staff.signOut': 'signedIn',
  'staff.lock': 'signedIn',
  'staff.unlock': 'signedIn',
  'staff.me': 'signedIn',
  'staff.list': 'staff.manage',
  'staff.create': 'staff.manage',
  'staff.update': 'staff.manage',
  'staff.lockouts': 'staff.unlock',
  'staff.clearLockout': 'staff.unlock',
  'approvals.grant': 'sell',
  'drawer.noSale': 'drawer.noSale',
  'catalog.listCategories': 'sell',
  'catalog.saveCategory': 'catalog.edit',
  'catalog.searchProducts': 'sell',
  'catalog.findByBarcode': 'sell',
  'catalog.getProduct': 'sell',
  'catalog.saveProduct': 'catalog.edit',
  'catalog.importCsv': 'catalog.edit',
  'audit.list': 'audit.view',
  'audit.verify': 'audit.view',
  'shift.current': 'sell',
  'shift.open': 'sell',
  'shift.cashIn': 'sell',
  'shift.cashOut': 'cash.out',
  'shift.xReport': 'reports.view',
  'shift.close': 'sell',
  'shift.zReports': 'reports.view',
  'shift.reprintZ': 'reports.view',
  'carts.park': 'sell',
  'carts.list': 'sell',
  'carts.resume': 'sell',
  'carts.discard': 'sell',
  'carts.void': 'order.void',
  'orders.commit': 'sell',
  'orders.list': 'sell',
  'orders.get': 'sell',
  'orders.receipt': 'sell',
  'orders.reprint': 'sell',
  'orders.refund': 'refund',
  'reports.day': 'reports.view',
  'reports.sales': 'reports.view',
  'reports.items': 'reports.view',
  'reports.completeness': 'reports.view',
  'reports.orderLines': 'reports.view',
  'reports.settlement': 'reports.view',
  'reports.reconcile': 'reports.view',
  'reports.feedback': 'reports.view',
  'reports.members': 'reports.view',
  'reports.pointsLiability': 'reports.view',
  'feedback.followUp': 'feedback.followUp',
  'sync.status': 'signedIn',
  'sync.pair': 'platform.pair',
  'sync.unpair': 'platform.pair',
  'sync.attention': 'reports.view',
  'sync.retryNow': 'signedIn',
  'online.list': 'sell',
  'online.accept': 'sell',
  'online.reject': 'sell',
  'online.ready': 'sell',
  'online.handOver': 'sell',
  'stock.list': 'sell',
  'stock.history': 'sell',
  'stock.move': 'stock.edit',
  'stock.setSoldOut': 'sell',
  'stock.setLowAt': 'stock.edit',
  'vouchers.check': 'sell',
  'members.lookup': 'sell',
  'members.identify': 'sell',
  'members.enrolStart': 'sell',
  'members.enrolConfirm': 'sell',
  'members.benefits': 'sell',
  'members.pointsOffer': 'sell',
  'members.couponMember': 'sell',
  'vouchers.redeemGroupBuy': 'sell',
  'vouchers.redemptions': 'reports.view',
  'vouchers.resolve': 'risk.manage',
  'vouchers.samples': 'sell',
  'owner.signIn': 'franchise.view',
  'owner.signOut': 'franchise.view',
  'owner.status': 'franchise.view',
  'franchise.stores': 'franchise.view',
  'franchise.sales': 'franchise.view',
  'franchise.catalog': 'franchise.view',
  'franchise.saveProduct': 'franchise.view',
  'franchise.importCsv': 'franchise.view',
  'franchise.storePrices': 'franchise.view',
  'franchise.setStorePrice': 'franchise.view',
  'franchise.allowLocalPrices': 'franchise.view',
  'catalog.setLocalPrice': 'catalog.edit',
  'franchise.compare': 'franchise.view',
  'franchise.stock': 'franchise.view',
  'franchise.stockMovements': 'franchise.view',
  'franchise.setLowStock': 'franchise.view',
  'transfers.stores': 'stock.edit',
  'transfers.list': 'stock.edit',
  'transfers.send': 'stock.edit',
  'transfers.receive': 'stock.edit',
};

type Fixture = {
  people: Record<Role, DemoPerson>;
  productId: string;
  categoryId: string;
  product: unknown;
  orderId: string;
  /** Parked carts for each role to resume and to void. */
  parked: Record<'resume' | 'void', Record<Role, string>>;
  /** Online orders, as a pull from the platform left them, for each role to take a step on. */
  online: Record<'accept' | 'reject' | 'ready' | 'handOver', Record<Role, { id: string; pickupCode: string }>>;
  /** Signs vouchers the till's tables trust; a lost redemption for the owner to resolve. */
  signer: TestSigner;
  lostRedemptionId: string;
  /** A member cached as a pull leaves them, with a member-code key of the test's own. */
  members: { signer: MemberSigner; memberId: string; phone: string; restore(): void };
  /** Unpairing (earlier in the walk) forgets what the platform sent; a voucher call needs it back. */
  restoreVouchers(): void;
};

function sampleInputs(f: Fixture, role: Role, n: number): { [M in MethodName]: InputOf<M> } {
  const product = f.product as InputOf<'catalog.saveProduct'>;
  const cart = { lines: [lineFor(f.product as Product)] };
  const price = (f.product as Product).price;
  return {
    'app.status': {},
    'store.create': { name: 'Second store', timeZone: 'Asia/Shanghai', owner: { name: 'Someone', pin: '5555' } },
    'store.createDemo': {},
    'store.update': { name: `柜台便利店 ${role}` },
    'staff.signInOptions': {},
    'staff.signIn': { staffId: f.people[role].id, pin: f.people[role].pin },
    'staff.signOut': {},
    'staff.lock': {},
    'staff.unlock': { pin: f.people[role].pin },
    'staff.me': {},
    'staff.list': {},
    'staff.create': { name: `New ${role} ${n}`, role: 'cashier', pin: '4321' },
    'staff.update': { id: f.people.cashier.id, name: f.people.cashier.name },
    'staff.lockouts': {},
    'staff.clearLockout': { staffId: f.people.cashier.id, kind: 'approval' },
    'approvals.grant': {
      method: 'drawer.noSale',
      input: { reason: 'walk' },
      permission: 'drawer.noSale',
      staffId: f.people[role === 'owner' ? 'manager' : 'owner'].id,
      pin: f.people[role === 'owner' ? 'manager' : 'owner'].pin,
    },
    'drawer.noSale': { reason: 'change for a note' },
    'catalog.listCategories': {},
    'catalog.saveCategory': { nameZh: `分类 ${role} ${n}`, nameEn: `Category ${role} ${n}` },
    'catalog.searchProducts': { query: '牛奶' },
    'catalog.findByBarcode': { barcode: '6921168478354' },
    'catalog.getProduct': { id: f.productId },
    'catalog.saveProduct': product,
    'catalog.importCsv': {
      csv: `sku,name_zh,name_en,category_zh,price\nWALK-${role}-${n},测试,Walk test,${'饮料'},1.00\n`,
    },
    'audit.list': { limit: 5 },
    'audit.verify': {},
    'shift.current': {},
    'shift.open': { float: 0 },
    'shift.cashIn': { id: uuidv7(), amount: 100, reason: 'coins' },
    'shift.cashOut': { id: uuidv7(), amount: 100, reason: 'coins' },
    'shift.xReport': {},
    'shift.close': { countedCash: 0 },
    'shift.zReports': {},
    'shift.reprintZ': { zNumber: 1 },
    'carts.park': { id: uuidv7(), label: `walk ${n}`, cart },
    'carts.list': {},
    'carts.resume': { id: f.parked.resume[role] },
    'carts.discard': { id: uuidv7(), cart },
    'carts.void': { id: f.parked.void[role], reason: 'walk' },
    'orders.commit': { id: uuidv7(), cart, tenders: [{ method: 'card', amount: price, reference: `W${n}` }] },
    'orders.list': {},
    'orders.get': { id: f.orderId },
    'orders.receipt': { id: f.orderId },
    'orders.reprint': { id: f.orderId },
    'orders.refund': {
      id: uuidv7(),
      orderId: f.orderId,
      lines: [{ lineNo: 1, quantity: 1 }],
      to: 'original',
      reason: 'walk',
    },
    'reports.day': {},
    'reports.sales': { period: 'week', firstDay: '2026-11-30', comparison: 'previous_period' },
    'reports.items': { period: 'month', firstDay: '2026-11-01', comparison: null },
    'reports.completeness': { period: 'day', firstDay: '2026-11-30', comparison: null },
    'reports.orderLines': { firstDay: '2026-11-01', lastDay: '2026-11-30' },
    'reports.settlement': {
      period: 'range',
      firstDay: '2026-11-01',
      lastDay: '2026-11-30',
      comparison: 'previous_period',
    },
    'reports.reconcile': { day: '2026-11-30' },
    'reports.feedback': { period: 'week', firstDay: '2026-11-30', comparison: 'previous_period' },
    'reports.members': { period: 'week', firstDay: '2026-11-30', comparison: null },
    'reports.pointsLiability': { period: 'week', firstDay: '2026-11-30', comparison: null },
    'feedback.followUp': { orderId: f.orderId, done: n % 2 === 0, note: `walk ${n}` },
    'sync.status': {},
    'sync.pair': { platformUrl: 'http://127.0.0.1:9', code: '12345678' },
    'sync.unpair': {},
    'sync.attention': {},
    'sync.retryNow': {},
    'online.list': {},
    'online.accept': { id: f.online.accept[role].id },
    'online.reject': { id: f.online.reject[role].id, reason: 'kitchen closed' },
    'online.ready': { id: f.online.ready[role].id },
    'online.handOver': { pickupCode: `CPK1:${f.online.handOver[role].pickupCode}` },
    'stock.list': {},
    'stock.history': { productId: f.productId },
    'stock.move': { id: uuidv7(), productId: f.productId, kind: 'receive', quantity: 5 },
    'stock.setSoldOut': { productId: f.productId, soldOut: n % 2 === 0 },
    'stock.setLowAt': { productId: f.productId, lowAt: n },
    'vouchers.check': { code: f.signer.issue({ campaignId: 1, type: 'cash_off', value: 100 }) },
    'vouchers.redeemGroupBuy': {
      orderId: uuidv7(),
      redemptionId: uuidv7(),
      code: f.signer.issue({ campaignId: 2, type: 'group_buy', value: 1_500 }),
    },
    'vouchers.redemptions': {},
    'vouchers.resolve': { redemptionId: f.lostRedemptionId, resolution: 'absorbed' },
    'vouchers.samples': {},
    'owner.signIn': { platformUrl: 'http://127.0.0.1:9', login: 'boss@example.com', password: 'not the password' },
    'owner.signOut': {},
    'owner.status': {},
    'franchise.stores': {},
    'franchise.sales': { firstDay: '2026-11-01', lastDay: '2026-11-30' },
    'franchise.catalog': {},
    'franchise.saveProduct': {
      sku: 'WALK-1',
      nameZh: '走查',
      nameEn: 'Walk',
      categoryZh: '饮料',
      categoryEn: 'Drinks',
      price: 300,
      expectedVersion: null,
    },
    'franchise.importCsv': { csv: 'sku,price\nWALK-1,3.00\n' },
    'franchise.storePrices': { storeId: uuidv7() },
    'franchise.setStorePrice': { storeId: uuidv7(), sku: 'WALK-1', price: 300, expectedVersion: 1 },
    'franchise.allowLocalPrices': { storeId: uuidv7(), skus: ['*'] },
    'catalog.setLocalPrice': { productId: uuidv7(), price: 300, expectedVersion: 1 },
    'franchise.compare': { period: 'week', firstDay: '2026-11-02', comparison: 'previous_period' },
    'franchise.stock': { only: 'low' },
    'franchise.stockMovements': { storeId: uuidv7() },
    'franchise.setLowStock': { sku: 'WALK-1', lowAt: 5 },
    'members.lookup': { phone: f.members.phone },
    'members.identify': { code: f.members.signer.code(f.members.memberId) },
    'members.enrolStart': { enrolmentId: uuidv7(), phone: '13900001111', consent: true },
    'members.enrolConfirm': { enrolmentId: uuidv7(), code: '123456' },
    'members.benefits': { memberId: uuidv7(), productIds: [] },
    'members.pointsOffer': { memberId: uuidv7(), due: 1_000 },
    'members.couponMember': { memberId: uuidv7(), campaignIds: [1] },
    'transfers.stores': {},
    'transfers.list': {},
    'transfers.send': { id: uuidv7(), toStoreId: uuidv7(), lines: [{ productId: f.productId, quantity: 1 }] },
    'transfers.receive': { transferId: uuidv7(), receiptId: uuidv7(), lines: [{ sku: 'X', received: 1 }] },
  };
}

/** A member as a pull leaves them; unpairing (earlier in the walk) forgets them, so the walk restores them. */
function prepareMembers(h: Harness): Fixture['members'] {
  const signer = memberSigner();
  const phone = '13812345678' as MobilePhone;
  const member = signer.wire(phone);
  const { db, auditKey } = h.core.environment;
  const restore = () => signer.install(db, auditKey, [member]);
  restore();
  return { signer, memberId: member.id, phone, restore };
}

/** Keys, policy and two campaigns as a pull leaves them, and one redemption another till won. */
function prepareVouchers(
  h: Harness,
  product: Product,
  staffId: string,
): Pick<Fixture, 'signer' | 'lostRedemptionId' | 'restoreVouchers'> {
  const signer = testSigner();
  const { db } = h.core.environment;
  const restoreVouchers = () =>
    installVoucherTables(db, {
      signer,
      storeNumber: 7,
      campaigns: [
        { id: 1, name: '立减1元', type: 'cash_off', value: 100 },
        { id: 2, name: '团购套餐', type: 'group_buy', value: 1_500, rules: { itemSku: product.sku } },
      ],
    });
  restoreVouchers();
  const lostRedemptionId = uuidv7();
  db.prepare(
    `INSERT INTO redemptions (id, voucher_id, campaign_id, campaign_name, type, code, amount, state, mode, staff_id,
       business_day, decided_at, conflict_store, conflict_at)
     VALUES (?, 'aaaaaaaaaaaaaaaaaaaaaaaa', 1, '立减1元', 'cash_off', 'CP1:X', 100, 'CONFLICT_LOST', 'offline', ?,
       '2026-01-01', ?, '另一家店', ?)`,
  ).run(lostRedemptionId, staffId, Date.now(), Date.now());
  return { signer, lostRedemptionId, restoreVouchers };
}

/** One online order per step and role, arriving through the same code path as a pull from the platform. */
function placeOnlineOrders(h: Harness, product: Product): Fixture['online'] {
  const steps = ['accept', 'reject', 'ready', 'handOver'] as const;
  const online = {} as Fixture['online'];
  const changes = [];
  let n = 0;
  for (const step of steps) {
    online[step] = {} as Record<Role, { id: string; pickupCode: string }>;
    for (const role of roles) {
      n += 1;
      const id = uuidv7();
      const pickupCode = String(100000 + n);
      online[step][role] = { id, pickupCode };
      const data = {
        id,
        channel: 'online_pickup',
        state: step === 'accept' || step === 'reject' ? 'placed' : 'accepted',
        pickupCode,
        customerName: `Walk ${n}`,
        note: '',
        placedAt: Date.now(),
        total: product.price,
        lines: [
          { sku: product.sku, nameZh: product.nameZh, nameEn: product.nameEn, quantity: 1, unitPrice: product.price },
        ],
      };
      changes.push({ id, version: String(n), data });
    }
  }
  const { db, auditKey } = h.core.environment;
  applyPulledPage(db, auditKey, 'online_orders', { changes, nextCursor: String(n), hasMore: false }, Date.now());
  return online;
}

/** A customer's answer about the walk's order, arriving as a pull of the feedback stream would bring it. */
function answerAbout(h: Harness, orderId: string): void {
  const data = {
    orderId,
    score: 3,
    comment: 'walk',
    answeredAt: Date.now(),
    changedAt: Date.now(),
    order: null,
    memberId: null,
    followUp: null,
  };
  const { db, auditKey } = h.core.environment;
  const page = { changes: [{ id: orderId, version: '1', data }], nextCursor: '1', hasMore: false };
  applyPulledPage(db, auditKey, 'feedback', page, Date.now());
}

/** Methods that work on the till's open shift get one before each call (the walk also closes it). */
const needsOpenShift = new Set<MethodName>([
  'shift.cashIn',
  'shift.cashOut',
  'shift.xReport',
  'shift.close',
  'orders.commit',
  'orders.refund',
]);

/** Business answers a permitted call may still get in this walk (the store and a shift already exist). */
// Enrolment needs the platform, which this walk's till is never paired with.
const permittedOutcomes = [
  'ok',
  'already_set_up',
  'shift_already_open',
  'member_enrol_offline',
  // Head office with no platform to ask: the owner reached it, the platform did not answer.
  'owner_platform_unreachable',
  'owner_not_signed_in',
  // A store's own price goes through the platform; this till is not paired.
  'catalog_local_price_unpaired',
  // A member this till never identified is refused as at Pay (members.couponMember).
  'member_not_identified',
  // Transfers go through the platform: none to send to, none arrived.
  'transfer_unpaired',
  'transfer_not_here',
];

/** What a refused call must leave exactly as it was. */
function snapshot(h: Harness) {
  const db = h.core.environment.db;
  return db
    .prepare(
      `SELECT (SELECT hash FROM audit_head) AS head, (SELECT count(*) FROM staff) AS staff,
         (SELECT group_concat(updated_at) FROM (SELECT updated_at FROM products ORDER BY id)) AS products,
         (SELECT count(*) FROM categories) AS categories, (SELECT updated_at FROM store) AS store,
         (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM refunds) AS refunds,
         (SELECT count(*) FROM parked_carts) AS parked, (SELECT count(*) FROM cash_movements) AS cash,
         (SELECT count(*) FROM shifts WHERE closed_at IS NULL) AS open_shifts, (SELECT count(*) FROM outbox) AS outbox,
         (SELECT group_concat(status) FROM (SELECT status FROM online_orders ORDER BY id)) AS online,
         (SELECT count(*) FROM stock_movements) AS movements, (SELECT count(*) FROM meta) AS meta`,
    )
    .get();
}

describe.each<Transport>(['in-process', 'http'])('every method with every role (%s)', (transport) => {
  let h: Harness;
  let f: Fixture;

  beforeAll(async () => {
    h = await openHarness(transport);
    const people = await createDemo(h.call);
    const token = await signIn(h.call, people.owner);
    const search = expectOk<{ items: { id: string; categoryId: string }[] }>(
      await h.call({ method: 'catalog.searchProducts', input: { query: '6921168478354' }, sessionToken: token }),
    );
    const product = search.items[0] as Product;
    await openShift(h.call, token, 0);
    const cart = { lines: [lineFor(product, { kind: 'count', count: 50 })] };
    const order = expectOk<{ order: { id: string } }>(
      await h.call({
        method: 'orders.commit',
        input: { id: uuidv7(), cart, tenders: [{ method: 'card', amount: product.price * 50, reference: 'walk' }] },
        sessionToken: token,
      }),
    ).order;
    const park = async () => {
      const id = uuidv7();
      expectOk(await h.call({ method: 'carts.park', input: { id, cart }, sessionToken: token }));
      return id;
    };
    const parked = { resume: {} as Record<Role, string>, void: {} as Record<Role, string> };
    for (const role of roles) {
      parked.resume[role] = await park();
      parked.void[role] = await park();
    }
    const online = placeOnlineOrders(h, product as Product);
    answerAbout(h, order.id);
    const vouchers = prepareVouchers(h, product as Product, people.owner.id);
    f = {
      people,
      productId: product.id,
      categoryId: product.categoryId,
      product,
      orderId: order.id,
      parked,
      online,
      members: prepareMembers(h),
      ...vouchers,
    };
  });

  it('declares the access DOMAIN.md gives each method', () => {
    for (const name of methodNames) expect([name, contract[name].access]).toEqual([name, domainAccess[name]]);
  });

  it('refuses signed-out callers everything but the public methods', async () => {
    for (const name of methodNames) {
      const result = await h.call({ method: name, input: sampleInputs(f, 'cashier', 0)[name] });
      if (domainAccess[name] === 'public') continue;
      expect([name, result.ok ? 'ok' : result.error.code]).toEqual([name, 'unauthenticated']);
    }
  });

  it('allows, asks approval for, or forbids each method as DOMAIN.md says', async () => {
    let n = 0;
    for (const name of methodNames) {
      const access = contract[name].access;
      for (const role of roles) {
        n += 1;
        const expected: Expectation =
          access === 'public' || access === 'signedIn' ? 'allow' : domainTable[access][role];
        const sessionToken = await signIn(h.call, f.people[role]);
        if (needsOpenShift.has(name)) await openShift(h.call, sessionToken, 0);
        if (name.startsWith('vouchers.')) f.restoreVouchers();
        if (name.startsWith('members.')) f.members.restore();
        const input = sampleInputs(f, role, n)[name];
        const before = snapshot(h);
        const result = await h.call({ method: name, input, sessionToken, locale: 'en' });
        const code = result.ok ? 'ok' : result.error.code;
        const label = `${name} as ${role}`;
        if (expected === 'deny') expect([label, code]).toEqual([label, 'forbidden']);
        if (expected === 'approval') expect([label, code]).toEqual([label, 'approval_required']);
        if (expected === 'allow') expect([label, code, permittedOutcomes.includes(code)]).toEqual([label, code, true]);
        if (expected !== 'allow') expect([label, snapshot(h)]).toEqual([label, before]);
        if (expected !== 'approval') continue;

        const permission = (result.ok ? null : result.error.details) as { permission: Permission };
        const request = { method: name, input, sessionToken };
        const granted = expectOk<Granted>(await requestGrant(h.call, request, f.people.manager, permission.permission));
        const approved = await h.call({ ...request, approval: { grant: granted.grant } });
        expect([label, approved.ok]).toEqual([label, true]);
        const owner = await signIn(h.call, f.people.owner);
        const { entries } = expectOk<{ entries: { action: string; staffName: string; approverName: string }[] }>(
          await h.call({ method: 'audit.list', input: { limit: 5 }, sessionToken: owner }),
        );
        const entry = entries.find((e) => e.action === name);
        expect(entry).toMatchObject({ staffName: f.people.cashier.name, approverName: f.people.manager.name });
      }
    }
  });
});
