import { describe, expect, it } from 'vitest';
import { catalogTill } from '../../electron/core/catalog/catalog-sync';
import { isPlatformFirst, needsPlatform, noAnswers } from '../../electron/core/sync/platform-first';
import type { TillMutation, TillStream } from '../../electron/core/sync/till-domain';
import { pulledStreams, tillMutations, tillPayloadSql, tillStreams } from '../../electron/core/sync/till-sync';
import type { PlatformMutation } from '../../platform/sync/platform-domain';
import { platformMutations, platformStreams } from '../../platform/sync/platform-sync';
import { stockDomain } from '../../platform/sync/stock-sync';
import { auditActionText } from '../../shared/audit/audit-words';
import { contract, methodNames } from '../../shared/contract';
import { MutationType } from '../../shared/sync/mutations';
import { joinDomains, syncDomain } from '../../shared/sync/sync-domain';
import { domainEvents, mutationPayloads, pullStreams } from '../../shared/sync/sync-domains';
import { PullStream, WaitQuery } from '../../shared/sync/wire';

const sorted = (names: Iterable<string>) => [...names].sort();

describe('a synced record type or stream is declared once per side', () => {
  it('every stream of the wire has a till applier, a platform query and its words; nothing more', () => {
    expect(sorted(Object.keys(tillStreams))).toEqual(sorted(PullStream.options));
    expect(sorted(Object.keys(platformStreams))).toEqual(sorted(PullStream.options));
    for (const stream of PullStream.options) {
      expect(typeof tillStreams[stream].apply, stream).toBe('function');
      expect(tillStreams[stream].told(0).length, stream).toBeGreaterThan(0);
      expect(platformStreams[stream].query, stream).toMatch(/\$2[\s\S]*LIMIT \$3/);
      expect(platformStreams[stream].head, stream).toMatch(/max\(/);
      expect(auditActionText(`sync.pull.${stream}`).en).toContain(pullStreams[stream].words.en);
    }
  });

  it('every record type of the wire has a till payload and a platform applier; nothing more', () => {
    expect(sorted(Object.keys(tillMutations))).toEqual(sorted(MutationType.options));
    expect(sorted(Object.keys(platformMutations))).toEqual(sorted(MutationType.options));
    for (const type of MutationType.options) {
      expect(typeof tillMutations[type].payload, type).toBe('function');
      expect(typeof platformMutations[type].apply, type).toBe('function');
      expect(mutationPayloads[type], type).toBeDefined();
    }
  });

  it('keeps the wire as it was: the same names, the voucher streams pulled first', () => {
    expect(pulledStreams).toEqual([
      'voucher_keys',
      'voucher_policy',
      'campaigns',
      'voucher_denials',
      'member_keys',
      'member_policy',
      'members',
      'member_tiers',
      'points_rules',
      'catalog',
      'stock_levels',
      'online_orders',
      'feedback',
      'transfers',
    ]);
    expect(sorted(MutationType.options)).toEqual(
      sorted([
        'order.paid',
        'order.refunded',
        'shift.closed',
        'stock.moved',
        'product.sold_out',
        'online_order.step',
        'voucher.redeemed',
        'voucher.reversed',
        'feedback.followed_up',
        'points.spent',
        'cart.voided',
        'drawer.opened',
        'transfer.sent',
        'transfer.received',
      ]),
    );
    // The enum's order shows in a refusal's detail; the platform's in which streams a long poll names first.
    expect(PullStream.options).toEqual([
      'catalog',
      'online_orders',
      'stock_levels',
      'voucher_keys',
      'campaigns',
      'voucher_denials',
      'voucher_policy',
      'members',
      'member_keys',
      'member_policy',
      'feedback',
      'member_tiers',
      'points_rules',
      'transfers',
    ]);
    expect(Object.keys(platformStreams)).toEqual([
      'online_orders',
      'stock_levels',
      'catalog',
      'voucher_keys',
      'campaigns',
      'voucher_denials',
      'voucher_policy',
      'members',
      'member_keys',
      'member_policy',
      'feedback',
      'member_tiers',
      'points_rules',
      'transfers',
    ]);
    expect(sorted(Object.keys(WaitQuery.shape))).toEqual(sorted([...PullStream.options, 'timeout']));
    // Only the streams that guard offline redemption fail a page on a change they cannot take.
    // …and the member keys and policy, without which genuine codes and cached members go unrecognised,
    // and the tier ladder, without which members' sales would be priced by a ladder since replaced,
    // and the points rules, without which a till would let a member spend past the offline cap.
    expect(pulledStreams.filter((stream) => tillStreams[stream].strict)).toEqual([
      'voucher_keys',
      'voucher_policy',
      'voucher_denials',
      'member_keys',
      'member_policy',
      'member_tiers',
      'points_rules',
    ]);
    expect(MutationType.options.filter((type) => platformMutations[type].wakes === 'everyStore')).toEqual([
      'voucher.redeemed',
      'voucher.reversed',
      // A transfer moves the other store's stream too.
      'transfer.sent',
      'transfer.received',
    ]);
  });

  it("a domain's events refresh methods that exist", () => {
    for (const [event, prefixes] of Object.entries(domainEvents)) {
      for (const prefix of prefixes) {
        expect(
          methodNames.some((name) => name.startsWith(prefix)),
          `${event} refreshes ${prefix}`,
        ).toBe(true);
      }
    }
    expect(Object.keys(tillPayloadSql)).toEqual(expect.arrayContaining(['order', 'refund', 'shift', 'movement']));
  });

  it('a new domain joins the tables by being listed; a name two domains declare is refused', () => {
    const pointsWire = syncDomain({
      streams: { points_test: { item: PullStream, words: { en: 'points', 'zh-CN': '积分' } } },
      mutations: { 'points_test.moved': PullStream },
      events: { 'points_test.changed': ['sync.'] },
    });
    const joined = joinDomains([pointsWire, syncDomain({ streams: {}, mutations: {}, events: {} })], 'streams');
    expect(Object.keys(joined)).toEqual(['points_test']);
    expect(() => joinDomains([pointsWire, pointsWire], 'mutations')).toThrow(/points_test.moved.*two domains/);
  });

  it('TypeScript refuses a side that leaves a stream or record type out', () => {
    // The type check (`npm run typecheck` reads the tests too) fails if any line below compiles.
    // @ts-expect-error only the catalog's applier: every other stream is missing
    const streams: { [S in PullStream]: TillStream<S> } = joinDomains([catalogTill], 'streams');
    // @ts-expect-error the catalog has no record types: every type is missing
    const payloads: { [T in MutationType]: TillMutation } = joinDomains([catalogTill], 'mutations');
    // @ts-expect-error stock's appliers alone
    const appliers: { [T in MutationType]: PlatformMutation<T> } = joinDomains([stockDomain], 'mutations');
    expect([streams, payloads, appliers].map((table) => Object.keys(table).length)).toEqual([1, 0, 2]);
  });

  it('a method the contract marks platformFirst is asked about by its domain before the dispatch', () => {
    const marked = methodNames.filter((name) => contract[name].platformFirst === true);
    expect(sorted(marked)).toEqual([
      'members.enrolConfirm',
      'members.enrolStart',
      'members.identify',
      'members.lookup',
      'orders.commit',
      'vouchers.check',
      'vouchers.redeemGroupBuy',
    ]);
    expect(methodNames.filter(isPlatformFirst)).toEqual(marked);
    expect(needsPlatform('vouchers.check', { code: 'CP1:X' })).toBe(true);
    expect(needsPlatform('vouchers.redeemGroupBuy', {})).toBe(true);
    // A sale without a coupon goes straight to the dispatch; one with a coupon asks first.
    expect(needsPlatform('orders.commit', { cart: { coupons: [] } })).toBe(false);
    expect(needsPlatform('orders.commit', { cart: { coupons: [{ code: 'CP1:X' }] } })).toBe(true);
    // A sale paid partly in points holds them first.
    expect(needsPlatform('orders.commit', { cart: { coupons: [] }, tenders: [{ method: 'points' }] })).toBe(true);
    expect(needsPlatform('members.lookup', { phone: '13812345678' })).toBe(true);
    expect(Object.keys(noAnswers).sort()).toEqual(['clockDoubted', 'members', 'points', 'vouchers']);
  });
});
